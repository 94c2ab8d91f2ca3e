#include "store/triple_store.h"

#include <fcntl.h>
#include <rocksdb/db.h>  // only to tamper with stores
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "store/format.h"

namespace kg::store {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed at the end; Path() names an entry in
// it that does not exist yet.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    base_ = fs::temp_directory_path() /
            ("kg_store_test_" + std::to_string(::getpid()) + "_" +
             std::to_string(counter++) + "_" + std::to_string(rd()));
    fs::create_directory(base_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(base_, ec);
  }
  std::string Path(const std::string& name = "graph.kg") const {
    return (base_ / name).string();
  }

 private:
  fs::path base_;
};

std::unique_ptr<TripleStore> OpenOk(const std::string& dir,
                                    const Options& options = {}) {
  auto db = TripleStore::Open(dir, options);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  return std::move(db).value();
}

Options ReadOnly() {
  Options o;
  o.read_only = true;
  o.create_if_missing = false;
  return o;
}

graph::Actor A(std::string id, std::string name,
               std::vector<std::string> aliases = {},
               graph::ActorType type = graph::ActorType::kCountry,
               std::string code = "") {
  return graph::Actor{std::move(id), std::move(name), type, std::move(code),
                      std::move(aliases)};
}

graph::Triple T(graph::Actor s, std::string relation, graph::Actor o,
                std::string sentence = "A sentence.") {
  graph::Triple t;
  t.subject = std::move(s);
  t.relation = std::move(relation);
  t.object = std::move(o);
  t.sentence = std::move(sentence);
  t.span_begin = 0;
  t.span_end = t.sentence.size();
  t.confidence = 0.5;
  return t;
}

graph::Document Doc(std::string id, std::string text) {
  graph::Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.date = "2024-03-01";
  d.title = "Title of " + d.id;
  d.url = "https://example.org/" + d.id;
  return d;
}

PutOutcome PutOk(TripleStore& db, const graph::Document& doc,
                 const std::vector<graph::Triple>& triples,
                 std::string_view fp = "lex-1") {
  auto r = db.PutDocument(doc, triples, fp);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return *r;
}

TermId ActorTerm(const TripleStore& db, std::string_view id) {
  auto t = db.ActorById(id);
  REQUIRE(t.ok());
  REQUIRE(t->has_value());
  return **t;
}

TermId RelationTerm(const TripleStore& db, std::string_view name) {
  auto t = db.RelationByName(name);
  REQUIRE(t.ok());
  REQUIRE(t->has_value());
  return **t;
}

std::vector<Edge> Edges(const TripleStore& db, TermId actor, Direction dir,
                        std::vector<TermId> relations = {}) {
  std::vector<Edge> out;
  Status s = db.ForEachEdge(actor, dir, relations, [&](const Edge& e) {
    out.push_back(e);
    return true;
  });
  REQUIRE(s.ok());
  return out;
}

std::vector<std::pair<TripleId, graph::Triple>> Scan(const TripleStore& db,
                                                     const TriplePattern& p) {
  std::vector<std::pair<TripleId, graph::Triple>> out;
  Status s = db.ScanTriples(p, [&](TripleId id, const graph::Triple& t) {
    out.emplace_back(id, t);
    return true;
  });
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out;
}

StoreStats StatsOk(const TripleStore& db) {
  auto s = db.Stats();
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return *s;
}

bool SameStats(const StoreStats& a, const StoreStats& b) {
  return a.format_version == b.format_version && a.documents == b.documents &&
         a.triples == b.triples && a.actors == b.actors &&
         a.relations == b.relations && a.relation_counts == b.relation_counts;
}

