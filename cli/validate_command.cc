// kg validate: PETRARCH's unit-test records run through kg's coder.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "extract/lexicon_config.h"
#include "extract/petrarch_dictionaries.h"
#include "extract/petrarch_records.h"
#include "extract/validator.h"

namespace kg::cli {
namespace {

using extract::RecordOutcome;
using extract::RecordResult;
using extract::petrarch::CodeTriple;
namespace petr = extract::petrarch;

constexpr size_t kTextPreviewBytes = 100;

// Coders over one lexicon that code as PETRARCH does (bare agents are
// actors: "a senior official" is ---GOV), one for each set of a record's
// coding options.
class PetrarchExtractors {
 public:
  explicit PetrarchExtractors(std::shared_ptr<const extract::Lexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}

  Status Code(const graph::Document& doc, const extract::CodingOptions& options,
              std::vector<graph::Triple>* out) {
    std::unique_ptr<extract::Extractor>& e =
        by_options_[{options.require_dyad, options.new_actor_length}];
    if (e == nullptr) {
      extract::ExtractorOptions o;
      o.bare_agents = true;
      o.require_dyad = options.require_dyad;
      o.new_actor_length = options.new_actor_length;
      e = std::make_unique<extract::Extractor>(lexicon_, o);
    }
    return e->Extract(doc, [&](graph::Triple&& t) { out->push_back(std::move(t)); });
  }

 private:
  std::shared_ptr<const extract::Lexicon> lexicon_;
  std::map<std::pair<bool, size_t>, std::unique_ptr<extract::Extractor>> by_options_;
};

// A coder over the PETRARCH dictionaries that the records' <Environment>
// names. An actor's code may hold only for a period ([HOBGOV
// 20121109-20130119]: the DATE records test this), so the dictionaries are
// converted as of each record's date; dates whose lexicons come out the same
// share one extractor.
class DictionaryCoder {
 public:
  static Result<std::unique_ptr<DictionaryCoder>> Load(const std::string& dir,
                                                       const petr::RecordsFile& file) {
    const petr::Environment& env = file.environment;
    if (env.actor_file.empty() || env.verb_file.empty()) {
      return Status::InvalidArgument(
          "--dictionaries: the records file's <Environment> must name an <Actorfile> and a "
          "<Verbfile>");
    }
    petr::FileNames names;
    // PETRARCH's configuration lists several actor files separated by commas.
    names.actors = extract::SplitFileList(env.actor_file);
    names.agents = env.agent_file;
    names.verbs = env.verb_file;
    names.discards = env.discard_file;
    names.issues = env.issue_file;
    auto dicts = petr::LoadDirectory(dir, names);
    if (!dicts.ok()) return dicts.status();
    ReportDictionaryWarnings(*dicts, /*summary=*/false);

    auto coder = std::make_unique<DictionaryCoder>();
    std::map<std::string, PetrarchExtractors*> by_json;
    for (const petr::Record& r : file.records) {
      if (!env.Includes(r.category) || coder->by_date_.count(r.date) > 0) continue;
      petr::ConvertOptions options;
      options.as_of = r.date;
      auto json = petr::ToLexiconJson(*dicts, options);
      if (!json.ok()) return json.status();
      PetrarchExtractors*& extractors = by_json[json->first + '\0' + json->second];
      if (extractors == nullptr) {
        auto lexicon = extract::Lexicon::FromJson(json->first, json->second,
                                                  dir + " (as of " + r.date + ")");
        if (!lexicon.ok()) return lexicon.status();
        coder->extractors_.push_back(std::make_unique<PetrarchExtractors>(*lexicon));
        extractors = coder->extractors_.back().get();
      }
      coder->by_date_[r.date] = extractors;
    }
    return coder;
  }

  Status Code(const graph::Document& doc, const extract::CodingOptions& options,
              std::vector<graph::Triple>* out) {
    auto it = by_date_.find(doc.date);
    if (it == by_date_.end()) return Status::InvalidArgument(doc.id + ": no lexicon for its date");
    return it->second->Code(doc, options, out);
  }

