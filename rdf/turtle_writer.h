// Turtle (W3C RDF 1.1 Turtle): @prefix lines for kgv:, rdf:, rdfs: and xsd:,
// then one block per subject with ';' between its predicates. Resources
// (actors, relations, events, documents) are written as full <IRI>s;
// only vocabulary terms are abbreviated. Created through
// MakeTripleWriter("ttl", ...); see rdf/triple_writer.h.
#ifndef KG_RDF_TURTLE_WRITER_H_
#define KG_RDF_TURTLE_WRITER_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "rdf/event_mapper.h"
#include "rdf/triple_writer.h"

namespace kg::rdf {

class TurtleWriter : public TripleWriter {
 public:
  // `out` is borrowed and must outlive the writer; `options.base` must
  // satisfy ValidateBase.
  TurtleWriter(std::ostream& out, const WriterOptions& options);

  Status Write(const graph::Triple& t) override;
  Status Finish() override;

 private:
  void WriteHeaderOnce();
  // Appends `iri` as prefix:local when a prefix covers it with a plain
  // alphanumeric local name, as <iri> otherwise.
  void AppendIri(const std::string& iri);
  void AppendObject(const Term& term);

  std::ostream& out_;
  EventMapper mapper_;
  std::vector<std::pair<std::string, std::string>> prefixes_;  // (prefix, namespace)
  std::string rdf_type_;
  std::vector<Statement> stmts_;  // reused: sized by one triple, not by the corpus
  std::string buf_;               // likewise
  bool header_written_ = false;
  bool finished_ = false;
};

}  // namespace kg::rdf

#endif  // KG_RDF_TURTLE_WRITER_H_
