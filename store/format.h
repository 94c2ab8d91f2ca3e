// The on-disk encoding of a TripleStore: column family names, meta keys, key
// builders and record codecs. Private to store/ (nothing here mentions
// RocksDB, so the codecs can be unit-tested alone). docs/storage-format.md is
// the specification; this file and that document must agree byte for byte,
// and any change to either bumps kFormatVersion.
//
//   std::string key = format::IndexKey(s, r, o, tid);   // an spo entry
//   std::string value = format::IndexValue(t.negated);  // its flags byte
//   format::IndexEntry e;
//   if (!format::ParseIndexKey(key, &e) ||
//       !format::ParseIndexValue(value, &e)) { /* corrupt */ }
#ifndef KG_STORE_FORMAT_H_
#define KG_STORE_FORMAT_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "graph/actor.h"
#include "graph/triple.h"
#include "store/triple_store.h"

namespace kg::store::format {

// Column family names. They are stored in the RocksDB MANIFEST: never rename.
inline constexpr char kMetaCf[] = "default";
inline constexpr char kTermsCf[] = "terms";
inline constexpr char kNamesCf[] = "names";
inline constexpr char kTriplesCf[] = "triples";
inline constexpr char kSpoCf[] = "spo";
inline constexpr char kOpsCf[] = "ops";
inline constexpr char kPsoCf[] = "pso";
inline constexpr char kDocsCf[] = "docs";

// Keys of the meta (default) column family. The format version is a 4-byte
// big-endian integer, the counters 8-byte big-endian integers.
inline constexpr char kFormatVersionKey[] = "kg.format_version";
inline constexpr char kNextTermKey[] =
    "kg.next_term";  // next TermId to hand out
inline constexpr char kNextTripleKey[] =
    "kg.next_triple";  // next TripleId to hand out
inline constexpr char kDocumentCountKey[] = "kg.documents";
inline constexpr char kTripleCountKey[] = "kg.triples";

// First byte of every key in the terms column family.
// Stored on disk: never renumber, only append.
enum class TermKeyTag : uint8_t {
  kActorId = 0x01,       // 0x01 + actor id        -> term (8 bytes BE)
  kRelationName = 0x02,  // 0x02 + relation name   -> term (8 bytes BE)
  kRecord = 0x03,        // 0x03 + term (8 bytes BE) -> term record
};

// First byte of a term record. Stored on disk: never renumber, only append.
enum class TermKind : uint8_t {
  kActor = 0x01,
  kRelation = 0x02,
};

// Bits of the flags byte of a triple record. Stored: never renumber.
inline constexpr uint8_t kTripleNegated = 0x01;

// The modality byte of a triple record is graph::Modality (graph/triple.h,
// itself "never renumber"). True for a byte that names one of its values;
// any other byte is corrupt (a new modality needs a format version).
bool IsKnownModality(uint8_t byte);

// Bits of the flags byte that is the value of every spo, ops and pso entry:
// the triple's attributes a graph walk needs without loading its record.
// The other bits are reserved and must be 0. Stored: never renumber.
inline constexpr uint8_t kIndexNegated = 0x01;  // the triple is negated

// --- Primitives --------------------------------------------------------------
void PutFixed32BE(std::string* out, uint32_t v);
void PutFixed64BE(std::string* out, uint64_t v);
// Unsigned LEB128: 7 bits per byte, least significant group first, high bit
// set on every byte but the last; at most 10 bytes.
void PutVarint64(std::string* out, uint64_t v);
// Varint length, then the bytes.
void PutLengthPrefixed(std::string* out, std::string_view s);
uint32_t DecodeFixed32BE(const char* p);
uint64_t DecodeFixed64BE(const char* p);
std::string Fixed64Key(uint64_t v);

// Reads the primitives back from a buffer; every method returns false (and
// reads nothing more) once the input is malformed or exhausted.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Byte(uint8_t* v);
  bool Fixed64BE(uint64_t* v);
  bool Varint64(uint64_t* v);
  bool LengthPrefixed(std::string* s);
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

// --- Keys --------------------------------------------------------------------
std::string ActorIdKey(std::string_view actor_id);
std::string RelationNameKey(std::string_view name);
std::string TermRecordKey(TermId term);
// The prefix shared by every term record key.
std::string TermRecordPrefix();
// Parses a TermRecordKey.
bool ParseTermRecordKey(std::string_view key, TermId* term);

// names: folded + '\0' + term (8 bytes BE).
std::string NameKey(std::string_view folded, TermId term);
std::string NamePrefix(std::string_view folded);  // folded + '\0'
bool ParseNameKey(std::string_view key, std::string_view* folded, TermId* term);

// spo, ops and pso keys: four 8-byte big-endian integers. `a`, `b`, `c` are
// (s, r, o) in spo, (o, r, s) in ops and (r, s, o) in pso. The value is one
// flags byte (kIndexNegated).
struct IndexEntry {
  uint64_t a = 0;
  uint64_t b = 0;
  uint64_t c = 0;
  TripleId triple = 0;
  bool negated = false;  // from the value
};
std::string IndexKey(uint64_t a, uint64_t b, uint64_t c, TripleId triple);
// The 8-byte big-endian encoding of each part, concatenated.
std::string IndexPrefix(std::initializer_list<uint64_t> parts);
// Fills a, b, c and triple; leaves `negated` alone.
bool ParseIndexKey(std::string_view key, IndexEntry* entry);
// The value of an index entry: one flags byte.
std::string IndexValue(bool negated);
// Fills `negated`. An empty value (written before index values carried
// flags) reads as no flags; a longer value or a reserved bit set is corrupt.
bool ParseIndexValue(std::string_view value, IndexEntry* entry);

// --- Records -----------------------------------------------------------------
// A decoded term record: an actor or a relation name.
struct TermRecord {
  TermKind kind = TermKind::kActor;
  graph::Actor actor;    // if kind == kActor
  std::string relation;  // if kind == kRelation
};
std::string EncodeActorRecord(const graph::Actor& actor);
std::string EncodeRelationRecord(std::string_view name);
bool DecodeTermRecord(std::string_view in, TermRecord* record);

// The stored form of a triple: the terms instead of the actors.
struct TripleRecord {
  TermId subject = 0;
  TermId relation = 0;
  TermId object = 0;
  std::string cameo;
  std::string plover;  // since format version 2
  std::string verb;
  bool negated = false;
  graph::Modality modality = graph::Modality::kAsserted;  // since version 2
  std::string doc;
  std::string sentence;
  uint64_t span_begin = 0;
  uint64_t span_end = 0;
  std::string date;
  double confidence = 0.0;
};
std::string EncodeTriple(const TripleRecord& t);
bool DecodeTriple(std::string_view in, TripleRecord* t);

struct DocRecord {
  uint64_t content_hash = 0;
  std::string date;
  std::string title;
  std::string url;
  std::vector<TripleId> triples;  // ascending
};
std::string EncodeDoc(const DocRecord& d);
bool DecodeDoc(std::string_view in, DocRecord* d);

// Renders a key for an error message: printable ASCII as is, other bytes as
// \xNN, cut after 64 bytes.
std::string PrintableKey(std::string_view key);

}  // namespace kg::store::format

#endif  // KG_STORE_FORMAT_H_
