#include "store/triple_store.h"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include "graph/hash.h"
#include "store/format.h"

namespace kg::store {
namespace {

namespace fs = std::filesystem;

Status BusyStatus(const std::string& dir) {
  return Status::Busy(dir + " is in use by another kg process (write lock held)");
}

// True if another process holds the write lock RocksDB takes (an fcntl lock
// on DIR/LOCK). Locks of this process are not seen; RocksDB reports those.
bool LockHeldByOtherProcess(const std::string& dir) {
  const std::string path = (fs::path(dir) / "LOCK").string();
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  struct flock fl = {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  bool held = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

// The one place where a rocksdb::Status becomes a kg::Status. `dir` names the
// store and `what` the operation, so the message is one self-contained line.
Status FromRocks(const rocksdb::Status& s, const std::string& dir,
                 std::string_view what) {
  if (s.ok()) return Status::OK();
  const std::string detail = s.ToString();
  // RocksDB reports the write lock of another process as "While lock file:
  // DIR/LOCK: Resource temporarily unavailable" and a second open in this
  // process as "lock hold by current process ...".
  if (s.IsIOError() &&
      (detail.find("lock hold by current process") != std::string::npos ||
       detail.find("While lock file") != std::string::npos)) {
    return BusyStatus(dir);
  }
  std::string msg = dir + ": " + std::string(what) + ": " + detail;
  if (s.IsNotFound()) return Status::NotFound(std::move(msg));
  if (s.IsCorruption()) return Status::Corruption(std::move(msg));
  if (s.IsInvalidArgument()) return Status::InvalidArgument(std::move(msg));
  if (s.IsNotSupported()) return Status::NotSupported(std::move(msg));
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain())
    return Status::Busy(std::move(msg));
  return Status::IOError(std::move(msg));
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The column families in handle order; Impl::cf_ is indexed by this enum.
enum Cf { kMeta, kTerms, kNames, kTriples, kSpo, kOps, kPso, kDocs, kNumCfs };
constexpr const char* kCfNames[kNumCfs] = {
    format::kMetaCf, format::kTermsCf, format::kNamesCf, format::kTriplesCf,
    format::kSpoCf,  format::kOpsCf,   format::kPsoCf,   format::kDocsCf,
};

rocksdb::ColumnFamilyOptions CfOptions(Cf cf) {
  rocksdb::ColumnFamilyOptions o;
  // Point lookups (terms, triples, docs, meta) benefit from a bloom filter;
  // the index families are only ever prefix-scanned, so they go without.
  if (cf != kSpo && cf != kOps && cf != kPso && cf != kNames) {
    rocksdb::BlockBasedTableOptions table;
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  }
  return o;
}

bool StartsWith(const rocksdb::Slice& s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::string_view(s.data(), prefix.size()) == prefix;
}

std::string_view View(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

}  // namespace

class TripleStore::Impl {
 public:
  Impl(std::string dir, const Options& options)
      : dir_(std::move(dir)), options_(options) {
    if (!options_.fold) options_.fold = AsciiLower;
  }

  ~Impl() {
    if (db_ == nullptr) return;
    if (!options_.read_only) {
      // Best effort: the WAL covers anything a failed flush leaves behind.
      (void)Flush();
    }
    for (rocksdb::ColumnFamilyHandle* h : handles_) {
      (void)db_->DestroyColumnFamilyHandle(h);
    }
    (void)db_->Close();
  }

  Status Open(bool create);
  Status Flush();
  Result<PutOutcome> PutDocument(const graph::Document& doc,
                                 const std::vector<graph::Triple>& triples,
                                 std::string_view fingerprint);
  Result<bool> IsUnchanged(const graph::Document& doc,
                           std::string_view fingerprint) const;

  Result<std::optional<TermId>> ActorById(std::string_view id) const;
  Result<std::vector<TermId>> ActorsByName(std::string_view text) const;
  Status ForEachName(
      const std::function<bool(std::string_view, TermId)>& fn) const;
  Result<graph::Actor> GetActor(TermId term) const;
  Result<std::optional<TermId>> RelationByName(std::string_view name) const;
  Result<std::string> GetRelationName(TermId term) const;
  Result<std::vector<std::pair<std::string, TermId>>> Relations() const;
  Status ForEachActor(const std::function<bool(const ActorInfo&)>& fn) const;
  Result<ActorInfo> GetActorInfo(TermId term) const;
  Status ForEachEdge(TermId actor, Direction direction,
                     std::span<const TermId> relations,
                     const std::function<bool(const Edge&)>& fn) const;
  Result<graph::Triple> GetTriple(TripleId id) const;
  Status ScanTriples(
      const TriplePattern& pattern,
      const std::function<bool(TripleId, const graph::Triple&)>& fn) const;
  Status ForEachDocument(
      const std::function<bool(const DocumentInfo&)>& fn) const;
  Result<StoreStats> Stats() const;

 private:
  // A consistent view for operations that read more than one key: a snapshot
  // on a writable store (a read-only store never changes).
  class ReadView {
   public:
    explicit ReadView(const Impl& impl) : db_(impl.db_.get()) {
      if (!impl.options_.read_only) {
        snapshot_ = db_->GetSnapshot();
        options.snapshot = snapshot_;
      }
    }
    ~ReadView() {
      if (snapshot_ != nullptr) db_->ReleaseSnapshot(snapshot_);
    }
    ReadView(const ReadView&) = delete;
    ReadView& operator=(const ReadView&) = delete;
    rocksdb::ReadOptions options;

   private:
    rocksdb::DB* db_;
    const rocksdb::Snapshot* snapshot_ = nullptr;
  };

  // Terms created or changed by the batch being built; merged into the
  // caches only once the batch is written, so a failed write leaves the
  // caches as they were.
  struct Pending {
    uint64_t next_term = 0;
    std::unordered_map<std::string, TermId> actor_terms;
    std::unordered_map<std::string, TermId> relation_terms;
    std::unordered_map<TermId, graph::Actor> actors;
    std::set<TermId> dirty;  // actor records to (re)write, in term order
  };

  Status Rocks(const rocksdb::Status& s, std::string_view what) const {
    return FromRocks(s, dir_, what);
  }
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles_[c]; }

  Status OpenRocks(bool read_only, bool create,
                   const std::vector<std::string>& cf_names);
  void CloseRocks();
  Status CheckFormatVersion();
  Status ReadCounter(const rocksdb::ReadOptions& ro, const char* key,
                     uint64_t* value) const;

  // Reads `key` from `c`; *found tells whether it exists.
  Status Get(const rocksdb::ReadOptions& ro, Cf c, std::string_view key,
             std::string* value, bool* found) const;
  // Calls fn(key, value) for every key of `c` starting with `prefix`, in key
  // order, until fn returns false.
  Status Scan(
      const rocksdb::ReadOptions& ro, Cf c, std::string_view prefix,
      const std::function<bool(std::string_view, std::string_view)>& fn) const;
  Status CountPrefix(rocksdb::Iterator* it, std::string_view prefix,
                     uint64_t* n) const;

  Status ReadTermRecord(const rocksdb::ReadOptions& ro, TermId term,
                        format::TermRecord* record) const;
  Status ReadTripleRecord(const rocksdb::ReadOptions& ro, TripleId id,
                          format::TripleRecord* record) const;
  Status ReadDoc(const rocksdb::ReadOptions& ro, const std::string& id,
                 std::optional<format::DocRecord>* doc) const;
  Status Degrees(const rocksdb::ReadOptions& ro, TermId term,
                 ActorInfo* info) const;
  // Builds the Triple a record stands for, looking terms up through `cache`.
  Status Materialize(const rocksdb::ReadOptions& ro,
                     const format::TripleRecord& rec,
                     std::unordered_map<TermId, format::TermRecord>* cache,
                     graph::Triple* out) const;
  Status DistinctFirstParts(const rocksdb::ReadOptions& ro, Cf c,
                            std::vector<uint64_t>* out) const;

  // Writer side.
  Status ActorTerm(Pending* p, const graph::Actor& actor,
                   rocksdb::WriteBatch* batch, TermId* term);
  Status RelationTerm(Pending* p, const std::string& name,
                      rocksdb::WriteBatch* batch, TermId* term);
  Status PutNameKey(rocksdb::WriteBatch* batch, std::string_view name,
                    TermId term);
  Status PutCounter(rocksdb::WriteBatch* batch, const char* key,
                    uint64_t value);

  std::string dir_;
  Options options_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // owned, indexed by Cf

  // Writer state: the counters as last written, and caches of the dictionary
  // (filled on demand from the terms column family).
  uint64_t next_term_ = 1;
  uint64_t next_triple_ = 1;
  uint64_t documents_ = 0;
  uint64_t triples_ = 0;
  std::unordered_map<std::string, TermId> actor_terms_;
  std::unordered_map<std::string, TermId> relation_terms_;
  std::unordered_map<TermId, graph::Actor> actors_;
};

// --- Opening -----------------------------------------------------------------

Status TripleStore::Impl::OpenRocks(bool read_only, bool create,
                                    const std::vector<std::string>& cf_names) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = create;
  db_options.create_missing_column_families = create;
  db_options.keep_log_file_num = 4;
  // One flush job for all column families instead of one after the other.
  db_options.atomic_flush = true;
  db_options.max_open_files =
      -1;  // keeps a reader's files open if a writer deletes them

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : cf_names) {
    const auto* it = std::find_if(std::begin(kCfNames), std::end(kCfNames),
                                  [&](const char* n) { return name == n; });
    descriptors.emplace_back(
        name, CfOptions(static_cast<Cf>(it - std::begin(kCfNames))));
  }
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status s;
  if (read_only) {
    // A writer may delete a WAL or MANIFEST file between the moment a reader
    // lists the directory and the moment it reads the file; that race is
    // short-lived, so try again a few times before giving up.
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (attempt > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      s = rocksdb::DB::OpenForReadOnly(db_options, dir_, descriptors, &handles,
                                       &raw);
      if (!s.IsIOError() && !s.IsCorruption() && !s.IsPathNotFound()) break;
    }
  } else {
    s = rocksdb::DB::Open(db_options, dir_, descriptors, &handles, &raw);
  }
  if (!s.ok()) return Rocks(s, "cannot open");
  db_.reset(raw);
  handles_ = std::move(handles);
  return Status::OK();
}

void TripleStore::Impl::CloseRocks() {
  for (rocksdb::ColumnFamilyHandle* h : handles_)
    (void)db_->DestroyColumnFamilyHandle(h);
  handles_.clear();
  (void)db_->Close();
  db_.reset();
}

Status TripleStore::Impl::CheckFormatVersion() {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(rocksdb::ReadOptions(), kMeta,
                         format::kFormatVersionKey, &value, &found));
  if (!found) {
    // A store being created by another process has no version key yet.
    if (LockHeldByOtherProcess(dir_)) return BusyStatus(dir_);
    return Status::InvalidArgument(dir_ + " is not a kg store");
  }
  if (value.size() != 4) {
    return Status::Corruption(dir_ + ": meta key " + format::kFormatVersionKey +
                              " has " + std::to_string(value.size()) +
                              " bytes, expected 4");
  }
  const uint32_t version = format::DecodeFixed32BE(value.data());
  if (version != kFormatVersion) {
    return Status::NotSupported(
        dir_ + " has storage format version " + std::to_string(version) +
        "; this kg reads format version " + std::to_string(kFormatVersion));
  }
  return Status::OK();
}

