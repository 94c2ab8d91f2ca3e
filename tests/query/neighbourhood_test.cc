#include "query/neighbourhood.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/query/test_graph.h"

namespace kg::query {
namespace {

using testing::TestGraph;

// The graph of most tests, around C:
//
//   X -praise-> C -meet-> A1 -meet-> B1 -meet-> D1
//               C -accuse-> A2     ^ A1 -meet-> A2
//               Y -meet-> A1
//
// with C -meet-> A1 stated twice, in two documents.
class Fixture {
 public:
  Fixture() {
    g.Add({{"C", "meet", "A1"},
           {"C", "accuse", "A2"},
           {"A1", "meet", "B1"},
           {"B1", "meet", "D1"},
           {"X", "praise", "C"},
           {"Y", "meet", "A1"},
           {"A1", "meet", "A2"}});
    g.Add({{"C", "meet", "A1"}});
  }

  using Row = std::tuple<int, TermId, TermId, TermId, std::vector<TripleId>>;

  // An expected edge, with all its triples in the store.
  Row Edge(int depth, const std::string& s, const std::string& r,
           const std::string& o) {
    return {depth, g.Actor(s), g.Rel(r), g.Actor(o), g.Triples(s, r, o)};
  }
  static std::vector<Row> Rows(const NeighbourhoodResult& n) {
    std::vector<Row> rows;
    for (const AggregatedEdge& e : n.edges) {
      rows.emplace_back(e.depth, e.subject, e.relation, e.object, e.triples);
    }
    return rows;
  }
  static std::vector<Row> Sorted(std::vector<Row> rows) {
    std::sort(rows.begin(), rows.end());
    return rows;
  }
  std::vector<NeighbourActor> Actors(
      std::vector<std::pair<std::string, int>> named) {
    std::vector<NeighbourActor> out;
    for (const auto& [name, depth] : named)
      out.push_back({g.Actor(name), depth});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tie(a.depth, a.actor) < std::tie(b.depth, b.actor);
    });
    return out;
  }
  NeighbourhoodResult Around(const NeighbourhoodOptions& o,
                             const std::string& centre = "C") {
    auto n = Neighbourhood(g.store(), o).Around(g.Actor(centre));
    if (!n.ok()) FAIL(n.status().ToString());
    return *n;
  }

  TestGraph g;
};

NeighbourhoodOptions Depth(int depth,
                           DirectionFilter direction = DirectionFilter::kBoth) {
  NeighbourhoodOptions o;
  o.depth = depth;
  o.direction = direction;
  return o;
}

TEST_CASE("Neighbourhood: depth 1 in both directions", "[query]") {
  Fixture f;
  NeighbourhoodResult n = f.Around(NeighbourhoodOptions{});
  CHECK(n.centre == f.g.Actor("C"));
  CHECK(n.actors == f.Actors({{"A1", 1}, {"A2", 1}, {"X", 1}}));
  // A1 -meet-> A2 joins two actors of the outermost layer: not scanned.
  CHECK(Fixture::Rows(n) == Fixture::Sorted({f.Edge(1, "C", "meet", "A1"),
                                             f.Edge(1, "C", "accuse", "A2"),
                                             f.Edge(1, "X", "praise", "C")}));
  CHECK_FALSE(n.truncated);
  CHECK(n.edges_scanned >= 4);
}

TEST_CASE("Neighbourhood: same triple ends aggregate into one edge",
          "[query]") {
  Fixture f;
  NeighbourhoodResult n = f.Around(NeighbourhoodOptions{});
  auto it = std::find_if(
      n.edges.begin(), n.edges.end(), [&](const AggregatedEdge& e) {
        return e.subject == f.g.Actor("C") && e.object == f.g.Actor("A1");
      });
  REQUIRE(it != n.edges.end());
  CHECK(it->relation == f.g.Rel("meet"));
  REQUIRE(it->triples.size() == 2);
  CHECK(it->triples[0] < it->triples[1]);
  std::set<std::string> sentences{f.g.Sentence(it->triples[0]),
                                  f.g.Sentence(it->triples[1])};
  CHECK(sentences == std::set<std::string>{"C meet A1 #1", "C meet A1 #8"});
}