// The files of a directory with their sizes.
std::vector<std::pair<std::string, uintmax_t>> Listing(const std::string& dir) {
  std::vector<std::pair<std::string, uintmax_t>> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    out.emplace_back(e.path().filename().string(),
                     e.is_regular_file() ? e.file_size() : 0);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Opens the RocksDB database under a store directly, with every column
// family, and hands it to `fn`.
void Tamper(
    const std::string& dir,
    const std::function<void(rocksdb::DB*,
                             std::vector<rocksdb::ColumnFamilyHandle*>&)>& fn) {
  std::vector<std::string> names;
  REQUIRE(
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const auto& n : names)
    cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(
      rocksdb::DB::Open(rocksdb::DBOptions(), dir, cfs, &handles, &raw).ok());
  fn(raw, handles);
  for (auto* h : handles) REQUIRE(raw->DestroyColumnFamilyHandle(h).ok());
  delete raw;
}

// A small corpus: Russia, Ukraine, NATO and Turkey over three documents.
struct Corpus {
  graph::Actor rus = A("RUS", "Russia", {"Russian Federation", "Moscow"});
  graph::Actor ukr = A("UKR", "Ukraine", {"Kyiv"});
  graph::Actor nato = A("NATO", "NATO", {"North Atlantic Treaty Organization"},
                        graph::ActorType::kOrganization, "IGOWSTNAT");
  graph::Actor tur = A("TUR", "Türkiye", {"Turkey", "Ankara"});
  std::vector<std::pair<graph::Document, std::vector<graph::Triple>>> docs = {
      {Doc("d1", "Russia accused Ukraine. NATO met Ukraine."),
       {T(rus, "accuse", ukr), T(nato, "meet", ukr)}},
      {Doc("d2", "Turkey met Russia. Russia accused NATO."),
       {T(tur, "meet", rus), T(rus, "accuse", nato)}},
      {Doc("d3", "Ukraine accused Russia."), {T(ukr, "accuse", rus)}},
  };
  void PutAll(TripleStore& db) const {
    for (const auto& [doc, triples] : docs) PutOk(db, doc, triples);
  }
};

// --- Opening -----------------------------------------------------------------

TEST_CASE("Open creates a store and reopens it", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  {
    auto db = OpenOk(dir);
    CHECK(fs::is_directory(dir));
    StoreStats s = StatsOk(*db);
    CHECK(s.format_version == kFormatVersion);
    CHECK(s.documents == 0);
    CHECK(s.triples == 0);
    CHECK(s.actors == 0);
    CHECK(s.relations == 0);
    CHECK(s.relation_counts.empty());
  }
  Options existing;
  existing.create_if_missing = false;
  auto db = OpenOk(dir, existing);
  CHECK(StatsOk(*db).format_version == 2);
}

TEST_CASE("Open creates a store in an empty directory", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path("empty");
  fs::create_directory(dir);
  SECTION("with create_if_missing") {
    auto db = OpenOk(dir);
    CHECK(fs::exists(fs::path(dir) / "CURRENT"));
  }
  SECTION("without create_if_missing it is not a store") {
    Options o;
    o.create_if_missing = false;
    auto db = TripleStore::Open(dir, o);
    REQUIRE_FALSE(db.ok());
    CHECK(db.status().code() == Status::Code::kInvalidArgument);
    CHECK(db.status().message() ==
          dir + " is not a kg store (empty directory)");
    CHECK(fs::is_empty(dir));
  }
}

TEST_CASE("Open refuses a missing directory without create_if_missing",
          "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  Options o;
  o.create_if_missing = false;
  auto db = TripleStore::Open(dir, o);
  REQUIRE_FALSE(db.ok());
  CHECK(db.status().IsNotFound());
  CHECK(db.status().message() == dir + " does not exist");
  CHECK_FALSE(fs::exists(dir));

  auto ro = TripleStore::Open(dir, ReadOnly());
  REQUIRE_FALSE(ro.ok());
  CHECK(ro.status().IsNotFound());
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("Open creates only the directory itself, not its parents",
          "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path("no-such-parent") + "/graph.kg";
  auto db = TripleStore::Open(dir, Options());
  REQUIRE_FALSE(db.ok());
  CHECK(db.status().code() == Status::Code::kIOError);
  CHECK(db.status().message().find(dir) != std::string::npos);
  CHECK_FALSE(fs::exists(tmp.Path("no-such-parent")));
}

TEST_CASE("Open rejects paths that are not kg stores", "[store]") {
  TempDir tmp;
  SECTION("a file") {
    const std::string file = tmp.Path("file.txt");
    std::ofstream(file) << "hello";
    auto db = TripleStore::Open(file, Options());
    REQUIRE_FALSE(db.ok());
    CHECK(db.status().code() == Status::Code::kInvalidArgument);
    CHECK(db.status().message() == file + " is not a directory");
  }
  SECTION("a directory with other files") {
    const std::string dir = tmp.Path("docs");
    fs::create_directory(dir);
    std::ofstream(dir + "/notes.txt") << "not a database";
    for (bool read_only : {false, true}) {
      Options o;
      o.read_only = read_only;
      auto db = TripleStore::Open(dir, o);
      REQUIRE_FALSE(db.ok());
      CHECK(db.status().code() == Status::Code::kInvalidArgument);
      CHECK(db.status().message() == dir + " is not a kg store");
    }
    // Nothing was created or removed.
    CHECK(std::distance(fs::directory_iterator(dir),
                        fs::directory_iterator()) == 1);
  }
  SECTION("a RocksDB database of something else") {
    const std::string dir = tmp.Path("other.rocksdb");
    rocksdb::Options ro;
    ro.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(ro, dir, &raw).ok());
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "some", "data").ok());
    delete raw;
    const auto before = Listing(dir);
    for (bool read_only : {false, true}) {
      Options o;
      o.read_only = read_only;
      auto db = TripleStore::Open(dir, o);
      REQUIRE_FALSE(db.ok());
      CHECK(db.status().code() == Status::Code::kInvalidArgument);
      CHECK(db.status().message() == dir + " is not a kg store");
    }
    // The foreign database was not opened for writing.
    CHECK(Listing(dir) == before);
  }
}

TEST_CASE("Open checks the format version", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  OpenOk(dir).reset();
  // Version 1 (a store built before triples carried plover and modality) and
  // a version from the future are both refused, naming both versions.
  for (uint32_t version : {1u, 3u}) {
    INFO("stored version " << version);
    std::string stored;
    format::PutFixed32BE(&stored, version);
    Tamper(dir, [&](rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*>& cfs) {
      REQUIRE(db->Put(rocksdb::WriteOptions(), cfs[0], format::kFormatVersionKey, stored)
                  .ok());
    });
    for (bool read_only : {false, true}) {
      Options o;
      o.read_only = read_only;
      auto db = TripleStore::Open(dir, o);
      REQUIRE_FALSE(db.ok());
      CHECK(db.status().code() == Status::Code::kNotSupported);
      CHECK(db.status().message() == dir + " has storage format version " +
                                         std::to_string(version) +
                                         "; this kg reads format version 2");
    }
  }

  SECTION("a missing version key means not a store") {
    Tamper(dir,
           [](rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*>& cfs) {
             REQUIRE(db->Delete(rocksdb::WriteOptions(), cfs[0],
                                format::kFormatVersionKey)
                         .ok());
           });
    auto db = TripleStore::Open(dir, Options());
    REQUIRE_FALSE(db.ok());
    CHECK(db.status().code() == Status::Code::kInvalidArgument);
    CHECK(db.status().message() == dir + " is not a kg store");
  }
}

TEST_CASE("A second writable open is Busy", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  auto writer = OpenOk(dir);
  auto second = TripleStore::Open(dir, Options());
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == Status::Code::kBusy);
  CHECK(second.status().message() ==
        dir + " is in use by another kg process (write lock held)");
  // The writer is unaffected.
  Corpus c;
  c.PutAll(*writer);
  CHECK(StatsOk(*writer).documents == 3);
}

