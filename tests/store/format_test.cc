#include "store/format.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>

namespace kg::store::format {
namespace {

TEST_CASE("Varints round-trip and reject malformed input", "[store]") {
  for (uint64_t v :
       {uint64_t{0}, uint64_t{1}, uint64_t{127}, uint64_t{128}, uint64_t{300},
        uint64_t{1} << 35, std::numeric_limits<uint64_t>::max()}) {
    std::string buf;
    PutVarint64(&buf, v);
    Reader r(buf);
    uint64_t back = 0;
    REQUIRE(r.Varint64(&back));
    CHECK(back == v);
    CHECK(r.done());
  }
  std::string one;
  PutVarint64(&one, 300);
  CHECK(one == std::string("\xac\x02"));
  std::string max;
  PutVarint64(&max, std::numeric_limits<uint64_t>::max());
  CHECK(max.size() == 10);

  uint64_t v = 0;
  Reader truncated(std::string_view("\x80\x80", 2));
  CHECK_FALSE(truncated.Varint64(&v));
  std::string too_long(11, '\x80');
  Reader overlong(too_long);
  CHECK_FALSE(overlong.Varint64(&v));
  // A tenth byte above 1 would overflow 64 bits.
  std::string overflow(9, '\xff');
  overflow.push_back('\x02');
  Reader overflowing(overflow);
  CHECK_FALSE(overflowing.Varint64(&v));
}

TEST_CASE("Length-prefixed strings reject a length past the end", "[store]") {
  std::string buf;
  PutLengthPrefixed(&buf, "Erdoğan");
  Reader r(buf);
  std::string s;
  REQUIRE(r.LengthPrefixed(&s));
  CHECK(s == "Erdoğan");
  Reader bad(
      std::string_view("\x05"
                       "abc",
                       4));
  CHECK_FALSE(bad.LengthPrefixed(&s));
}

TEST_CASE("Index keys sort numerically and parse back", "[store]") {
  const std::string a = IndexKey(1, 2, 3, 4);
  const std::string b = IndexKey(1, 2, 256, 1);
  const std::string c = IndexKey(2, 0, 0, 0);
  CHECK(a.size() == 32);
  CHECK(a < b);
  CHECK(b < c);
  CHECK(a.substr(0, 8) == IndexPrefix({1}));
  CHECK(a.substr(0, 16) == IndexPrefix({1, 2}));
  CHECK(a ==
        std::string(
            "\0\0\0\0\0\0\0\1\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\3\0\0\0\0\0\0\0\4",
            32));
  IndexEntry e;
  REQUIRE(ParseIndexKey(b, &e));
  CHECK(e.a == 1);
  CHECK(e.b == 2);
  CHECK(e.c == 256);
  CHECK(e.triple == 1);
  CHECK_FALSE(ParseIndexKey(b.substr(1), &e));
}

TEST_CASE("Index values are one flags byte", "[store]") {
  CHECK(IndexValue(false) == std::string("\x00", 1));
  CHECK(IndexValue(true) == std::string("\x01", 1));
  for (bool negated : {false, true}) {
    IndexEntry e;
    e.negated = !negated;
    REQUIRE(ParseIndexValue(IndexValue(negated), &e));
    CHECK(e.negated == negated);
  }
  // Written before index values carried flags: none set.
  IndexEntry e;
  e.negated = true;
  REQUIRE(ParseIndexValue("", &e));
  CHECK_FALSE(e.negated);
  // Reserved bits and trailing bytes are corrupt.
  for (int flags = 0x02; flags <= 0xff; ++flags) {
    INFO("flags " << flags);
    CHECK_FALSE(ParseIndexValue(std::string(1, static_cast<char>(flags)), &e));
  }
  CHECK_FALSE(ParseIndexValue(std::string("\x01\x00", 2), &e));
  CHECK_FALSE(ParseIndexValue(std::string("\x00\x00", 2), &e));
}

TEST_CASE("Name keys keep the term in the last eight bytes", "[store]") {
  const std::string key = NameKey("erdogan", 0x0102);
  CHECK(key == std::string("erdogan\0\0\0\0\0\0\0\x01\x02", 16));
  std::string_view folded;
  TermId term = 0;
  REQUIRE(ParseNameKey(key, &folded, &term));
  CHECK(folded == "erdogan");
  CHECK(term == 0x0102);
  // A folded name may contain '\0' itself.
  const std::string odd = NameKey(std::string_view("a\0b", 3), 7);
  REQUIRE(ParseNameKey(odd, &folded, &term));
  CHECK(folded == std::string_view("a\0b", 3));
  CHECK(term == 7);
  CHECK_FALSE(ParseNameKey("short", &folded, &term));
}

TEST_CASE("Term, triple and document records round-trip", "[store]") {
  graph::Actor actor{"TUR",
                     "Türkiye",
                     graph::ActorType::kCountry,
                     "TUR",
                     {"Turkey", "Ankara"}};
  TermRecord rec;
  REQUIRE(DecodeTermRecord(EncodeActorRecord(actor), &rec));
  CHECK(rec.kind == TermKind::kActor);
  CHECK(rec.actor == actor);
  CHECK(rec.actor.aliases == actor.aliases);
  REQUIRE(DecodeTermRecord(EncodeRelationRecord("accuse"), &rec));
  CHECK(rec.kind == TermKind::kRelation);
  CHECK(rec.relation == "accuse");
  CHECK_FALSE(DecodeTermRecord(std::string("\x07", 1), &rec));
  std::string trailing = EncodeRelationRecord("meet") + "x";
  CHECK_FALSE(DecodeTermRecord(trailing, &rec));

  TripleRecord t;
  t.subject = 1;
  t.relation = 300;
  t.object = 2;
  t.cameo = "112";
  t.plover = "ACCUSE";
  t.verb = "accused";
  t.negated = true;
  t.modality = graph::Modality::kHypothetical;
  t.doc = "d1";
  t.sentence = "Ankara accused Moscow.";
  t.span_begin = 10;
  t.span_end = uint64_t{1} << 40;
  t.date = "2024-02-01";
  t.confidence = 0.1;
  const std::string enc = EncodeTriple(t);
  TripleRecord back;
  REQUIRE(DecodeTriple(enc, &back));
  CHECK(back.subject == 1);
  CHECK(back.relation == 300);
  CHECK(back.object == 2);
  CHECK(back.cameo == "112");
  CHECK(back.plover == "ACCUSE");
  CHECK(back.verb == "accused");
  CHECK(back.negated);
  CHECK(back.modality == graph::Modality::kHypothetical);
  CHECK(back.doc == "d1");
  CHECK(back.sentence == t.sentence);
  CHECK(back.span_begin == 10);
  CHECK(back.span_end == t.span_end);
  CHECK(back.date == "2024-02-01");
  CHECK(back.confidence == 0.1);
  for (size_t n = 0; n < enc.size(); ++n) {
    CHECK_FALSE(DecodeTriple(enc.substr(0, n), &back));
  }

  DocRecord d{0xfeedfacecafebeefULL,
              "2024",
              "Title",
              "https://example.org/a",
              {3, 4, 500}};
  const std::string denc = EncodeDoc(d);
  CHECK(denc.substr(0, 8) ==
        std::string("\xfe\xed\xfa\xce\xca\xfe\xbe\xef", 8));
  DocRecord dback;
  REQUIRE(DecodeDoc(denc, &dback));
  CHECK(dback.content_hash == d.content_hash);
  CHECK(dback.date == "2024");
  CHECK(dback.title == "Title");
  CHECK(dback.url == d.url);
  CHECK(dback.triples == d.triples);
  CHECK_FALSE(DecodeDoc(denc.substr(0, denc.size() - 1), &dback));
}

// The example in docs/storage-format.md, byte for byte.
TEST_CASE("A triple record has the documented layout", "[store]") {
  TripleRecord t;
  t.subject = 1;
  t.relation = 2;
  t.object = 3;
  t.cameo = "112";
  t.plover = "ACCUSE";
  t.verb = "accused";
  t.negated = false;
  t.modality = graph::Modality::kReported;
  t.doc = "d1";
  t.sentence = "S.";
  t.span_begin = 0;
  t.span_end = 2;
  t.confidence = 0.5;
  const std::string expected(
      "\x01\x02\x03"
      "\x03" "112"
      "\x06" "ACCUSE"
      "\x07" "accused"
      "\x00"
      "\x01"
      "\x02" "d1"
      "\x02" "S."
      "\x00\x02"
      "\x00"
      "\x3f\xe0\x00\x00\x00\x00\x00\x00",
      41);
  const std::string enc = EncodeTriple(t);
  CHECK(enc == expected);
  CHECK(enc.size() == 41);

  TripleRecord back;
  REQUIRE(DecodeTriple(enc, &back));
  CHECK(back.modality == graph::Modality::kReported);
  CHECK_FALSE(back.negated);
  // Byte 23 is the modality, byte 22 the flags.
  const size_t kModality = 23;
  REQUIRE(enc[kModality - 1] == '\x00');
  for (int m = 0; m <= 0xff; ++m) {
    std::string changed = enc;
    changed[kModality] = static_cast<char>(m);
    INFO("modality byte " << m);
    if (m <= 2) {
      REQUIRE(DecodeTriple(changed, &back));
      CHECK(back.modality == static_cast<graph::Modality>(m));
    } else {
      CHECK_FALSE(DecodeTriple(changed, &back));
    }
  }
  CHECK(IsKnownModality(2));
  CHECK_FALSE(IsKnownModality(3));
  // A version 1 record (no plover, no modality byte) does not decode.
  const std::string v1(
      "\x01\x02\x03"
      "\x03" "112"
      "\x07" "accused"
      "\x00"
      "\x02" "d1"
      "\x02" "S."
      "\x00\x02"
      "\x00"
      "\x3f\xe0\x00\x00\x00\x00\x00\x00",
      33);
  CHECK_FALSE(DecodeTriple(v1, &back));
}

TEST_CASE("PrintableKey escapes binary bytes", "[store]") {
  CHECK(PrintableKey(std::string("a\0b\\", 4)) == "a\\x00b\\x5c");
  CHECK(PrintableKey(std::string(100, 'k')).size() == 67);
}

}  // namespace
}  // namespace kg::store::format
