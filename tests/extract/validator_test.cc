#include "extract/validator.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

namespace kg::extract {
namespace {

using petrarch::CodeTriple;

constexpr const char* kRecords = R"(<Validation>
<Environment>
  <Include>DEMO ERROR</Include>
</Environment>
<Sentences>
<Sentence date="19950101" id="pass" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="033"></EventCoding>
<Text>pass</Text>
</Sentence>
<Sentence date="19950102" id="wrong" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>wrong</Text>
</Sentence>
<Sentence date="19950103" id="extra" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>extra</Text>
</Sentence>
<Sentence date="19950104" id="dup" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>dup</Text>
</Sentence>
<Sentence date="19950105" id="negated" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>negated</Text>
</Sentence>
<Sentence date="19950106" id="noevent-fail" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>noevent-fail</Text>
</Sentence>
<Sentence date="19950107" id="coder-error" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>coder-error</Text>
</Sentence>
<Sentence date="19950108" id="error-by-error" category="ERROR">
<EventCoding error="dateline"></EventCoding>
<Text>coder-error</Text>
</Sentence>
<Sentence date="19950109" id="error-by-silence" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>nothing</Text>
</Sentence>
<Sentence date="19950110" id="error-fail" category="ERROR">
<EventCoding error="sentencediscard"></EventCoding>
<Text>wrong</Text>
</Sentence>
<Sentence date="19950110" id="error-parse" category="ERROR">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>wrong</Text>
</Sentence>
<Sentence date="19950111" id="skipped" category="AGENTS">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>pass</Text>
</Sentence>
</Sentences>
</Validation>)";

graph::Triple Event(const std::string& s, const std::string& o, const std::string& cameo,
                    bool negated = false) {
  graph::Triple t;
  t.subject.id = s;
  t.subject.code = s;
  t.object.id = o;
  t.object.code = o;
  t.cameo = cameo;
  t.negated = negated;
  return t;
}

// Codes a document by its text, and records what it was called with.
struct FakeCoder {
  std::vector<graph::Document> calls;

