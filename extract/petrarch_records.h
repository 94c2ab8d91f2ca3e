// PETRARCH validation records: the peer coder's unit-test suite as data.
//
// PETRARCH ships its unit tests as one XML file (PETR.UnitTest.records.xml,
// schema validation.rng): an <Environment> naming the dictionaries the
// tests are written against and the categories to run, then <Sentences>,
// each <Sentence> a text with the CAMEO events (source actor code, target
// actor code, event code) it should be coded as. kg reads the file to run
// the suite against its own coder (extract/validator.h, `kg validate`).
//
//   auto file = extract::petrarch::ReadRecordsFile("PETR.UnitTest.records.xml");
//   if (!file.ok()) return file.status();
//   for (const auto& r : file->records) Use(r.id, r.text, r.expected);
//
// What is read and what is ignored:
// - <Sentence>'s <Text> is the input; <Parse> (a Penn Treebank parse kg does
//   not use) and comments are ignored.
// - <EventCoding sourcecode targetcode eventcode> is one expected event;
//   <EventCoding noevents="True"> says no event is expected; <EventCoding
//   error="KIND"> says PETRARCH rejects the record (KIND: dateline,
//   bad_input_parse, storydiscard, sentencediscard, ...). A <Sentence> with
//   no <EventCoding> at all (PETRARCH's PATTERN-06) has an empty expected
//   set and expects_no_event false; the validator treats both alike.
// - <Config option value> inside <Sentences> sets an option for every later
//   record until it is set again (the file relies on this: it sets
//   new_actor_length to 4 before a group of records and back to 0 after).
//   <Config> inside a <Sentence> applies to that record only.
// - An element in <Sentences> named by <Environment>'s <Pause> (PETRARCH's
//   file says "Stop") ends the records; any after it are not read.
#ifndef KG_EXTRACT_PETRARCH_RECORDS_H_
#define KG_EXTRACT_PETRARCH_RECORDS_H_

#include <compare>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace kg::extract::petrarch {

// <Config option="require_dyad" value="false">: option -> value, as written
// (values are not normalised: the file spells booleans True, true, TRUE).
using ConfigOptions = std::map<std::string, std::string>;

struct Environment {
  // Dictionary file names (no directory), empty when the element is absent.
  std::string verb_file;     // <Verbfile>
  std::string actor_file;    // <Actorfile>
  std::string agent_file;    // <Agentfile>
  std::string discard_file;  // <Discardfile>
  std::string issue_file;    // <Issuefile> (not in the unit-test file)
  std::string error_file;    // <Errorfile>: where PETRARCH logs; unused by kg
  std::string pause;         // <Pause>: the name of the element that ends the records
  // <Include>: the categories to run, in file order. Empty when there is no
  // <Include> element; see Includes().
  std::vector<std::string> include;
  bool has_include = false;  // an <Include> element was present
  // <Config> in <Environment> and between it and <Sentences>.
  ConfigOptions config;

  // Whether records of `category` are to be run: listed in <Include>, or
  // every category when the file has no <Include>. Case-sensitive, as
  // category names are ("AGENTS" is not "AGENT").
  bool Includes(std::string_view category) const;
};

// One CAMEO event as PETRARCH writes it: actor codes and an event code.
// New actors that PETRARCH takes from a noun phrase are written quoted
// ('"THE MINISTRY OF MAGIC"'); the quotes are kept as part of the code.
struct CodeTriple {
  std::string source;  // "ARN"
  std::string target;  // "GON"
  std::string event;   // "064"

  auto operator<=>(const CodeTriple&) const = default;
  bool operator==(const CodeTriple&) const = default;
};

struct Record {
  std::string id;        // "DEMO-00"; not unique in PETRARCH's file (AGENTS-18 twice)
  std::string category;  // "DEMO"
  std::string date;      // YYYY-MM-DD, from the file's YYYYMMDD
  std::string text;      // <Text>, whitespace runs collapsed to one space, trimmed
  // Options in effect for this record from <Config> elements in <Sentences>
  // (and inside the <Sentence>); the Environment's config is not repeated
  // here: the effective value is this one, else Environment::config's.
  ConfigOptions config;
  std::vector<CodeTriple> expected;  // in file order, as written
  bool expects_no_event = false;    // <EventCoding noevents="True">
  bool expects_error = false;       // <EventCoding error="KIND">
  std::string error_kind;           // KIND, when expects_error
  size_t line = 0;                  // of the <Sentence> tag, 1-based
};

struct RecordsFile {
  Environment environment;
  std::vector<Record> records;  // in file order
};

// Parses a records document. `origin` names it in errors, which are
// ParseError "ORIGIN: line N: problem": malformed XML, a root other than
// <Validation>, no <Sentences>, a <Sentence> without id, category, date
// (8 digits) or <Text>, an <EventCoding> that is neither an event (all of
// sourcecode, targetcode, eventcode) nor noevents nor error, or a record that
// mixes noevents or error with events.
Result<RecordsFile> ParseRecords(std::string_view xml, std::string_view origin);

// Reads and parses the file at `path` (IOError if it cannot be read).
Result<RecordsFile> ReadRecordsFile(const std::string& path);

}  // namespace kg::extract::petrarch

#endif  // KG_EXTRACT_PETRARCH_RECORDS_H_