TEST_CASE("Neighbourhood: depth 2 and 3", "[query]") {
  Fixture f;
  NeighbourhoodResult two = f.Around(Depth(2));
  CHECK(two.actors ==
        f.Actors({{"A1", 1}, {"A2", 1}, {"X", 1}, {"B1", 2}, {"Y", 2}}));
  CHECK(Fixture::Rows(two) ==
        Fixture::Sorted(
            {f.Edge(1, "C", "meet", "A1"), f.Edge(1, "C", "accuse", "A2"),
             f.Edge(1, "X", "praise", "C"), f.Edge(1, "A1", "meet", "A2"),
             f.Edge(2, "A1", "meet", "B1"), f.Edge(2, "Y", "meet", "A1")}));

  NeighbourhoodResult three = f.Around(Depth(3));
  CHECK(three.actors ==
        f.Actors(
            {{"A1", 1}, {"A2", 1}, {"X", 1}, {"B1", 2}, {"Y", 2}, {"D1", 3}}));
  CHECK(Fixture::Rows(three) ==
        Fixture::Sorted(
            {f.Edge(1, "C", "meet", "A1"), f.Edge(1, "C", "accuse", "A2"),
             f.Edge(1, "X", "praise", "C"), f.Edge(1, "A1", "meet", "A2"),
             f.Edge(2, "A1", "meet", "B1"), f.Edge(2, "Y", "meet", "A1"),
             f.Edge(3, "B1", "meet", "D1")}));

  // Nothing lies further out: a deeper search finds the same.
  NeighbourhoodResult ten = f.Around(Depth(kMaxNeighbourhoodDepth));
  CHECK(ten.actors == three.actors);
  CHECK(Fixture::Rows(ten) == Fixture::Rows(three));
}

TEST_CASE("Neighbourhood: direction filters", "[query]") {
  Fixture f;
  NeighbourhoodResult out = f.Around(Depth(3, DirectionFilter::kOut));
  CHECK(out.actors == f.Actors({{"A1", 1}, {"A2", 1}, {"B1", 2}, {"D1", 3}}));
  CHECK(Fixture::Rows(out) ==
        Fixture::Sorted(
            {f.Edge(1, "C", "meet", "A1"), f.Edge(1, "C", "accuse", "A2"),
             f.Edge(1, "A1", "meet", "A2"), f.Edge(2, "A1", "meet", "B1"),
             f.Edge(3, "B1", "meet", "D1")}));

  NeighbourhoodResult in = f.Around(Depth(2, DirectionFilter::kIn));
  CHECK(in.actors == f.Actors({{"X", 1}}));
  CHECK(Fixture::Rows(in) == Fixture::Sorted({f.Edge(1, "X", "praise", "C")}));

  // Edges keep the triples' direction whichever way they were followed.
  NeighbourhoodResult in_b1 = f.Around(Depth(2, DirectionFilter::kIn), "B1");
  CHECK(in_b1.actors == f.Actors({{"A1", 1}, {"C", 2}, {"Y", 2}}));
  CHECK(Fixture::Rows(in_b1) ==
        Fixture::Sorted({f.Edge(1, "A1", "meet", "B1"),
                         f.Edge(2, "C", "meet", "A1"),
                         f.Edge(2, "Y", "meet", "A1")}));
}

TEST_CASE("Neighbourhood: relation filter", "[query]") {
  Fixture f;
  NeighbourhoodOptions o = Depth(2);
  o.relations = {f.g.Rel("meet")};
  NeighbourhoodResult n = f.Around(o);
  // Without accuse, A2 is two hops away (through A1); without praise, X is
  // gone.
  CHECK(n.actors == f.Actors({{"A1", 1}, {"A2", 2}, {"B1", 2}, {"Y", 2}}));
  CHECK(Fixture::Rows(n) ==
        Fixture::Sorted(
            {f.Edge(1, "C", "meet", "A1"), f.Edge(2, "A1", "meet", "A2"),
             f.Edge(2, "A1", "meet", "B1"), f.Edge(2, "Y", "meet", "A1")}));

  o.relations = {f.g.Rel("praise"), f.g.Rel("accuse")};
  NeighbourhoodResult m = f.Around(o);
  CHECK(m.actors == f.Actors({{"A2", 1}, {"X", 1}}));
}

TEST_CASE("Neighbourhood: max_actors truncates", "[query]") {
  TestGraph g;
  g.Add({{"H", "meet", "P1"},
         {"H", "meet", "P2"},
         {"H", "meet", "P3"},
         {"H", "meet", "P4"},
         {"H", "meet", "P5"},
         {"P1", "meet", "Q"}});
  std::vector<TermId> ps;
  for (const char* p : {"P1", "P2", "P3", "P4", "P5"}) ps.push_back(g.Actor(p));
  std::sort(ps.begin(), ps.end());

  NeighbourhoodOptions o;
  o.max_actors = 3;
  auto n = Neighbourhood(g.store(), o).Around(g.Actor("H"));
  REQUIRE(n.ok());
  CHECK(n->truncated);
  REQUIRE(n->actors.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(n->actors[i].actor == ps[i]);  // the first three in edge order
    CHECK(n->actors[i].depth == 1);
  }
  REQUIRE(n->edges.size() == 3);
  for (const AggregatedEdge& e : n->edges) {
    CHECK(e.subject == g.Actor("H"));
    CHECK(std::find(ps.begin(), ps.begin() + 3, e.object) != ps.begin() + 3);
  }

  o.max_actors = 5;  // exactly enough
  n = Neighbourhood(g.store(), o).Around(g.Actor("H"));
  REQUIRE(n.ok());
  CHECK_FALSE(n->truncated);
  CHECK(n->actors.size() == 5);

  o.depth = 2;  // Q is the sixth
  n = Neighbourhood(g.store(), o).Around(g.Actor("H"));
  REQUIRE(n.ok());
  CHECK(n->truncated);
  CHECK(n->actors.size() == 5);

  o.max_actors = 0;  // no limit
  n = Neighbourhood(g.store(), o).Around(g.Actor("H"));
  REQUIRE(n.ok());
  CHECK_FALSE(n->truncated);
  CHECK(n->actors.size() == 6);
}