Status TripleStore::Impl::ReadCounter(const rocksdb::ReadOptions& ro,
                                      const char* key, uint64_t* value) const {
  std::string v;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(ro, kMeta, key, &v, &found));
  if (!found || v.size() != 8) {
    return Status::Corruption(dir_ + ": meta key " + key +
                              (found ? " is not 8 bytes" : " is missing"));
  }
  *value = format::DecodeFixed64BE(v.data());
  return Status::OK();
}

Status TripleStore::Impl::Open(bool create) {
  std::vector<std::string> all(std::begin(kCfNames), std::end(kCfNames));
  if (create) {
    KG_RETURN_IF_ERROR(OpenRocks(/*read_only=*/false, /*create=*/true, all));
    rocksdb::WriteBatch batch;
    std::string version;
    format::PutFixed32BE(&version, kFormatVersion);
    rocksdb::Status s =
        batch.Put(cf(kMeta), format::kFormatVersionKey, version);
    for (const char* key : {format::kNextTermKey, format::kNextTripleKey}) {
      if (s.ok()) s = batch.Put(cf(kMeta), key, format::Fixed64Key(1));
    }
    for (const char* key :
         {format::kDocumentCountKey, format::kTripleCountKey}) {
      if (s.ok()) s = batch.Put(cf(kMeta), key, format::Fixed64Key(0));
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    if (s.ok()) s = db_->Write(wo, &batch);
    KG_RETURN_IF_ERROR(Rocks(s, "cannot initialise the store"));
  } else {
    std::vector<std::string> existing;
    KG_RETURN_IF_ERROR(Rocks(
        rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir_, &existing),
        "cannot list column families"));
    std::vector<std::string> present;
    for (const std::string& name : all) {
      if (std::find(existing.begin(), existing.end(), name) != existing.end()) {
        present.push_back(name);
      }
    }
    // Read the version before anything else, through a read-only open: a
    // foreign RocksDB directory or a store of another version must not be
    // opened for writing. A read-only store keeps this open; a writer opens
    // the database a second time, for real.
    KG_RETURN_IF_ERROR(OpenRocks(
        /*read_only=*/true, /*create=*/false,
        options_.read_only ? present
                           : std::vector<std::string>{format::kMetaCf}));
    Status checked = CheckFormatVersion();
    for (const std::string& name : all) {
      if (!checked.ok()) break;
      if (std::find(present.begin(), present.end(), name) == present.end()) {
        checked = Status::Corruption(dir_ + ": column family '" + name +
                                     "' is missing");
      }
    }
    if (!checked.ok() || !options_.read_only) CloseRocks();
    KG_RETURN_IF_ERROR(checked);
    if (!options_.read_only) {
      KG_RETURN_IF_ERROR(OpenRocks(/*read_only=*/false, /*create=*/false, all));
    }
  }
  if (!options_.read_only) {
    rocksdb::ReadOptions ro;
    KG_RETURN_IF_ERROR(ReadCounter(ro, format::kNextTermKey, &next_term_));
    KG_RETURN_IF_ERROR(ReadCounter(ro, format::kNextTripleKey, &next_triple_));
    KG_RETURN_IF_ERROR(ReadCounter(ro, format::kDocumentCountKey, &documents_));
    KG_RETURN_IF_ERROR(ReadCounter(ro, format::kTripleCountKey, &triples_));
  }
  return Status::OK();
}