TEST_CASE("A lock held by another process is Busy", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  OpenOk(dir).reset();
  // The child takes RocksDB's lock the way RocksDB does (a POSIX record lock
  // on DIR/LOCK), so the parent sees a lock held by another process.
  int ready[2];
  int release[2];
  REQUIRE(::pipe(ready) == 0);
  REQUIRE(::pipe(release) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const int fd = ::open((dir + "/LOCK").c_str(), O_RDWR);
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    const char ok = (fd >= 0 && ::fcntl(fd, F_SETLK, &lock) == 0) ? 'y' : 'n';
    (void)!::write(ready[1], &ok, 1);
    char c;
    (void)!::read(release[0], &c, 1);
    ::_exit(0);
  }
  char ok = 0;
  REQUIRE(::read(ready[0], &ok, 1) == 1);
  CHECK(ok == 'y');
  auto db = TripleStore::Open(dir, Options());
  auto ro = TripleStore::Open(dir, ReadOnly());
  (void)!::write(release[1], "x", 1);
  int status = 0;
  ::waitpid(child, &status, 0);
  for (int fd : {ready[0], ready[1], release[0], release[1]}) ::close(fd);

  REQUIRE_FALSE(db.ok());
  CHECK(db.status().code() == Status::Code::kBusy);
  CHECK(db.status().message() ==
        dir + " is in use by another kg process (write lock held)");
  CHECK(ro.ok());
  // Once the other process is gone the store opens again.
  OpenOk(dir);
}

TEST_CASE("A read-only open works alongside a writer", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  Corpus c;
  auto writer = OpenOk(dir);
  PutOk(*writer, c.docs[0].first, c.docs[0].second);
  // Not flushed: the reader recovers the writer's WAL.
  auto reader = OpenOk(dir, ReadOnly());
  StoreStats s = StatsOk(*reader);
  CHECK(s.documents == 1);
  CHECK(s.triples == 2);
  CHECK(Scan(*reader, {}).size() == 2);
  CHECK(ActorTerm(*reader, "RUS") == ActorTerm(*writer, "RUS"));
  // The reader did not rotate the writer's LOG file.
  for (const auto& [name, size] : Listing(dir))
    CHECK(name.rfind("LOG.old", 0) != 0);

  // The reader keeps the state it opened; a new reader sees the rest.
  PutOk(*writer, c.docs[1].first, c.docs[1].second);
  REQUIRE(writer->Flush().ok());
  CHECK(StatsOk(*reader).documents == 1);
  auto reader2 = OpenOk(dir, ReadOnly());
  CHECK(StatsOk(*reader2).documents == 2);
  CHECK(StatsOk(*reader2).triples == 4);

  SECTION("PutDocument on a read-only store fails") {
    auto r = reader->PutDocument(c.docs[2].first, c.docs[2].second, "lex-1");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kInvalidArgument);
    CHECK(r.status().message() ==
          dir + " is open read-only; cannot store document 'd3'");
    CHECK(reader->Flush().ok());
  }
}

TEST_CASE("Data survives close and reopen", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  Corpus c;
  StoreStats before;
  TermId rus = 0;
  {
    auto db = OpenOk(dir);
    c.PutAll(*db);
    before = StatsOk(*db);
    rus = ActorTerm(*db, "RUS");
  }  // no explicit Flush: the destructor flushes
  {
    auto ro = OpenOk(dir, ReadOnly());
    CHECK(SameStats(StatsOk(*ro), before));
    CHECK(ActorTerm(*ro, "RUS") == rus);
    auto names = ro->ActorsByName("moscow");
    REQUIRE(names.ok());
    CHECK(*names == std::vector<TermId>{rus});
  }
  auto db = OpenOk(dir);
  CHECK(SameStats(StatsOk(*db), before));
  // Counters continue where they stopped: new terms and triples do not
  // collide with the stored ones.
  PutOk(*db, Doc("d4", "Israel met Turkey."),
        {T(A("ISR", "Israel"), "meet", c.tur)});
  const TermId isr = ActorTerm(*db, "ISR");
  std::vector<TermId> terms;
  REQUIRE(db->ForEachActor([&](const ActorInfo& a) {
              terms.push_back(a.term);
              return true;
            }).ok());
  CHECK(std::count(terms.begin(), terms.end(), isr) == 1);
  CHECK(terms.size() == 5);
  auto rels = db->Relations();
  REQUIRE(rels.ok());
  for (const auto& [name, term] : *rels) CHECK(term != isr);
  CHECK(Scan(*db, {}).size() == 6);
  std::vector<TripleId> ids;
  for (const auto& [id, t] : Scan(*db, {})) ids.push_back(id);
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  CHECK(StatsOk(*db).documents == 4);
}

// --- Documents ---------------------------------------------------------------

