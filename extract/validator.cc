#include "extract/validator.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace kg::extract {
namespace {

std::vector<petrarch::CodeTriple> Distinct(std::vector<petrarch::CodeTriple> codes,
                                          size_t* duplicates) {
  std::sort(codes.begin(), codes.end());
  auto end = std::unique(codes.begin(), codes.end());
  if (duplicates != nullptr) *duplicates = static_cast<size_t>(codes.end() - end);
  codes.erase(end, codes.end());
  return codes;
}

}  // namespace

std::vector<petrarch::CodeTriple> CodeTriplesOf(const std::vector<graph::Triple>& triples,
                                                size_t* duplicates) {
  std::vector<petrarch::CodeTriple> codes;
  // "FRO/BIL/SAM": an actor that stands for several (PETRARCH's compound
  // codes); the event is each one's, distinct members only.
  auto members = [](const std::string& code) {
    std::vector<std::string> out;
    size_t b = 0;
    for (size_t e; (e = code.find('/', b)) != std::string::npos; b = e + 1) {
      out.push_back(code.substr(b, e - b));
    }
    out.push_back(code.substr(b));
    return out;
  };
  auto code_of = [](const graph::Actor& a) { return a.code.empty() ? std::string("---") : a.code; };
  for (const graph::Triple& t : triples) {
    if (t.negated || t.cameo.empty()) continue;
    const auto sources = members(code_of(t.subject)), targets = members(code_of(t.object));
    for (const std::string& s : sources) {
      for (const std::string& o : targets) {
        if (s == o && (sources.size() > 1 || targets.size() > 1)) continue;
        codes.push_back({s, o, t.cameo});
      }
    }
  }
  return Distinct(std::move(codes), duplicates);
}

CodingOptions CodingOptionsOf(const petrarch::RecordsFile& file, const petrarch::Record& record) {
  CodingOptions options;
  // Each option from the Environment, then from the record, which wins.
  for (const petrarch::ConfigOptions* config : {&file.environment.config, &record.config}) {
    if (auto it = config->find("require_dyad"); it != config->end()) {
      std::string value = it->second;
      for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (value == "true") options.require_dyad = true;
      if (value == "false") options.require_dyad = false;
    }
    if (auto it = config->find("new_actor_length"); it != config->end()) {
      const std::string& value = it->second;
      if (!value.empty() && value.size() <= 3 &&
          std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        options.new_actor_length = std::stoul(value);
      }
    }
  }
  return options;
}

ValidationReport Validate(const petrarch::RecordsFile& file, const EventCoder& coder) {
  ValidationReport report;
  std::unordered_map<std::string, size_t> category_index;
  std::vector<graph::Triple> triples;
  for (const petrarch::Record& record : file.records) {
    RecordResult r;
    r.id = record.id;
    r.category = record.category;
    r.text = record.text;
    r.expects_no_event = record.expects_no_event;
    r.expects_error = record.expects_error;
    r.error_kind = record.error_kind;
    r.expected = Distinct(record.expected, nullptr);

    if (!file.environment.Includes(record.category)) {
      r.outcome = RecordOutcome::kSkipped;
      r.skip_reason = "category " + record.category + " is not in the <Include> list";
    } else if (record.expects_error && record.error_kind == "bad_input_parse") {
      r.outcome = RecordOutcome::kSkipped;
      r.skip_reason = "expects PETRARCH's error for a malformed <Parse>; kg codes the <Text>";
    } else {
      graph::Document doc;
      doc.id = record.id;
      doc.date = record.date;
      // PETRARCH's texts join some names with '_' ("Dol_Amroth") as its
      // dictionaries do; kg's tokenizer keeps such a word whole.
      doc.text = record.text;
      std::replace(doc.text.begin(), doc.text.end(), '_', ' ');
      triples.clear();
      r.coder_status = coder(doc, CodingOptionsOf(file, record), &triples);
      if (r.coder_status.ok()) r.got = CodeTriplesOf(triples, &r.duplicates);
      bool pass;
      if (record.expects_error) {
        pass = !r.coder_status.ok() || r.got.empty();
      } else {
        // expects_no_event has an empty expected set.
        pass = r.coder_status.ok() && r.got == r.expected;
      }
      r.outcome = pass ? RecordOutcome::kPassed : RecordOutcome::kFailed;
    }

    auto [it, added] = category_index.try_emplace(record.category, report.categories.size());
    if (added) report.categories.push_back({record.category});
    CategoryCounts& counts = report.categories[it->second];
    switch (r.outcome) {
      case RecordOutcome::kPassed: ++counts.passed; ++report.passed; break;
      case RecordOutcome::kFailed: ++counts.failed; ++report.failed; break;
      case RecordOutcome::kSkipped: ++counts.skipped; ++report.skipped; break;
    }
    report.records.push_back(std::move(r));
  }
  return report;
}

}  // namespace kg::extract
