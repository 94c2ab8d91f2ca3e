// kg triples, kg actors, kg path and kg neighbours.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "extract/fold.h"
#include "graph/triple_json.h"
#include "query/neighbourhood.h"
#include "query/path_finder.h"

namespace kg::cli {
namespace {

using Json = nlohmann::ordered_json;

Json ParsedJson(const std::string& s) { return Json::parse(s); }

std::string Arrow(const std::string& relation, const std::string& cameo) {
  return "—" + relation + (cameo.empty() ? "" : " (" + cameo + ")") + "→";
}

// "Vladimir Putin —meet (040)→ Recep Tayyip Erdoğan", "not" marked.
std::string TripleLine(const graph::Triple& t) {
  return t.subject.name + " " + (t.negated ? "NOT " : "") + Arrow(t.relation, t.cameo) + " " +
         t.object.name;
}

std::string Source(const graph::Triple& t) {
  return t.doc + (t.date.empty() ? "" : ", " + t.date) + ": \"" + t.sentence + "\"";
}

Result<std::optional<store::TermId>> OptionalActor(const store::TripleStore& db,
                                                   const std::string& text) {
  if (text.empty()) return std::optional<store::TermId>();
  auto t = ResolveActor(db, text);
  if (!t.ok()) return t.status();
  return std::optional<store::TermId>(*t);
}

}  // namespace

int RunTriples(const TriplesArgs& args) {
  auto db = OpenForQuery(args.db);
  if (!db.ok()) return Fail(db.status());
  store::TriplePattern pattern;
  auto s = OptionalActor(**db, args.subject);
  if (!s.ok()) return Fail(s.status());
  auto o = OptionalActor(**db, args.object);
  if (!o.ok()) return Fail(o.status());
  pattern.subject = *s;
  pattern.object = *o;
  if (!args.relation.empty()) {
    auto r = ResolveRelation(**db, args.relation);
    if (!r.ok()) return Fail(r.status());
    pattern.relation = *r;
  }
  size_t count = 0;
  Status st = (*db)->ScanTriples(pattern, [&](store::TripleId, const graph::Triple& t) {
    ++count;
    if (args.json) {
      std::cout << graph::TripleToJson(t) << '\n';
    } else {
      std::cout << TripleLine(t) << "  [" << t.doc << (t.date.empty() ? "" : ", " + t.date)
                << "]\n";
    }
    return static_cast<bool>(std::cout);
  });
  if (!st.ok()) return Fail(st);
  if (!args.json) std::cerr << count << " triples\n";
  return FinishStdout();
}

int RunActors(const ActorsArgs& args) {
  auto db = OpenForQuery(args.db);
  if (!db.ok()) return Fail(db.status());
  const std::string key = extract::Fold(args.text);
  std::vector<store::ActorInfo> found;
  Status st = (*db)->ForEachActor([&](const store::ActorInfo& info) {
    if (info.out_degree + info.in_degree == 0) return true;  // replaced away
    bool match = key.empty() || extract::Fold(info.actor.id).find(key) != std::string::npos ||
                 extract::Fold(info.actor.name).find(key) != std::string::npos;
    for (size_t i = 0; !match && i < info.actor.aliases.size(); ++i) {
      match = extract::Fold(info.actor.aliases[i]).find(key) != std::string::npos;
    }
    if (match) found.push_back(info);
    return true;
  });
  if (!st.ok()) return Fail(st);
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    uint64_t da = a.out_degree + a.in_degree, dbg = b.out_degree + b.in_degree;
    return da != dbg ? da > dbg : a.actor.name < b.actor.name;
  });
  for (const auto& info : found) {
    if (args.json) {
      Json j = ParsedJson(graph::ActorToJson(info.actor));
      j["degree"] = info.out_degree + info.in_degree;
      j["out_degree"] = info.out_degree;
      j["in_degree"] = info.in_degree;
      std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    } else {
      std::cout << (info.out_degree + info.in_degree) << '\t' << info.actor.id << '\t'
                << graph::ActorTypeName(info.actor.type) << '\t' << info.actor.name << '\n';
    }
  }
  if (!args.text.empty() && found.empty()) {
    std::cerr << "kg: no actor matches '" << args.text << "'\n";
    return kExitError;
  }
  return FinishStdout();
}

