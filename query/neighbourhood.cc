#include "query/neighbourhood.h"

#include <algorithm>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace kg::query {

namespace {

// One triple as found by the scan, in its own direction.
struct Found {
  TermId subject;
  TermId relation;
  TermId object;
  TripleId triple;

  auto Key() const { return std::tie(subject, relation, object, triple); }
};

}  // namespace

Neighbourhood::Neighbourhood(const store::TripleStore& store,
                             NeighbourhoodOptions options)
    : store_(store), options_(std::move(options)) {
  std::sort(options_.relations.begin(), options_.relations.end());
  options_.relations.erase(
      std::unique(options_.relations.begin(), options_.relations.end()),
      options_.relations.end());
}

Result<NeighbourhoodResult> Neighbourhood::Around(TermId centre) const {
  if (centre == 0)
    return Status::InvalidArgument(
        "neighbourhood: actor term 0 is not an actor");
  if (options_.depth < 1 || options_.depth > kMaxNeighbourhoodDepth) {
    return Status::InvalidArgument(
        "neighbourhood: depth must be between 1 and " +
        std::to_string(kMaxNeighbourhoodDepth) + ", got " +
        std::to_string(options_.depth));
  }
  if (!options_.relations.empty() && options_.relations.front() == 0) {
    return Status::InvalidArgument(
        "neighbourhood: relation term 0 in the relation filter");
  }
  {
    auto found = store_.GetActor(centre);
    if (!found.ok()) return found.status();
  }

  std::vector<store::Direction> directions;
  if (options_.direction != DirectionFilter::kIn)
    directions.push_back(store::Direction::kOut);
  if (options_.direction != DirectionFilter::kOut)
    directions.push_back(store::Direction::kIn);
  const std::span<const TermId> relations(options_.relations);

  NeighbourhoodResult result;
  result.centre = centre;
  std::unordered_map<TermId, int> depth_of{{centre, 0}};
  std::vector<Found> found;
  std::vector<TermId> frontier{centre};
  for (int depth = 0;
       depth < options_.depth && !frontier.empty() && !result.truncated;
       ++depth) {
    std::vector<TermId> next;
    for (TermId u : frontier) {
      for (store::Direction direction : directions) {
        KG_RETURN_IF_ERROR(store_.ForEachEdge(
            u, direction, relations, [&](const store::Edge& e) {
              ++result.edges_scanned;
              // A negated triple says the event did not happen: not an edge.
              if (e.negated) return true;
              const TermId v = e.neighbour;
              if (!depth_of.contains(v)) {
                if (options_.max_actors != 0 &&
                    depth_of.size() - 1 == options_.max_actors) {
                  result.truncated = true;
                  return false;
                }
                depth_of.emplace(v, depth + 1);
                next.push_back(v);
              }
              if (e.direction == store::Direction::kOut) {
                found.push_back({u, e.relation, v, e.triple});
              } else {
                found.push_back({v, e.relation, u, e.triple});
              }
              return true;
            }));
        if (result.truncated) break;
      }
      if (result.truncated) break;
    }
    frontier = std::move(next);
  }

  for (const auto& [actor, depth] : depth_of) {
    if (actor != centre) result.actors.push_back({actor, depth});
  }
  std::sort(result.actors.begin(), result.actors.end(),
            [](const auto& a, const auto& b) {
              return std::tie(a.depth, a.actor) < std::tie(b.depth, b.actor);
            });

  // A triple between two expanded actors is found from both ends.
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.Key() < b.Key(); });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Found& a, const Found& b) {
                            return a.Key() == b.Key();
                          }),
              found.end());
  for (const Found& f : found) {
    if (result.edges.empty() || result.edges.back().subject != f.subject ||
        result.edges.back().relation != f.relation ||
        result.edges.back().object != f.object) {
      const int depth = std::max(depth_of.at(f.subject), depth_of.at(f.object));
      result.edges.push_back({f.subject, f.relation, f.object, depth, {}});
    }
    result.edges.back().triples.push_back(f.triple);
  }
  std::sort(result.edges.begin(), result.edges.end(),
            [](const auto& a, const auto& b) {
              return std::tie(a.depth, a.subject, a.relation, a.object) <
                     std::tie(b.depth, b.subject, b.relation, b.object);
            });
  return result;
}

}  // namespace kg::query