TEST_CASE("Neighbourhood: negated triples are not edges", "[query]") {
  TestGraph g;
  // C meets A; C decided not to provoke N, whose only other tie is N -> M.
  // C and B are joined by a negated and an asserted triple; A -> P is
  // negated but P is reached another way, further out.
  g.Add({{"C", "meet", "A"},
         {"C", "provoke", "N", true},
         {"N", "meet", "M"},
         {"C", "accuse", "B", true},
         {"C", "accuse", "B"},
         {"A", "provoke", "P", true},
         {"B", "meet", "Q"},
         {"Q", "meet", "P"}});
  auto hood = [&](int depth, DirectionFilter direction, const char* centre) {
    NeighbourhoodOptions o;
    o.depth = depth;
    o.direction = direction;
    auto n = Neighbourhood(g.store(), o).Around(g.Actor(centre));
    if (!n.ok()) FAIL(n.status().ToString());
    return *n;
  };
  auto named = [&](std::vector<std::pair<std::string, int>> list) {
    std::vector<NeighbourActor> out;
    for (const auto& [name, depth] : list)
      out.push_back({g.Actor(name), depth});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tie(a.depth, a.actor) < std::tie(b.depth, b.actor);
    });
    return out;
  };

  for (DirectionFilter direction :
       {DirectionFilter::kOut, DirectionFilter::kBoth}) {
    NeighbourhoodResult n = hood(kMaxNeighbourhoodDepth, direction, "C");
    // N and M are reachable only through the negated C -provoke-> N; P is
    // at depth 3 through B and Q, not at depth 2 through the negated
    // A -provoke-> P.
    CHECK(n.actors == named({{"A", 1}, {"B", 1}, {"Q", 2}, {"P", 3}}));
    for (const AggregatedEdge& e : n.edges) {
      CHECK(e.relation != g.Rel("provoke"));
      for (TripleId id : e.triples)
        CHECK(g.Sentence(id).find(" not ") == std::string::npos);
    }
    // C -accuse-> B holds only the asserted triple.
    auto accuse = g.Triples("C", "accuse", "B");
    REQUIRE(accuse.size() == 2);
    auto it = std::find_if(
        n.edges.begin(), n.edges.end(),
        [&](const AggregatedEdge& e) { return e.relation == g.Rel("accuse"); });
    REQUIRE(it != n.edges.end());
    CHECK(it->triples == std::vector<TripleId>{accuse[1]});
    CHECK(g.Sentence(accuse[1]) == "C accuse B #5");
    CHECK(n.edges_scanned > n.edges.size());  // negated ones were scanned
  }

  // From the other side: N sees M but not C.
  CHECK(hood(2, DirectionFilter::kBoth, "N").actors == named({{"M", 1}}));
  CHECK(hood(1, DirectionFilter::kIn, "N").actors.empty());
  CHECK(hood(1, DirectionFilter::kIn, "P").actors == named({{"Q", 1}}));
}

TEST_CASE("Neighbourhood: options are checked", "[query]") {
  Fixture f;
  for (int depth : {0, -1, kMaxNeighbourhoodDepth + 1}) {
    auto n = Neighbourhood(f.g.store(), Depth(depth)).Around(f.g.Actor("C"));
    REQUIRE_FALSE(n.ok());
    CHECK(n.status().code() == Status::Code::kInvalidArgument);
    CHECK(n.status().message().find("depth") != std::string::npos);
  }
  CHECK(Neighbourhood(f.g.store()).Around(0).status().code() ==
        Status::Code::kInvalidArgument);
  CHECK_FALSE(Neighbourhood(f.g.store()).Around(987654).ok());
}

TEST_CASE("Neighbourhood: an actor with no edges in the filter", "[query]") {
  Fixture f;
  NeighbourhoodResult n = f.Around(Depth(2, DirectionFilter::kOut), "D1");
  CHECK(n.actors.empty());
  CHECK(n.edges.empty());
  CHECK_FALSE(n.truncated);
}

}  // namespace
}  // namespace kg::query
