// Helpers shared by the rdf tests: sample and hostile triples, writing them
// through MakeTripleWriter, and running the real RDF parsers (rapper, serdi)
// on the result.
#ifndef KG_TESTS_RDF_RDF_TEST_UTIL_H_
#define KG_TESTS_RDF_RDF_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "graph/triple.h"
#include "rdf/triple_writer.h"

namespace kg::rdf::testing {

// The triple the golden tests spell out byte for byte.
inline graph::Triple GoldenTriple() {
  graph::Triple t;
  t.subject = {"RUS", "Russia", graph::ActorType::kCountry, "RUS", {}};
  t.relation = "accuse";
  t.cameo = "112";
  t.plover = "ACCUSE";
  t.verb = "accused";
  t.object = {"UKR", "Ukraine", graph::ActorType::kCountry, "", {}};
  t.doc = "d1";
  t.sentence = "Russia accused Ukraine.";
  t.span_begin = 0;
  t.span_end = 23;
  t.date = "2024-04-03";
  t.confidence = 0.9;
  return t;
}

// Triples built to break a careless serialiser: IRI-hostile ids, literal-
// hostile text, invalid UTF-8, empty ids and relations, negation, odd dates
// and a NaN confidence. Written through the RDF writers they give exactly
// kHostileStatementCount statements (counted by hand in the comments).
inline std::vector<graph::Triple> HostileTriples() {
  std::vector<graph::Triple> ts;
  graph::Triple a;
  // New subject (no code): a, label, id = 3. New object with code: 4.
  // New relation: 2. Direct edge: 1. Event: a, subject, relation, object,
  // verb, plover, negated, modality, confidence, document, sentence,
  // spanStart, spanEnd, date = 14. Total 24.
  a.subject = {"a b<>\"{}|\\^`%25/?#[]@:", "Name \"quoted\"\n\twith \\ and \x01\x1f\x7f 😀",
               graph::ActorType::kPerson, "", {}};
  a.object = {"Erdoğan", "Recep Tayyip Erdoğan", graph::ActorType::kCountry, "TUR", {}};
  a.relation = "say \"no\"/?#<>";
  a.verb = "said\r\n";
  a.plover = "AC\"CUSE\n\\ \xff 😀";
  a.modality = graph::Modality::kReported;
  a.doc = "doc/1 ?#<x>";
  a.sentence = std::string("Line one\nline two\r\n\"q\" \\ tab\there ") + '\0' +
               " nul \x7f del \xff bad \xC3( bad2 — “curly” 😀 end";
  a.span_begin = 12;
  a.span_end = 345;
  a.date = "2024-02-29";
  a.confidence = 0.875;
  ts.push_back(a);

  graph::Triple b;
  // Actors seen. New (empty) relation: 2. Negated: no edge. Event: a,
  // subject, relation, object, verb, cameo, negated, modality, sentence,
  // spanStart, spanEnd, date (gYear) = 12; no plover, no confidence (NaN), no
  // document (empty). Total 14.
  b.subject = a.object;
  b.object = a.subject;
  b.relation = "";
  b.cameo = "0 4\\1\"";
  b.verb = "";
  b.negated = true;
  b.modality = graph::Modality::kHypothetical;
  b.sentence = "";
  b.date = "2024";
  b.confidence = std::numeric_limits<double>::quiet_NaN();
  ts.push_back(b);

  graph::Triple c;
  // New actor with empty id and name: a, id = 2 (object is the same actor).
  // Relation seen. Edge: 1. Event: a, subject, relation, object, verb,
  // negated, modality, confidence, document, sentence, spanStart, spanEnd,
  // date (plain) = 13. Total 16.
  c.subject = {"", "", graph::ActorType::kUnknown, "", {}};
  c.object = c.subject;
  c.relation = a.relation;
  c.verb = "x";
  c.doc = "%";
  c.sentence = "self";
  c.span_begin = std::numeric_limits<uint64_t>::max();
  c.date = "2024-13-45";
  ts.push_back(c);
  return ts;
}
inline constexpr int kHostileStatementCount = 24 + 14 + 16;

// Writes `triples` in `format` and finishes; fails the test on any error.
inline std::string WriteAll(std::string_view format, const std::vector<graph::Triple>& triples,
                            const WriterOptions& options = {}) {
  std::ostringstream out;
  auto writer = MakeTripleWriter(format, out, options);
  REQUIRE(writer.ok());
  for (const graph::Triple& t : triples) REQUIRE((*writer)->Write(t).ok());
  REQUIRE((*writer)->Finish().ok());
  return out.str();
}

inline int CountLines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A scratch directory unique to this process, removed by the destructor.
class TempDir {
 public:
  TempDir()
      : path_(std::filesystem::temp_directory_path() /
              ("kg_rdf_test_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Exit code of a shell command, or -1 if it did not exit normally.
inline int Run(const std::string& cmd) {
  int status = std::system(cmd.c_str());
  if (status == -1 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

inline void RequireTool(const std::string& tool) {
  if (Run("command -v " + tool + " >/dev/null 2>&1") != 0) {
    FAIL(tool << " not found on PATH: the RDF round-trip tests need real parsers. Run "
                 "scripts/install-deps.sh (or scripts/test.sh), which installs raptor2-utils "
                 "and serdi.");
  }
}

struct ParseOutcome {
  int exit_code = -1;
  std::string output;      // what the parser printed (rapper: its log; serdi: N-Triples)
  std::string errors;      // serdi's stderr
  long long triples = -1;  // rapper's "Parsing returned N triples", serdi's output lines
};

// Runs `rapper -i <syntax> -c FILE` (syntax "ntriples" or "turtle"). Not
// with -q: rapper then hides the "Parsing returned N triples" line we check.
inline ParseOutcome RunRapper(const std::string& syntax, const std::filesystem::path& file) {
  RequireTool("rapper");
  ParseOutcome r;
  std::filesystem::path log = file.string() + ".rapper.log";
  r.exit_code = Run("rapper -i " + syntax + " -c '" + file.string() + "' >'" + log.string() +
                    "' 2>&1");
  r.output = ReadFile(log);
  std::smatch m;
  static const std::regex kCount("Parsing returned ([0-9]+) triple");
  if (std::regex_search(r.output, m, kCount)) r.triples = std::stoll(m[1].str());
  return r;
}

// Runs `serdi -i <syntax> FILE`, which prints the statements as N-Triples,
// one per line; strict by default, so any syntax error fails.
inline ParseOutcome RunSerdi(const std::string& syntax, const std::filesystem::path& file) {
  RequireTool("serdi");
  ParseOutcome r;
  std::filesystem::path out = file.string() + ".serdi.nt";
  std::filesystem::path err = file.string() + ".serdi.err";
  r.exit_code = Run("serdi -i " + syntax + " '" + file.string() + "' >'" + out.string() +
                    "' 2>'" + err.string() + "'");
  r.output = ReadFile(out);
  r.errors = ReadFile(err);
  r.triples = CountLines(r.output);
  return r;
}

// Writes `text` to dir/name and returns the path.
inline std::filesystem::path WriteFile(const TempDir& dir, const std::string& name,
                                       const std::string& text) {
  std::filesystem::path p = dir.path() / name;
  std::ofstream f(p, std::ios::binary);
  f << text;
  REQUIRE(f.good());
  return p;
}

}  // namespace kg::rdf::testing

#endif  // KG_TESTS_RDF_RDF_TEST_UTIL_H_
