#include "query/path_finder.h"

#include <algorithm>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>

namespace kg::query {

namespace {

// What one side of the bidirectional search knows about an actor.
struct Visit {
  int dist = 0;          // hops from this side's end
  TermId last_pred = 0;  // the last parent recorded in `dag`, to skip repeats
  bool on_path = false;  // lies on some shortest path (set once the sides meet)
};

// One direction of the search: the forward side grows from `from` along
// out-edges, the backward side from `to` along in-edges (both along every
// edge when undirected).
struct Side {
  bool backward = false;
  std::unordered_map<TermId, Visit> visits;
  std::vector<TermId> frontier;  // the actors at distance `depth`
  int depth = 0;
  // (child, parent) for every edge from distance d to a child first seen at
  // distance d + 1, in layer order: the shortest-path DAG from this side's end.
  std::vector<std::pair<TermId, TermId>> dag;
};

class Search {
 public:
  Search(const store::TripleStore& store, const PathOptions& options,
         PathStats& stats)
      : store_(store), options_(options), stats_(stats) {}

  Result<std::optional<Path>> Run(TermId from, TermId to) {
    Side fwd;
    Side bwd;
    bwd.backward = true;
    fwd.visits[from] = Visit{};
    fwd.frontier.push_back(from);
    bwd.visits[to] = Visit{};
    bwd.frontier.push_back(to);

    // Invariant: no actor is known to both sides, so every path is longer
    // than fwd.depth + bwd.depth hops.
    while (!fwd.frontier.empty() && !bwd.frontier.empty() &&
           fwd.depth + bwd.depth < options_.max_hops) {
      // Expanding the smaller frontier keeps the scanned part of the graph
      // near its minimum; ties go forward so the choice is deterministic.
      const bool forward = fwd.frontier.size() <= bwd.frontier.size();
      Side& grow = forward ? fwd : bwd;
      const Side& other = forward ? bwd : fwd;
      std::vector<TermId> meet;
      KG_RETURN_IF_ERROR(ExpandLayer(grow, other, meet));
      if (!meet.empty()) return Walk(from, fwd, bwd, meet);
    }
    return std::optional<Path>();
  }

 private:
  // Calls fn for each edge `actor` may be left by on the given side, in the
  // edge order documented at Shortest, skipping negated triples; stops when
  // fn returns false.
  Status Adjacent(TermId actor, bool backward,
                  const std::function<bool(const store::Edge&)>& fn) {
    bool stopped = false;
    auto counted = [&](const store::Edge& e) {
      ++stats_.edges_scanned;
      // A negated triple says the event did not happen: not an edge. Both
      // the search and the walk see edges through here, so they agree.
      if (e.negated) return true;
      if (fn(e)) return true;
      stopped = true;
      return false;
    };
    const std::span<const TermId> relations(options_.relations);
    if (options_.undirected) {
      ++stats_.actors_expanded;
      KG_RETURN_IF_ERROR(store_.ForEachEdge(actor, store::Direction::kOut,
                                            relations, counted));
      if (stopped) return Status::OK();
      ++stats_.actors_expanded;
      return store_.ForEachEdge(actor, store::Direction::kIn, relations,
                                counted);
    }
    ++stats_.actors_expanded;
    return store_.ForEachEdge(
        actor, backward ? store::Direction::kIn : store::Direction::kOut,
        relations, counted);
  }

  // Expands every actor of grow's frontier by one hop. Actors first seen
  // that `other` already knows are appended to `meet`.
  Status ExpandLayer(Side& grow, const Side& other, std::vector<TermId>& meet) {
    std::vector<TermId> next;
    const int next_dist = grow.depth + 1;
    for (TermId u : grow.frontier) {
      KG_RETURN_IF_ERROR(Adjacent(u, grow.backward, [&](const store::Edge& e) {
        const TermId v = e.neighbour;
        auto [it, inserted] = grow.visits.try_emplace(v);
        Visit& visit = it->second;
        if (inserted) {
          visit.dist = next_dist;
          next.push_back(v);
          if (other.visits.contains(v)) meet.push_back(v);
        }
        // u's edges arrive together, so comparing with the last parent is
        // enough to record each (child, parent) pair once.
        if (visit.dist == next_dist && visit.last_pred != u) {
          visit.last_pred = u;
          grow.dag.emplace_back(v, u);
        }
        return true;
      }));
    }
    grow.frontier = std::move(next);
    grow.depth = next_dist;
    return Status::OK();
  }