TEST_CASE("PutDocument adds, skips unchanged and replaces", "[store]") {
  TempDir tmp;
  auto db = OpenOk(tmp.Path());
  Corpus c;
  graph::Document d1 = c.docs[0].first;
  CHECK(PutOk(*db, d1, c.docs[0].second) == PutOutcome::kAdded);
  auto unchanged = db->IsUnchanged(d1, "lex-1");
  REQUIRE(unchanged.ok());
  CHECK(*unchanged);
  CHECK(PutOk(*db, d1, c.docs[0].second) == PutOutcome::kUnchanged);

  const TermId rus = ActorTerm(*db, "RUS");
  const TermId ukr = ActorTerm(*db, "UKR");
  const TermId nato = ActorTerm(*db, "NATO");
  const TermId accuse = RelationTerm(*db, "accuse");
  std::vector<TripleId> old_ids;
  for (const auto& [id, t] : Scan(*db, {})) old_ids.push_back(id);
  REQUIRE(old_ids.size() == 2);

  SECTION("a new fingerprint re-codes the document") {
    auto again = db->IsUnchanged(d1, "lex-2");
    REQUIRE(again.ok());
    CHECK_FALSE(*again);
    CHECK(PutOk(*db, d1, c.docs[0].second, "lex-2") == PutOutcome::kReplaced);
    CHECK(StatsOk(*db).triples == 2);
    CHECK(StatsOk(*db).documents == 1);
  }

  SECTION("new content replaces the old triples and their index entries") {
    d1.text = "Ukraine met NATO.";
    auto changed = db->IsUnchanged(d1, "lex-1");
    REQUIRE(changed.ok());
    CHECK_FALSE(*changed);
    CHECK(PutOk(*db, d1, {T(c.ukr, "meet", c.nato)}) == PutOutcome::kReplaced);

    const TermId meet = RelationTerm(*db, "meet");
    CHECK(Edges(*db, rus, Direction::kOut).empty());
    CHECK(Edges(*db, rus, Direction::kIn).empty());
    auto ukr_out = Edges(*db, ukr, Direction::kOut);
    REQUIRE(ukr_out.size() == 1);
    CHECK(ukr_out[0].neighbour == nato);
    CHECK(ukr_out[0].relation == meet);
    CHECK(Edges(*db, ukr, Direction::kIn).empty());
    CHECK(Edges(*db, nato, Direction::kOut).empty());

    auto all = Scan(*db, {});
    REQUIRE(all.size() == 1);
    CHECK(all[0].second.subject.id == "UKR");
    CHECK(std::find(old_ids.begin(), old_ids.end(), all[0].first) ==
          old_ids.end());
    CHECK(Scan(*db, {rus, std::nullopt, std::nullopt}).empty());
    CHECK(Scan(*db, {std::nullopt, std::nullopt, ukr}).empty());
    CHECK(Scan(*db, {std::nullopt, accuse, std::nullopt}).empty());
    for (TripleId id : old_ids) CHECK(db->GetTriple(id).status().IsNotFound());

    StoreStats s = StatsOk(*db);
    CHECK(s.documents == 1);
    CHECK(s.triples == 1);
    CHECK(s.actors == 2);
    CHECK(s.relations == 1);
    CHECK(s.relation_counts ==
          std::vector<std::pair<std::string, uint64_t>>{{"meet", 1}});

    // Russia keeps its term but has no edges left.
    auto info = db->GetActorInfo(rus);
    REQUIRE(info.ok());
    CHECK(info->actor.id == "RUS");
    CHECK(info->out_degree == 0);
    CHECK(info->in_degree == 0);

    std::vector<DocumentInfo> docs;
    REQUIRE(db->ForEachDocument([&](const DocumentInfo& d) {
                docs.push_back(d);
                return true;
              }).ok());
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].id == "d1");
    CHECK(docs[0].triple_count == 1);
    CHECK(docs[0].content_hash == TripleStore::ContentHash(d1, "lex-1"));
    CHECK(docs[0].title == "Title of d1");
    CHECK(docs[0].url == "https://example.org/d1");
    CHECK(docs[0].date == "2024-03-01");
  }
}

TEST_CASE("A document without triples is registered", "[store]") {
  TempDir tmp;
  auto db = OpenOk(tmp.Path());
  graph::Document d = Doc("empty", "Nothing happened.");
  CHECK(PutOk(*db, d, {}) == PutOutcome::kAdded);
  CHECK(PutOk(*db, d, {}) == PutOutcome::kUnchanged);
  StoreStats s = StatsOk(*db);
  CHECK(s.documents == 1);
  CHECK(s.triples == 0);
  uint64_t seen = 0;
  REQUIRE(db->ForEachDocument([&](const DocumentInfo& info) {
              CHECK(info.id == "empty");
              CHECK(info.triple_count == 0);
              ++seen;
              return true;
            }).ok());
  CHECK(seen == 1);
}

TEST_CASE("PutDocument rejects triples without ids", "[store]") {
  TempDir tmp;
  auto db = OpenOk(tmp.Path());
  auto r = db->PutDocument(
      Doc("d", "x"), {T(A("", "Nobody"), "meet", A("RUS", "Russia"))}, "f");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kInvalidArgument);
  CHECK(r.status().message() ==
        "document 'd': triple 0 has an empty subject id");
  graph::Triple odd = T(A("UKR", "Ukraine"), "meet", A("RUS", "Russia"));
  odd.modality = static_cast<graph::Modality>(3);
  auto bad_modality = db->PutDocument(
      Doc("d", "x"), {T(A("UKR", "Ukraine"), "meet", A("RUS", "Russia")), odd}, "f");
  REQUIRE_FALSE(bad_modality.ok());
  CHECK(bad_modality.status().code() == Status::Code::kInvalidArgument);
  CHECK(bad_modality.status().message() ==
        "document 'd': triple 1 has an unknown modality 3");
  auto nodoc = db->PutDocument(Doc("", "x"), {}, "f");
  REQUIRE_FALSE(nodoc.ok());
  CHECK(nodoc.status().code() == Status::Code::kInvalidArgument);
  CHECK(StatsOk(*db).documents == 0);
}

TEST_CASE("The same corpus twice gives identical Stats", "[store]") {
  TempDir tmp;
  Corpus c;
  auto db = OpenOk(tmp.Path("a"));
  c.PutAll(*db);
  const StoreStats first = StatsOk(*db);
  CHECK(first.documents == 3);
  CHECK(first.triples == 5);
  CHECK(first.actors == 4);
  CHECK(first.relations == 2);
  CHECK(first.relation_counts == std::vector<std::pair<std::string, uint64_t>>{
                                     {"accuse", 3}, {"meet", 2}});
  for (const auto& [doc, triples] : c.docs)
    CHECK(PutOk(*db, doc, triples) == PutOutcome::kUnchanged);
  CHECK(SameStats(StatsOk(*db), first));

  // A second store built from the same input is the same, term for term.
  auto other = OpenOk(tmp.Path("b"));
  c.PutAll(*other);
  CHECK(SameStats(StatsOk(*other), first));
  for (const char* id : {"RUS", "UKR", "NATO", "TUR"}) {
    CHECK(ActorTerm(*db, id) == ActorTerm(*other, id));
  }
  CHECK(Scan(*db, {}).size() == Scan(*other, {}).size());
}

TEST_CASE("Relation counts order ties by name", "[store]") {
  TempDir tmp;
  auto db = OpenOk(tmp.Path());
  Corpus c;
  PutOk(*db, Doc("d", "x"),
        {T(c.rus, "threaten", c.ukr), T(c.rus, "meet", c.tur),
         T(c.tur, "accuse", c.rus), T(c.rus, "meet", c.nato)});
  CHECK(StatsOk(*db).relation_counts ==
        std::vector<std::pair<std::string, uint64_t>>{
            {"meet", 2}, {"accuse", 1}, {"threaten", 1}});
  auto rels = db->Relations();
  REQUIRE(rels.ok());
  REQUIRE(rels->size() == 3);
  CHECK((*rels)[0].first == "accuse");
  CHECK((*rels)[1].first == "meet");
  CHECK((*rels)[2].first == "threaten");
  auto name = db->GetRelationName((*rels)[2].second);
  REQUIRE(name.ok());
  CHECK(*name == "threaten");
  CHECK(db->GetRelationName(ActorTerm(*db, "RUS")).status().IsNotFound());
  CHECK(db->GetActor((*rels)[0].second).status().IsNotFound());
  CHECK(db->GetActor(9999).status().IsNotFound());
  auto none = db->RelationByName("invade");
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
}