Status TripleStore::Impl::Flush() {
  if (options_.read_only) return Status::OK();
  rocksdb::FlushOptions fo;
  fo.wait = true;
  return Rocks(db_->Flush(fo, handles_), "cannot flush");
}

// --- Low-level reads ---------------------------------------------------------

Status TripleStore::Impl::Get(const rocksdb::ReadOptions& ro, Cf c,
                              std::string_view key, std::string* value,
                              bool* found) const {
  rocksdb::Status s =
      db_->Get(ro, cf(c), rocksdb::Slice(key.data(), key.size()), value);
  *found = s.ok();
  if (s.IsNotFound()) return Status::OK();
  return Rocks(s, std::string("cannot read ") + kCfNames[c] + " key " +
                      format::PrintableKey(key));
}

Status TripleStore::Impl::Scan(
    const rocksdb::ReadOptions& ro, Cf c, std::string_view prefix,
    const std::function<bool(std::string_view, std::string_view)>& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(c)));
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size()));
       it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
    if (!fn(View(it->key()), View(it->value()))) break;
  }
  return Rocks(it->status(), std::string("cannot scan ") + kCfNames[c]);
}

Status TripleStore::Impl::CountPrefix(rocksdb::Iterator* it,
                                      std::string_view prefix,
                                      uint64_t* n) const {
  *n = 0;
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size()));
       it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
    ++*n;
  }
  return Rocks(it->status(), "cannot scan an index");
}

Status TripleStore::Impl::ReadTermRecord(const rocksdb::ReadOptions& ro,
                                         TermId term,
                                         format::TermRecord* record) const {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(
      Get(ro, kTerms, format::TermRecordKey(term), &value, &found));
  if (!found)
    return Status::NotFound("no term " + std::to_string(term) + " in " + dir_);
  if (!format::DecodeTermRecord(value, record)) {
    return Status::Corruption(dir_ + ": bad record for term " +
                              std::to_string(term));
  }
  return Status::OK();
}

Status TripleStore::Impl::ReadTripleRecord(const rocksdb::ReadOptions& ro,
                                           TripleId id,
                                           format::TripleRecord* record) const {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(ro, kTriples, format::Fixed64Key(id), &value, &found));
  if (!found)
    return Status::NotFound("no triple " + std::to_string(id) + " in " + dir_);
  if (!format::DecodeTriple(value, record)) {
    return Status::Corruption(dir_ + ": bad record for triple " +
                              std::to_string(id));
  }
  return Status::OK();
}

Status TripleStore::Impl::ReadDoc(const rocksdb::ReadOptions& ro,
                                  const std::string& id,
                                  std::optional<format::DocRecord>* doc) const {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(ro, kDocs, id, &value, &found));
  doc->reset();
  if (!found) return Status::OK();
  format::DocRecord rec;
  if (!format::DecodeDoc(value, &rec)) {
    return Status::Corruption(dir_ + ": bad record for document '" +
                              format::PrintableKey(id) + "'");
  }
  *doc = std::move(rec);
  return Status::OK();
}

// --- Writing -----------------------------------------------------------------

uint64_t TripleStore::ContentHash(const graph::Document& doc,
                                  std::string_view fingerprint) {
  uint64_t h = graph::kFnv1a64Basis;
  for (std::string_view field : {std::string_view(doc.text), std::string_view(doc.date),
                                 std::string_view(doc.title), std::string_view(doc.url),
                                 fingerprint}) {
    h = graph::Fnv1a64Field(field, h);
  }
  return h;
}

Status TripleStore::Impl::PutNameKey(rocksdb::WriteBatch* batch,
                                     std::string_view name, TermId term) {
  const std::string folded = options_.fold(name);
  if (folded.empty()) return Status::OK();  // nothing could look it up
  return Rocks(
      batch->Put(cf(kNames), format::NameKey(folded, term), rocksdb::Slice()),
      "cannot build batch");
}

Status TripleStore::Impl::PutCounter(rocksdb::WriteBatch* batch,
                                     const char* key, uint64_t value) {
  return Rocks(batch->Put(cf(kMeta), key, format::Fixed64Key(value)),
               "cannot build batch");
}