  // Marks the actors of `side` that lie on a shortest path, given that those
  // in `meet` do: walks the DAG from the meeting layer back to the side's end.
  static void MarkOnPath(Side& side, const std::vector<TermId>& meet) {
    for (TermId m : meet) side.visits.at(m).on_path = true;
    // Pairs are in layer order, so walking them backwards marks a layer's
    // parents before their own parents are looked for.
    for (auto it = side.dag.rbegin(); it != side.dag.rend(); ++it) {
      if (side.visits.at(it->first).on_path)
        side.visits.at(it->second).on_path = true;
    }
  }

  // The sides met at `meet` (every shortest path passes through exactly one of
  // them, fwd.depth hops from `from`). Picks the path that is first in edge
  // order by walking from `from` and taking, at each actor, the first edge
  // that stays on a shortest path.
  Result<std::optional<Path>> Walk(TermId from, Side& fwd, Side& bwd,
                                   const std::vector<TermId>& meet) {
    const int length = fwd.depth + bwd.depth;
    const int meet_at = fwd.depth;
    MarkOnPath(fwd, meet);
    MarkOnPath(bwd, meet);
    // True if `actor` is on a shortest path `position` hops from `from`.
    auto on_path_at = [&](TermId actor, int position) {
      const Side& side = position <= meet_at ? fwd : bwd;
      const int dist = position <= meet_at ? position : length - position;
      auto it = side.visits.find(actor);
      return it != side.visits.end() && it->second.on_path &&
             it->second.dist == dist;
    };

    Path path;
    path.actors.push_back(from);
    TermId current = from;
    for (int position = 1; position <= length; ++position) {
      std::optional<Hop> hop;
      KG_RETURN_IF_ERROR(
          Adjacent(current, /*backward=*/false, [&](const store::Edge& e) {
            if (!on_path_at(e.neighbour, position)) return true;
            hop = Hop{current, e.neighbour, e.relation,
                      e.direction == store::Direction::kOut, e.triple};
            return false;
          }));
      if (!hop) {
        // The DAG came from the same indexes; a missing edge means the out-
        // and in-indexes disagree or the store changed under the search.
        return Status::Corruption(
            "path search: no edge from actor term " + std::to_string(current) +
            " continues the path found at hop " + std::to_string(position) +
            " (edge indexes inconsistent or store modified)");
      }
      path.hops.push_back(*hop);
      path.actors.push_back(hop->to);
      current = hop->to;
    }
    return std::optional<Path>(std::move(path));
  }

  const store::TripleStore& store_;
  const PathOptions& options_;
  PathStats& stats_;
};

}  // namespace

PathFinder::PathFinder(const store::TripleStore& store, PathOptions options)
    : store_(store), options_(std::move(options)) {
  // Sorted so that ForEachEdge's relation-term order holds however the store
  // scans a filter list.
  std::sort(options_.relations.begin(), options_.relations.end());
  options_.relations.erase(
      std::unique(options_.relations.begin(), options_.relations.end()),
      options_.relations.end());
}

Result<std::optional<Path>> PathFinder::Shortest(TermId from, TermId to,
                                                 PathStats* stats) const {
  PathStats local;
  PathStats& st = stats != nullptr ? *stats : local;
  st = PathStats{};
  if (from == 0 || to == 0)
    return Status::InvalidArgument("path: actor term 0 is not an actor");
  if (options_.max_hops < 0 || (options_.max_hops < 1 && from != to)) {
    return Status::InvalidArgument("path: max_hops must be at least 1, got " +
                                   std::to_string(options_.max_hops));
  }
  if (!options_.relations.empty() && options_.relations.front() == 0) {
    return Status::InvalidArgument(
        "path: relation term 0 in the relation filter");
  }
  for (TermId actor : {from, to}) {
    auto found = store_.GetActor(actor);
    if (!found.ok()) return found.status();
  }
  if (from == to) return std::optional<Path>(Path{{from}, {}});
  return Search(store_, options_, st).Run(from, to);
}

}  // namespace kg::query