// --- Names -------------------------------------------------------------------

TEST_CASE("ActorsByName finds ids, names and aliases", "[store]") {
  TempDir tmp;
  auto db = OpenOk(tmp.Path());
  Corpus c;
  c.PutAll(*db);
  const TermId rus = ActorTerm(*db, "RUS");
  const TermId tur = ActorTerm(*db, "TUR");

  auto by = [&](std::string_view text) {
    auto r = db->ActorsByName(text);
    REQUIRE(r.ok());
    return *r;
  };
  CHECK(by("rus") == std::vector<TermId>{rus});     // id
  CHECK(by("RUSSIA") == std::vector<TermId>{rus});  // name, case folded
  CHECK(by("Russian Federation") == std::vector<TermId>{rus});  // alias
  CHECK(by("Türkiye") == std::vector<TermId>{tur});  // non-ASCII kept as is
  CHECK(by("ankara") == std::vector<TermId>{tur});
  CHECK(by("Russ").empty());  // no prefix matches
  CHECK(by("").empty());
  CHECK(db->ActorById("rus")->has_value() == false);  // ids are exact

  SECTION("a later triple merges new aliases in") {
    graph::Actor more = c.rus;
    more.name = "Another Name";  // the first record's name stays
    more.aliases = {"Moscow", "Kremlin", "Kremlin"};
    PutOk(*db, Doc("d9", "The Kremlin said."), {T(more, "meet", c.tur)});
    CHECK(by("kremlin") == std::vector<TermId>{rus});
    CHECK(by("another name").empty());
    auto actor = db->GetActor(rus);
    REQUIRE(actor.ok());
    CHECK(actor->name == "Russia");
    CHECK(actor->aliases ==
          std::vector<std::string>{"Russian Federation", "Moscow", "Kremlin"});
  }

  SECTION("a shared alias finds every actor, sorted by term") {
    PutOk(*db, Doc("d9", "x"),
          {T(A("RUS-GOV", "Russian government", {"Moscow"}), "meet", c.tur)});
    const TermId gov = ActorTerm(*db, "RUS-GOV");
    CHECK(by("moscow") ==
          std::vector<TermId>{std::min(rus, gov), std::max(rus, gov)});
  }

  SECTION("ForEachName lists every folded name in key order") {
    std::vector<std::pair<std::string, TermId>> names;
    REQUIRE(db->ForEachName([&](std::string_view n, TermId t) {
                names.emplace_back(std::string(n), t);
                return true;
              }).ok());
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::count(
              names.begin(), names.end(),
              std::make_pair(std::string("kyiv"), ActorTerm(*db, "UKR"))) == 1);
    // NATO's id and name fold to one key.
    CHECK(std::count_if(names.begin(), names.end(),
                        [](const auto& p) { return p.first == "nato"; }) == 1);
    int calls = 0;
    REQUIRE(db->ForEachName([&](std::string_view, TermId) {
                return ++calls < 2;
              }).ok());
    CHECK(calls == 2);
  }
}