Status TripleStore::Impl::ActorTerm(Pending* p, const graph::Actor& actor,
                                    rocksdb::WriteBatch* batch, TermId* term) {
  // Find the term: this batch, the cache, then the dictionary.
  TermId t = 0;
  if (auto it = p->actor_terms.find(actor.id); it != p->actor_terms.end()) {
    t = it->second;
  } else if (auto ct = actor_terms_.find(actor.id); ct != actor_terms_.end()) {
    t = ct->second;
  } else {
    std::string value;
    bool found = false;
    KG_RETURN_IF_ERROR(Get(rocksdb::ReadOptions(), kTerms,
                           format::ActorIdKey(actor.id), &value, &found));
    if (found) {
      if (value.size() != 8) {
        return Status::Corruption(dir_ + ": bad term for actor '" +
                                  format::PrintableKey(actor.id) + "'");
      }
      t = format::DecodeFixed64BE(value.data());
    }
  }

  if (t == 0) {  // a new actor: its first appearance defines it
    t = p->next_term++;
    graph::Actor stored = actor;
    stored.aliases.clear();
    for (const std::string& alias : actor.aliases) {
      if (!alias.empty() &&
          std::find(stored.aliases.begin(), stored.aliases.end(), alias) ==
              stored.aliases.end()) {
        stored.aliases.push_back(alias);
      }
    }
    KG_RETURN_IF_ERROR(
        Rocks(batch->Put(cf(kTerms), format::ActorIdKey(actor.id),
                         format::Fixed64Key(t)),
              "cannot build batch"));
    KG_RETURN_IF_ERROR(PutNameKey(batch, stored.id, t));
    KG_RETURN_IF_ERROR(PutNameKey(batch, stored.name, t));
    for (const std::string& alias : stored.aliases)
      KG_RETURN_IF_ERROR(PutNameKey(batch, alias, t));
    p->actor_terms[actor.id] = t;
    p->actors[t] = std::move(stored);
    p->dirty.insert(t);
    *term = t;
    return Status::OK();
  }

  p->actor_terms[actor.id] = t;
  // A known actor: merge in aliases it did not have yet, in input order.
  auto rec = p->actors.find(t);
  if (rec == p->actors.end()) {
    graph::Actor known;
    if (auto ca = actors_.find(t); ca != actors_.end()) {
      known = ca->second;
    } else {
      format::TermRecord r;
      KG_RETURN_IF_ERROR(ReadTermRecord(rocksdb::ReadOptions(), t, &r));
      if (r.kind != format::TermKind::kActor) {
        return Status::Corruption(
            dir_ + ": term " + std::to_string(t) + " of actor '" +
            format::PrintableKey(actor.id) + "' is not an actor");
      }
      known = std::move(r.actor);
    }
    rec = p->actors.emplace(t, std::move(known)).first;
  }
  graph::Actor& stored = rec->second;
  for (const std::string& alias : actor.aliases) {
    if (alias.empty() || std::find(stored.aliases.begin(), stored.aliases.end(),
                                   alias) != stored.aliases.end()) {
      continue;
    }
    stored.aliases.push_back(alias);
    KG_RETURN_IF_ERROR(PutNameKey(batch, alias, t));
    p->dirty.insert(t);
  }
  *term = t;
  return Status::OK();
}

Status TripleStore::Impl::RelationTerm(Pending* p, const std::string& name,
                                       rocksdb::WriteBatch* batch,
                                       TermId* term) {
  if (auto it = p->relation_terms.find(name); it != p->relation_terms.end()) {
    *term = it->second;
    return Status::OK();
  }
  if (auto it = relation_terms_.find(name); it != relation_terms_.end()) {
    *term = it->second;
    return Status::OK();
  }
  std::string value;
  bool found = false;
  const std::string key = format::RelationNameKey(name);
  KG_RETURN_IF_ERROR(Get(rocksdb::ReadOptions(), kTerms, key, &value, &found));
  if (found) {
    if (value.size() != 8) {
      return Status::Corruption(dir_ + ": bad term for relation '" +
                                format::PrintableKey(name) + "'");
    }
    *term = format::DecodeFixed64BE(value.data());
  } else {
    *term = p->next_term++;
    rocksdb::Status s = batch->Put(cf(kTerms), key, format::Fixed64Key(*term));
    if (s.ok()) {
      s = batch->Put(cf(kTerms), format::TermRecordKey(*term),
                     format::EncodeRelationRecord(name));
    }
    KG_RETURN_IF_ERROR(Rocks(s, "cannot build batch"));
  }
  p->relation_terms[name] = *term;
  return Status::OK();
}

