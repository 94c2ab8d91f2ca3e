// JSON lines: graph::TripleToJson, one object per line, in input order.
// The schema is docs/triple-format.md. Created through
// MakeTripleWriter("jsonl", ...); see rdf/triple_writer.h.
#ifndef KG_RDF_JSONL_WRITER_H_
#define KG_RDF_JSONL_WRITER_H_

#include <ostream>

#include "rdf/triple_writer.h"

namespace kg::rdf {

class JsonlWriter : public TripleWriter {
 public:
  // `out` is borrowed and must outlive the writer. Keeps no state per
  // triple or actor.
  explicit JsonlWriter(std::ostream& out);

  Status Write(const graph::Triple& t) override;
  Status Finish() override;

 private:
  std::ostream& out_;
  bool finished_ = false;
};

}  // namespace kg::rdf

#endif  // KG_RDF_JSONL_WRITER_H_
