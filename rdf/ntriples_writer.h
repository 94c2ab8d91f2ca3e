// N-Triples (W3C RDF 1.1 N-Triples): one statement per line, full IRIs.
// Created through MakeTripleWriter("nt", ...); see rdf/triple_writer.h.
#ifndef KG_RDF_NTRIPLES_WRITER_H_
#define KG_RDF_NTRIPLES_WRITER_H_

#include <ostream>
#include <string>
#include <vector>

#include "rdf/event_mapper.h"
#include "rdf/triple_writer.h"

namespace kg::rdf {

class NTriplesWriter : public TripleWriter {
 public:
  // `out` is borrowed and must outlive the writer; `options.base` must
  // satisfy ValidateBase.
  NTriplesWriter(std::ostream& out, const WriterOptions& options);

  Status Write(const graph::Triple& t) override;
  Status Finish() override;

 private:
  std::ostream& out_;
  EventMapper mapper_;
  std::vector<Statement> stmts_;  // reused: sized by one triple, not by the corpus
  std::string buf_;               // likewise
  bool finished_ = false;
};

}  // namespace kg::rdf

#endif  // KG_RDF_NTRIPLES_WRITER_H_
