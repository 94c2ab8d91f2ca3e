// Neighbourhood: the actors within k hops of a centre actor and the edges
// that join them, with the triples behind each edge aggregated, for
// `kg neighbours` and an explorer expanding one actor at a time.
//
//   query::NeighbourhoodOptions opts;
//   opts.depth = 2;
//   opts.direction = query::DirectionFilter::kOut;
//   auto hood = query::Neighbourhood(*db, opts).Around(centre);
//   if (!hood.ok()) return hood.status();
//   for (const query::AggregatedEdge& e : hood->edges) Show(e.subject,
//   e.relation,
//                                                          e.object,
//                                                          e.triples.size());
//
// A breadth-first search over the store's edge indexes: each actor of the
// first depth - 1 layers costs one ForEachEdge prefix scan per direction;
// the outermost layer is reached but not scanned.
#ifndef KG_QUERY_NEIGHBOURHOOD_H_
#define KG_QUERY_NEIGHBOURHOOD_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/status.h"
#include "store/triple_store.h"

namespace kg::query {

using store::TermId;
using store::TripleId;

// Which edges the search follows from an actor.
enum class DirectionFilter {
  kOut,   // triples with the actor as subject
  kIn,    // triples with the actor as object
  kBoth,  // either
};

// The largest depth accepted; deeper neighbourhoods are most of the graph.
inline constexpr int kMaxNeighbourhoodDepth = 10;

struct NeighbourhoodOptions {
  // How many hops from the centre, 1..kMaxNeighbourhoodDepth. Default 1.
  int depth = 1;
  // Which edges to follow. Default kBoth.
  DirectionFilter direction = DirectionFilter::kBoth;
  // Follow only these relations (terms from TripleStore::RelationByName);
  // empty follows every relation. Default empty.
  std::vector<TermId> relations;
  // The most actors to return besides the centre; 0 is no limit. When one
  // more actor is found the search stops there and sets `truncated`: the
  // actors kept are the first found in breadth-first, edge order, and the
  // edges are those scanned before the stop. Default 0.
  size_t max_actors = 0;
};

struct NeighbourActor {
  TermId actor = 0;
  int depth = 0;  // hops from the centre along the followed edges, >= 1

  bool operator==(const NeighbourActor&) const = default;
};

// All triples subject -relation-> object found by the search, as one edge.
struct AggregatedEdge {
  TermId subject = 0;  // in the triples' own direction, whatever was followed
  TermId relation = 0;
  TermId object = 0;
  // The depth of the farther end from the centre: max of the two actors'
  // depths (the centre's is 0).
  int depth = 0;
  std::vector<TripleId> triples;  // ascending, not empty, none negated

  bool operator==(const AggregatedEdge&) const = default;
};

struct NeighbourhoodResult {
  TermId centre = 0;
  // Every actor reached, without the centre; by depth, then term.
  std::vector<NeighbourActor> actors;
  // Every edge scanned, between the centre and `actors`; by depth, then
  // subject, relation, object. Edges between two actors of the outermost
  // layer are not scanned, so not included.
  std::vector<AggregatedEdge> edges;
  // The max_actors cap stopped the search early.
  bool truncated = false;
  // Edges delivered by ForEachEdge, negated ones too, for benchmarks.
  uint64_t edges_scanned = 0;
};

// Thread safety: holds no mutable state; Around may be called from several
// threads at once.
class Neighbourhood {
 public:
  // Borrows `store`, which must outlive this object. Options are checked by
  // Around, not here.
  Neighbourhood(const store::TripleStore& store,
                NeighbourhoodOptions options = {});

  // The neighbourhood of `centre`. Negated triples ("decided not to
  // provoke") are not edges: never followed, never in `edges`, so an actor
  // joined to the rest only by negated triples is not in `actors`.
  // Errors: InvalidArgument for bad options or a 0 term; the store's status
  // (NotFound) if `centre` is not an actor; any scan error.
  Result<NeighbourhoodResult> Around(TermId centre) const;

  const NeighbourhoodOptions& options() const { return options_; }

 private:
  const store::TripleStore& store_;
  NeighbourhoodOptions options_;  // relations sorted and deduplicated
};

}  // namespace kg::query

#endif  // KG_QUERY_NEIGHBOURHOOD_H_