int RunPath(const PathArgs& args) {
  auto db = OpenForQuery(args.db);
  if (!db.ok()) return Fail(db.status());
  auto from = ResolveActor(**db, args.from);
  if (!from.ok()) return Fail(from.status());
  auto to = ResolveActor(**db, args.to);
  if (!to.ok()) return Fail(to.status());
  query::PathOptions options;
  options.max_hops = args.max_hops;
  options.undirected = args.undirected;
  auto rels = ResolveRelations(**db, args.relations);
  if (!rels.ok()) return Fail(rels.status());
  options.relations = *rels;
  query::PathFinder finder(**db, options);
  auto path = finder.Shortest(*from, *to);
  if (!path.ok()) return Fail(path.status());
  auto from_actor = (*db)->GetActor(*from);
  auto to_actor = (*db)->GetActor(*to);
  if (!from_actor.ok()) return Fail(from_actor.status());
  if (!to_actor.ok()) return Fail(to_actor.status());

  std::vector<graph::Triple> hop_triples;
  if (*path) {
    for (const query::Hop& hop : (*path)->hops) {
      auto t = (*db)->GetTriple(hop.triple);
      if (!t.ok()) return Fail(t.status());
      hop_triples.push_back(std::move(*t));
    }
  }
  if (args.json) {
    Json j;
    j["from"] = ParsedJson(graph::ActorToJson(*from_actor));
    j["to"] = ParsedJson(graph::ActorToJson(*to_actor));
    j["max_hops"] = args.max_hops;
    j["undirected"] = args.undirected;
    if (!*path) {
      j["path"] = nullptr;
    } else {
      Json hops = Json::array();
      for (size_t i = 0; i < hop_triples.size(); ++i) {
        const query::Hop& hop = (*path)->hops[i];
        Json h;
        h["from"] = ParsedJson(graph::ActorToJson(hop.forward ? hop_triples[i].subject
                                                              : hop_triples[i].object));
        h["to"] = ParsedJson(graph::ActorToJson(hop.forward ? hop_triples[i].object
                                                            : hop_triples[i].subject));
        h["relation"] = hop_triples[i].relation;
        h["direction"] = hop.forward ? "forward" : "backward";
        h["triple"] = ParsedJson(graph::TripleToJson(hop_triples[i]));
        hops.push_back(std::move(h));
      }
      Json p;
      p["length"] = hop_triples.size();
      p["hops"] = std::move(hops);
      j["path"] = std::move(p);
    }
    std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    return FinishStdout();
  }
  if (!*path) {
    std::cout << "no path from " << from_actor->name << " to " << to_actor->name << " within "
              << args.max_hops << " hops"
              << (args.undirected ? "" : " following edges subject → object (try --undirected)")
              << "; negated triples are not edges\n";
    return FinishStdout();
  }
  std::cout << from_actor->name << " → " << to_actor->name << ": " << hop_triples.size()
            << (hop_triples.size() == 1 ? " hop" : " hops") << "\n";
  for (size_t i = 0; i < hop_triples.size(); ++i) {
    const graph::Triple& t = hop_triples[i];
    const bool forward = (*path)->hops[i].forward;
    std::cout << "  " << (i + 1) << ". " << TripleLine(t)
              << (forward ? "" : "   (traversed backwards)") << "\n"
              << "     " << Source(t) << "\n";
  }
  return FinishStdout();
}

