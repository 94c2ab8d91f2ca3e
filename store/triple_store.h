// TripleStore: the persistent graph, an embedded RocksDB database.
//
// Terms (actors, relations) are dictionary-encoded to integer ids; every
// triple is kept once (with its provenance) and indexed three ways (SPO, OPS,
// PSO) so that each query is a prefix scan. A document registry makes
// re-ingestion idempotent: the same document twice adds nothing, a changed
// document replaces its old triples. Each document is written in one atomic
// batch. The layout is in docs/storage-format.md.
//
//   store::Options opts;
//   auto db = store::TripleStore::Open("graph.kg", opts);
//   if (!db.ok()) return db.status();
//   auto outcome = (*db)->PutDocument(doc, triples, "lexicon-v1");
//
// Thread safety: a TripleStore may be read from several threads at once;
// PutDocument must be called from one thread at a time. One process at a time
// may open a directory for writing (Busy otherwise); any number may open it
// read-only, also while a writer is running (they see the state at open).
#ifndef KG_STORE_TRIPLE_STORE_H_
#define KG_STORE_TRIPLE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/actor.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace kg::store {

using TermId = uint64_t;    // dictionary id of an actor or a relation; 0 is none
using TripleId = uint64_t;  // id of one stored triple; 0 is none

// The on-disk format this code reads and writes (docs/storage-format.md).
// Version 2 added plover and modality to the triple record.
inline constexpr uint32_t kFormatVersion = 2;

struct Options {
  // Create the store if `dir` does not exist or is an empty directory.
  // Default true; queries set it to false so a typo is an error.
  bool create_if_missing = true;
  // Open without the write lock, for queries. PutDocument fails. Default false.
  bool read_only = false;
  // Folds a name to its lookup key (case and diacritics removed). The store
  // does no Unicode work itself; the CLI passes extract's fold. Default:
  // ASCII lowercase. Must be the same function for building and querying.
  std::function<std::string(std::string_view)> fold;
};

enum class PutOutcome {
  kAdded,      // a new document
  kUnchanged,  // same id and same content hash: nothing written
  kReplaced,   // same id, new content: old triples removed, new ones added
};

enum class Direction {
  kOut,  // the actor is the subject
  kIn,   // the actor is the object
};

// One edge seen from `actor` in ForEachEdge: one stored triple, with the
// attributes kept in the index, so reading it loads no triple record.
struct Edge {
  TermId neighbour = 0;  // the other end
  TermId relation = 0;
  TripleId triple = 0;   // GetTriple(triple) gives the provenance
  Direction direction = Direction::kOut;
  // The triple states that the event did not happen ("decided not to
  // provoke"). It is still an edge here; graph walks (query/) skip it.
  bool negated = false;
};

struct ActorInfo {
  TermId term = 0;
  graph::Actor actor;  // with aliases
  uint64_t out_degree = 0;  // triples with the actor as subject
  uint64_t in_degree = 0;   // triples with the actor as object
};

struct DocumentInfo {
  std::string id;
  std::string date;
  std::string title;
  std::string url;
  uint64_t content_hash = 0;
  uint64_t triple_count = 0;
};

struct StoreStats {
  uint32_t format_version = 0;
  uint64_t documents = 0;
  uint64_t triples = 0;
  uint64_t actors = 0;     // actors that take part in at least one triple
  uint64_t relations = 0;  // relations used by at least one triple
  // Triples per relation name, most frequent first, ties by name.
  std::vector<std::pair<std::string, uint64_t>> relation_counts;
};

// A filter for ScanTriples; an absent term matches anything.
struct TriplePattern {
  std::optional<TermId> subject;
  std::optional<TermId> relation;
  std::optional<TermId> object;
};

class TripleStore {
 public:
  // Opens or creates the store in `dir`. Errors: InvalidArgument if `dir`
  // exists but is not a kg store (or is a file); NotFound if it does not
  // exist and create_if_missing is false; Busy if another process has it open
  // for writing; NotSupported for another format version; IOError otherwise.
  static Result<std::unique_ptr<TripleStore>> Open(const std::string& dir,
                                                   const Options& options);
  ~TripleStore();
  TripleStore(const TripleStore&) = delete;
  TripleStore& operator=(const TripleStore&) = delete;

  // The hash stored for a document: FNV-1a 64 over text, date, title, url
  // and `fingerprint` (the extractor's version), so a new lexicon re-codes.
  static uint64_t ContentHash(const graph::Document& doc, std::string_view fingerprint);

  // True if `doc` is stored with the same content hash, so extracting it
  // again can be skipped.
  Result<bool> IsUnchanged(const graph::Document& doc, std::string_view fingerprint) const;

  // Stores `doc`'s triples in one atomic batch, replacing what was stored for
  // doc.id before. The triples' `doc` fields are ignored (doc.id is used).
  Result<PutOutcome> PutDocument(const graph::Document& doc,
                                 const std::vector<graph::Triple>& triples,
                                 std::string_view fingerprint);

  // Flushes memtables so a later process opening read-only sees everything.
  Status Flush();

  // --- Lookups -------------------------------------------------------------
  // The term of the actor whose id is exactly `id`, or nullopt.
  Result<std::optional<TermId>> ActorById(std::string_view id) const;
  // Actors whose id, name or an alias folds to fold(text); sorted by term.
  Result<std::vector<TermId>> ActorsByName(std::string_view text) const;
  // Calls fn(folded_name, term) for every name key, in key order; stops
  // early when fn returns false. For "did you mean" candidate lists.
  Status ForEachName(const std::function<bool(std::string_view, TermId)>& fn) const;
  Result<graph::Actor> GetActor(TermId term) const;
  Result<std::optional<TermId>> RelationByName(std::string_view name) const;
  Result<std::string> GetRelationName(TermId term) const;
  // All relation names with their terms, sorted by name.
  Result<std::vector<std::pair<std::string, TermId>>> Relations() const;

  // --- Scans (all prefix scans over one index) ------------------------------
  // Every actor term with its degree, in term order. Actors whose triples
  // were all replaced away keep their term but have degree 0.
  Status ForEachActor(const std::function<bool(const ActorInfo&)>& fn) const;
  Result<ActorInfo> GetActorInfo(TermId term) const;
  // Edges at `actor` in `direction`; if `relations` is not empty only those
  // relations. Order: by relation term, then neighbour, then triple id.
  // Every stored triple is delivered, negated ones too (Edge::negated says
  // which); the caller decides whether to follow them. Errors: Corruption
  // for a malformed index entry; any scan error.
  Status ForEachEdge(TermId actor, Direction direction, std::span<const TermId> relations,
                     const std::function<bool(const Edge&)>& fn) const;
  Result<graph::Triple> GetTriple(TripleId id) const;
  // Triples matching `pattern`, using the index whose prefix it binds.
  Status ScanTriples(const TriplePattern& pattern,
                     const std::function<bool(TripleId, const graph::Triple&)>& fn) const;
  Status ForEachDocument(const std::function<bool(const DocumentInfo&)>& fn) const;
  Result<StoreStats> Stats() const;

 private:
  class Impl;
  explicit TripleStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::store

#endif  // KG_STORE_TRIPLE_STORE_H_