  Status operator()(const graph::Document& doc, std::vector<graph::Triple>* out) {
    calls.push_back(doc);
    const std::string& text = doc.text;
    if (text == "pass") {
      out->push_back(Event("GON", "ARN", "033"));  // order does not matter
      out->push_back(Event("ARN", "GON", "064"));
      out->push_back(Event("ARN", "GON", "", false));  // no CAMEO code: not an event
    } else if (text == "wrong") {
      out->push_back(Event("GON", "ARN", "064"));
    } else if (text == "extra") {
      out->push_back(Event("ARN", "GON", "064"));
      out->push_back(Event("ARN", "GON", "063"));
    } else if (text == "dup") {
      out->push_back(Event("ARN", "GON", "064"));
      out->push_back(Event("ARN", "GON", "064"));
      out->push_back(Event("ARN", "GON", "064"));
    } else if (text == "negated") {
      out->push_back(Event("ARN", "GON", "138", /*negated=*/true));
    } else if (text == "noevent-fail") {
      out->push_back(Event("ARN", "GON", "010"));
    } else if (text == "coder-error") {
      out->push_back(Event("ARN", "GON", "010"));  // ignored: the coder failed
      return Status::InvalidArgument(doc.id + ": bad text");
    }
    return Status::OK();
  }
};

TEST_CASE("Validator: pass, fail, duplicates, negation, errors, skips", "[extract]") {
  auto file = petrarch::ParseRecords(kRecords, "t.xml");
  REQUIRE(file.ok());
  FakeCoder fake;
  ValidationReport report =
      Validate(*file, [&](const graph::Document& d, const CodingOptions&,
                          std::vector<graph::Triple>* out) { return fake(d, out); });

  std::map<std::string, const RecordResult*> by_id;
  for (const RecordResult& r : report.records) by_id[r.id] = &r;
  REQUIRE(by_id.size() == 12);
  auto outcome = [&](const std::string& id) { return by_id.at(id)->outcome; };
  using O = RecordOutcome;

  CHECK(outcome("pass") == O::kPassed);
  CHECK(by_id.at("pass")->got ==
        std::vector<CodeTriple>{{"ARN", "GON", "064"}, {"GON", "ARN", "033"}});
  CHECK(by_id.at("pass")->expected == by_id.at("pass")->got);

  CHECK(outcome("wrong") == O::kFailed);
  CHECK(by_id.at("wrong")->got == std::vector<CodeTriple>{{"GON", "ARN", "064"}});
  CHECK(outcome("extra") == O::kFailed);  // a superset is not a pass

  // Both sides are sets: three copies coded, two expected, one distinct.
  CHECK(outcome("dup") == O::kPassed);
  CHECK(by_id.at("dup")->duplicates == 2);
  CHECK(by_id.at("dup")->expected.size() == 1);

  CHECK(outcome("negated") == O::kPassed);  // a negated triple is not an event
  CHECK(by_id.at("negated")->got.empty());
  CHECK(outcome("noevent-fail") == O::kFailed);

  CHECK(outcome("coder-error") == O::kFailed);
  CHECK(by_id.at("coder-error")->coder_status.message() == "coder-error: bad text");
  CHECK(by_id.at("coder-error")->got.empty());

  CHECK(outcome("error-by-error") == O::kPassed);
  CHECK(outcome("error-by-silence") == O::kPassed);
  CHECK(outcome("error-fail") == O::kFailed);
  CHECK(by_id.at("error-fail")->error_kind == "sentencediscard");

  CHECK(outcome("skipped") == O::kSkipped);
  CHECK(by_id.at("skipped")->skip_reason == "category AGENTS is not in the <Include> list");
  // kg never reads the <Parse>: a record about a malformed one is skipped.
  CHECK(outcome("error-parse") == O::kSkipped);
  CHECK(by_id.at("error-parse")->skip_reason.find("<Parse>") != std::string::npos);

  CHECK(report.passed == 5);
  CHECK(report.failed == 5);
  CHECK(report.skipped == 2);
  REQUIRE(report.categories.size() == 3);
  CHECK(report.categories[0].category == "DEMO");
  CHECK(report.categories[0].passed == 3);
  CHECK(report.categories[0].failed == 4);
  CHECK(report.categories[1].category == "ERROR");
  CHECK(report.categories[1].passed == 2);
  CHECK(report.categories[1].failed == 1);
  CHECK(report.categories[1].skipped == 1);
  CHECK(report.categories[2].category == "AGENTS");
  CHECK(report.categories[2].skipped == 1);

  // The coder saw each included record once, as a document of its own.
  REQUIRE(fake.calls.size() == 10);
  CHECK(fake.calls[0].id == "pass");
  CHECK(fake.calls[0].date == "1995-01-01");
  CHECK(fake.calls[0].text == "pass");
  for (const auto& d : fake.calls) CHECK(d.id != "skipped");
}

TEST_CASE("Validator: CodeTriplesOf keeps distinct coded events", "[extract]") {
  std::vector<graph::Triple> triples = {Event("B", "A", "010"), Event("A", "B", "010"),
                                        Event("A", "B", "010"), Event("A", "B", "138", true),
                                        Event("A", "B", "")};
  size_t duplicates = 99;
  auto codes = CodeTriplesOf(triples, &duplicates);
  CHECK(codes == std::vector<CodeTriple>{{"A", "B", "010"}, {"B", "A", "010"}});
  CHECK(duplicates == 1);
  CHECK(CodeTriplesOf({}, nullptr).empty());
  // A compound code stands for each member; a member is no event with itself.
  CHECK(CodeTriplesOf({Event("FRO/BIL", "ELR/GAL", "064")}, nullptr) ==
        std::vector<CodeTriple>{{"BIL", "ELR", "064"}, {"BIL", "GAL", "064"},
                                {"FRO", "ELR", "064"}, {"FRO", "GAL", "064"}});
  CHECK(CodeTriplesOf({Event("FRO/BIL", "BIL", "064")}, nullptr) ==
        std::vector<CodeTriple>{{"FRO", "BIL", "064"}});
  // A missing side (no dyad required) is PETRARCH's "---".
  CHECK(CodeTriplesOf({Event("---GOV", "", "023")}, nullptr) ==
        std::vector<CodeTriple>{{"---GOV", "---", "023"}});
}

TEST_CASE("Validator: require_dyad and new_actor_length from the Environment and Config",
          "[extract]") {
  auto file = petrarch::ParseRecords(R"(<Validation><Environment><Include>DEMO</Include>
<Config option="require_dyad" value="TRUE"></Config></Environment><Sentences>
<Sentence date="19950101" id="a" category="DEMO"><Text>a</Text></Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date="19950101" id="b" category="DEMO"><Text>b</Text></Sentence>
<Sentence date="19950101" id="c" category="DEMO">
<Config option="require_dyad" value="true"></Config><Text>c</Text></Sentence>
<Sentence date="19950101" id="d" category="DEMO"><Text>d</Text></Sentence>
<Config option="require_dyad" value="maybe"></Config>
<Config option="new_actor_length" value="4"></Config>
<Sentence date="19950101" id="e" category="DEMO"><Text>e</Text></Sentence>
<Config option="new_actor_length" value="x"></Config>
<Sentence date="19950101" id="f" category="DEMO"><Text>f</Text></Sentence>
</Sentences></Validation>)", "c.xml");
  REQUIRE(file.ok());
  std::string dyads;
  std::vector<size_t> lengths;
  Validate(*file, [&](const graph::Document&, const CodingOptions& options,
                      std::vector<graph::Triple>*) {
    dyads += options.require_dyad ? 'y' : 'n';
    lengths.push_back(options.new_actor_length);
    return Status::OK();
  });
  CHECK(lengths == std::vector<size_t>{0, 0, 0, 0, 4, 0});
  // The Config inside c is c's alone; an unreadable value keeps the
  // Environment's.
  CHECK(dyads == "ynynyy");
}

TEST_CASE("Validator: record text reads '_' as a blank", "[extract]") {
  auto file = petrarch::ParseRecords(R"(<Validation><Environment><Include>DEMO</Include>
</Environment><Sentences><Sentence date="19950101" id="u" category="DEMO">
<EventCoding noevents="True"></EventCoding><Text>Dol_Amroth</Text></Sentence>
</Sentences></Validation>)", "u.xml");
  REQUIRE(file.ok());
  std::string seen;
  Validate(*file, [&](const graph::Document& doc, const CodingOptions&,
                      std::vector<graph::Triple>*) {
    seen = doc.text;
    return Status::OK();
  });
  CHECK(seen.find("Dol Amroth") != std::string::npos);
}

}  // namespace
}  // namespace kg::extract
