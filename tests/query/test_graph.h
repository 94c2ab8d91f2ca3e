// A small graph in a temporary TripleStore, for the query tests.
//
//   TestGraph g;
//   g.Add({{"A", "meet", "B"}, {"B", "accuse", "C"}});  // one document
//   PathFinder finder(g.store());
//   auto path = finder.Shortest(g.Actor("A"), g.Actor("C"));
//
// Actor ids and names are the strings given; each triple's sentence is
// "<subject> <relation> <object> #<n>", n counting triples from 1, so tests
// can check which triple a query returned. A negated triple is written
// {"A", "meet", "B", true} and its sentence is "<subject> not <relation> ...".
#ifndef KG_TESTS_QUERY_TEST_GRAPH_H_
#define KG_TESTS_QUERY_TEST_GRAPH_H_

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "graph/triple.h"
#include "store/triple_store.h"

namespace kg::query::testing {

struct Spo {
  std::string subject;
  std::string relation;
  std::string object;
  bool negated = false;  // "subject decided not to relation object"
};

class TestGraph {
 public:
  TestGraph() {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("kg_query_test_" + std::to_string(::getpid()) + "_" +
            std::to_string(++counter));
    std::filesystem::remove_all(dir_);
    auto db = store::TripleStore::Open(dir_.string(), store::Options{});
    if (!db.ok()) FAIL("open " << dir_ << ": " << db.status().ToString());
    store_ = std::move(*db);
  }
  ~TestGraph() {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TestGraph(const TestGraph&) = delete;
  TestGraph& operator=(const TestGraph&) = delete;

  // Stores `triples` as one new document; returns the sentences written.
  std::vector<std::string> Add(const std::vector<Spo>& triples) {
    graph::Document doc;
    doc.id = "doc-" + std::to_string(++documents_);
    doc.date = "2024-01-01";
    std::vector<graph::Triple> out;
    std::vector<std::string> sentences;
    for (const Spo& spo : triples) {
      graph::Triple t;
      t.subject = MakeActor(spo.subject);
      t.relation = spo.relation;
      t.verb = spo.relation;
      t.object = MakeActor(spo.object);
      t.negated = spo.negated;
      t.sentence = spo.subject + (spo.negated ? " not " : " ") + spo.relation +
                   " " + spo.object + " #" + std::to_string(++triples_);
      t.span_begin = doc.text.size();
      doc.text += t.sentence + " ";
      t.span_end = doc.text.size() - 1;
      t.date = doc.date;
      t.confidence = 0.9;
      sentences.push_back(t.sentence);
      out.push_back(std::move(t));
    }
    auto outcome = store_->PutDocument(doc, out, "query-test");
    if (!outcome.ok()) FAIL("PutDocument: " << outcome.status().ToString());
    return sentences;
  }

  store::TermId Actor(const std::string& id) const {
    auto term = store_->ActorById(id);
    if (!term.ok() || !term->has_value()) FAIL("no actor " << id);
    return **term;
  }
  store::TermId Rel(const std::string& name) const {
    auto term = store_->RelationByName(name);
    if (!term.ok() || !term->has_value()) FAIL("no relation " << name);
    return **term;
  }
  std::string Sentence(store::TripleId id) const {
    auto t = store_->GetTriple(id);
    if (!t.ok()) FAIL("GetTriple " << id << ": " << t.status().ToString());
    return t->sentence;
  }
  // The ids of the triples subject -relation-> object, ascending.
  std::vector<store::TripleId> Triples(const std::string& s,
                                       const std::string& r,
                                       const std::string& o) const {
    std::vector<store::TripleId> ids;
    store::TriplePattern pattern{Actor(s), Rel(r), Actor(o)};
    auto status = store_->ScanTriples(
        pattern, [&](store::TripleId id, const graph::Triple&) {
          ids.push_back(id);
          return true;
        });
    if (!status.ok()) FAIL("ScanTriples: " << status.ToString());
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  const store::TripleStore& store() const { return *store_; }

 private:
  static graph::Actor MakeActor(const std::string& id) {
    graph::Actor a;
    a.id = id;
    a.name = id;
    a.type = graph::ActorType::kCountry;
    return a;
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::TripleStore> store_;
  int documents_ = 0;
  int triples_ = 0;
};

}  // namespace kg::query::testing

#endif  // KG_TESTS_QUERY_TEST_GRAPH_H_
