#include "extract/petrarch_records.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace kg::extract::petrarch {
namespace {

// Every construct of PETRARCH's records file, in its own spellings: blanks
// around '=', single-quoted attributes, a <Config> between <Environment>
// and <Sentences>, <Config> before and inside a <Sentence>, the <Pause>
// element, comments and parses that must be ignored.
constexpr const char* kRecords = R"(<?xml version="1.0" encoding="utf-8"?>
<Validation>
<!-- a comment with <Sentence> in it -->
<Environment>
    <Verbfile>V.verbs.txt</Verbfile>
    <Actorfile>V.actors.txt</Actorfile>
    <Agentfile>V.agents.txt</Agentfile>
    <Discardfile>V.discards.txt</Discardfile>
    <Errorfile>Errors.txt</Errorfile>
    <Include>valid DEMO ERROR</Include>
    <Pause>Stop</Pause>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Config option="global" value="1"></Config>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- two events -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"THE MINISTRY OF MAGIC"' targetcode="GON" eventcode="032"></EventCoding>
<Text>
Arnor is about to restore   full diplomatic
	ties with Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBZ is)) (. .)))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20080801" id ="DEMO-01"  category="DEMO" sentence="true">
<EventCoding noevents = "True"> </EventCoding>
<Text>Nothing happened.</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="19950102" id="ERROR-01" category="ERROR" sentence="true">
<Config option="new_actor_length" value="4"></Config>
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- Something.</Text>
</Sentence>
<Config option="require_dyad" value="true"></Config>
<Sentence date="19950103" id="AGENTS-18" category="AGENTS" sentence="false">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Skipped.</Text>
</Sentence>
<Stop></Stop>
<Sentence date="19950104" id="AFTER" category="DEMO" sentence="true">
<Text>Not read.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST_CASE("Records: environment", "[extract]") {
  auto file = ParseRecords(kRecords, "t.xml");
  REQUIRE(file.ok());
  const Environment& env = file->environment;
  CHECK(env.verb_file == "V.verbs.txt");
  CHECK(env.actor_file == "V.actors.txt");
  CHECK(env.agent_file == "V.agents.txt");
  CHECK(env.discard_file == "V.discards.txt");
  CHECK(env.issue_file.empty());
  CHECK(env.error_file == "Errors.txt");
  CHECK(env.pause == "Stop");
  CHECK(env.include == std::vector<std::string>{"valid", "DEMO", "ERROR"});
  CHECK(env.config == ConfigOptions{{"stop_on_error", "True"}, {"global", "1"}});
  CHECK(env.Includes("DEMO"));
  CHECK_FALSE(env.Includes("AGENTS"));
  CHECK_FALSE(env.Includes("demo"));
}

TEST_CASE("Records: sentences, codings and config", "[extract]") {
  auto file = ParseRecords(kRecords, "t.xml");
  REQUIRE(file.ok());
  const auto& rs = file->records;
  REQUIRE(rs.size() == 4);  // <Stop> ends the records

  const Record& demo = rs[0];
  CHECK(demo.id == "DEMO-00");
  CHECK(demo.category == "DEMO");
  CHECK(demo.date == "1995-01-01");
  CHECK(demo.text == "Arnor is about to restore full diplomatic ties with Gondor & Rohan.");
  CHECK(demo.expected == std::vector<CodeTriple>{{"ARN", "GON", "064"},
                                                 {"\"THE MINISTRY OF MAGIC\"", "GON", "032"}});
  CHECK_FALSE(demo.expects_no_event);
  CHECK_FALSE(demo.expects_error);
  CHECK(demo.config.empty());
  CHECK(demo.line == 16);

  const Record& none = rs[1];
  CHECK(none.id == "DEMO-01");
  CHECK(none.date == "2008-08-01");
  CHECK(none.expects_no_event);
  CHECK(none.expected.empty());
  CHECK(none.config == ConfigOptions{{"require_dyad", "false"}});

  const Record& error = rs[2];
  CHECK(error.expects_error);
  CHECK(error.error_kind == "dateline");
  CHECK_FALSE(error.expects_no_event);
  // A <Config> inside a <Sentence> adds to the options in effect...
  CHECK(error.config == ConfigOptions{{"require_dyad", "false"}, {"new_actor_length", "4"}});

  // ...for that record only; one between records lasts until set again.
  const Record& skipped = rs[3];
  CHECK(skipped.category == "AGENTS");
  CHECK(skipped.config == ConfigOptions{{"require_dyad", "true"}});
}

std::string Message(const Status& s) { return s.message(); }

