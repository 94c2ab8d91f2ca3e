#include "cli/store_access.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>

#include "cli/commands.h"
#include "extract/fold.h"
#include "extract/lexicon_config.h"
#include "extract/lexicon_merge.h"

namespace kg::cli {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string Describe(const store::TripleStore& db, store::TermId term) {
  auto actor = db.GetActor(term);
  if (!actor.ok()) return "?";
  return actor->name + " [" + actor->id + "]";
}

Result<std::shared_ptr<const extract::Lexicon>> LexiconFrom(
    const extract::LexiconSources& sources) {
  if (!sources.with_dictionaries) return extract::Lexicon::LoadDefault();
  namespace petr = extract::petrarch;
  // The paths are complete: no directory to prepend.
  auto dicts = petr::LoadDirectory("", sources.files);
  if (!dicts.ok()) return dicts.status();
  // The shipped Phoenix files have a few dozen repairable quirks; one line
  // says so rather than dozens on every build (kg validate lists them all).
  ReportDictionaryWarnings(*dicts, /*summary=*/true);
  auto json = petr::ToLexiconJson(*dicts, {});
  if (!json.ok()) return json.status();
  if (!sources.with_default) {
    return extract::Lexicon::FromJson(json->first, json->second, sources.origin);
  }
  // kg's lexicon first, so that it wins where the two disagree.
  auto merged = extract::MergeLexiconJson(extract::DefaultLexiconJson(), *json);
  if (!merged.ok()) return merged.status();
  return extract::Lexicon::FromJson(merged->first, merged->second,
                                    "default lexicon + " + sources.origin);
}

}  // namespace

store::Options StoreOptions(bool read_only) {
  store::Options options;
  options.read_only = read_only;
  options.create_if_missing = !read_only;
  options.fold = [](std::string_view s) { return extract::Fold(s); };
  return options;
}

Result<std::unique_ptr<store::TripleStore>> OpenForQuery(const std::string& dir) {
  return store::TripleStore::Open(dir, StoreOptions(/*read_only=*/true));
}

Result<store::TermId> ResolveActor(const store::TripleStore& db, std::string_view text) {
  if (extract::Fold(text).empty()) return Status::InvalidArgument("an actor name is empty");
  auto by_id = db.ActorById(text);
  if (!by_id.ok()) return by_id.status();
  if (*by_id) return **by_id;
  auto by_name = db.ActorsByName(text);
  if (!by_name.ok()) return by_name.status();
  if (by_name->size() == 1) return by_name->front();
  if (by_name->size() > 1) {
    std::string list;
    for (store::TermId t : *by_name) list += (list.empty() ? "" : ", ") + Describe(db, t);
    return Status::InvalidArgument("actor '" + std::string(text) + "' is ambiguous: " + list +
                                   "; use an id");
  }
  // Unknown: the closest names, by edit distance of the folded forms, with
  // names that contain the text first.
  const std::string key = extract::Fold(text);
  std::map<store::TermId, size_t> best;  // term -> score
  Status s = db.ForEachName([&](std::string_view name, store::TermId term) {
    size_t score = name.find(key) != std::string_view::npos ? 0 : 1 + EditDistance(key, name);
    auto [it, inserted] = best.emplace(term, score);
    if (!inserted) it->second = std::min(it->second, score);
    return true;
  });
  if (!s.ok()) return s;
  std::vector<std::pair<size_t, store::TermId>> ranked;
  for (auto [term, score] : best) ranked.emplace_back(score, term);
  std::sort(ranked.begin(), ranked.end());
  std::string list;
  for (size_t i = 0; i < ranked.size() && i < 5; ++i) {
    if (ranked[i].first > std::max<size_t>(3, key.size() / 2) + 1) break;
    list += (list.empty() ? "" : ", ") + Describe(db, ranked[i].second);
  }
  return Status::NotFound("unknown actor '" + std::string(text) + "'" +
                          (list.empty() ? "" : " (closest: " + list + ")"));
}

Result<store::TermId> ResolveRelation(const store::TripleStore& db, std::string_view name) {
  auto term = db.RelationByName(extract::Fold(name));
  if (!term.ok()) return term.status();
  if (*term) return **term;
  auto all = db.Relations();
  if (!all.ok()) return all.status();
  std::string list;
  for (const auto& [rel, t] : *all) list += (list.empty() ? "" : ", ") + rel;
  return Status::NotFound("unknown relation '" + std::string(name) + "' (stored: " +
                          (list.empty() ? "none" : list) + ")");
}

Result<std::vector<store::TermId>> ResolveRelations(const store::TripleStore& db,
                                                    const std::vector<std::string>& names) {
  std::vector<store::TermId> out;
  for (const std::string& n : names) {
    auto t = ResolveRelation(db, n);
    if (!t.ok()) return t.status();
    out.push_back(*t);
  }
  return out;
}

int LoadLexicon(const LexiconArgs& args, std::shared_ptr<const extract::Lexicon>* lexicon) {
  std::optional<extract::LexiconConfig> config;
  if (!args.config.empty()) {
    auto read = extract::ReadLexiconConfig(args.config);
    if (!read.ok()) return Fail(read.status());
    config = std::move(*read);
  }
  auto sources = extract::ResolveLexiconSources(config ? &*config : nullptr, args.dictionaries,
                                                args.with_default);
  if (!sources.ok()) {
    std::cerr << "kg: " << sources.status().message() << "\n";
    return args.with_default.has_value() ? kExitUsage : kExitError;
  }
  auto loaded = LexiconFrom(*sources);
  if (!loaded.ok()) {
    if (loaded.status().IsNotFound() && config && config->NamesFiles()) {
      // Which line to fix: the config, not the command line, named the file.
      return Fail(Status::NotFound(loaded.status().message() + " (named in " + config->path +
                                   ")"));
    }
    return Fail(loaded.status());
  }
  *lexicon = std::move(*loaded);
  return kExitOk;
}

void ReportDictionaryWarnings(const extract::petrarch::Dictionaries& dicts, bool summary) {
  size_t count = 0;
  std::string first;
  for (const auto* warnings : {&dicts.actors.warnings, &dicts.agents.warnings,
                               &dicts.verbs.warnings, &dicts.discards.warnings,
                               &dicts.issues.warnings}) {
    for (const extract::petrarch::Warning& w : *warnings) {
      if (!summary) std::cerr << "kg: warning: " << w.ToString() << "\n";
      if (count++ == 0) first = w.ToString();
    }
  }
  if (summary && count > 0) {
    std::cerr << "kg: warning: " << count << " dictionary line" << (count == 1 ? "" : "s")
              << " repaired or skipped, the first: " << first << "\n";
  }
}

int FinishStdout() {
  std::cout.flush();
  if (!std::cout) return Fail(Status::IOError("standard output: write failed"));
  return kExitOk;
}

int Fail(const Status& status) {
  std::cerr << "kg: " << status.message() << "\n";
  return kExitError;
}

}  // namespace kg::cli
