// Fnv1a64: the one stable 64-bit hash of kg, for content hashes, lexicon
// fingerprints and event IRIs. Stable across platforms and releases: values
// are stored on disk and minted into IRIs, so never change it.
//
//   uint64_t h = graph::Fnv1a64Field(doc.text);
//   h = graph::Fnv1a64Field(doc.date, h);  // chained over a record's fields
#ifndef KG_GRAPH_HASH_H_
#define KG_GRAPH_HASH_H_

#include <cstdint>
#include <string_view>

namespace kg::graph {

inline constexpr uint64_t kFnv1a64Basis = 14695981039346656037ULL;
inline constexpr uint64_t kFnv1a64Prime = 1099511628211ULL;

// FNV-1a over the bytes of `s`, continuing from `h`.
constexpr uint64_t Fnv1a64(std::string_view s, uint64_t h = kFnv1a64Basis) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnv1a64Prime;
  }
  return h;
}

// Hashes `v` as 8 little-endian bytes, continuing from `h`.
constexpr uint64_t Fnv1a64U64(uint64_t v, uint64_t h = kFnv1a64Basis) {
  for (int i = 0; i < 8; ++i) {
    h ^= (v >> (8 * i)) & 0xFF;
    h *= kFnv1a64Prime;
  }
  return h;
}

// Hashes one field of a record: its length (as Fnv1a64U64), then its bytes,
// so that moving bytes from one field to the next changes the hash.
constexpr uint64_t Fnv1a64Field(std::string_view s, uint64_t h = kFnv1a64Basis) {
  return Fnv1a64(s, Fnv1a64U64(s.size(), h));
}

}  // namespace kg::graph

#endif  // KG_GRAPH_HASH_H_
