#include "store/format.h"

#include <bit>
#include <cstdio>

namespace kg::store::format {

void PutFixed32BE(std::string* out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

void PutFixed64BE(std::string* out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

void PutVarint64(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutLengthPrefixed(std::string* out, std::string_view s) {
  PutVarint64(out, s.size());
  out->append(s);
}

uint32_t DecodeFixed32BE(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

uint64_t DecodeFixed64BE(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::string Fixed64Key(uint64_t v) {
  std::string out;
  PutFixed64BE(&out, v);
  return out;
}

bool Reader::Byte(uint8_t* v) {
  if (in_.empty()) return false;
  *v = static_cast<uint8_t>(in_[0]);
  in_.remove_prefix(1);
  return true;
}

bool Reader::Fixed64BE(uint64_t* v) {
  if (in_.size() < 8) {
    in_ = {};
    return false;
  }
  *v = DecodeFixed64BE(in_.data());
  in_.remove_prefix(8);
  return true;
}

bool Reader::Varint64(uint64_t* v) {
  uint64_t result = 0;
  for (size_t i = 0; i < in_.size() && i < 10; ++i) {
    const uint64_t byte = static_cast<unsigned char>(in_[i]);
    // The tenth byte may only carry the top bit of a 64-bit value.
    if (i == 9 && byte > 1) break;
    result |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) == 0) {
      *v = result;
      in_.remove_prefix(i + 1);
      return true;
    }
  }
  in_ = {};
  return false;
}

bool Reader::LengthPrefixed(std::string* s) {
  uint64_t n = 0;
  if (!Varint64(&n)) return false;
  if (n > in_.size()) {
    in_ = {};
    return false;
  }
  s->assign(in_.substr(0, n));
  in_.remove_prefix(n);
  return true;
}

std::string ActorIdKey(std::string_view actor_id) {
  std::string key(1, static_cast<char>(TermKeyTag::kActorId));
  key.append(actor_id);
  return key;
}

std::string RelationNameKey(std::string_view name) {
  std::string key(1, static_cast<char>(TermKeyTag::kRelationName));
  key.append(name);
  return key;
}

std::string TermRecordPrefix() {
  return std::string(1, static_cast<char>(TermKeyTag::kRecord));
}

std::string TermRecordKey(TermId term) {
  std::string key = TermRecordPrefix();
  PutFixed64BE(&key, term);
  return key;
}

bool ParseTermRecordKey(std::string_view key, TermId* term) {
  if (key.size() != 9 || static_cast<uint8_t>(key[0]) !=
                             static_cast<uint8_t>(TermKeyTag::kRecord)) {
    return false;
  }
  *term = DecodeFixed64BE(key.data() + 1);
  return true;
}

std::string NamePrefix(std::string_view folded) {
  std::string key(folded);
  key.push_back('\0');
  return key;
}

std::string NameKey(std::string_view folded, TermId term) {
  std::string key = NamePrefix(folded);
  PutFixed64BE(&key, term);
  return key;
}

bool ParseNameKey(std::string_view key, std::string_view* folded,
                  TermId* term) {
  // The term is always the last 8 bytes, so a folded name may itself contain
  // '\0' without making the key ambiguous.
  if (key.size() < 9 || key[key.size() - 9] != '\0') return false;
  *folded = key.substr(0, key.size() - 9);
  *term = DecodeFixed64BE(key.data() + key.size() - 8);
  return true;
}

std::string IndexKey(uint64_t a, uint64_t b, uint64_t c, TripleId triple) {
  std::string key;
  key.reserve(32);
  PutFixed64BE(&key, a);
  PutFixed64BE(&key, b);
  PutFixed64BE(&key, c);
  PutFixed64BE(&key, triple);
  return key;
}

std::string IndexPrefix(std::initializer_list<uint64_t> parts) {
  std::string key;
  for (uint64_t p : parts) PutFixed64BE(&key, p);
  return key;
}

bool ParseIndexKey(std::string_view key, IndexEntry* entry) {
  if (key.size() != 32) return false;
  entry->a = DecodeFixed64BE(key.data());
  entry->b = DecodeFixed64BE(key.data() + 8);
  entry->c = DecodeFixed64BE(key.data() + 16);
  entry->triple = DecodeFixed64BE(key.data() + 24);
  return true;
}

std::string IndexValue(bool negated) {
  return std::string(1, static_cast<char>(negated ? kIndexNegated : 0));
}

bool ParseIndexValue(std::string_view value, IndexEntry* entry) {
  if (value.empty()) {
    entry->negated = false;
    return true;
  }
  const uint8_t flags = static_cast<uint8_t>(value[0]);
  if (value.size() != 1 || (flags & ~kIndexNegated) != 0) return false;
  entry->negated = (flags & kIndexNegated) != 0;
  return true;
}

std::string EncodeActorRecord(const graph::Actor& actor) {
  std::string out(1, static_cast<char>(TermKind::kActor));
  PutLengthPrefixed(&out, actor.id);
  PutLengthPrefixed(&out, actor.name);
  out.push_back(static_cast<char>(actor.type));
  PutLengthPrefixed(&out, actor.code);
  PutVarint64(&out, actor.aliases.size());
  for (const std::string& alias : actor.aliases) PutLengthPrefixed(&out, alias);
  return out;
}

std::string EncodeRelationRecord(std::string_view name) {
  std::string out(1, static_cast<char>(TermKind::kRelation));
  PutLengthPrefixed(&out, name);
  return out;
}

bool DecodeTermRecord(std::string_view in, TermRecord* record) {
  Reader r(in);
  uint8_t kind = 0;
  if (!r.Byte(&kind)) return false;
  if (kind == static_cast<uint8_t>(TermKind::kRelation)) {
    record->kind = TermKind::kRelation;
    return r.LengthPrefixed(&record->relation) && r.done();
  }
  if (kind != static_cast<uint8_t>(TermKind::kActor)) return false;
  record->kind = TermKind::kActor;
  graph::Actor& a = record->actor;
  uint8_t type = 0;
  uint64_t n_aliases = 0;
  if (!r.LengthPrefixed(&a.id) || !r.LengthPrefixed(&a.name) ||
      !r.Byte(&type) || !r.LengthPrefixed(&a.code) || !r.Varint64(&n_aliases)) {
    return false;
  }
  // Unknown type bytes (from a newer writer) read as kUnknown rather than
  // failing: the type is descriptive, not structural.
  a.type = type <= static_cast<uint8_t>(graph::ActorType::kGroup)
               ? static_cast<graph::ActorType>(type)
               : graph::ActorType::kUnknown;
  a.aliases.clear();
  for (uint64_t i = 0; i < n_aliases; ++i) {
    std::string alias;
    if (!r.LengthPrefixed(&alias)) return false;
    a.aliases.push_back(std::move(alias));
  }
  return r.done();
}

bool IsKnownModality(uint8_t byte) {
  return byte <= static_cast<uint8_t>(graph::Modality::kHypothetical);
}

std::string EncodeTriple(const TripleRecord& t) {
  std::string out;
  out.reserve(64 + t.sentence.size());
  PutVarint64(&out, t.subject);
  PutVarint64(&out, t.relation);
  PutVarint64(&out, t.object);
  PutLengthPrefixed(&out, t.cameo);
  PutLengthPrefixed(&out, t.plover);
  PutLengthPrefixed(&out, t.verb);
  out.push_back(static_cast<char>(t.negated ? kTripleNegated : 0));
  out.push_back(static_cast<char>(t.modality));
  PutLengthPrefixed(&out, t.doc);
  PutLengthPrefixed(&out, t.sentence);
  PutVarint64(&out, t.span_begin);
  PutVarint64(&out, t.span_end);
  PutLengthPrefixed(&out, t.date);
  PutFixed64BE(&out, std::bit_cast<uint64_t>(t.confidence));
  return out;
}

bool DecodeTriple(std::string_view in, TripleRecord* t) {
  Reader r(in);
  uint8_t flags = 0;
  uint8_t modality = 0;
  uint64_t confidence_bits = 0;
  if (!r.Varint64(&t->subject) || !r.Varint64(&t->relation) ||
      !r.Varint64(&t->object) || !r.LengthPrefixed(&t->cameo) ||
      !r.LengthPrefixed(&t->plover) || !r.LengthPrefixed(&t->verb) ||
      !r.Byte(&flags) || !r.Byte(&modality) || !r.LengthPrefixed(&t->doc) ||
      !r.LengthPrefixed(&t->sentence) ||
      !r.Varint64(&t->span_begin) || !r.Varint64(&t->span_end) ||
      !r.LengthPrefixed(&t->date) || !r.Fixed64BE(&confidence_bits)) {
    return false;
  }
  if ((flags & ~kTripleNegated) != 0) return false;
  t->negated = (flags & kTripleNegated) != 0;
  // Unlike an actor type, modality changes what the triple claims, so a byte
  // this version does not know is corrupt rather than guessed.
  if (!IsKnownModality(modality)) return false;
  t->modality = static_cast<graph::Modality>(modality);
  t->confidence = std::bit_cast<double>(confidence_bits);
  return r.done();
}

std::string EncodeDoc(const DocRecord& d) {
  std::string out;
  PutFixed64BE(&out, d.content_hash);
  PutLengthPrefixed(&out, d.date);
  PutLengthPrefixed(&out, d.title);
  PutLengthPrefixed(&out, d.url);
  PutVarint64(&out, d.triples.size());
  for (TripleId id : d.triples) PutVarint64(&out, id);
  return out;
}

bool DecodeDoc(std::string_view in, DocRecord* d) {
  Reader r(in);
  uint64_t n = 0;
  if (!r.Fixed64BE(&d->content_hash) || !r.LengthPrefixed(&d->date) ||
      !r.LengthPrefixed(&d->title) || !r.LengthPrefixed(&d->url) ||
      !r.Varint64(&n)) {
    return false;
  }
  // Each id takes at least one byte: a count beyond the rest is corrupt, and
  // checking it first keeps a bad count from reserving gigabytes.
  if (n > in.size()) return false;
  d->triples.clear();
  d->triples.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t id = 0;
    if (!r.Varint64(&id)) return false;
    d->triples.push_back(id);
  }
  return r.done();
}

std::string PrintableKey(std::string_view key) {
  std::string out;
  const size_t limit = 64;
  for (size_t i = 0; i < key.size() && i < limit; ++i) {
    const unsigned char c = static_cast<unsigned char>(key[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  if (key.size() > limit) out += "...";
  return out;
}

}  // namespace kg::store::format
