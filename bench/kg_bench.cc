// kg_bench: throughput of each pipeline stage, db_bench style.
//
//   kg_bench [--corpus seeds|wikinews|un|PATH[,...]]...
//            [--benchmarks extract,build,path,neighbours]
//            [--db DIR] [--queries N] [--threads N] [--dictionaries DIR]
//
// --corpus takes names of the shared corpora (under ../shared/corpus, absent
// ones skipped with a message) or paths; a PATH ending in .xz is decompressed
// with `xz -dc` to a temporary file first. Default: seeds,wikinews.
// --dictionaries DIR codes with the PETRARCH/Phoenix dictionaries in DIR
// (converted to a kg lexicon) instead of kg's default lexicon.
// --threads N: threads of the all-cores extraction run (default: the
// number of hardware threads).
//
// Prints one line per workload with its throughput; numbers from one run
// are comparable with each other, not across machines.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <latch>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
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

// CPU time of the whole process, all threads: against wall time it shows
// how much of its cores a run got on a shared machine.
double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

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

// A positive count from the command line, or exit 2 with a message.
int ParseCount(const std::string& flag, const std::string& v) {
  size_t used = 0;
  int n = 0;
  try {
    n = std::stoi(v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != v.size() || n < 1) {
    std::fprintf(stderr, "kg_bench: %s needs a positive number, not '%s'\n", flag.c_str(),
                 v.c_str());
    std::exit(2);
  }
  return n;
}

// The shared corpora by name, relative to the working directory (the
// repository root). The UN corpus is read decompressed if someone has run
// `xz -dk` beside it, else from the .xz.
const char kSharedCorpus[] = "../shared/corpus/";

// The path of `item`: a shared corpus's name or a path as given. Empty if
// `item` names a shared corpus that is absent (reported on stderr).
std::optional<std::string> ResolveCorpus(const std::string& item) {
  std::vector<std::string> candidates;
  if (item == "seeds") candidates = {"seeds"};
  else if (item == "wikinews") candidates = {"wikinews-2019-2020.jsonl"};
  else if (item == "un") candidates = {"ungdc-1946-2024.jsonl", "ungdc-1946-2024.jsonl.xz"};
  else return item;
  for (const std::string& c : candidates) {
    std::string path = kSharedCorpus + c;
    if (fs::exists(path)) return path;
  }
  std::fprintf(stderr, "kg_bench: corpus '%s' absent (no %s%s); skipped\n", item.c_str(),
               kSharedCorpus, candidates.back().c_str());
  return std::nullopt;
}

// Single-quotes `s` for /bin/sh.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Decompressed copies of .xz inputs, in a directory of their own that is
// removed once the corpus is in memory (or at exit).
class TempFiles {
 public:
  TempFiles() = default;
  TempFiles(const TempFiles&) = delete;
  TempFiles& operator=(const TempFiles&) = delete;
  ~TempFiles() { RemoveAll(); }

  // Removes the decompressed copies (once they have been read).
  void RemoveAll() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  // Decompresses `xz_path` with `xz -dc` (xz-utils, scripts/install-deps.sh)
  // into a temporary file with its name less ".xz", so "x.jsonl.xz" is read
  // as JSON lines and "a.txt.xz" is the document "a.txt"; returns its path.
  Result<std::string> Unxz(const std::string& xz_path) {
    std::error_code ec;
    if (dir_.empty()) {
      fs::path tmp = fs::temp_directory_path(ec);
      if (ec) return Status::IOError("no temporary directory: " + ec.message());
      dir_ = tmp / ("kg_bench-" + std::to_string(::getpid()));
    }
    fs::path sub = dir_ / std::to_string(files_.size());
    fs::create_directories(sub, ec);
    if (ec) return Status::IOError(sub.string() + ": " + ec.message());
    std::string plain = (sub / fs::path(xz_path).stem()).string();
    files_.emplace_back(plain, xz_path);
    std::ofstream out(plain, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(plain + ": cannot create the decompressed copy");
    std::string command = "xz -dc -- " + ShellQuote(xz_path);
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
      return Status::IOError(xz_path + ": cannot run xz: " + std::strerror(errno));
    }
    std::vector<char> buffer(1 << 20);
    size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.write(buffer.data(), n);
    int rc = ::pclose(pipe);
    out.close();
    if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0) {
      int code = rc != -1 && WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
      return Status::IOError(xz_path + ": `" + command + "` failed (exit " + std::to_string(code) +
                             (code == 127 ? "; is xz-utils installed? see scripts/install-deps.sh"
                                          : "") +
                             ")");
    }
    if (!out) return Status::IOError(plain + ": write error (disk full?)");
    return plain;
  }

  // `message` with the temporary files' paths replaced by the .xz they came from.
  std::string Original(std::string message) const {
    for (const auto& [plain, original] : files_) {
      for (size_t at; (at = message.find(plain)) != std::string::npos;) {
        message.replace(at, plain.size(), original);
      }
    }
    return message;
  }

 private:
  fs::path dir_;                                            // empty until the first .xz
  std::vector<std::pair<std::string, std::string>> files_;  // {temporary, .xz}
};

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> corpus_items;
  std::string benchmarks = "extract,build,path,neighbours";
  std::string db_dir = (fs::temp_directory_path() / "kg_bench.kg").string();
  int queries = 1000;
  int threads = std::max(1u, std::thread::hardware_concurrency());
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
    if (a == "--corpus") {
      for (const std::string& item : Split(value())) {
        if (!item.empty()) corpus_items.push_back(item);
      }
    } else if (a == "--benchmarks") benchmarks = value();
    else if (a == "--db") db_dir = value();
    else if (a == "--queries") queries = ParseCount(a, value());
    else if (a == "--threads") threads = ParseCount(a, value());
    else if (a == "--dictionaries") dictionaries = value();
    else {
      std::fprintf(stderr, "kg_bench: unknown argument '%s'\n", a.c_str());
      return 2;
    }
  }
  if (corpus_items.empty()) corpus_items = {"seeds", "wikinews"};
  std::vector<std::string> corpora;
  std::string corpus_names;
  TempFiles temp_files;
  for (const std::string& item : corpus_items) {
    std::optional<std::string> path = ResolveCorpus(item);
    if (!path) continue;
    if (EndsWith(*path, ".xz") && fs::is_regular_file(*path)) {
      auto plain = temp_files.Unxz(*path);
      if (!plain.ok()) {
        std::fprintf(stderr, "kg_bench: %s\n", plain.status().message().c_str());
        return 1;
      }
      path = *plain;
    }
    corpora.push_back(*path);
    if (fs::exists(*path)) corpus_names += (corpus_names.empty() ? "" : ",") + item;
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
      [&](const Status& e) {
        std::fprintf(stderr, "kg_bench: %s\n", temp_files.Original(e.message()).c_str());
      });
  if (!rs.ok()) {
    std::fprintf(stderr, "kg_bench: %s\n", temp_files.Original(rs.message()).c_str());
    return 1;
  }
  temp_files.RemoveAll();
  std::printf("corpus       : %zu documents, %.1f MB (%s)\n", docs.size(), bytes / 1e6,
              corpus_names.c_str());

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
      // Sentences are counted once, by ICU, per document: both extraction
      // runs report these counts, whatever the extractor does inside.
      extract::Segmenter seg;
      std::vector<size_t> doc_sentences(docs.size());
      size_t sentences = 0;
      auto t = Clock::now();
      for (size_t k = 0; k < docs.size(); ++k) {
        doc_sentences[k] = seg.Sentences(docs[k].text).size();
        sentences += doc_sentences[k];
      }
      Report("segment", Seconds(t), sentences, "sentences", "(ICU sentence breaks only)");
      extract::Extractor extractor(*lexicon);
      size_t triples = 0;
      t = Clock::now();
      double cpu = CpuSeconds();
      for (const auto& d : docs) {
        Status s = extractor.Extract(d, [&](graph::Triple&&) { ++triples; });
        if (!s.ok()) std::fprintf(stderr, "kg_bench: %s\n", s.message().c_str());
      }
      double one_core = Seconds(t);
      cpu = CpuSeconds() - cpu;
      Report("extract", one_core, sentences, "sentences",
             "(" + std::to_string(triples) + " triples, " +
                 std::to_string(static_cast<long>(bytes / one_core / 1e3)) +
                 " KB/s, one core, busy " + std::to_string(std::lround(100 * cpu / one_core)) +
                 "%)");

      // All cores: one Extractor per thread (they are not thread-safe), all
      // sharing the immutable Lexicon; threads take the next document from a
      // shared index. Extractors are built before the clock starts, as above.
      struct PerThread {
        size_t sentences = 0;
        size_t triples = 0;
        double seconds = 0;
      };
      std::vector<PerThread> per_thread(threads);
      std::atomic<size_t> next{0};
      // The clock starts once every thread has built its Extractor and
      // before any is let go, so the wall time covers each thread's own.
      std::latch built(threads), go(1);
      std::vector<std::thread> pool;
      for (int i = 0; i < threads; ++i) {
        pool.emplace_back([&, i] {
          extract::Extractor own(*lexicon);
          PerThread mine;
          built.count_down();
          go.wait();
          auto start = Clock::now();
          for (size_t k; (k = next.fetch_add(1, std::memory_order_relaxed)) < docs.size();) {
            // A failing document was reported by the one-core run.
            (void)own.Extract(docs[k], [&](graph::Triple&&) { ++mine.triples; });
            mine.sentences += doc_sentences[k];
          }
          mine.seconds = Seconds(start);
          per_thread[i] = mine;
        });
      }
      built.wait();
      t = Clock::now();
      cpu = CpuSeconds();
      go.count_down();
      for (std::thread& th : pool) th.join();
      double all_cores = Seconds(t);
      cpu = CpuSeconds() - cpu;
      size_t mt_triples = 0;
      double slowest = 1e300, fastest = 0;
      for (const PerThread& p : per_thread) {
        mt_triples += p.triples;
        double rate = p.seconds > 0 ? p.sentences / p.seconds : 0;
        slowest = std::min(slowest, rate);
        fastest = std::max(fastest, rate);
      }
      char extra[256];
      std::snprintf(extra, sizeof extra,
                    "(%d threads: %.0f sentences/s per thread, each %.0f to %.0f; "
                    "speed-up %.2fx over one core; %zu triples, busy %.0f%%)",
                    threads, sentences / all_cores / threads, slowest, fastest,
                    one_core / all_cores, mt_triples, 100 * cpu / (all_cores * threads));
      Report("extract-mt", all_cores, sentences, "sentences", extra);
      if (mt_triples != triples) {
        std::fprintf(stderr, "kg_bench: %zu triples on %d threads but %zu on one core\n",
                     mt_triples, threads, triples);
      }
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