int RunNeighbours(const NeighboursArgs& args) {
  auto db = OpenForQuery(args.db);
  if (!db.ok()) return Fail(db.status());
  auto centre = ResolveActor(**db, args.actor);
  if (!centre.ok()) return Fail(centre.status());
  query::NeighbourhoodOptions options;
  options.depth = args.depth;
  options.direction = args.direction == "out"  ? query::DirectionFilter::kOut
                      : args.direction == "in" ? query::DirectionFilter::kIn
                                               : query::DirectionFilter::kBoth;
  auto rels = ResolveRelations(**db, args.relations);
  if (!rels.ok()) return Fail(rels.status());
  options.relations = *rels;
  query::Neighbourhood finder(**db, options);
  auto result = finder.Around(*centre);
  if (!result.ok()) return Fail(result.status());

  // Names of the actors and relations in the result, each looked up once.
  // A lookup failure is a damaged store: reported, not papered over.
  std::map<store::TermId, graph::Actor> actors;
  std::map<store::TermId, std::string> relation_names;
  Status lookup;
  auto load = [&](store::TermId term, bool is_relation) {
    if (is_relation) {
      if (relation_names.count(term)) return;
      auto r = (*db)->GetRelationName(term);
      if (!r.ok()) lookup = r.status();
      relation_names[term] = r.ok() ? *r : "";
    } else {
      if (actors.count(term)) return;
      auto a = (*db)->GetActor(term);
      if (!a.ok()) lookup = a.status();
      actors[term] = a.ok() ? *a : graph::Actor{};
    }
  };
  load(result->centre, false);
  for (const auto& na : result->actors) load(na.actor, false);
  for (const auto& e : result->edges) {
    load(e.subject, false);
    load(e.object, false);
    load(e.relation, true);
  }
  if (!lookup.ok()) return Fail(lookup);
  auto actor = [&](store::TermId term) -> const graph::Actor& { return actors.at(term); };
  auto relation = [&](store::TermId term) -> const std::string& {
    return relation_names.at(term);
  };

  if (args.json) {
    Json j;
    j["centre"] = ParsedJson(graph::ActorToJson(actor(result->centre)));
    j["depth"] = args.depth;
    j["direction"] = args.direction;
    Json list = Json::array();
    for (const auto& na : result->actors) {
      Json a = ParsedJson(graph::ActorToJson(actor(na.actor)));
      a["depth"] = na.depth;
      list.push_back(std::move(a));
    }
    j["actors"] = std::move(list);
    Json edges = Json::array();
    for (const auto& e : result->edges) {
      Json je;
      je["subject"] = actor(e.subject).id;
      je["relation"] = relation(e.relation);
      je["object"] = actor(e.object).id;
      je["depth"] = e.depth;
      je["count"] = e.triples.size();
      auto first = (*db)->GetTriple(e.triples.front());
      if (!first.ok()) return Fail(first.status());
      je["example"] = ParsedJson(graph::TripleToJson(*first));
      edges.push_back(std::move(je));
    }
    j["edges"] = std::move(edges);
    j["truncated"] = result->truncated;
    std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    return FinishStdout();
  }
  const graph::Actor& c = actor(result->centre);
  std::cout << c.name << " (" << graph::ActorTypeName(c.type) << (c.code.empty() ? "" : ", " + c.code)
            << "): " << result->actors.size() << " actors within " << args.depth
            << (args.depth == 1 ? " hop" : " hops") << "\n";
  for (int d = 1; d <= args.depth; ++d) {
    bool header = false;
    for (const auto& e : result->edges) {
      if (e.depth != d) continue;
      if (!header) {
        std::cout << "depth " << d << ":\n";
        header = true;
      }
      std::cout << "  " << actor(e.subject).name << " " << Arrow(relation(e.relation), "") << " "
                << actor(e.object).name;
      if (e.triples.size() > 1) std::cout << "  (" << e.triples.size() << " triples)";
      std::cout << "\n";
    }
  }
  return FinishStdout();
}

}  // namespace kg::cli
