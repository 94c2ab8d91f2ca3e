#include "rdf/ntriples_writer.h"

#include <catch2/catch.hpp>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "graph/triple_json.h"
#include "rdf/triple_writer.h"
#include "tests/rdf/rdf_test_util.h"

namespace kg::rdf {
namespace {

using testing::CountLines;
using testing::GoldenTriple;
using testing::HostileTriples;
using testing::WriteAll;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

int CountOccurrences(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

TEST_CASE("N-Triples golden output for one triple", "[rdf]") {
  WriterOptions options;
  options.base = "http://ex.test/kg/";
  const std::string kExpected =
      "<http://ex.test/kg/actor/RUS> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://ex.test/kg/vocab#Country> .\n"
      "<http://ex.test/kg/actor/RUS> <http://www.w3.org/2000/01/rdf-schema#label> \"Russia\" .\n"
      "<http://ex.test/kg/actor/RUS> <http://ex.test/kg/vocab#id> \"RUS\" .\n"
      "<http://ex.test/kg/actor/RUS> <http://ex.test/kg/vocab#code> \"RUS\" .\n"
      "<http://ex.test/kg/actor/UKR> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://ex.test/kg/vocab#Country> .\n"
      "<http://ex.test/kg/actor/UKR> <http://www.w3.org/2000/01/rdf-schema#label> \"Ukraine\" .\n"
      "<http://ex.test/kg/actor/UKR> <http://ex.test/kg/vocab#id> \"UKR\" .\n"
      "<http://ex.test/kg/relation/accuse> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> .\n"
      "<http://ex.test/kg/relation/accuse> <http://www.w3.org/2000/01/rdf-schema#label> "
      "\"accuse\" .\n"
      "<http://ex.test/kg/actor/RUS> <http://ex.test/kg/relation/accuse> "
      "<http://ex.test/kg/actor/UKR> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.test/kg/vocab#Event> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#subject> "
      "<http://ex.test/kg/actor/RUS> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#relation> "
      "<http://ex.test/kg/relation/accuse> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#object> "
      "<http://ex.test/kg/actor/UKR> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#verb> \"accused\" .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#cameo> \"112\" .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#plover> "
      "\"ACCUSE\" .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#negated> "
      "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#modality> "
      "\"asserted\" .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#confidence> "
      "\"0.9\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#document> "
      "<http://ex.test/kg/doc/d1> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#sentence> "
      "\"Russia accused Ukraine.\" .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#spanStart> "
      "\"0\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#spanEnd> "
      "\"23\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://ex.test/kg/event/d08ea22df1748d14> <http://ex.test/kg/vocab#date> "
      "\"2024-04-03\"^^<http://www.w3.org/2001/XMLSchema#date> .\n";
  CHECK(WriteAll("nt", {GoldenTriple()}, options) == kExpected);
}

TEST_CASE("N-Triples uses the default base", "[rdf]") {
  std::string nt = WriteAll("nt", {GoldenTriple()});
  CHECK(Contains(nt, "<http://example.org/kg/actor/RUS> <http://example.org/kg/relation/accuse> "
                     "<http://example.org/kg/actor/UKR> .\n"));
  CHECK(Contains(nt, "<http://example.org/kg/event/d08ea22df1748d14> "));
}

TEST_CASE("A negated triple has an event node but no direct edge", "[rdf]") {
  graph::Triple t = GoldenTriple();
  t.negated = true;
  std::string nt = WriteAll("nt", {t});
  const std::string kEdgePredicate =
      "<http://example.org/kg/actor/RUS> <http://example.org/kg/relation/accuse> ";
  CHECK_FALSE(Contains(nt, kEdgePredicate));
  CHECK(Contains(nt, "<http://example.org/kg/event/d08ea32df1748ec7> "
                     "<http://example.org/kg/vocab#negated> "
                     "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n"));
  CHECK(Contains(nt, "<http://example.org/kg/vocab#relation> "
                     "<http://example.org/kg/relation/accuse> .\n"));

  // A negated and an asserted event about the same pair: one edge, two events.
  std::string both = WriteAll("nt", {t, GoldenTriple()});
  CHECK(CountOccurrences(both, kEdgePredicate) == 1);
  CHECK(CountOccurrences(both, "<http://example.org/kg/vocab#Event>") == 2);
}

TEST_CASE("Actors and relations are described once, events every time", "[rdf]") {
  graph::Triple t1 = GoldenTriple();
  graph::Triple t2 = GoldenTriple();
  t2.span_begin = 30;
  t2.span_end = 60;
  t2.subject.name = "Russian Federation";  // first sighting wins
  std::string nt = WriteAll("nt", {t1, t2});
  CHECK(CountOccurrences(nt, "rdf-schema#label> \"Russia\"") == 1);
  CHECK_FALSE(Contains(nt, "Russian Federation"));
  CHECK(CountOccurrences(nt, "rdf-schema#label> \"accuse\"") == 1);
  CHECK(CountOccurrences(nt, "<http://example.org/kg/vocab#Event>") == 2);
  CHECK(CountLines(nt) == 25 + 16);  // t2 adds only its edge and event
}

TEST_CASE("PLOVER is omitted when unknown; modality is always written", "[rdf]") {
  const std::string kEvent = "<http://example.org/kg/event/d08ea22df1748d14> ";
  const std::string kVocab = "<http://example.org/kg/vocab#";
  for (graph::Modality m : {graph::Modality::kAsserted, graph::Modality::kReported,
                            graph::Modality::kHypothetical}) {
    graph::Triple t = GoldenTriple();
    t.plover.clear();
    t.modality = m;
    std::string nt = WriteAll("nt", {t});
    INFO(nt);
    CHECK_FALSE(Contains(nt, kVocab + "plover>"));
    CHECK(Contains(nt, kEvent + kVocab + "modality> \"" + std::string(graph::ModalityName(m)) +
                           "\" .\n"));
    CHECK(CountOccurrences(nt, kVocab + "modality>") == 1);
    // Neither field is part of the event key, and neither removes the edge.
    CHECK(Contains(nt, kEvent));
    CHECK(Contains(nt, "<http://example.org/kg/actor/RUS> <http://example.org/kg/relation/accuse> "
                       "<http://example.org/kg/actor/UKR> .\n"));
  }
}

TEST_CASE("Actor types map to kgv classes", "[rdf]") {
  struct Case {
    graph::ActorType type;
    const char* cls;
  };
  for (Case c : {Case{graph::ActorType::kCountry, "Country"},
                 Case{graph::ActorType::kOrganization, "Organization"},
                 Case{graph::ActorType::kPerson, "Person"},
                 Case{graph::ActorType::kPlace, "Place"},
                 Case{graph::ActorType::kGroup, "Group"},
                 Case{graph::ActorType::kUnknown, "Actor"}}) {
    graph::Triple t = GoldenTriple();
    t.subject.type = c.type;
    std::string nt = WriteAll("nt", {t});
    CHECK(Contains(nt, "<http://example.org/kg/actor/RUS> "
                       "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                       "<http://example.org/kg/vocab#" + std::string(c.cls) + "> .\n"));
  }
}

TEST_CASE("Dates are typed when well-formed, plain otherwise, omitted when empty", "[rdf]") {
  auto date_line = [](const std::string& date) {
    graph::Triple t = GoldenTriple();
    t.date = date;
    std::string nt = WriteAll("nt", {t});
    const std::string kKey = "<http://example.org/kg/vocab#date> ";
    size_t pos = nt.find(kKey);
    if (pos == std::string::npos) return std::string();
    pos += kKey.size();
    return nt.substr(pos, nt.find('\n', pos) - pos);
  };
  const std::string kXsd = "^^<http://www.w3.org/2001/XMLSchema#";
  CHECK(date_line("2024-04-03") == "\"2024-04-03\"" + kXsd + "date> .");
  CHECK(date_line("2024-02-29") == "\"2024-02-29\"" + kXsd + "date> .");
  CHECK(date_line("2000-02-29") == "\"2000-02-29\"" + kXsd + "date> .");
  CHECK(date_line("2024") == "\"2024\"" + kXsd + "gYear> .");
  CHECK(date_line("2023-02-29") == "\"2023-02-29\" .");
  CHECK(date_line("1900-02-29") == "\"1900-02-29\" .");
  CHECK(date_line("2024-13-01") == "\"2024-13-01\" .");
  CHECK(date_line("2024-04-31") == "\"2024-04-31\" .");
  CHECK(date_line("2024-4-3") == "\"2024-4-3\" .");
  CHECK(date_line("24") == "\"24\" .");
  CHECK(date_line("April \"3rd\"") == "\"April \\\"3rd\\\"\" .");
  CHECK(date_line("") == "");
}

TEST_CASE("Confidence is an xsd:decimal with two digits at most", "[rdf]") {
  auto confidence = [](double c) {
    graph::Triple t = GoldenTriple();
    t.confidence = c;
    std::string nt = WriteAll("nt", {t});
    const std::string kKey = "<http://example.org/kg/vocab#confidence> \"";
    size_t pos = nt.find(kKey);
    if (pos == std::string::npos) return std::string("(omitted)");
    pos += kKey.size();
    return nt.substr(pos, nt.find('"', pos) - pos);
  };
  CHECK(confidence(0.9) == "0.9");
  CHECK(confidence(1.0) == "1.0");
  CHECK(confidence(0.0) == "0.0");
  CHECK(confidence(0.05) == "0.05");
  CHECK(confidence(0.123) == "0.12");
  CHECK(confidence(0.875) == "0.88");
  CHECK(confidence(0.999) == "1.0");
  CHECK(confidence(-0.25) == "-0.25");
  CHECK(confidence(-0.001) == "0.0");
  CHECK(confidence(std::numeric_limits<double>::quiet_NaN()) == "(omitted)");
  CHECK(confidence(std::numeric_limits<double>::infinity()) == "(omitted)");
}

TEST_CASE("Hostile strings are escaped and encoded in N-Triples", "[rdf]") {
  std::string nt = WriteAll("nt", HostileTriples());
  CHECK(CountLines(nt) == testing::kHostileStatementCount);
  CHECK(Contains(nt, "<http://example.org/kg/actor/a%20b%3C%3E%22%7B%7D%7C%5C%5E%60%2525"
                     "%2F%3F%23%5B%5D%40%3A> "));
  CHECK(Contains(nt, "<http://example.org/kg/actor/Erdo%C4%9Fan> "
                     "<http://www.w3.org/2000/01/rdf-schema#label> \"Recep Tayyip Erdoğan\" .\n"));
  CHECK(Contains(nt, "\"Name \\\"quoted\\\"\\n\\twith \\\\ and \\u0001\\u001F\\u007F 😀\""));
  CHECK(Contains(nt, "\\u0000 nul \\u007F del \xEF\xBF\xBD bad \xEF\xBF\xBD( bad2"));
  CHECK(Contains(nt, "<http://example.org/kg/relation/> "));
  CHECK(Contains(nt, "<http://example.org/kg/doc/%25> .\n"));
  CHECK(Contains(nt, "\"18446744073709551615\"^^"));
  CHECK(Contains(nt, "<http://example.org/kg/vocab#plover> \"AC\\\"CUSE\\n\\\\ \xEF\xBF\xBD 😀\" .\n"));
  CHECK(Contains(nt, "<http://example.org/kg/vocab#modality> \"reported\" .\n"));
  CHECK(Contains(nt, "<http://example.org/kg/vocab#modality> \"hypothetical\" .\n"));
  // Every line is one statement: no raw newline or carriage return leaked.
  for (size_t start = 0; start < nt.size();) {
    size_t end = nt.find('\n', start);
    std::string line = nt.substr(start, end - start);
    INFO(line);
    CHECK(line.size() >= 2);
    CHECK(line.substr(line.size() - 2) == " .");
    CHECK(line.find('\r') == std::string::npos);
    start = end + 1;
  }
}

TEST_CASE("Output is deterministic in every format", "[rdf]") {
  std::vector<graph::Triple> ts = HostileTriples();
  ts.push_back(GoldenTriple());
  for (const char* format : {"nt", "ttl", "jsonl"}) {
    INFO("format: " << format);
    CHECK(WriteAll(format, ts) == WriteAll(format, ts));
  }
}

TEST_CASE("JSON lines writes TripleToJson, one per line", "[rdf]") {
  graph::Triple t = GoldenTriple();
  graph::Triple u = GoldenTriple();
  u.negated = true;
  CHECK(WriteAll("jsonl", {t, u}) ==
        graph::TripleToJson(t) + "\n" + graph::TripleToJson(u) + "\n");
  CHECK(WriteAll("jsonl", {}) == "");
}

TEST_CASE("Writers report a failed stream and misuse", "[rdf]") {
  for (const char* format : {"nt", "ttl", "jsonl"}) {
    INFO("format: " << format);
    std::ostringstream failed;
    failed.setstate(std::ios::badbit);
    auto w = MakeTripleWriter(format, failed);
    REQUIRE(w.ok());
    Status s = (*w)->Write(GoldenTriple());
    CHECK(s.code() == Status::Code::kIOError);
    CHECK((*w)->Finish().code() == Status::Code::kIOError);

    std::ostringstream out;
    auto ok = MakeTripleWriter(format, out);
    REQUIRE(ok.ok());
    REQUIRE((*ok)->Write(GoldenTriple()).ok());
    REQUIRE((*ok)->Finish().ok());
    CHECK((*ok)->Finish().ok());  // idempotent
    std::string before = out.str();
    CHECK((*ok)->Write(GoldenTriple()).code() == Status::Code::kInvalidArgument);
    CHECK(out.str() == before);
  }
}

TEST_CASE("rapper and serdi parse hostile N-Triples", "[rdf]") {
  testing::TempDir dir;
  std::string nt = WriteAll("nt", HostileTriples());
  auto file = testing::WriteFile(dir, "hostile.nt", nt);

  testing::ParseOutcome rapper = testing::RunRapper("ntriples", file);
  INFO("rapper said:\n" << rapper.output);
  CHECK(rapper.exit_code == 0);
  CHECK(rapper.triples == testing::kHostileStatementCount);
  CHECK_FALSE(Contains(rapper.output, "Error"));
  CHECK_FALSE(Contains(rapper.output, "Warning"));

  testing::ParseOutcome serdi = testing::RunSerdi("ntriples", file);
  INFO("serdi said:\n" << serdi.errors);
  CHECK(serdi.exit_code == 0);
  CHECK(serdi.errors.empty());
  CHECK(serdi.triples == testing::kHostileStatementCount);
}

}  // namespace
}  // namespace kg::rdf
