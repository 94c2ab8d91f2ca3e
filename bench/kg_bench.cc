// kg_bench: throughput of each pipeline stage, db_bench style.
//
//   kg_bench [--corpus PATH]... [--benchmarks extract,build,path,neighbours]
//            [--db DIR] [--queries N] [--dictionaries DIR]
//
// --dictionaries DIR codes with the PETRARCH/Phoenix dictionaries in DIR
// (converted to a kg lexicon) instead of kg's default lexicon.
//
// Default corpus: ../shared/corpus/wikinews-2019-2020.jsonl and the seeds.
// Prints one line per workload with its throughput; numbers from one run
// are comparable with each other, not across machines.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "extract/petrarch_dictionaries.h"
#include "extract/segmenter.h"
#include "query/neighbourhood.h"
#include "query/path_finder.h"
#include "store/triple_store.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace kg;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void Report(const char* name, double seconds, double ops, const char* unit, const std::string& extra) {
  std::printf("%-12s : %10.3f s %12.0f %s/s  %s\n", name, seconds, ops / seconds, unit,
              extra.c_str());
  std::fflush(stdout);
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(item);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> corpora;
  std::string benchmarks = "extract,build,path,neighbours";
  std::string db_dir = (fs::temp_directory_path() / "kg_bench.kg").string();
  int queries = 1000;
  std::string dictionaries;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "kg_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--corpus") corpora.push_back(value());
    else if (a == "--benchmarks") benchmarks = value();
    else if (a == "--db") db_dir = value();
    else if (a == "--queries") queries = std::stoi(value());
    else if (a == "--dictionaries") dictionaries = value();
    else {
      std::fprintf(stderr, "kg_bench: unknown argument '%s'\n", a.c_str());
      return 2;
    }
  }
  if (corpora.empty()) {
    for (const char* p : {"../shared/corpus/seeds", "../shared/corpus/wikinews-2019-2020.jsonl"}) {
      if (fs::exists(p)) corpora.push_back(p);
    }
  }
  if (corpora.empty()) {
    std::fprintf(stderr, "kg_bench: no corpus (../shared/corpus absent); pass --corpus PATH\n");
    return 0;
  }

  // Load the corpus into memory so the workloads time kg, not the disk.
  std::vector<graph::Document> docs;
  size_t bytes = 0;
  extract::DocumentReader reader;
  Status rs = reader.Read(
      corpora,
      [&](graph::Document&& d) {
        bytes += d.text.size();
        docs.push_back(std::move(d));
        return Status::OK();
      },
      [](const Status& e) { std::fprintf(stderr, "kg_bench: %s\n", e.message().c_str()); });
  if (!rs.ok()) {
    std::fprintf(stderr, "kg_bench: %s\n", rs.message().c_str());
    return 1;
  }
  std::printf("corpus       : %zu documents, %.1f MB\n", docs.size(), bytes / 1e6);

  auto t0 = Clock::now();
  auto lexicon = extract::Lexicon::LoadDefault();
  if (!dictionaries.empty()) {
    auto dicts = extract::petrarch::LoadDirectory(dictionaries,
                                                  extract::petrarch::FileNames::Phoenix());
    if (!dicts.ok()) {
      std::fprintf(stderr, "kg_bench: %s\n", dicts.status().message().c_str());
      return 1;
    }
    auto json = extract::petrarch::ToLexiconJson(*dicts, {});
    if (!json.ok()) {
      std::fprintf(stderr, "kg_bench: %s\n", json.status().message().c_str());
      return 1;
    }
    lexicon = extract::Lexicon::FromJson(json->first, json->second, dictionaries);
  }
  if (!lexicon.ok()) {
    std::fprintf(stderr, "kg_bench: %s\n", lexicon.status().message().c_str());
    return 1;
  }
  Report("lexicon", Seconds(t0), 1, "loads",
         "(" + std::to_string((*lexicon)->actors().size()) + " actors, " +
             std::to_string((*lexicon)->relations().size()) + " relations)");

  for (const std::string& b : Split(benchmarks)) {
    if (b == "extract") {
      extract::Segmenter seg;
      size_t sentences = 0;
      auto t = Clock::now();
      for (const auto& d : docs) sentences += seg.Sentences(d.text).size();
      Report("segment", Seconds(t), sentences, "sentences", "(ICU sentence breaks only)");
      extract::Extractor extractor(*lexicon);
      size_t triples = 0;
      t = Clock::now();
      for (const auto& d : docs) {
        Status s = extractor.Extract(d, [&](graph::Triple&&) { ++triples; });
        if (!s.ok()) std::fprintf(stderr, "kg_bench: %s\n", s.message().c_str());
      }
      double sec = Seconds(t);
      Report("extract", sec, sentences, "sentences",
             "(" + std::to_string(triples) + " triples, " +
                 std::to_string(static_cast<long>(bytes / sec / 1e3)) + " KB/s, one core)");
    } else if (b == "build") {
      fs::remove_all(db_dir);
      store::Options opts;
      auto db = store::TripleStore::Open(db_dir, opts);
      if (!db.ok()) {
        std::fprintf(stderr, "kg_bench: %s\n", db.status().message().c_str());
        return 1;
      }
      extract::Extractor extractor(*lexicon);
      std::vector<graph::Triple> batch;
      size_t triples = 0;
      auto t = Clock::now();
      for (const auto& d : docs) {
        batch.clear();
        (void)extractor.Extract(d, [&](graph::Triple&& tr) { batch.push_back(std::move(tr)); });
        triples += batch.size();
        auto r = (*db)->PutDocument(d, batch, extractor.fingerprint());
        if (!r.ok()) {
          std::fprintf(stderr, "kg_bench: %s\n", r.status().message().c_str());
          return 1;
        }
      }
      (void)(*db)->Flush();
      double sec = Seconds(t);
      Report("build", sec, docs.size(), "docs",
             "(" + std::to_string(static_cast<long>(triples / sec)) + " triples/s, extract + store)");
      t = Clock::now();
      size_t unchanged = 0;
      for (const auto& d : docs) {
        auto same = (*db)->IsUnchanged(d, extractor.fingerprint());
        unchanged += same.ok() && *same;
      }
      Report("rebuild", Seconds(t), docs.size(), "docs",
             "(" + std::to_string(unchanged) + " unchanged: hash check only)");
    } else if (b == "path" || b == "neighbours") {
      store::Options opts;
      opts.read_only = true;
      opts.create_if_missing = false;
      auto db = store::TripleStore::Open(db_dir, opts);
      if (!db.ok()) {
        std::fprintf(stderr, "kg_bench: %s (run the build benchmark first)\n",
                     db.status().message().c_str());
        return 1;
      }
      std::vector<store::TermId> actors;
      (void)(*db)->ForEachActor([&](const store::ActorInfo& a) {
        if (a.in_degree + a.out_degree > 0) actors.push_back(a.term);
        return true;
      });
      if (actors.size() < 2) {
        std::printf("%-12s : skipped (fewer than two actors)\n", b.c_str());
        continue;
      }
      std::mt19937_64 rng(42);
      std::uniform_int_distribution<size_t> pick(0, actors.size() - 1);
      uint64_t edges = 0;
      size_t found = 0;
      auto t = Clock::now();
      if (b == "path") {
        query::PathOptions po;
        po.undirected = true;
        query::PathFinder finder(**db, po);
        for (int q = 0; q < queries; ++q) {
          query::PathStats st;
          auto p = finder.Shortest(actors[pick(rng)], actors[pick(rng)], &st);
          edges += st.edges_scanned;
          found += p.ok() && p->has_value();
        }
      } else {
        query::NeighbourhoodOptions no;
        no.depth = 2;
        query::Neighbourhood finder(**db, no);
        for (int q = 0; q < queries; ++q) {
          auto r = finder.Around(actors[pick(rng)]);
          if (r.ok()) {
            edges += r->edges_scanned;
            found += r->actors.size();
          }
        }
      }
      double sec = Seconds(t);
      Report(b.c_str(), sec, queries, "queries",
             "(" + std::to_string(found) + (b == "path" ? " paths found" : " actors reached") +
                 ", " + std::to_string(static_cast<long>(edges / sec)) + " edges scanned/s, " +
                 std::to_string(actors.size()) + " actors)");
    } else {
      std::fprintf(stderr, "kg_bench: unknown benchmark '%s'\n", b.c_str());
      return 2;
    }
  }
  return 0;
}
