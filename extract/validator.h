// Validator: runs PETRARCH's unit-test records (extract/petrarch_records.h)
// through a coder and compares the CAMEO events it codes with the expected
// ones, record by record.
//
//   auto file = petrarch::ReadRecordsFile(path);
//   if (!file.ok()) return file.status();
//   Extractor extractor(lexicon);
//   ValidationReport report = Validate(*file, [&](const graph::Document& doc,
//                                                 const CodingOptions& options,
//                                                 std::vector<graph::Triple>* out) {
//     return extractor.Extract(doc, [&](graph::Triple&& t) { out->push_back(std::move(t)); });
//   });
//   std::cout << report.passed << " passed, " << report.failed << " failed\n";
//
// The comparison. PETRARCH checks a record by its code triples: the
// (source actor code, target actor code, event code) of each event coded
// from the text against those of the record's <EventCoding> lines. kg does
// the same with each triple's (subject.code, object.code, cameo):
// - A negated triple ("decided not to provoke") is not an event and is left
//   out, and so is a triple without a CAMEO code. Reported and hypothetical
//   triples count: PETRARCH codes them too ("Arnor is about to restore full
//   diplomatic ties with Gondor" expects ARN GON 064).
// - Both sides are sets: a record passes when the distinct events coded
//   equal the distinct events expected, order ignored. An event coded twice
//   (two clauses saying the same thing) counts once, and the number of
//   such extra copies is reported (RecordResult::duplicates) but does not
//   fail the record; an event listed twice in the file likewise counts once.
// - noevents="True", or no <EventCoding> at all: passes when the coder
//   succeeds and codes no event.
// - error="KIND" (PETRARCH rejects the text: a dateline, a discard word, an
//   unusable parse): kg has no such error kinds, so the record passes when
//   the coder fails or codes no event; what must not happen is an event.
//   Except error="bad_input_parse": the record's <Parse> is malformed, and
//   kg never reads the <Parse>, so the record tests nothing kg has; it is
//   skipped, with that reason.
// - Otherwise a coder error fails the record (reported as its message).
// - Only records whose category is in the <Environment>'s <Include> list
//   are coded; the others are skipped and counted as such.
// - <Config option="require_dyad" value="false"> (in the <Environment>,
//   between records or inside one; the nearest wins) lets the coder code an
//   event with one side only; the missing side, an actor with an empty
//   code, compares as PETRARCH's "---". new_actor_length N > 0 makes a noun
//   phrase of up to N words with no actor in it a new actor, coded by its
//   words as PETRARCH writes them ("\"THE MINISTRY OF MAGIC\""). The
//   comma_* options tune PETRARCH's parser-based coder and are not applied.
// - An actor code with '/' ("FRO/BIL/SAM", PETRARCH's compound codes)
//   stands for each of its members: one event per member pair.
// Each record is coded as a document of its own: id = record id, date =
// record date, text = record text with '_' read as a blank ("Dol_Amroth",
// written as in PETRARCH's dictionaries).
#ifndef KG_EXTRACT_VALIDATOR_H_
#define KG_EXTRACT_VALIDATOR_H_

#include <functional>
#include <string>
#include <vector>

#include "extract/petrarch_records.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace kg::extract {

// How a record asks to be coded, from its <Config> options.
struct CodingOptions {
  bool require_dyad = true;     // require_dyad: an event needs both sides
  size_t new_actor_length = 0;  // new_actor_length: see ExtractorOptions
};

// The options in effect for `record` of `file`: the record's <Config>, else
// the <Environment>'s, else the defaults. require_dyad is read case-blind
// ("False", "FALSE"), new_actor_length as a number; other values are
// ignored.
CodingOptions CodingOptionsOf(const petrarch::RecordsFile& file, const petrarch::Record& record);

// Codes one document as `options` ask, appending its triples to *out (empty
// on entry). A non-OK Status is the coder's verdict on the record, not a
// reason to stop.
using EventCoder = std::function<Status(const graph::Document&, const CodingOptions& options,
                                        std::vector<graph::Triple>* out)>;

enum class RecordOutcome { kPassed, kFailed, kSkipped };

struct RecordResult {
  std::string id;        // the record's id, category and normalised text
  std::string category;
  std::string text;
  RecordOutcome outcome = RecordOutcome::kSkipped;
  // The record's expectation: an event set, or none (expects_no_event), or
  // an error of kind error_kind (expects_error).
  bool expects_no_event = false;
  bool expects_error = false;
  std::string error_kind;
  std::vector<petrarch::CodeTriple> expected;  // distinct, sorted
  std::vector<petrarch::CodeTriple> got;       // distinct, sorted; empty if skipped
  size_t duplicates = 0;  // coded events beyond the first copy of each
  Status coder_status;    // the coder's error, OK if it succeeded or was not run
  std::string skip_reason;  // why, when skipped
};

struct CategoryCounts {
  std::string category;
  size_t passed = 0;
  size_t failed = 0;
  size_t skipped = 0;
};

struct ValidationReport {
  std::vector<RecordResult> records;       // every record, in file order
  std::vector<CategoryCounts> categories;  // in order of first appearance
  size_t passed = 0;
  size_t failed = 0;
  size_t skipped = 0;
};

// Codes every included record of `file` with `coder` (called once per
// record, in file order, never for a skipped one) and compares, as above.
// Never fails: coder errors are outcomes of their records.
ValidationReport Validate(const petrarch::RecordsFile& file, const EventCoder& coder);

// The distinct events among `triples`, sorted (negated triples and triples
// without a CAMEO code left out; an actor without a code is "---");
// *duplicates (if not null) is set to the
// number of events left out as repeats.
std::vector<petrarch::CodeTriple> CodeTriplesOf(const std::vector<graph::Triple>& triples,
                                                size_t* duplicates);

}  // namespace kg::extract

#endif  // KG_EXTRACT_VALIDATOR_H_
