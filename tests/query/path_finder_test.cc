#include "query/path_finder.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tests/query/test_graph.h"

namespace kg::query {
namespace {

using testing::TestGraph;

Path MustFind(const PathFinder& finder, TermId from, TermId to) {
  auto path = finder.Shortest(from, to);
  REQUIRE(path.ok());
  REQUIRE(path->has_value());
  return **path;
}

bool Unreachable(const PathFinder& finder, TermId from, TermId to) {
  auto path = finder.Shortest(from, to);
  REQUIRE(path.ok());
  return !path->has_value();
}

PathOptions Undirected() {
  PathOptions o;
  o.undirected = true;
  return o;
}

TEST_CASE("Shortest: a direct edge is one forward hop", "[query]") {
  TestGraph g;
  auto sentences = g.Add({{"A", "meet", "B"}});
  PathFinder finder(g.store());
  Path p = MustFind(finder, g.Actor("A"), g.Actor("B"));
  CHECK(p.actors == std::vector<TermId>{g.Actor("A"), g.Actor("B")});
  REQUIRE(p.hops.size() == 1);
  CHECK(p.hops[0].from == g.Actor("A"));
  CHECK(p.hops[0].to == g.Actor("B"));
  CHECK(p.hops[0].relation == g.Rel("meet"));
  CHECK(p.hops[0].forward);
  CHECK(g.Sentence(p.hops[0].triple) == sentences[0]);
}

TEST_CASE("Shortest: a chain of hops, with each hop's sentence", "[query]") {
  TestGraph g;
  auto sentences =
      g.Add({{"A", "meet", "B"}, {"B", "accuse", "C"}, {"C", "praise", "D"}});
  // A longer way round that must not be chosen.
  g.Add({{"A", "meet", "X"},
         {"X", "meet", "Y"},
         {"Y", "meet", "Z"},
         {"Z", "meet", "D"}});
  PathFinder finder(g.store());
  Path p = MustFind(finder, g.Actor("A"), g.Actor("D"));
  CHECK(p.actors == std::vector<TermId>{g.Actor("A"), g.Actor("B"),
                                        g.Actor("C"), g.Actor("D")});
  REQUIRE(p.hops.size() == 3);
  const char* relations[] = {"meet", "accuse", "praise"};
  for (size_t i = 0; i < 3; ++i) {
    CHECK(p.hops[i].from == p.actors[i]);
    CHECK(p.hops[i].to == p.actors[i + 1]);
    CHECK(p.hops[i].relation == g.Rel(relations[i]));
    CHECK(p.hops[i].forward);
    CHECK(g.Sentence(p.hops[i].triple) == sentences[i]);
  }
  // And backwards there is no path while directed.
  CHECK(Unreachable(finder, g.Actor("D"), g.Actor("A")));
}

TEST_CASE("Shortest: a path against the triples' direction needs undirected",
          "[query]") {
  TestGraph g;
  // A -> B <- C <- D: from A to D only by walking two triples backwards.
  auto sentences =
      g.Add({{"A", "meet", "B"}, {"C", "accuse", "B"}, {"D", "threaten", "C"}});
  PathFinder directed(g.store());
  CHECK(Unreachable(directed, g.Actor("A"), g.Actor("D")));

  PathFinder undirected(g.store(), Undirected());
  Path p = MustFind(undirected, g.Actor("A"), g.Actor("D"));
  CHECK(p.actors == std::vector<TermId>{g.Actor("A"), g.Actor("B"),
                                        g.Actor("C"), g.Actor("D")});
  REQUIRE(p.hops.size() == 3);
  CHECK(p.hops[0].forward);
  CHECK_FALSE(p.hops[1].forward);
  CHECK(p.hops[1].from == g.Actor("B"));
  CHECK(p.hops[1].to == g.Actor("C"));
  CHECK(p.hops[1].relation == g.Rel("accuse"));
  CHECK(g.Sentence(p.hops[1].triple) == sentences[1]);
  CHECK_FALSE(p.hops[2].forward);
  CHECK(g.Sentence(p.hops[2].triple) == sentences[2]);

  // The reverse query walks the same triples the other way.
  Path back = MustFind(undirected, g.Actor("D"), g.Actor("A"));
  REQUIRE(back.hops.size() == 3);
  CHECK(back.hops[0].forward);
  CHECK(back.hops[1].forward);
  CHECK_FALSE(back.hops[2].forward);
}

TEST_CASE("Shortest: the relation filter cuts or lengthens paths", "[query]") {
  TestGraph g;
  g.Add({{"A", "accuse", "C"},
         {"A", "meet", "B"},
         {"B", "meet", "C"},
         {"C", "praise", "D"}});
  const TermId a = g.Actor("A");
  const TermId c = g.Actor("C");
  const TermId d = g.Actor("D");

  CHECK(MustFind(PathFinder(g.store()), a, c).hops.size() == 1);

  PathOptions meet_only;
  meet_only.relations = {g.Rel("meet")};
  PathFinder meet(g.store(), meet_only);
  Path p = MustFind(meet, a, c);
  CHECK(p.actors == std::vector<TermId>{a, g.Actor("B"), c});
  for (const Hop& hop : p.hops) CHECK(hop.relation == g.Rel("meet"));
  CHECK(Unreachable(meet, a, d));  // praise is filtered out

  PathOptions two;
  two.relations = {g.Rel("praise"), g.Rel("meet"),
                   g.Rel("meet")};  // any order, repeats
  Path q = MustFind(PathFinder(g.store(), two), a, d);
  CHECK(q.actors == std::vector<TermId>{a, g.Actor("B"), c, d});

  PathOptions undirected_meet = meet_only;
  undirected_meet.undirected = true;
  CHECK(MustFind(PathFinder(g.store(), undirected_meet), c, a).hops.size() ==
        2);
}

TEST_CASE("Shortest: max_hops bounds the search", "[query]") {
  TestGraph g;
  g.Add({{"A", "meet", "B"},
         {"B", "meet", "C"},
         {"C", "meet", "D"},
         {"D", "meet", "E"}});
  // A fan on each end so that both search directions take turns.
  g.Add({{"A", "meet", "F1"},
         {"A", "meet", "F2"},
         {"G1", "meet", "E"},
         {"G2", "meet", "E"},
         {"G3", "meet", "E"}});
  for (int hops = 1; hops <= 6; ++hops) {
    PathOptions o;
    o.max_hops = hops;
    PathFinder finder(g.store(), o);
    INFO("max_hops " << hops);
    CHECK(Unreachable(finder, g.Actor("A"), g.Actor("E")) == (hops < 4));
    CHECK(Unreachable(finder, g.Actor("A"), g.Actor("D")) == (hops < 3));
    CHECK(Unreachable(finder, g.Actor("B"), g.Actor("C")) == false);
  }
}

TEST_CASE("Shortest: from == to is a path of zero hops", "[query]") {
  TestGraph g;
  g.Add({{"A", "meet", "B"}, {"B", "meet", "A"}});
  PathOptions o;
  o.max_hops = 0;  // allowed when the ends are the same
  for (const PathOptions& opts : {PathOptions{}, o}) {
    Path p = MustFind(PathFinder(g.store(), opts), g.Actor("A"), g.Actor("A"));
    CHECK(p.actors == std::vector<TermId>{g.Actor("A")});
    CHECK(p.hops.empty());
  }
}

TEST_CASE("Shortest: unreachable actors give no path", "[query]") {
  TestGraph g;
  g.Add({{"A", "meet", "B"}, {"C", "meet", "D"}, {"E", "meet", "A"}});
  PathFinder directed(g.store());
  PathFinder undirected(g.store(), Undirected());
  CHECK(Unreachable(directed, g.Actor("A"), g.Actor("D")));
  CHECK(Unreachable(undirected, g.Actor("A"), g.Actor("D")));
  CHECK(
      Unreachable(directed, g.Actor("B"), g.Actor("A")));  // B has no out-edges
  CHECK(
      Unreachable(directed, g.Actor("A"), g.Actor("E")));  // E has no in-edges
  CHECK(MustFind(undirected, g.Actor("B"), g.Actor("E")).hops.size() == 2);
}

TEST_CASE("Shortest: among equal paths the first in edge order, every time",
          "[query]") {
  TestGraph g;
  // Two routes of two hops from A to D, through B and through C.
  g.Add({{"A", "meet", "B"},
         {"A", "meet", "C"},
         {"B", "meet", "D"},
         {"C", "meet", "D"}});
  const TermId via = std::min(g.Actor("B"), g.Actor("C"));
  PathFinder finder(g.store());
  for (int i = 0; i < 3; ++i) {
    Path p = MustFind(finder, g.Actor("A"), g.Actor("D"));
    CHECK(p.actors == std::vector<TermId>{g.Actor("A"), via, g.Actor("D")});
  }

  // With a smaller relation term on the other route, the relation decides
  // first: edge order is relation, then neighbour.
  TestGraph h;
  h.Add({{"A", "meet", "B"},
         {"A", "accuse", "C"},
         {"B", "meet", "D"},
         {"C", "meet", "D"}});
  const TermId first =
      h.Rel("meet") < h.Rel("accuse") ? h.Actor("B") : h.Actor("C");
  Path p = MustFind(PathFinder(h.store()), h.Actor("A"), h.Actor("D"));
  CHECK(p.actors[1] == first);
}

TEST_CASE("Shortest: of several triples for one hop, the lowest id",
          "[query]") {
  TestGraph g;
  g.Add({{"A", "meet", "B"}});
  g.Add({{"A", "meet", "B"}, {"A", "meet", "B"}, {"B", "meet", "C"}});
  auto ids = g.Triples("A", "meet", "B");
  REQUIRE(ids.size() == 3);
  Path p = MustFind(PathFinder(g.store()), g.Actor("A"), g.Actor("C"));
  REQUIRE(p.hops.size() == 2);
  CHECK(p.hops[0].triple == ids.front());
  CHECK(g.Sentence(p.hops[0].triple) == "A meet B #1");
}

TEST_CASE("Shortest: a negated triple is not an edge", "[query]") {
  TestGraph g;
  // A meets B; B decided not to provoke C: C is out of reach.
  g.Add({{"A", "meet", "B"}, {"B", "provoke", "C", true}});
  const TermId a = g.Actor("A");
  const TermId b = g.Actor("B");
  const TermId c = g.Actor("C");
  // Still stored and listed.
  REQUIRE(g.Triples("B", "provoke", "C").size() == 1);
  CHECK(g.Sentence(g.Triples("B", "provoke", "C")[0]) == "B not provoke C #2");

  PathFinder directed(g.store());
  PathFinder undirected(g.store(), Undirected());
  PathOptions provoke_only;
  provoke_only.relations = {g.Rel("provoke")};
  provoke_only.undirected = true;
  PathFinder filtered(g.store(), provoke_only);
  for (const PathFinder* finder : {&directed, &undirected, &filtered}) {
    CHECK(Unreachable(*finder, b, c));
    CHECK(Unreachable(*finder, a, c));
  }
  CHECK(Unreachable(undirected, c, b));
  CHECK(Unreachable(undirected, c, a));
  PathStats stats;
  REQUIRE(directed.Shortest(b, c, &stats).ok());
  CHECK(stats.edges_scanned >= 1);  // seen, not followed

  // Another, longer route is taken instead.
  g.Add({{"A", "meet", "X"}, {"X", "meet", "Y"}, {"Y", "meet", "C"}});
  Path p = MustFind(directed, a, c);
  CHECK(p.actors == std::vector<TermId>{a, g.Actor("X"), g.Actor("Y"), c});
  for (const Hop& hop : p.hops)
    CHECK(g.Sentence(hop.triple).find(" not ") == std::string::npos);
}

TEST_CASE("Shortest: a pair joined by a negated and an asserted triple",
          "[query]") {
  TestGraph g;
  // The negated triple comes first (lower id, same relation and direction),
  // so it would be the hop's triple if it were an edge.
  auto sentences = g.Add({{"A", "meet", "B", true}, {"A", "meet", "B"}});
  g.Add({{"B", "praise", "C", true}, {"C", "accuse", "B"}});
  auto ids = g.Triples("A", "meet", "B");
  REQUIRE(ids.size() == 2);
  CHECK(g.Sentence(ids[0]) == sentences[0]);

  Path p = MustFind(PathFinder(g.store()), g.Actor("A"), g.Actor("B"));
  REQUIRE(p.hops.size() == 1);
  CHECK(p.hops[0].triple == ids[1]);
  CHECK(g.Sentence(p.hops[0].triple) == "A meet B #2");
  CHECK(p.hops[0].forward);

  // Backwards, undirected: the same asserted triple, against its direction.
  Path back =
      MustFind(PathFinder(g.store(), Undirected()), g.Actor("B"), g.Actor("A"));
  REQUIRE(back.hops.size() == 1);
  CHECK(back.hops[0].triple == ids[1]);
  CHECK_FALSE(back.hops[0].forward);

  // B -praise-> C is negated, C -accuse-> B is not: directed B to C has no
  // path, undirected it goes through accuse, against its direction.
  CHECK(Unreachable(PathFinder(g.store()), g.Actor("B"), g.Actor("C")));
  Path bc =
      MustFind(PathFinder(g.store(), Undirected()), g.Actor("B"), g.Actor("C"));
  REQUIRE(bc.hops.size() == 1);
  CHECK(bc.hops[0].relation == g.Rel("accuse"));
  CHECK_FALSE(bc.hops[0].forward);
  CHECK(g.Sentence(bc.hops[0].triple) == "C accuse B #4");
}

TEST_CASE("Shortest: a negated edge first in edge order is passed over",
          "[query]") {
  TestGraph g;
  // Two routes A-B-D and A-C-D with B first in edge order; A -> B is
  // negated, so only the route through C exists, though B -> D is asserted
  // and the backward side reaches B.
  g.Add({{"A", "meet", "B", true},
         {"A", "meet", "C"},
         {"B", "meet", "D"},
         {"C", "meet", "D"}});
  REQUIRE(g.Actor("B") < g.Actor("C"));
  for (const PathOptions& o : {PathOptions{}, Undirected()}) {
    Path p = MustFind(PathFinder(g.store(), o), g.Actor("A"), g.Actor("D"));
    CHECK(p.actors ==
          std::vector<TermId>{g.Actor("A"), g.Actor("C"), g.Actor("D")});
  }
}

TEST_CASE("Shortest: options are checked", "[query]") {
  TestGraph g;
  g.Add({{"A", "meet", "B"}});
  PathOptions zero;
  zero.max_hops = 0;
  auto r = PathFinder(g.store(), zero).Shortest(g.Actor("A"), g.Actor("B"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kInvalidArgument);
  CHECK(r.status().message().find("max_hops") != std::string::npos);

  PathOptions negative;
  negative.max_hops = -1;
  CHECK(PathFinder(g.store(), negative)
            .Shortest(g.Actor("A"), g.Actor("A"))
            .status()
            .code() == Status::Code::kInvalidArgument);

  PathFinder finder(g.store());
  CHECK(finder.Shortest(0, g.Actor("B")).status().code() ==
        Status::Code::kInvalidArgument);
  CHECK_FALSE(finder.Shortest(g.Actor("A"), 987654).ok());  // not an actor

  PathOptions bad_relation;
  bad_relation.relations = {0};
  CHECK(PathFinder(g.store(), bad_relation)
            .Shortest(g.Actor("A"), g.Actor("B"))
            .status()
            .code() == Status::Code::kInvalidArgument);
}

TEST_CASE("Shortest: reports the edges it scanned", "[query]") {
  TestGraph g;
  g.Add({{"A", "meet", "B"}, {"B", "meet", "C"}});
  PathStats stats;
  auto p = PathFinder(g.store()).Shortest(g.Actor("A"), g.Actor("C"), &stats);
  REQUIRE(p.ok());
  REQUIRE(p->has_value());
  CHECK(stats.edges_scanned >= 2);
  CHECK(stats.actors_expanded >= 2);
}

// --- Against a plain breadth-first search -----------------------------------

// One-directional BFS from `from`, each actor keeping the edge it was first
// reached by: that is the path first in edge order, the one Shortest promises.
// Negated triples are not edges.
std::optional<Path> ReferenceShortest(const store::TripleStore& db,
                                      const PathOptions& o, TermId from,
                                      TermId to) {
  std::unordered_map<TermId, Hop> parent;
  std::unordered_map<TermId, int> dist{{from, 0}};
  std::deque<TermId> queue{from};
  while (!queue.empty() && !dist.contains(to)) {
    TermId u = queue.front();
    queue.pop_front();
    if (dist[u] == o.max_hops) continue;
    std::vector<store::Direction> dirs{store::Direction::kOut};
    if (o.undirected) dirs.push_back(store::Direction::kIn);
    std::vector<TermId> rels = o.relations;
    std::sort(rels.begin(), rels.end());
    for (store::Direction dir : dirs) {
      REQUIRE(db.ForEachEdge(u, dir, rels, [&](const store::Edge& e) {
                  if (e.negated || dist.contains(e.neighbour)) return true;
                  dist[e.neighbour] = dist[u] + 1;
                  parent[e.neighbour] =
                      Hop{u, e.neighbour, e.relation,
                          e.direction == store::Direction::kOut, e.triple};
                  queue.push_back(e.neighbour);
                  return true;
                }).ok());
    }
  }
  if (!dist.contains(to)) return std::nullopt;
  Path p;
  for (TermId at = to; at != from; at = parent[at].from)
    p.hops.insert(p.hops.begin(), parent[at]);
  p.actors.push_back(from);
  for (const Hop& h : p.hops) p.actors.push_back(h.to);
  return p;
}

TEST_CASE("Shortest: agrees with a plain BFS on random graphs", "[query]") {
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  auto next = [&seed](uint64_t n) {  // xorshift, the same on every platform
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed % n;
  };
  const char* relations[] = {"meet", "accuse", "praise"};
  for (int round = 0; round < 4; ++round) {
    TestGraph g;
    const int actors = 14 + round * 3;
    const int edges = actors * (1 + round % 2) + 4;
    std::vector<testing::Spo> batch;
    for (int i = 0; i < edges; ++i) {
      // From round 2 on, every fourth triple is negated (without drawing from
      // the generator, so rounds 0 and 1 are the same graphs as before).
      batch.push_back({"N" + std::to_string(next(actors)), relations[next(3)],
                       "N" + std::to_string(next(actors)),
                       round >= 2 && i % 4 == 3});
      if (batch.size() == 7 || i + 1 == edges) {
        g.Add(batch);
        batch.clear();
      }
    }
    std::vector<TermId> terms;
    for (int i = 0; i < actors; ++i) {
      auto t = g.store().ActorById("N" + std::to_string(i));
      REQUIRE(t.ok());
      if (t->has_value()) terms.push_back(**t);
    }
    std::vector<PathOptions> option_sets(4);
    option_sets[1].undirected = true;
    option_sets[2].relations = {g.Rel("meet"), g.Rel("accuse")};
    option_sets[3].undirected = true;
    option_sets[3].max_hops = 2 + round % 2;
    for (const PathOptions& o : option_sets) {
      PathFinder finder(g.store(), o);
      for (TermId from : terms) {
        for (TermId to : terms) {
          INFO("round " << round << " undirected " << o.undirected
                        << " max_hops " << o.max_hops << " from " << from
                        << " to " << to);
          auto got = finder.Shortest(from, to);
          REQUIRE(got.ok());
          auto want = ReferenceShortest(g.store(), o, from, to);
          REQUIRE(got->has_value() == want.has_value());
          if (!want) continue;
          const Path& p = **got;
          CHECK(p.actors == want->actors);
          REQUIRE(p.hops.size() == want->hops.size());
          for (size_t i = 0; i < p.hops.size(); ++i) {
            CHECK(p.hops[i].from == want->hops[i].from);
            CHECK(p.hops[i].to == want->hops[i].to);
            CHECK(p.hops[i].relation == want->hops[i].relation);
            CHECK(p.hops[i].forward == want->hops[i].forward);
            CHECK(p.hops[i].triple == want->hops[i].triple);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace kg::query
