// The RDF shape of a triple, shared by every RDF syntax writer.
//
// EventMapper decides *what* statements a graph::Triple becomes (the direct
// edge, the event node, first-seen actor and relation descriptions); the
// N-Triples and Turtle writers only decide how to spell them. An N-Quads or
// TriG writer would reuse it and add a graph name. Internal to rdf/.
//
//   EventMapper mapper(IriMinter(base));
//   std::vector<Statement> stmts;
//   mapper.Map(triple, &stmts);   // then serialise stmts in order
#ifndef KG_RDF_EVENT_MAPPER_H_
#define KG_RDF_EVENT_MAPPER_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "graph/triple.h"
#include "rdf/iri.h"

namespace kg::rdf {

// An RDF object term: an IRI, or a literal with an optional datatype IRI
// (empty datatype = a plain xsd:string literal).
struct Term {
  enum class Kind { kIri, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     // the IRI, or the literal's unescaped lexical form
  std::string datatype;  // literals only
};

// One RDF statement. Subjects and predicates are always IRIs.
struct Statement {
  std::string subject;
  std::string predicate;
  Term object;
};

// Maps triples to statements. Remembers which actor ids and relation names it
// has described, so memory grows with distinct actors and relations only.
// Not thread-safe.
class EventMapper {
 public:
  explicit EventMapper(IriMinter iris);

  const IriMinter& iris() const { return iris_; }

  // Replaces *out with the statements for `t`, in a fixed order: descriptions
  // of a new subject actor, a new object actor and a new relation; the direct
  // edge (not for a negated triple); then the event node. Consecutive
  // statements with the same subject may be grouped by the caller.
  void Map(const graph::Triple& t, std::vector<Statement>* out);

 private:
  void DescribeActor(const graph::Actor& a, const std::string& iri,
                     std::vector<Statement>* out) const;

  IriMinter iris_;
  // Standard vocabulary IRIs, built once.
  std::string rdf_type_, rdf_property_, rdfs_label_;
  std::string xsd_boolean_, xsd_decimal_, xsd_integer_, xsd_date_, xsd_gyear_;
  std::unordered_set<std::string> seen_actors_;
  std::unordered_set<std::string> seen_relations_;
};

}  // namespace kg::rdf

#endif  // KG_RDF_EVENT_MAPPER_H_