Result<PutOutcome> TripleStore::Impl::PutDocument(
    const graph::Document& doc, const std::vector<graph::Triple>& triples,
    std::string_view fingerprint) {
  if (options_.read_only) {
    return Status::InvalidArgument(
        dir_ + " is open read-only; cannot store document '" + doc.id + "'");
  }
  if (doc.id.empty())
    return Status::InvalidArgument(dir_ + ": a document has an empty id");
  for (size_t i = 0; i < triples.size(); ++i) {
    const graph::Triple& t = triples[i];
    const char* missing = t.subject.id.empty()  ? "subject id"
                          : t.object.id.empty() ? "object id"
                          : t.relation.empty()  ? "relation"
                                                : nullptr;
    if (missing != nullptr) {
      return Status::InvalidArgument("document '" + doc.id + "': triple " +
                                     std::to_string(i) + " has an empty " +
                                     missing);
    }
    // Checked here because DecodeTriple rejects an unknown byte: storing one
    // would make the record unreadable.
    const auto modality = static_cast<uint8_t>(t.modality);
    if (!format::IsKnownModality(modality)) {
      return Status::InvalidArgument("document '" + doc.id + "': triple " +
                                     std::to_string(i) + " has an unknown modality " +
                                     std::to_string(modality));
    }
  }

  const uint64_t hash = TripleStore::ContentHash(doc, fingerprint);
  const rocksdb::ReadOptions ro;
  std::optional<format::DocRecord> old;
  KG_RETURN_IF_ERROR(ReadDoc(ro, doc.id, &old));
  if (old && old->content_hash == hash) return PutOutcome::kUnchanged;

  rocksdb::WriteBatch batch;
  auto put = [&](Cf c, const std::string& key, const std::string& value) {
    return Rocks(batch.Put(cf(c), key, value), "cannot build batch");
  };
  auto del = [&](Cf c, const std::string& key) {
    return Rocks(batch.Delete(cf(c), key), "cannot build batch");
  };

  // Remove what the old version of the document stored.
  uint64_t triples_now = triples_;
  if (old) {
    for (TripleId id : old->triples) {
      format::TripleRecord r;
      KG_RETURN_IF_ERROR(ReadTripleRecord(ro, id, &r));
      KG_RETURN_IF_ERROR(del(kTriples, format::Fixed64Key(id)));
      KG_RETURN_IF_ERROR(
          del(kSpo, format::IndexKey(r.subject, r.relation, r.object, id)));
      KG_RETURN_IF_ERROR(
          del(kOps, format::IndexKey(r.object, r.relation, r.subject, id)));
      KG_RETURN_IF_ERROR(
          del(kPso, format::IndexKey(r.relation, r.subject, r.object, id)));
    }
    triples_now -= std::min<uint64_t>(triples_now, old->triples.size());
  }

  Pending p;
  p.next_term = next_term_;
  uint64_t next_triple = next_triple_;
  format::DocRecord rec;
  rec.content_hash = hash;
  rec.date = doc.date;
  rec.title = doc.title;
  rec.url = doc.url;
  rec.triples.reserve(triples.size());
  for (const graph::Triple& t : triples) {
    format::TripleRecord r;
    KG_RETURN_IF_ERROR(ActorTerm(&p, t.subject, &batch, &r.subject));
    KG_RETURN_IF_ERROR(RelationTerm(&p, t.relation, &batch, &r.relation));
    KG_RETURN_IF_ERROR(ActorTerm(&p, t.object, &batch, &r.object));
    r.cameo = t.cameo;
    r.plover = t.plover;
    r.verb = t.verb;
    r.negated = t.negated;
    r.modality = t.modality;
    r.doc = doc.id;
    r.sentence = t.sentence;
    r.span_begin = t.span_begin;
    r.span_end = t.span_end;
    r.date = t.date;
    r.confidence = t.confidence;
    const TripleId id = next_triple++;
    KG_RETURN_IF_ERROR(
        put(kTriples, format::Fixed64Key(id), format::EncodeTriple(r)));
    // The index values carry the flags a graph walk needs, so it never has
    // to load the triple record to decide whether to follow an edge.
    const std::string flags = format::IndexValue(r.negated);
    KG_RETURN_IF_ERROR(put(
        kSpo, format::IndexKey(r.subject, r.relation, r.object, id), flags));
    KG_RETURN_IF_ERROR(put(
        kOps, format::IndexKey(r.object, r.relation, r.subject, id), flags));
    KG_RETURN_IF_ERROR(put(
        kPso, format::IndexKey(r.relation, r.subject, r.object, id), flags));
    rec.triples.push_back(id);
  }
  for (TermId t : p.dirty) {
    KG_RETURN_IF_ERROR(put(kTerms, format::TermRecordKey(t),
                           format::EncodeActorRecord(p.actors[t])));
  }
  const uint64_t documents_now = documents_ + (old ? 0 : 1);
  triples_now += triples.size();
  KG_RETURN_IF_ERROR(put(kDocs, doc.id, format::EncodeDoc(rec)));
  KG_RETURN_IF_ERROR(PutCounter(&batch, format::kNextTermKey, p.next_term));
  KG_RETURN_IF_ERROR(PutCounter(&batch, format::kNextTripleKey, next_triple));
  KG_RETURN_IF_ERROR(
      PutCounter(&batch, format::kDocumentCountKey, documents_now));
  KG_RETURN_IF_ERROR(PutCounter(&batch, format::kTripleCountKey, triples_now));

  KG_RETURN_IF_ERROR(Rocks(db_->Write(rocksdb::WriteOptions(), &batch),
                           "cannot store document '" + doc.id + "'"));

  next_term_ = p.next_term;
  next_triple_ = next_triple;
  documents_ = documents_now;
  triples_ = triples_now;
  for (auto& [id, term] : p.actor_terms) actor_terms_[id] = term;
  for (auto& [name, term] : p.relation_terms) relation_terms_[name] = term;
  for (auto& [term, actor] : p.actors) actors_[term] = std::move(actor);
  return old ? PutOutcome::kReplaced : PutOutcome::kAdded;
}

Result<bool> TripleStore::Impl::IsUnchanged(
    const graph::Document& doc, std::string_view fingerprint) const {
  std::optional<format::DocRecord> rec;
  KG_RETURN_IF_ERROR(ReadDoc(rocksdb::ReadOptions(), doc.id, &rec));
  return rec.has_value() &&
         rec->content_hash == TripleStore::ContentHash(doc, fingerprint);
}

// --- Lookups -----------------------------------------------------------------

Result<std::optional<TermId>> TripleStore::Impl::ActorById(
    std::string_view id) const {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(rocksdb::ReadOptions(), kTerms, format::ActorIdKey(id),
                         &value, &found));
  if (!found) return std::optional<TermId>();
  if (value.size() != 8) {
    return Status::Corruption(dir_ + ": bad term for actor '" +
                              format::PrintableKey(id) + "'");
  }
  return std::optional<TermId>(format::DecodeFixed64BE(value.data()));
}

Result<std::vector<TermId>> TripleStore::Impl::ActorsByName(
    std::string_view text) const {
  std::vector<TermId> terms;
  const std::string folded = options_.fold(text);
  if (folded.empty()) return terms;
  const std::string prefix = format::NamePrefix(folded);
  KG_RETURN_IF_ERROR(Scan(
      rocksdb::ReadOptions(), kNames, prefix,
      [&](std::string_view key, std::string_view) {
        // Longer keys are names that continue past a '\0'.
        if (key.size() == prefix.size() + 8) {
          terms.push_back(format::DecodeFixed64BE(key.data() + prefix.size()));
        }
        return true;
      }));
  return terms;  // key order within one name is term order
}

Status TripleStore::Impl::ForEachName(
    const std::function<bool(std::string_view, TermId)>& fn) const {
  Status bad;
  KG_RETURN_IF_ERROR(Scan(rocksdb::ReadOptions(), kNames, "",
                          [&](std::string_view key, std::string_view) {
                            std::string_view folded;
                            TermId term = 0;
                            if (!format::ParseNameKey(key, &folded, &term)) {
                              bad =
                                  Status::Corruption(dir_ + ": bad names key " +
                                                     format::PrintableKey(key));
                              return false;
                            }
                            return fn(folded, term);
                          }));
  return bad;
}

Result<graph::Actor> TripleStore::Impl::GetActor(TermId term) const {
  format::TermRecord rec;
  KG_RETURN_IF_ERROR(ReadTermRecord(rocksdb::ReadOptions(), term, &rec));
  if (rec.kind != format::TermKind::kActor) {
    return Status::NotFound("term " + std::to_string(term) + " in " + dir_ +
                            " is not an actor");
  }
  return std::move(rec.actor);
}