TEST_CASE("Records: malformed XML names the file and line", "[extract]") {
  auto r = ParseRecords("<Validation>\n<Sentences>\n<Sentence id=\"a\"\n</Sentences>", "bad.xml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kParseError);
  CHECK(Message(r.status()).rfind("bad.xml: line 4: malformed XML", 0) == 0);

  r = ParseRecords("<Validation>\n<Sentences>\n</Sentence>\n</Validation>", "bad.xml");
  REQUIRE_FALSE(r.ok());
  CHECK(Message(r.status()).rfind("bad.xml: line 3: malformed XML", 0) == 0);

  r = ParseRecords("", "empty.xml");
  REQUIRE_FALSE(r.ok());
  CHECK(Message(r.status()).rfind("empty.xml: line 1: malformed XML", 0) == 0);
}

TEST_CASE("Records: structural errors name the file and line", "[extract]") {
  struct Case {
    const char* xml;
    const char* message;
  };
  const Case cases[] = {
      {"<Records/>", "x.xml: line 1: the root element is <Records>, expected <Validation>"},
      {"<Validation>\n<Environment/>\n</Validation>",
       "x.xml: line 1: no <Sentences> in <Validation>"},
      {"<Validation><Sentences>\n<Sentence category=\"A\" date=\"19950101\"><Text/></Sentence>"
       "</Sentences></Validation>",
       "x.xml: line 2: <Sentence> without an id"},
      {"<Validation><Sentences>\n\n<Sentence id=\"s1\" category=\"A\" date=\"1995-01-01\">"
       "<Text/></Sentence></Sentences></Validation>",
       "x.xml: line 3: <Sentence id=\"s1\">: date '1995-01-01' is not YYYYMMDD"},
      {"<Validation><Sentences>\n<Sentence id=\"s1\" category=\"A\" date=\"19950101\">"
       "</Sentence></Sentences></Validation>",
       "x.xml: line 2: <Sentence id=\"s1\"> without <Text>"},
      {"<Validation><Sentences><Sentence id=\"s1\" category=\"A\" date=\"19950101\">\n"
       "<EventCoding sourcecode=\"A\" eventcode=\"010\"/><Text/></Sentence></Sentences>"
       "</Validation>",
       "x.xml: line 2: <EventCoding> in <Sentence id=\"s1\"> needs all of sourcecode, "
       "targetcode and eventcode"},
      {"<Validation><Sentences><Sentence id=\"s1\" category=\"A\" date=\"19950101\">\n"
       "<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"010\"/>\n"
       "<EventCoding noevents=\"True\"/><Text/></Sentence></Sentences></Validation>",
       "x.xml: line 3: <Sentence id=\"s1\"> expects both events and no events"},
      {"<Validation><Sentences><Sentence id=\"s1\" category=\"A\" date=\"19950101\">\n"
       "<EventCoding noevents=\"True\" error=\"dateline\"/><Text/></Sentence></Sentences>"
       "</Validation>",
       "x.xml: line 2: <EventCoding> in <Sentence id=\"s1\"> must have either sourcecode, "
       "targetcode and eventcode, or noevents, or error"},
      {"<Validation><Sentences>\n<Config option=\"a\"/></Sentences></Validation>",
       "x.xml: line 2: <Config> without option and value attributes"},
      {"<Validation><Sentences>\n<Stop/></Sentences></Validation>",
       "x.xml: line 2: unexpected <Stop> in <Sentences>"},
  };
  for (const Case& c : cases) {
    INFO(c.xml);
    auto r = ParseRecords(c.xml, "x.xml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kParseError);
    CHECK(Message(r.status()) == c.message);
  }
}

TEST_CASE("Records: no <Include> runs every category", "[extract]") {
  auto r = ParseRecords("<Validation><Environment/><Sentences/></Validation>", "x.xml");
  REQUIRE(r.ok());
  CHECK(r->records.empty());
  CHECK(r->environment.Includes("ANY"));
  r = ParseRecords("<Validation><Environment><Include></Include></Environment><Sentences/>"
                   "</Validation>",
                   "x.xml");
  REQUIRE(r.ok());
  CHECK_FALSE(r->environment.Includes("ANY"));
}

TEST_CASE("Records: a missing file is an IOError naming it", "[extract]") {
  auto r = ReadRecordsFile("/nonexistent/records.xml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kIOError);
  CHECK(Message(r.status()).rfind("/nonexistent/records.xml: ", 0) == 0);
}

// PETRARCH's own unit-test file, from ../shared when it is there.
TEST_CASE("Records: PETRARCH's unit-test file", "[extract]") {
  const char* env = std::getenv("KG_SHARED_DIR");
  std::filesystem::path shared = env != nullptr ? env : KG_SHARED_DIR;
  std::filesystem::path path = shared / "petrarch/text/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(path)) {
    WARN("skipped: " << path << " not found");
    return;
  }
  auto file = ReadRecordsFile(path.string());
  REQUIRE(file.ok());
  CHECK(file->environment.verb_file == "PETR.Validate.verbs.txt");
  CHECK(file->environment.actor_file == "PETR.Validate.actors.txt");
  REQUIRE(file->records.size() == 284);
  size_t events = 0, no_event = 0, error = 0;
  for (const Record& r : file->records) {
    events += r.expected.size();
    no_event += r.expects_no_event;
    error += r.expects_error;
  }
  // 385 <EventCoding> lines: 359 events, 19 noevents, 7 errors.
  CHECK(events == 359);
  CHECK(no_event == 19);
  CHECK(error == 7);
  CHECK(file->records.front().id == "DEMO-00");
  CHECK(file->records.front().text ==
        "Arnor is about to restore full diplomatic ties with Gondor almost five years after "
        "crowds trashed its embassy.");
}

}  // namespace
}  // namespace kg::extract::petrarch
