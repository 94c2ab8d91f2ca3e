// PathFinder: shortest paths between two actors, read through the store's
// edge indexes (every hop is one ForEachEdge prefix scan; nothing is loaded
// into memory beforehand).
//
//   query::PathOptions opts;
//   opts.max_hops = 4;
//   query::PathFinder finder(*db, opts);
//   auto path = finder.Shortest(from, to);
//   if (!path.ok()) return path.status();
//   if (!*path) { /* no path within 4 hops */ }
//   for (const query::Hop& hop : (*path)->hops)
//   Show(db->GetTriple(hop.triple));
//
// The search is a bidirectional breadth-first search that expands the smaller
// frontier a whole layer at a time, then walks the shortest-path DAG it found
// to pick one canonical path (see Shortest). The same DAG is what a later
// AllShortest or k-shortest search starts from.
#ifndef KG_QUERY_PATH_FINDER_H_
#define KG_QUERY_PATH_FINDER_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/status.h"
#include "store/triple_store.h"

namespace kg::query {

using store::TermId;
using store::TripleId;

struct PathOptions {
  // The longest path searched for, in hops (triples). Must be >= 1 unless
  // the two ends are the same actor. Default 6.
  int max_hops = 6;
  // Follow only these relations (terms from TripleStore::RelationByName);
  // empty follows every relation. Order and duplicates do not matter.
  // Default empty.
  std::vector<TermId> relations;
  // false: follow triples from subject to object only. true: a triple joins
  // its two actors both ways. Default false.
  bool undirected = false;
};

// One step of a path.
struct Hop {
  TermId from = 0;
  TermId to = 0;
  TermId relation = 0;
  // true if the triple is `from -relation-> to`; false if the hop traverses
  // it against its direction (`to -relation-> from`, undirected search only).
  bool forward = true;
  // The triple behind the hop, never a negated one; GetTriple gives its
  // sentence. Where several triples join the same two actors with the same
  // relation and direction, the lowest id among those not negated.
  TripleId triple = 0;

  bool operator==(const Hop&) const = default;
};

struct Path {
  std::vector<TermId> actors;  // from ... to; hops.size() + 1 entries
  std::vector<Hop> hops;       // hops[i] joins actors[i] and actors[i + 1]

  bool operator==(const Path&) const = default;
};

// Work done by one search, for benchmarks and explain output.
struct PathStats {
  uint64_t edges_scanned = 0;  // edges delivered by ForEachEdge, negated too
  uint64_t actors_expanded =
      0;  // ForEachEdge calls, one per actor and direction
};

// Thread safety: a PathFinder holds no mutable state; several threads may
// call Shortest on one finder at once (the store allows concurrent reads).
class PathFinder {
 public:
  // Borrows `store`, which must outlive the finder. Options are checked by
  // each search, not here.
  PathFinder(const store::TripleStore& store, PathOptions options = {});

  // A shortest path from `from` to `to` of at most max_hops hops, or nullopt
  // if there is none. from == to gives a path of zero hops.
  //
  // Negated triples ("decided not to provoke") are not edges: the search
  // never follows one, whatever the options, so two actors joined only by
  // negated triples are not adjacent. They still count in edges_scanned.
  //
  // Among several shortest paths the result is the first in edge order: the
  // one whose first hop comes first in `from`'s edge order, then whose second
  // hop comes first in the next actor's edge order, and so on. An actor's
  // edge order is the store's (relation term, neighbour term, triple id),
  // with out-edges before in-edges when undirected. So the answer depends
  // only on the graph and the options, not on the search's internals.
  //
  // Errors: InvalidArgument for bad options or a 0 term; the store's status
  // (NotFound) if `from` or `to` is not an actor; any scan error.
  // If `stats` is not null it receives the work done (also on failure).
  Result<std::optional<Path>> Shortest(TermId from, TermId to,
                                       PathStats* stats = nullptr) const;

  const PathOptions& options() const { return options_; }

 private:
  const store::TripleStore& store_;
  PathOptions options_;  // relations sorted and deduplicated
};

}  // namespace kg::query

#endif  // KG_QUERY_PATH_FINDER_H_