Result<std::optional<TermId>> TripleStore::Impl::RelationByName(
    std::string_view name) const {
  std::string value;
  bool found = false;
  KG_RETURN_IF_ERROR(Get(rocksdb::ReadOptions(), kTerms,
                         format::RelationNameKey(name), &value, &found));
  if (!found) return std::optional<TermId>();
  if (value.size() != 8) {
    return Status::Corruption(dir_ + ": bad term for relation '" +
                              format::PrintableKey(name) + "'");
  }
  return std::optional<TermId>(format::DecodeFixed64BE(value.data()));
}

Result<std::string> TripleStore::Impl::GetRelationName(TermId term) const {
  format::TermRecord rec;
  KG_RETURN_IF_ERROR(ReadTermRecord(rocksdb::ReadOptions(), term, &rec));
  if (rec.kind != format::TermKind::kRelation) {
    return Status::NotFound("term " + std::to_string(term) + " in " + dir_ +
                            " is not a relation");
  }
  return std::move(rec.relation);
}

Result<std::vector<std::pair<std::string, TermId>>>
TripleStore::Impl::Relations() const {
  std::vector<std::pair<std::string, TermId>> out;
  Status bad;
  const std::string prefix(
      1, static_cast<char>(format::TermKeyTag::kRelationName));
  KG_RETURN_IF_ERROR(
      Scan(rocksdb::ReadOptions(), kTerms, prefix,
           [&](std::string_view key, std::string_view value) {
             if (value.size() != 8) {
               bad = Status::Corruption(dir_ + ": bad terms entry " +
                                        format::PrintableKey(key));
               return false;
             }
             out.emplace_back(std::string(key.substr(1)),
                              format::DecodeFixed64BE(value.data()));
             return true;
           }));
  KG_RETURN_IF_ERROR(bad);
  return out;  // key order is byte order of the names
}

// --- Scans -------------------------------------------------------------------

Status TripleStore::Impl::Degrees(const rocksdb::ReadOptions& ro, TermId term,
                                  ActorInfo* info) const {
  std::unique_ptr<rocksdb::Iterator> spo(db_->NewIterator(ro, cf(kSpo)));
  std::unique_ptr<rocksdb::Iterator> ops(db_->NewIterator(ro, cf(kOps)));
  const std::string prefix = format::IndexPrefix({term});
  KG_RETURN_IF_ERROR(CountPrefix(spo.get(), prefix, &info->out_degree));
  return CountPrefix(ops.get(), prefix, &info->in_degree);
}

Status TripleStore::Impl::ForEachActor(
    const std::function<bool(const ActorInfo&)>& fn) const {
  ReadView view(*this);
  // One iterator per index, reused for every actor.
  std::unique_ptr<rocksdb::Iterator> spo(
      db_->NewIterator(view.options, cf(kSpo)));
  std::unique_ptr<rocksdb::Iterator> ops(
      db_->NewIterator(view.options, cf(kOps)));
  Status inner;
  KG_RETURN_IF_ERROR(
      Scan(view.options, kTerms, format::TermRecordPrefix(),
           [&](std::string_view key, std::string_view value) {
             ActorInfo info;
             format::TermRecord rec;
             if (!format::ParseTermRecordKey(key, &info.term) ||
                 !format::DecodeTermRecord(value, &rec)) {
               inner = Status::Corruption(dir_ + ": bad term record " +
                                          format::PrintableKey(key));
               return false;
             }
             if (rec.kind != format::TermKind::kActor) return true;
             info.actor = std::move(rec.actor);
             const std::string prefix = format::IndexPrefix({info.term});
             inner = CountPrefix(spo.get(), prefix, &info.out_degree);
             if (inner.ok())
               inner = CountPrefix(ops.get(), prefix, &info.in_degree);
             return inner.ok() && fn(info);
           }));
  return inner;
}

Result<ActorInfo> TripleStore::Impl::GetActorInfo(TermId term) const {
  ReadView view(*this);
  format::TermRecord rec;
  KG_RETURN_IF_ERROR(ReadTermRecord(view.options, term, &rec));
  if (rec.kind != format::TermKind::kActor) {
    return Status::NotFound("term " + std::to_string(term) + " in " + dir_ +
                            " is not an actor");
  }
  ActorInfo info;
  info.term = term;
  info.actor = std::move(rec.actor);
  KG_RETURN_IF_ERROR(Degrees(view.options, term, &info));
  return info;
}

Status TripleStore::Impl::ForEachEdge(
    TermId actor, Direction direction, std::span<const TermId> relations,
    const std::function<bool(const Edge&)>& fn) const {
  // spo is ordered s|r|o|tid and ops o|r|s|tid: both give the documented
  // order (relation, neighbour, triple) within one actor.
  const Cf index = direction == Direction::kOut ? kSpo : kOps;
  std::vector<std::string> prefixes;
  if (relations.empty()) {
    prefixes.push_back(format::IndexPrefix({actor}));
  } else {
    std::vector<TermId> rels(relations.begin(), relations.end());
    std::sort(rels.begin(), rels.end());
    rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
    for (TermId r : rels) prefixes.push_back(format::IndexPrefix({actor, r}));
  }
  ReadView view(*this);
  bool stopped = false;
  Status bad;
  for (const std::string& prefix : prefixes) {
    KG_RETURN_IF_ERROR(Scan(
        view.options, index, prefix,
        [&](std::string_view key, std::string_view value) {
          format::IndexEntry e;
          if (!format::ParseIndexKey(key, &e)) {
            bad = Status::Corruption(dir_ + ": bad index key " +
                                     format::PrintableKey(key));
            return false;
          }
          if (!format::ParseIndexValue(value, &e)) {
            bad =
                Status::Corruption(dir_ + ": bad value of " + kCfNames[index] +
                                   " key " + format::PrintableKey(key));
            return false;
          }
          Edge edge{.neighbour = e.c,
                    .relation = e.b,
                    .triple = e.triple,
                    .direction = direction,
                    .negated = e.negated};
          stopped = !fn(edge);
          return !stopped;
        }));
    KG_RETURN_IF_ERROR(bad);
    if (stopped) break;
  }
  return Status::OK();
}