 private:
  std::map<std::string, PetrarchExtractors*> by_date_;
  std::vector<std::unique_ptr<PetrarchExtractors>> extractors_;
};

// An actor code as printed: "-" for an actor without one.
std::string Code(const std::string& c) { return c.empty() ? "-" : c; }

std::string EventSet(const std::vector<CodeTriple>& events) {
  std::string out = "{";
  for (size_t i = 0; i < events.size(); ++i) {
    if (i > 0) out += ", ";
    out += Code(events[i].source) + " " + Code(events[i].target) + " " + events[i].event;
  }
  return out + "}";
}

// At most kTextPreviewBytes of `text`, cut at a UTF-8 character boundary.
std::string Preview(const std::string& text) {
  if (text.size() <= kTextPreviewBytes) return text;
  size_t cut = kTextPreviewBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

void PrintFailure(const RecordResult& r) {
  std::cout << "FAIL " << r.id << " [" << r.category << "]: expected "
            << EventSet(r.expected);
  if (r.expects_error) std::cout << " (error " << r.error_kind << ")";
  std::cout << " got ";
  if (!r.coder_status.ok()) {
    std::cout << "error: " << r.coder_status.message();
  } else {
    std::cout << EventSet(r.got);
    if (r.duplicates > 0) std::cout << " (+" << r.duplicates << " duplicates)";
  }
  std::cout << "\n  " << Preview(r.text) << "\n";
}

std::string Totals(size_t passed, size_t failed, size_t skipped) {
  std::string s = std::to_string(passed) + " passed, " + std::to_string(failed) + " failed";
  if (skipped > 0) s += ", " + std::to_string(skipped) + " skipped";
  return s;
}

nlohmann::json EventsJson(const std::vector<CodeTriple>& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const CodeTriple& e : events) {
    out.push_back({{"source", e.source}, {"target", e.target}, {"event", e.event}});
  }
  return out;
}

nlohmann::json ReportJson(const std::string& path, const extract::ValidationReport& report) {
  nlohmann::json failures = nlohmann::json::array();
  for (const RecordResult& r : report.records) {
    if (r.outcome != RecordOutcome::kFailed) continue;
    nlohmann::json f = {{"id", r.id},
                        {"category", r.category},
                        {"text", r.text},
                        {"expected", EventsJson(r.expected)},
                        {"expects_no_event", r.expects_no_event},
                        {"expects_error", r.expects_error},
                        {"got", EventsJson(r.got)},
                        {"duplicates", r.duplicates}};
    if (r.expects_error) f["error_kind"] = r.error_kind;
    if (!r.coder_status.ok()) f["coder_error"] = r.coder_status.message();
    failures.push_back(std::move(f));
  }
  nlohmann::json skipped = nlohmann::json::array();
  for (const RecordResult& r : report.records) {
    if (r.outcome != RecordOutcome::kSkipped) continue;
    skipped.push_back({{"id", r.id}, {"category", r.category}, {"reason", r.skip_reason}});
  }
  nlohmann::json categories = nlohmann::json::array();
  for (const extract::CategoryCounts& c : report.categories) {
    categories.push_back({{"category", c.category},
                          {"passed", c.passed},
                          {"failed", c.failed},
                          {"skipped", c.skipped}});
  }
  return {{"file", path},
          {"failures", std::move(failures)},
          {"skipped_records", std::move(skipped)},
          {"categories", std::move(categories)},
          {"passed", report.passed},
          {"failed", report.failed},
          {"skipped", report.skipped}};
}

}  // namespace

int RunValidate(const ValidateArgs& args) {
  auto file = extract::petrarch::ReadRecordsFile(args.records);
  if (!file.ok()) return Fail(file.status());
  extract::ValidationReport report;
  if (args.dictionaries.empty()) {
    auto lexicon = extract::Lexicon::LoadDefault();
    if (!lexicon.ok()) return Fail(lexicon.status());
    PetrarchExtractors extractors(*lexicon);
    report = extract::Validate(*file, [&](const graph::Document& doc,
                                          const extract::CodingOptions& options,
                                          std::vector<graph::Triple>* out) {
      return extractors.Code(doc, options, out);
    });
  } else {
    auto coder = DictionaryCoder::Load(args.dictionaries, *file);
    if (!coder.ok()) return Fail(coder.status());
    report = extract::Validate(*file, [&](const graph::Document& doc,
                                          const extract::CodingOptions& options,
                                          std::vector<graph::Triple>* out) {
      return (*coder)->Code(doc, options, out);
    });
  }

  if (args.json) {
    std::cout << ReportJson(args.records, report).dump(2, ' ', /*ensure_ascii=*/false,
                                                       nlohmann::json::error_handler_t::replace)
              << "\n";
    return FinishStdout();
  }
  for (const RecordResult& r : report.records) {
    if (r.outcome == RecordOutcome::kFailed) PrintFailure(r);
  }
  for (const RecordResult& r : report.records) {
    if (r.outcome == RecordOutcome::kSkipped) {
      std::cout << "SKIP " << r.id << " [" << r.category << "]: " << r.skip_reason << "\n";
    }
  }
  for (const extract::CategoryCounts& c : report.categories) {
    std::cout << c.category << ": " << Totals(c.passed, c.failed, c.skipped) << "\n";
  }
  std::cout << Totals(report.passed, report.failed, report.skipped) << "\n";
  return FinishStdout();
}

}  // namespace kg::cli