TEST_CASE("ActorsByName uses the custom fold", "[store]") {
  TempDir tmp;
  Options o;
  // Lowercase and drop '-' and ' ', so "Vladimir Putin" finds "vladimir-putin".
  o.fold = [](std::string_view s) {
    std::string out;
    for (char ch : s) {
      if (ch == '-' || ch == ' ') continue;
      out.push_back(
          static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    }
    return out;
  };
  auto db = OpenOk(tmp.Path(), o);
  PutOk(*db, Doc("d", "x"),
        {T(A("vladimir-putin", "Vladimir Putin", {"V. Putin"},
             graph::ActorType::kPerson),
           "meet", A("RUS", "Russia"))});
  const TermId putin = ActorTerm(*db, "vladimir-putin");
  auto r = db->ActorsByName("VLADIMIR PUTIN");
  REQUIRE(r.ok());
  CHECK(*r == std::vector<TermId>{putin});
  r = db->ActorsByName("v.putin");
  REQUIRE(r.ok());
  CHECK(*r == std::vector<TermId>{putin});
  bool found = false;
  REQUIRE(db->ForEachName([&](std::string_view n, TermId t) {
              if (n == "vladimirputin" && t == putin) found = true;
              return true;
            }).ok());
  CHECK(found);
}

// --- Edges and scans
// -----------------------------------------------------------

TEST_CASE("ForEachEdge orders by relation, neighbour, triple and filters",
          "[store]") {
  TempDir tmp;
  auto db = OpenOk(tmp.Path());
  graph::Actor a = A("A", "Alpha");
  graph::Actor b = A("B", "Beta");
  graph::Actor c = A("C", "Gamma");
  // Terms in order of first appearance: A, r2, B, r1, C.
  PutOk(*db, Doc("d1", "one"), {T(a, "r2", b), T(a, "r1", c), T(a, "r1", b)});
  PutOk(*db, Doc("d2", "two"), {T(a, "r1", b), T(c, "r1", a), T(a, "r2", a)});
  const TermId ta = ActorTerm(*db, "A");
  const TermId tb = ActorTerm(*db, "B");
  const TermId tc = ActorTerm(*db, "C");
  const TermId r1 = RelationTerm(*db, "r1");
  const TermId r2 = RelationTerm(*db, "r2");
  REQUIRE(r2 < r1);
  REQUIRE(tb < tc);

  auto out = Edges(*db, ta, Direction::kOut);
  REQUIRE(out.size() == 5);
  // (relation, neighbour, triple) ascending.
  std::vector<std::tuple<TermId, TermId>> got;
  for (const Edge& e : out) {
    CHECK(e.direction == Direction::kOut);
    got.emplace_back(e.relation, e.neighbour);
  }
  CHECK(got == std::vector<std::tuple<TermId, TermId>>{
                   {r2, ta}, {r2, tb}, {r1, tb}, {r1, tb}, {r1, tc}});
  CHECK(out[2].triple < out[3].triple);
  for (const Edge& e : out) {
    auto t = db->GetTriple(e.triple);
    REQUIRE(t.ok());
    CHECK(t->subject.id == "A");
    CHECK(RelationTerm(*db, t->relation) == e.relation);
    CHECK(ActorTerm(*db, t->object.id) == e.neighbour);
  }

  auto only_r1 = Edges(*db, ta, Direction::kOut, {r1});
  REQUIRE(only_r1.size() == 3);
  for (const Edge& e : only_r1) CHECK(e.relation == r1);
  // The filter's order and duplicates do not matter.
  auto both = Edges(*db, ta, Direction::kOut, {r1, r2, r1});
  REQUIRE(both.size() == out.size());
  for (size_t i = 0; i < out.size(); ++i)
    CHECK(both[i].triple == out[i].triple);
  CHECK(Edges(*db, ta, Direction::kOut, {tb})
            .empty());  // not a relation: no edges

  auto in = Edges(*db, ta, Direction::kIn);
  REQUIRE(in.size() == 2);
  CHECK(in[0].relation == r2);
  CHECK(in[0].neighbour == ta);
  CHECK(in[1].relation == r1);
  CHECK(in[1].neighbour == tc);
  CHECK(in[1].direction == Direction::kIn);

  int calls = 0;
  REQUIRE(db->ForEachEdge(ta, Direction::kOut, std::vector<TermId>{r2, r1},
                          [&](const Edge&) { return ++calls < 3; })
              .ok());
  CHECK(calls == 3);

  auto info = db->GetActorInfo(ta);
  REQUIRE(info.ok());
  CHECK(info->out_degree == 5);
  CHECK(info->in_degree == 2);
  std::vector<std::tuple<TermId, uint64_t, uint64_t>> degrees;
  REQUIRE(db->ForEachActor([&](const ActorInfo& i) {
              degrees.emplace_back(i.term, i.out_degree, i.in_degree);
              return true;
            }).ok());
  CHECK(degrees == std::vector<std::tuple<TermId, uint64_t, uint64_t>>{
                       {ta, 5, 2}, {tb, 0, 3}, {tc, 1, 1}});
}

graph::Triple Negated(graph::Triple t) {
  t.negated = true;
  return t;
}

// The value of every spo, ops and pso entry, by column family name.
std::map<std::string, std::vector<std::string>> IndexValues(
    const std::string& dir) {
  std::map<std::string, std::vector<std::string>> out;
  Tamper(dir,
         [&](rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*>& cfs) {
           for (auto* h : cfs) {
             const std::string& name = h->GetName();
             if (name != format::kSpoCf && name != format::kOpsCf &&
                 name != format::kPsoCf)
               continue;
             std::unique_ptr<rocksdb::Iterator> it(
                 db->NewIterator(rocksdb::ReadOptions(), h));
             for (it->SeekToFirst(); it->Valid(); it->Next())
               out[name].push_back(it->value().ToString());
             REQUIRE(it->status().ok());
           }
         });
  return out;
}

TEST_CASE("ForEachEdge reports negated triples from the index", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  graph::Actor a = A("A", "Alpha");
  graph::Actor b = A("B", "Beta");
  graph::Actor c = A("C", "Gamma");
  std::vector<TermId> actors;
  std::vector<TripleId> first_ids;
  // Every edge of every actor in both directions agrees with its triple
  // record, and there are `negated` of them (counted once per direction).
  auto check_edges = [&](const TripleStore& db, size_t edges, size_t negated) {
    size_t seen = 0;
    size_t seen_negated = 0;
    for (TermId actor : actors) {
      for (Direction direction : {Direction::kOut, Direction::kIn}) {
        for (const Edge& e : Edges(db, actor, direction)) {
          auto t = db.GetTriple(e.triple);
          REQUIRE(t.ok());
          INFO("triple " << e.triple << ": " << t->sentence);
          CHECK(e.negated == t->negated);
          ++seen;
          if (e.negated) ++seen_negated;
        }
      }
    }
    CHECK(seen == 2 * edges);
    CHECK(seen_negated == 2 * negated);
  };

  {
    auto db = OpenOk(dir);
    PutOk(*db, Doc("d1", "one"),
          {Negated(T(a, "r", b, "A did not r B.")), T(a, "r", b, "A r B."),
           Negated(T(a, "s", c, "A did not s C.")), T(c, "r", a, "C r A.")});
    PutOk(*db, Doc("d2", "two"),
          {T(b, "s", c, "B s C."), Negated(T(c, "s", b, "C did not s B."))});
    actors = {ActorTerm(*db, "A"), ActorTerm(*db, "B"), ActorTerm(*db, "C")};
    const TermId ta = actors[0];
    const TermId tb = actors[1];
    const TermId r = RelationTerm(*db, "r");
    const TermId rs = RelationTerm(*db, "s");
    check_edges(*db, 6, 3);

    // A's out-edges in edge order: r to B twice (negated first: lower id),
    // then s to C.
    auto out = Edges(*db, ta, Direction::kOut);
    REQUIRE(out.size() == 3);
    CHECK(out[0].neighbour == tb);
    CHECK(out[0].negated);
    CHECK(out[1].neighbour == tb);
    CHECK_FALSE(out[1].negated);
    CHECK(out[2].relation == rs);
    CHECK(out[2].negated);
    // The relation filter and the in-direction read the same flags.
    auto only_r = Edges(*db, ta, Direction::kOut, {r});
    REQUIRE(only_r.size() == 2);
    CHECK(only_r[0].negated);
    CHECK_FALSE(only_r[1].negated);
    auto into_b = Edges(*db, tb, Direction::kIn, {r});
    REQUIRE(into_b.size() == 2);
    CHECK(into_b[0].triple == out[0].triple);
    CHECK(into_b[0].negated);
    CHECK_FALSE(into_b[1].negated);

    // Negated triples stay stored and listed, with their flag, and count in
    // degrees and Stats.
    auto all = Scan(*db, {});
    REQUIRE(all.size() == 6);
    size_t negated = 0;
    for (const auto& [id, t] : all) negated += t.negated ? 1 : 0;
    CHECK(negated == 3);
    auto a_r_b = Scan(*db, {ta, r, tb});
    REQUIRE(a_r_b.size() == 2);
    CHECK(a_r_b[0].second.negated);
    CHECK_FALSE(a_r_b[1].second.negated);
    auto info = db->GetActorInfo(ta);
    REQUIRE(info.ok());
    CHECK(info->out_degree == 3);
    CHECK(StatsOk(*db).triples == 6);
    for (const Edge& e : out) first_ids.push_back(e.triple);
  }
  // Byte for byte: one flags byte in every entry of all three indexes.
  for (const auto& [cf, values] : IndexValues(dir)) {
    INFO(cf);
    CHECK(values.size() == 6);
    CHECK(std::count(values.begin(), values.end(), std::string("\x01", 1)) ==
          3);
    CHECK(std::count(values.begin(), values.end(), std::string("\x00", 1)) ==
          3);
  }

  {
    // Replacing d1 flips which of its triples are negated; d2 is untouched.
    auto db = OpenOk(dir);
    CHECK(PutOk(*db, Doc("d1", "one, revised"),
                {T(a, "r", b, "A r B."), Negated(T(a, "r", b, "A not r B.")),
                 T(a, "s", c, "A s C.")}) == PutOutcome::kReplaced);
    const TermId ta = actors[0];
    check_edges(*db, 5, 2);
    auto out = Edges(*db, ta, Direction::kOut);
    REQUIRE(out.size() == 3);
    CHECK_FALSE(out[0].negated);
    CHECK(out[1].negated);
    CHECK_FALSE(out[2].negated);
    for (const Edge& e : out) {
      CHECK(std::find(first_ids.begin(), first_ids.end(), e.triple) ==
            first_ids.end());
    }
    // C's edges: C -r-> A is gone with the old d1; d2's negated C -s-> B stays.
    auto c_out = Edges(*db, actors[2], Direction::kOut);
    REQUIRE(c_out.size() == 1);
    CHECK(c_out[0].neighbour == actors[1]);
    CHECK(c_out[0].negated);
  }
  for (const auto& [cf, values] : IndexValues(dir)) {
    INFO(cf);
    CHECK(values.size() == 5);
    CHECK(std::count(values.begin(), values.end(), std::string("\x01", 1)) ==
          2);
  }
}

TEST_CASE("An index value is one flags byte; empty reads as none", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  {
    auto db = OpenOk(dir);
    PutOk(*db, Doc("d1", "one"),
          {Negated(T(A("A", "Alpha"), "r", A("B", "Beta"))),
           T(A("A", "Alpha"), "s", A("B", "Beta"))});
  }
  // Overwrites the value of every entry of one index.
  auto set_values = [&](const char* cf_name, const std::string& value) {
    Tamper(dir, [&](rocksdb::DB* db,
                    std::vector<rocksdb::ColumnFamilyHandle*>& cfs) {
      for (auto* h : cfs) {
        if (h->GetName() != cf_name) continue;
        std::vector<std::string> keys;
        std::unique_ptr<rocksdb::Iterator> it(
            db->NewIterator(rocksdb::ReadOptions(), h));
        for (it->SeekToFirst(); it->Valid(); it->Next())
          keys.push_back(it->key().ToString());
        REQUIRE(it->status().ok());
        for (const std::string& k : keys)
          REQUIRE(db->Put(rocksdb::WriteOptions(), h, k, value).ok());
      }
    });
  };
  auto edge_status = [&](Direction direction) {
    auto db = OpenOk(dir, ReadOnly());
    const TermId actor =
        ActorTerm(*db, direction == Direction::kOut ? "A" : "B");
    return db->ForEachEdge(actor, direction, {},
                           [](const Edge&) { return true; });
  };

  // An older store of the same format wrote empty values: no flags.
  set_values(format::kSpoCf, "");
  {
    auto db = OpenOk(dir, ReadOnly());
    auto out = Edges(*db, ActorTerm(*db, "A"), Direction::kOut);
    REQUIRE(out.size() == 2);
    CHECK_FALSE(out[0].negated);
    CHECK_FALSE(out[1].negated);
    // The ops entries still carry the flag.
    auto in = Edges(*db, ActorTerm(*db, "B"), Direction::kIn);
    REQUIRE(in.size() == 2);
    CHECK(in[0].negated);
  }

  // A reserved bit, or more than one byte, is Corruption naming the entry.
  for (const std::string& bad : {std::string("\x02", 1), std::string("\x81", 1),
                                 std::string("\x01\x00", 2)}) {
    set_values(format::kSpoCf, bad);
    Status s = edge_status(Direction::kOut);
    CHECK(s.code() == Status::Code::kCorruption);
    CHECK(s.message().find(dir + ": bad value of spo key ") == 0);
  }
  set_values(format::kOpsCf, std::string("\x04", 1));
  CHECK(edge_status(Direction::kIn).code() == Status::Code::kCorruption);
}

TEST_CASE("ScanTriples matches every pattern", "[store]") {
  TempDir tmp;
  auto db = OpenOk(tmp.Path());
  Corpus c;
  c.PutAll(*db);
  PutOk(*db, Doc("d4", "Russia accused Ukraine again."),
        {T(c.rus, "accuse", c.ukr), T(c.rus, "meet", c.ukr)});
  const auto all = Scan(*db, {});
  REQUIRE(all.size() == 7);
  CHECK(std::is_sorted(
      all.begin(), all.end(),
      [](const auto& x, const auto& y) { return x.first < y.first; }));

  std::vector<std::optional<TermId>> subjects = {
      std::nullopt, ActorTerm(*db, "RUS"), ActorTerm(*db, "UKR")};
  std::vector<std::optional<TermId>> relations = {
      std::nullopt, RelationTerm(*db, "accuse"), RelationTerm(*db, "meet")};
  std::vector<std::optional<TermId>> objects = {
      std::nullopt, ActorTerm(*db, "UKR"), ActorTerm(*db, "NATO")};
  for (const auto& s : subjects) {
    for (const auto& r : relations) {
      for (const auto& o : objects) {
        std::vector<TripleId> expected;
        for (const auto& [id, t] : all) {
          if (s && ActorTerm(*db, t.subject.id) != *s) continue;
          if (r && RelationTerm(*db, t.relation) != *r) continue;
          if (o && ActorTerm(*db, t.object.id) != *o) continue;
          expected.push_back(id);
        }
        std::vector<TripleId> got;
        for (const auto& [id, t] : Scan(*db, {s, r, o})) got.push_back(id);
        std::sort(got.begin(), got.end());
        INFO("s=" << s.value_or(0) << " r=" << r.value_or(0)
                  << " o=" << o.value_or(0));
        CHECK(got == expected);
      }
    }
  }
  CHECK(Scan(*db, {ActorTerm(*db, "RUS"), RelationTerm(*db, "accuse"),
                   ActorTerm(*db, "UKR")})
            .size() == 2);
  int calls = 0;
  REQUIRE(db->ScanTriples({}, [&](TripleId, const graph::Triple&) {
              return ++calls < 2;
            }).ok());
  CHECK(calls == 2);
}

TEST_CASE("GetTriple round-trips every field", "[store]") {
  TempDir tmp;
  auto db = OpenOk(tmp.Path());
  graph::Triple t;
  t.subject =
      A("recep-tayyip-erdogan", "Recep Tayyip Erdoğan",
        {"Erdoğan", "Turkish President"}, graph::ActorType::kPerson, "TURGOV");
  t.relation = "telephone";
  t.cameo = "040";
  t.plover = "CONSULT";
  t.verb = "telephoned";
  t.object = A("Донбас", "Донбас — регион", {}, graph::ActorType::kPlace, "");
  t.negated = true;
  t.modality = graph::Modality::kHypothetical;
  t.doc = "ignored: the document's id is used";
  t.sentence = "Erdoğan telephoned «Донбас» leaders 😀 on Tuesday.";
  t.span_begin = 1234;
  t.span_end = (uint64_t{1} << 40) + 7;
  t.date = "2024-02-29";
  t.confidence = 0.123456789012345;

  graph::Triple group = t;
  group.subject = A("HAMAS", "Hamas", {}, graph::ActorType::kGroup, "PSEREB");
  group.object = A("ORG", "Some Org", {}, graph::ActorType::kOrganization);
  group.negated = false;
  group.cameo = "";
  group.plover = "";
  group.modality = graph::Modality::kReported;
  group.date = "";
  group.confidence = 1.0;
  group.span_begin = 0;
  group.span_end = 0;

  PutOk(*db, Doc("doc-ü", "text"), {t, group});
  auto all = Scan(*db, {});
  REQUIRE(all.size() == 2);

  auto back = db->GetTriple(all[0].first);
  REQUIRE(back.ok());
  graph::Triple expected = t;
  expected.doc = "doc-ü";
  CHECK(*back == expected);
  CHECK(back->subject.id == t.subject.id);
  CHECK(back->subject.name == t.subject.name);
  CHECK(back->subject.type == graph::ActorType::kPerson);
  CHECK(back->subject.code == "TURGOV");
  CHECK(back->subject.aliases == t.subject.aliases);
  CHECK(back->object.id == "Донбас");
  CHECK(back->object.type == graph::ActorType::kPlace);
  CHECK(back->relation == "telephone");
  CHECK(back->cameo == "040");
  CHECK(back->plover == "CONSULT");
  CHECK(back->verb == "telephoned");
  CHECK(back->negated);
  CHECK(back->modality == graph::Modality::kHypothetical);
  CHECK(back->doc == "doc-ü");
  CHECK(back->sentence == t.sentence);
  CHECK(back->span_begin == 1234);
  CHECK(back->span_end == t.span_end);
  CHECK(back->date == "2024-02-29");
  CHECK(back->confidence == t.confidence);
  CHECK(all[0].second == expected);

  auto second = db->GetTriple(all[1].first);
  REQUIRE(second.ok());
  graph::Triple expected2 = group;
  expected2.doc = "doc-ü";
  CHECK(*second == expected2);
  CHECK(second->subject.type == graph::ActorType::kGroup);
  CHECK(second->object.type == graph::ActorType::kOrganization);
  CHECK_FALSE(second->negated);
  CHECK(second->plover.empty());
  CHECK(second->modality == graph::Modality::kReported);

  auto names = db->ActorsByName("Erdoğan");  // ASCII fold leaves 'ğ' alone
  REQUIRE(names.ok());
  CHECK(*names == std::vector<TermId>{ActorTerm(*db, "recep-tayyip-erdogan")});

  auto missing = db->GetTriple(999);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().IsNotFound());
  CHECK(missing.status().message().find("999") != std::string::npos);
}

TEST_CASE("A damaged record is reported as Corruption", "[store]") {
  TempDir tmp;
  const std::string dir = tmp.Path();
  Corpus c;
  TripleId id = 0;
  {
    auto db = OpenOk(dir);
    c.PutAll(*db);
    id = Scan(*db, {})[0].first;
  }
  Tamper(dir,
         [&](rocksdb::DB* db, std::vector<rocksdb::ColumnFamilyHandle*>& cfs) {
           for (auto* h : cfs) {
             if (h->GetName() == format::kTriplesCf) {
               REQUIRE(db->Put(rocksdb::WriteOptions(), h,
                               format::Fixed64Key(id), "\x01")
                           .ok());
             }
           }
         });
  auto db = OpenOk(dir, ReadOnly());
  auto t = db->GetTriple(id);
  REQUIRE_FALSE(t.ok());
  CHECK(t.status().code() == Status::Code::kCorruption);
  CHECK(t.status().message() ==
        dir + ": bad record for triple " + std::to_string(id));
  Status scan =
      db->ScanTriples({}, [](TripleId, const graph::Triple&) { return true; });
  CHECK(scan.code() == Status::Code::kCorruption);
}

}  // namespace
}  // namespace kg::store
