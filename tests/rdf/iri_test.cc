#include "rdf/iri.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "rdf/triple_writer.h"
#include "tests/rdf/rdf_test_util.h"

namespace kg::rdf {
namespace {

using std::string_literals::operator""s;

TEST_CASE("PercentEncode keeps only RFC 3986 unreserved bytes", "[rdf]") {
  CHECK(PercentEncode("") == "");
  CHECK(PercentEncode("AZaz09-._~") == "AZaz09-._~");
  CHECK(PercentEncode("a b") == "a%20b");
  CHECK(PercentEncode("<>\"{}|\\^`") == "%3C%3E%22%7B%7D%7C%5C%5E%60");
  CHECK(PercentEncode("100%") == "100%25");
  CHECK(PercentEncode("%41") == "%2541");  // already-encoded text is encoded again
  CHECK(PercentEncode("/?#[]@:!$&'()*+,;=") ==
        "%2F%3F%23%5B%5D%40%3A%21%24%26%27%28%29%2A%2B%2C%3B%3D");
  CHECK(PercentEncode("Erdoğan") == "Erdo%C4%9Fan");
  CHECK(PercentEncode("😀") == "%F0%9F%98%80");
  CHECK(PercentEncode("\x00\x1f\x7f\xff"s) == "%00%1F%7F%FF");
  CHECK(PercentEncode("\n\t") == "%0A%09");
}

TEST_CASE("IriMinter follows the documented patterns", "[rdf]") {
  IriMinter iris;
  CHECK(iris.base() == "http://example.org/kg/");
  CHECK(iris.ActorIri("RUS") == "http://example.org/kg/actor/RUS");
  CHECK(iris.ActorIri("vladimir putin") == "http://example.org/kg/actor/vladimir%20putin");
  CHECK(iris.ActorIri("Erdoğan") == "http://example.org/kg/actor/Erdo%C4%9Fan");
  CHECK(iris.ActorIri("") == "http://example.org/kg/actor/");
  CHECK(iris.RelationIri("make statement") ==
        "http://example.org/kg/relation/make%20statement");
  CHECK(iris.DocumentIri("un/2024/07.txt") == "http://example.org/kg/doc/un%2F2024%2F07.txt");
  CHECK(iris.VocabNamespace() == "http://example.org/kg/vocab#");
  CHECK(iris.VocabIri("Event") == "http://example.org/kg/vocab#Event");

  IriMinter custom("urn:x-kg:test/");
  CHECK(custom.ActorIri("a/b") == "urn:x-kg:test/actor/a%2Fb");
  CHECK(custom.VocabIri("subject") == "urn:x-kg:test/vocab#subject");
}

TEST_CASE("Event IRIs are a stable FNV-1a hash of the event key", "[rdf]") {
  graph::Triple t = testing::GoldenTriple();
  // Values computed independently from the documented byte layout.
  CHECK(EventHash(t) == 0xd08ea22df1748d14ULL);
  CHECK(IriMinter().EventIri(t) == "http://example.org/kg/event/d08ea22df1748d14");
  CHECK(EventHash(graph::Triple{}) == 0xa3156b472c5a00ffULL);
  graph::Triple negated = t;
  negated.negated = true;
  CHECK(EventHash(negated) == 0xd08ea32df1748ec7ULL);

  SECTION("every key field changes the hash") {
    auto differs = [&](auto mutate) {
      graph::Triple u = t;
      mutate(u);
      return EventHash(u) != EventHash(t);
    };
    CHECK(differs([](graph::Triple& u) { u.doc = "d2"; }));
    CHECK(differs([](graph::Triple& u) { u.span_begin = 1; }));
    CHECK(differs([](graph::Triple& u) { u.span_end = 24; }));
    CHECK(differs([](graph::Triple& u) { u.subject.id = "RUSGOV"; }));
    CHECK(differs([](graph::Triple& u) { u.relation = "praise"; }));
    CHECK(differs([](graph::Triple& u) { u.object.id = "UKRGOV"; }));
    CHECK(differs([](graph::Triple& u) { u.verb = "blamed"; }));
  }
  SECTION("fields outside the key do not") {
    graph::Triple u = t;
    u.subject.name = "Russian Federation";
    u.object.code = "UKR";
    u.cameo = "111";
    u.plover = "DISAPPROVE";
    u.modality = graph::Modality::kHypothetical;
    u.sentence = "Other text.";
    u.date = "2025";
    u.confidence = 0.1;
    CHECK(EventHash(u) == EventHash(t));
  }
  SECTION("strings are length-prefixed, so field boundaries matter") {
    graph::Triple x = t, y = t;
    x.subject.id = "ab";
    x.relation = "c";
    y.subject.id = "a";
    y.relation = "bc";
    CHECK(EventHash(x) != EventHash(y));
  }
}

TEST_CASE("EscapeLiteral escapes what N-Triples and Turtle require", "[rdf]") {
  CHECK(EscapeLiteral("") == "");
  CHECK(EscapeLiteral("plain text") == "plain text");
  CHECK(EscapeLiteral("say \"hi\"") == "say \\\"hi\\\"");
  CHECK(EscapeLiteral("C:\\path\\") == "C:\\\\path\\\\");
  CHECK(EscapeLiteral("a\nb\r\nc\td") == "a\\nb\\r\\nc\\td");
  CHECK(EscapeLiteral("\x01\x08\x0b\x0c\x1b\x1f\x7f") ==
        "\\u0001\\u0008\\u000B\\u000C\\u001B\\u001F\\u007F");
  CHECK(EscapeLiteral("nul\0byte"s) == "nul\\u0000byte");
  CHECK(EscapeLiteral("'single' <angle> {brace} #hash") == "'single' <angle> {brace} #hash");
}

TEST_CASE("EscapeLiteral passes UTF-8 through and repairs invalid bytes", "[rdf]") {
  CHECK(EscapeLiteral("Erdoğan — “quoted” 😀 中文") == "Erdoğan — “quoted” 😀 中文");
  const std::string kReplacement = "\xEF\xBF\xBD";
  CHECK(EscapeLiteral("a\xff" "b") == "a" + kReplacement + "b");
  CHECK(EscapeLiteral("\xC3(") == kReplacement + "(");          // truncated sequence
  CHECK(EscapeLiteral("\xC0\xAF") == kReplacement + kReplacement);  // overlong '/'
  CHECK(EscapeLiteral("\xED\xA0\x80") == kReplacement + kReplacement + kReplacement);  // surrogate
  CHECK(EscapeLiteral("\xF4\x90\x80\x80") ==
        kReplacement + kReplacement + kReplacement + kReplacement);  // above U+10FFFF
  CHECK(EscapeLiteral("end\xF0\x9F\x98") == "end" + kReplacement + kReplacement + kReplacement);
}

TEST_CASE("ValidateBase accepts absolute IRIs ending in '/' only", "[rdf]") {
  CHECK(ValidateBase("http://example.org/kg/").ok());
  CHECK(ValidateBase("https://data.example.net/news/2024/").ok());
  CHECK(ValidateBase("urn:x-kg:test/").ok());
  for (const char* bad :
       {"", "example.org/kg/", "://x/", "1http://x/", "ht tp://x/", "http://example.org/kg",
        "http://example.org/k g/", "http://example.org/<kg>/", "http://example.org/\"/",
        "http://example.org/{x}/", "http://example.org/a|b/", "http://example.org/a\\b/",
        "http://example.org/a^b/", "http://example.org/a`b/", "http://example.org/#/",
        "http://example.org/ğ/", "http://example.org/\n/"}) {
    INFO("base: " << bad);
    Status s = ValidateBase(bad);
    CHECK(s.code() == Status::Code::kInvalidArgument);
  }
  CHECK(ValidateBase("http://example.org/kg").message() ==
        "invalid base IRI 'http://example.org/kg': must end with '/'");
}

TEST_CASE("MakeTripleWriter rejects unknown formats and bad bases", "[rdf]") {
  std::ostringstream out;
  auto w = MakeTripleWriter("rdfxml", out);
  REQUIRE_FALSE(w.ok());
  CHECK(w.status().code() == Status::Code::kInvalidArgument);
  CHECK(w.status().message() == "unknown export format 'rdfxml' (expected nt, ttl or jsonl)");
  CHECK(MakeTripleWriter("", out).status().message() ==
        "unknown export format '' (expected nt, ttl or jsonl)");
  CHECK_FALSE(MakeTripleWriter("NT", out).ok());  // names are exact

  for (const char* format : {"nt", "ttl", "jsonl"}) {
    INFO("format: " << format);
    CHECK(MakeTripleWriter(format, out).ok());
    WriterOptions bad;
    bad.base = "not an iri";
    auto r = MakeTripleWriter(format, out, bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kInvalidArgument);
  }
  CHECK(out.str().empty());  // nothing is written before the first Write/Finish
}

}  // namespace
}  // namespace kg::rdf