Status TripleStore::Impl::Materialize(
    const rocksdb::ReadOptions& ro, const format::TripleRecord& rec,
    std::unordered_map<TermId, format::TermRecord>* cache,
    graph::Triple* out) const {
  auto lookup = [&](TermId term, format::TermKind kind,
                    const format::TermRecord** found) -> Status {
    auto it = cache->find(term);
    if (it == cache->end()) {
      format::TermRecord r;
      KG_RETURN_IF_ERROR(ReadTermRecord(ro, term, &r));
      it = cache->emplace(term, std::move(r)).first;
    }
    if (it->second.kind != kind) {
      return Status::Corruption(dir_ + ": term " + std::to_string(term) +
                                " has the wrong kind");
    }
    *found = &it->second;
    return Status::OK();
  };
  const format::TermRecord* s = nullptr;
  const format::TermRecord* r = nullptr;
  const format::TermRecord* o = nullptr;
  KG_RETURN_IF_ERROR(lookup(rec.subject, format::TermKind::kActor, &s));
  KG_RETURN_IF_ERROR(lookup(rec.relation, format::TermKind::kRelation, &r));
  KG_RETURN_IF_ERROR(lookup(rec.object, format::TermKind::kActor, &o));
  out->subject = s->actor;
  out->relation = r->relation;
  out->object = o->actor;
  out->cameo = rec.cameo;
  out->plover = rec.plover;
  out->verb = rec.verb;
  out->negated = rec.negated;
  out->modality = rec.modality;
  out->doc = rec.doc;
  out->sentence = rec.sentence;
  out->span_begin = rec.span_begin;
  out->span_end = rec.span_end;
  out->date = rec.date;
  out->confidence = rec.confidence;
  return Status::OK();
}

Result<graph::Triple> TripleStore::Impl::GetTriple(TripleId id) const {
  ReadView view(*this);
  format::TripleRecord rec;
  KG_RETURN_IF_ERROR(ReadTripleRecord(view.options, id, &rec));
  std::unordered_map<TermId, format::TermRecord> cache;
  graph::Triple t;
  KG_RETURN_IF_ERROR(Materialize(view.options, rec, &cache, &t));
  return t;
}

Status TripleStore::Impl::ScanTriples(
    const TriplePattern& pattern,
    const std::function<bool(TripleId, const graph::Triple&)>& fn) const {
  ReadView view(*this);
  std::unordered_map<TermId, format::TermRecord> cache;
  Status inner;

  if (!pattern.subject && !pattern.relation && !pattern.object) {
    KG_RETURN_IF_ERROR(
        Scan(view.options, kTriples, "",
             [&](std::string_view key, std::string_view value) {
               format::TripleRecord rec;
               if (key.size() != 8 || !format::DecodeTriple(value, &rec)) {
                 inner = Status::Corruption(dir_ + ": bad triple record " +
                                            format::PrintableKey(key));
                 return false;
               }
               graph::Triple t;
               inner = Materialize(view.options, rec, &cache, &t);
               return inner.ok() && fn(format::DecodeFixed64BE(key.data()), t);
             }));
    return inner;
  }

  // Pick the index whose key starts with the bound terms; `order` maps the
  // key parts (a, b, c) back to s, r, o.
  Cf index;
  std::string prefix;
  enum Part { kS, kR, kO };
  std::array<Part, 3> order;
  const std::optional<TermId>& s = pattern.subject;
  const std::optional<TermId>& r = pattern.relation;
  const std::optional<TermId>& o = pattern.object;
  if (s) {
    index = kSpo;
    order = {kS, kR, kO};
    prefix = !r   ? format::IndexPrefix({*s})
             : !o ? format::IndexPrefix({*s, *r})
                  : format::IndexPrefix({*s, *r, *o});
  } else if (o) {
    index = kOps;
    order = {kO, kR, kS};
    prefix = r ? format::IndexPrefix({*o, *r}) : format::IndexPrefix({*o});
  } else {
    index = kPso;
    order = {kR, kS, kO};
    prefix = format::IndexPrefix({*r});
  }
  KG_RETURN_IF_ERROR(Scan(
      view.options, index, prefix, [&](std::string_view key, std::string_view) {
        format::IndexEntry e;
        if (!format::ParseIndexKey(key, &e)) {
          inner = Status::Corruption(dir_ + ": bad index key " +
                                     format::PrintableKey(key));
          return false;
        }
        std::array<TermId, 3> spo{};
        const std::array<uint64_t, 3> parts = {e.a, e.b, e.c};
        for (int i = 0; i < 3; ++i) spo[order[i]] = parts[i];
        // Residual filters for bound terms the prefix could not cover (s and o
        // without r).
        if ((s && spo[kS] != *s) || (r && spo[kR] != *r) ||
            (o && spo[kO] != *o))
          return true;
        format::TripleRecord rec;
        graph::Triple t;
        inner = ReadTripleRecord(view.options, e.triple, &rec);
        if (inner.ok()) inner = Materialize(view.options, rec, &cache, &t);
        return inner.ok() && fn(e.triple, t);
      }));
  return inner;
}

Status TripleStore::Impl::ForEachDocument(
    const std::function<bool(const DocumentInfo&)>& fn) const {
  Status inner;
  KG_RETURN_IF_ERROR(Scan(rocksdb::ReadOptions(), kDocs, "",
                          [&](std::string_view key, std::string_view value) {
                            format::DocRecord rec;
                            if (!format::DecodeDoc(value, &rec)) {
                              inner = Status::Corruption(
                                  dir_ + ": bad record for document '" +
                                  format::PrintableKey(key) + "'");
                              return false;
                            }
                            DocumentInfo info;
                            info.id = std::string(key);
                            info.date = std::move(rec.date);
                            info.title = std::move(rec.title);
                            info.url = std::move(rec.url);
                            info.content_hash = rec.content_hash;
                            info.triple_count = rec.triples.size();
                            return fn(info);
                          }));
  return inner;
}

Status TripleStore::Impl::DistinctFirstParts(const rocksdb::ReadOptions& ro,
                                             Cf c,
                                             std::vector<uint64_t>* out) const {
  // Skips from one first part to the next with a Seek instead of reading
  // every entry.
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(c)));
  it->SeekToFirst();
  while (it->Valid()) {
    if (it->key().size() != 32) {
      return Status::Corruption(dir_ + ": bad index key " +
                                format::PrintableKey(View(it->key())));
    }
    const uint64_t first = format::DecodeFixed64BE(it->key().data());
    out->push_back(first);
    if (first == UINT64_MAX) break;
    it->Seek(format::IndexPrefix({first + 1}));
  }
  return Rocks(it->status(), std::string("cannot scan ") + kCfNames[c]);
}

