#include "rdf/turtle_writer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rdf/triple_writer.h"
#include "tests/rdf/rdf_test_util.h"

namespace kg::rdf {
namespace {

using testing::GoldenTriple;
using testing::HostileTriples;
using testing::WriteAll;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const char kDefaultHeader[] =
    "@prefix kgv: <http://example.org/kg/vocab#> .\n"
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

TEST_CASE("Turtle golden output for one triple", "[rdf]") {
  WriterOptions options;
  options.base = "http://ex.test/kg/";
  const std::string kExpected =
      "@prefix kgv: <http://ex.test/kg/vocab#> .\n"
      "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
      "\n"
      "<http://ex.test/kg/actor/RUS> a kgv:Country ;\n"
      "    rdfs:label \"Russia\" ;\n"
      "    kgv:id \"RUS\" ;\n"
      "    kgv:code \"RUS\" .\n"
      "<http://ex.test/kg/actor/UKR> a kgv:Country ;\n"
      "    rdfs:label \"Ukraine\" ;\n"
      "    kgv:id \"UKR\" .\n"
      "<http://ex.test/kg/relation/accuse> a rdf:Property ;\n"
      "    rdfs:label \"accuse\" .\n"
      "<http://ex.test/kg/actor/RUS> <http://ex.test/kg/relation/accuse> "
      "<http://ex.test/kg/actor/UKR> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> a kgv:Event ;\n"
      "    kgv:subject <http://ex.test/kg/actor/RUS> ;\n"
      "    kgv:relation <http://ex.test/kg/relation/accuse> ;\n"
      "    kgv:object <http://ex.test/kg/actor/UKR> ;\n"
      "    kgv:verb \"accused\" ;\n"
      "    kgv:cameo \"112\" ;\n"
      "    kgv:plover \"ACCUSE\" ;\n"
      "    kgv:negated \"false\"^^xsd:boolean ;\n"
      "    kgv:modality \"asserted\" ;\n"
      "    kgv:confidence \"0.9\"^^xsd:decimal ;\n"
      "    kgv:document <http://ex.test/kg/doc/d1> ;\n"
      "    kgv:sentence \"Russia accused Ukraine.\" ;\n"
      "    kgv:spanStart \"0\"^^xsd:integer ;\n"
      "    kgv:spanEnd \"23\"^^xsd:integer ;\n"
      "    kgv:date \"2024-04-03\"^^xsd:date .\n";
  CHECK(WriteAll("ttl", {GoldenTriple()}, options) == kExpected);
}

TEST_CASE("Turtle groups a second triple under its own blank line", "[rdf]") {
  graph::Triple t2 = GoldenTriple();
  t2.span_begin = 24;
  t2.span_end = 50;
  t2.negated = true;
  t2.cameo.clear();
  t2.plover.clear();
  t2.modality = graph::Modality::kHypothetical;
  t2.date = "2024";
  std::string ttl = WriteAll("ttl", {GoldenTriple(), t2});
  const std::string kSecond =
      "\n\n<http://example.org/kg/event/975852c1ef71be62> a kgv:Event ;\n"
      "    kgv:subject <http://example.org/kg/actor/RUS> ;\n"
      "    kgv:relation <http://example.org/kg/relation/accuse> ;\n"
      "    kgv:object <http://example.org/kg/actor/UKR> ;\n"
      "    kgv:verb \"accused\" ;\n"
      "    kgv:negated \"true\"^^xsd:boolean ;\n"
      "    kgv:modality \"hypothetical\" ;\n"
      "    kgv:confidence \"0.9\"^^xsd:decimal ;\n"
      "    kgv:document <http://example.org/kg/doc/d1> ;\n"
      "    kgv:sentence \"Russia accused Ukraine.\" ;\n"
      "    kgv:spanStart \"24\"^^xsd:integer ;\n"
      "    kgv:spanEnd \"50\"^^xsd:integer ;\n"
      "    kgv:date \"2024\"^^xsd:gYear .\n";
  REQUIRE(ttl.size() > kSecond.size());
  CHECK(ttl.substr(ttl.size() - kSecond.size()) == kSecond);
}

TEST_CASE("A negated triple has no direct edge in Turtle", "[rdf]") {
  graph::Triple t = GoldenTriple();
  t.negated = true;
  std::string ttl = WriteAll("ttl", {t});
  CHECK_FALSE(Contains(ttl, "> <http://example.org/kg/relation/accuse> <"));
  CHECK(Contains(ttl, "    kgv:negated \"true\"^^xsd:boolean ;\n"));
  CHECK(Contains(ttl, "<http://example.org/kg/relation/accuse> a rdf:Property ;\n"));
}

TEST_CASE("An empty Turtle export is the prefixes alone", "[rdf]") {
  CHECK(WriteAll("ttl", {}) == kDefaultHeader);
  CHECK(WriteAll("nt", {}) == "");
}

TEST_CASE("Turtle prefixes follow the base", "[rdf]") {
  WriterOptions options;
  options.base = "urn:x-kg:news/";
  std::string ttl = WriteAll("ttl", {GoldenTriple()}, options);
  CHECK(ttl.rfind("@prefix kgv: <urn:x-kg:news/vocab#> .\n", 0) == 0);
  CHECK(Contains(ttl, "<urn:x-kg:news/actor/RUS> a kgv:Country ;\n"));
  CHECK_FALSE(Contains(ttl, "example.org"));
}

TEST_CASE("rapper and serdi parse hostile Turtle", "[rdf]") {
  testing::TempDir dir;
  std::string ttl = WriteAll("ttl", HostileTriples());
  auto file = testing::WriteFile(dir, "hostile.ttl", ttl);

  testing::ParseOutcome rapper = testing::RunRapper("turtle", file);
  INFO("rapper said:\n" << rapper.output);
  CHECK(rapper.exit_code == 0);
  CHECK(rapper.triples == testing::kHostileStatementCount);
  CHECK_FALSE(Contains(rapper.output, "Error"));
  CHECK_FALSE(Contains(rapper.output, "Warning"));

  testing::ParseOutcome serdi = testing::RunSerdi("turtle", file);
  INFO("serdi said:\n" << serdi.errors);
  CHECK(serdi.exit_code == 0);
  CHECK(serdi.errors.empty());
  CHECK(serdi.triples == testing::kHostileStatementCount);
}

TEST_CASE("Turtle and N-Triples carry the same statements", "[rdf]") {
  // serdi re-serialises both as N-Triples; our two writers emit statements in
  // the same order, so the results must be byte-identical.
  testing::TempDir dir;
  std::vector<graph::Triple> ts = HostileTriples();
  ts.push_back(GoldenTriple());
  for (const std::string& base : {std::string("http://example.org/kg/"),
                                  std::string("https://kg.example.net/a%20b/~x/")}) {
    INFO("base: " << base);
    WriterOptions options;
    options.base = base;
    auto nt_file = testing::WriteFile(dir, "same.nt", WriteAll("nt", ts, options));
    auto ttl_file = testing::WriteFile(dir, "same.ttl", WriteAll("ttl", ts, options));
    testing::ParseOutcome from_nt = testing::RunSerdi("ntriples", nt_file);
    testing::ParseOutcome from_ttl = testing::RunSerdi("turtle", ttl_file);
    REQUIRE(from_nt.exit_code == 0);
    REQUIRE(from_ttl.exit_code == 0);
    CHECK(from_nt.triples > testing::kHostileStatementCount);
    CHECK(from_ttl.output == from_nt.output);
  }
}

TEST_CASE("rapper parses an empty Turtle export", "[rdf]") {
  testing::TempDir dir;
  auto file = testing::WriteFile(dir, "empty.ttl", WriteAll("ttl", {}));
  testing::ParseOutcome rapper = testing::RunRapper("turtle", file);
  INFO("rapper said:\n" << rapper.output);
  CHECK(rapper.exit_code == 0);
  CHECK(rapper.triples == 0);
  CHECK(testing::RunSerdi("turtle", file).exit_code == 0);
}

}  // namespace
}  // namespace kg::rdf
