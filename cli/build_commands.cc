// kg build and kg extract.
#include <iostream>
#include <unordered_set>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "graph/triple_json.h"

namespace kg::cli {
namespace {

// Reports one bad input and counts it.
struct ErrorCounter {
  size_t count = 0;
  void operator()(const Status& s) {
    ++count;
    std::cerr << "kg: " << s.message() << "\n";
  }
};

}  // namespace

int RunBuild(const BuildArgs& args) {
  std::shared_ptr<const extract::Lexicon> lexicon;
  if (int code = LoadLexicon(args.lexicon, &lexicon); code != kExitOk) return code;
  auto db = store::TripleStore::Open(args.db, StoreOptions(/*read_only=*/false));
  if (!db.ok()) return Fail(db.status());
  extract::Extractor extractor(lexicon);
  const std::string& fingerprint = extractor.fingerprint();

  size_t added = 0, replaced = 0, unchanged = 0, triples = 0;
  ErrorCounter errors;
  std::unordered_set<std::string> seen;
  std::vector<graph::Triple> batch;
  extract::DocumentReader reader;
  Status s = reader.Read(
      args.paths,
      [&](graph::Document&& doc) -> Status {
        if (!seen.insert(doc.id).second) {
          errors(Status::InvalidArgument("document id '" + doc.id +
                                         "' appears twice in the input; the first was kept"));
          return Status::OK();
        }
        auto same = (*db)->IsUnchanged(doc, fingerprint);
        if (!same.ok()) return same.status();
        if (*same) {
          ++unchanged;
          return Status::OK();
        }
        batch.clear();
        Status es = extractor.Extract(doc, [&](graph::Triple&& t) { batch.push_back(std::move(t)); });
        if (!es.ok()) {
          errors(es);
          return Status::OK();
        }
        auto outcome = (*db)->PutDocument(doc, batch, fingerprint);
        if (!outcome.ok()) return outcome.status();  // a store error stops the build
        switch (*outcome) {
          case store::PutOutcome::kAdded: ++added; break;
          case store::PutOutcome::kReplaced: ++replaced; break;
          case store::PutOutcome::kUnchanged: ++unchanged; break;
        }
        if (*outcome != store::PutOutcome::kUnchanged) triples += batch.size();
        return Status::OK();
      },
      std::ref(errors));
  Status flushed = (*db)->Flush();
  if (!s.ok()) return Fail(s);
  if (!flushed.ok()) return Fail(flushed);
  if (!args.quiet) {
    std::cerr << "kg: " << args.db << ": " << (added + replaced + unchanged) << " documents ("
              << added << " added, " << replaced << " replaced, " << unchanged << " unchanged), "
              << triples << " triples extracted";
    if (errors.count > 0) std::cerr << "; " << errors.count << " inputs failed";
    std::cerr << "\n";
  }
  return errors.count > 0 ? kExitError : kExitOk;
}

int RunExtract(const ExtractArgs& args) {
  std::shared_ptr<const extract::Lexicon> lexicon;
  if (int code = LoadLexicon(args.lexicon, &lexicon); code != kExitOk) return code;
  extract::Extractor extractor(lexicon);
  ErrorCounter errors;
  extract::DocumentReader reader;
  Status s = reader.Read(
      args.paths,
      [&](graph::Document&& doc) -> Status {
        Status es = extractor.Extract(doc, [&](graph::Triple&& t) {
          std::cout << graph::TripleToJson(t) << '\n';
        });
        if (!es.ok()) errors(es);
        if (!std::cout) return Status::IOError("standard output: write failed");
        return Status::OK();
      },
      std::ref(errors));
  std::cout.flush();
  if (!s.ok()) return Fail(s);
  return errors.count > 0 ? kExitError : kExitOk;
}

}  // namespace kg::cli