Result<StoreStats> TripleStore::Impl::Stats() const {
  ReadView view(*this);
  StoreStats stats;
  stats.format_version = kFormatVersion;
  KG_RETURN_IF_ERROR(
      ReadCounter(view.options, format::kDocumentCountKey, &stats.documents));
  KG_RETURN_IF_ERROR(
      ReadCounter(view.options, format::kTripleCountKey, &stats.triples));

  std::vector<uint64_t> subjects;
  std::vector<uint64_t> objects;
  KG_RETURN_IF_ERROR(DistinctFirstParts(view.options, kSpo, &subjects));
  KG_RETURN_IF_ERROR(DistinctFirstParts(view.options, kOps, &objects));
  std::vector<uint64_t> actors;
  std::set_union(subjects.begin(), subjects.end(), objects.begin(),
                 objects.end(), std::back_inserter(actors));
  stats.actors = actors.size();

  std::map<TermId, uint64_t> per_relation;
  Status bad;
  KG_RETURN_IF_ERROR(
      Scan(view.options, kPso, "", [&](std::string_view key, std::string_view) {
        if (key.size() != 32) {
          bad = Status::Corruption(dir_ + ": bad index key " +
                                   format::PrintableKey(key));
          return false;
        }
        ++per_relation[format::DecodeFixed64BE(key.data())];
        return true;
      }));
  KG_RETURN_IF_ERROR(bad);
  stats.relations = per_relation.size();
  for (const auto& [term, count] : per_relation) {
    format::TermRecord rec;
    KG_RETURN_IF_ERROR(ReadTermRecord(view.options, term, &rec));
    if (rec.kind != format::TermKind::kRelation) {
      return Status::Corruption(dir_ + ": pso names term " +
                                std::to_string(term) +
                                ", which is not a relation");
    }
    stats.relation_counts.emplace_back(std::move(rec.relation), count);
  }
  std::sort(stats.relation_counts.begin(), stats.relation_counts.end(),
            [](const auto& a, const auto& b) {
              return a.second != b.second ? a.second > b.second
                                          : a.first < b.first;
            });
  return stats;
}

// --- TripleStore -------------------------------------------------------------

TripleStore::TripleStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TripleStore::~TripleStore() = default;

Result<std::unique_ptr<TripleStore>> TripleStore::Open(const std::string& dir,
                                                       const Options& options) {
  std::error_code ec;
  const fs::file_status st = fs::status(dir, ec);
  bool create = false;
  if (st.type() == fs::file_type::not_found) {
    if (options.read_only || !options.create_if_missing) {
      return Status::NotFound(dir + " does not exist");
    }
    // Only the directory itself: a missing parent is more likely a typo.
    // Losing a race with another process creating it is not an error: its
    // lock decides below.
    if (!fs::create_directory(dir, ec) && (ec || !fs::is_directory(dir, ec))) {
      return Status::IOError("cannot create " + dir + ": " + ec.message());
    }
    create = true;
  } else if (ec) {
    return Status::IOError("cannot access " + dir + ": " + ec.message());
  } else if (!fs::is_directory(st)) {
    return Status::InvalidArgument(dir + " is not a directory");
  } else {
    const bool empty = fs::is_empty(dir, ec);
    if (ec) return Status::IOError("cannot read " + dir + ": " + ec.message());
    if (empty) {
      if (options.read_only || !options.create_if_missing) {
        return Status::InvalidArgument(dir +
                                       " is not a kg store (empty directory)");
      }
      create = true;
    } else if (!fs::exists(fs::path(dir) / "CURRENT", ec)) {
      // Another build may be creating the store right now.
      if (LockHeldByOtherProcess(dir)) return BusyStatus(dir);
      return Status::InvalidArgument(dir + " is not a kg store");
    }
  }
  auto impl = std::make_unique<Impl>(dir, options);
  KG_RETURN_IF_ERROR(impl->Open(create));
  return std::unique_ptr<TripleStore>(new TripleStore(std::move(impl)));
}

Result<bool> TripleStore::IsUnchanged(const graph::Document& doc,
                                      std::string_view fingerprint) const {
  return impl_->IsUnchanged(doc, fingerprint);
}
Result<PutOutcome> TripleStore::PutDocument(
    const graph::Document& doc, const std::vector<graph::Triple>& triples,
    std::string_view fingerprint) {
  return impl_->PutDocument(doc, triples, fingerprint);
}
Status TripleStore::Flush() { return impl_->Flush(); }
Result<std::optional<TermId>> TripleStore::ActorById(
    std::string_view id) const {
  return impl_->ActorById(id);
}
Result<std::vector<TermId>> TripleStore::ActorsByName(
    std::string_view text) const {
  return impl_->ActorsByName(text);
}
Status TripleStore::ForEachName(
    const std::function<bool(std::string_view, TermId)>& fn) const {
  return impl_->ForEachName(fn);
}
Result<graph::Actor> TripleStore::GetActor(TermId term) const {
  return impl_->GetActor(term);
}
Result<std::optional<TermId>> TripleStore::RelationByName(
    std::string_view name) const {
  return impl_->RelationByName(name);
}
Result<std::string> TripleStore::GetRelationName(TermId term) const {
  return impl_->GetRelationName(term);
}
Result<std::vector<std::pair<std::string, TermId>>> TripleStore::Relations()
    const {
  return impl_->Relations();
}
Status TripleStore::ForEachActor(
    const std::function<bool(const ActorInfo&)>& fn) const {
  return impl_->ForEachActor(fn);
}
Result<ActorInfo> TripleStore::GetActorInfo(TermId term) const {
  return impl_->GetActorInfo(term);
}
Status TripleStore::ForEachEdge(
    TermId actor, Direction direction, std::span<const TermId> relations,
    const std::function<bool(const Edge&)>& fn) const {
  return impl_->ForEachEdge(actor, direction, relations, fn);
}
Result<graph::Triple> TripleStore::GetTriple(TripleId id) const {
  return impl_->GetTriple(id);
}
Status TripleStore::ScanTriples(
    const TriplePattern& pattern,
    const std::function<bool(TripleId, const graph::Triple&)>& fn) const {
  return impl_->ScanTriples(pattern, fn);
}
Status TripleStore::ForEachDocument(
    const std::function<bool(const DocumentInfo&)>& fn) const {
  return impl_->ForEachDocument(fn);
}
Result<StoreStats> TripleStore::Stats() const { return impl_->Stats(); }

}  // namespace kg::store
