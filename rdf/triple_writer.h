// Streaming serialisers for triples: N-Triples, Turtle and JSON lines behind
// one interface. Formats still to come (N-Quads, TriG, GraphML, ...) are new
// TripleWriter implementations registered in MakeTripleWriter.
//
//   auto writer = rdf::MakeTripleWriter("ttl", std::cout);
//   if (!writer.ok()) return writer.status();
//   for (const graph::Triple& t : triples) KG_RETURN_IF_ERROR((*writer)->Write(t));
//   KG_RETURN_IF_ERROR((*writer)->Finish());
//
// What the RDF formats contain (IRIs, vocabulary, negation) is in docs/rdf.md.
#ifndef KG_RDF_TRIPLE_WRITER_H_
#define KG_RDF_TRIPLE_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/status.h"
#include "graph/triple.h"

namespace kg::rdf {

struct WriterOptions {
  // Prefix of every IRI kg mints (actors, relations, events, documents and
  // the vocabulary base + "vocab#"). Must be an absolute IRI of printable
  // ASCII ending in '/', without '#' (see ValidateBase in rdf/iri.h).
  // Default: "http://example.org/kg/". Unused by "jsonl" but still checked.
  std::string base = "http://example.org/kg/";
};

// Writes triples one by one to a borrowed std::ostream as they arrive.
//
// Memory grows only with the number of distinct actors and relations (each is
// described once, the first time it is seen), never with the number of
// triples. Output depends only on the sequence of triples written, so the same
// input gives the same bytes. Not thread-safe: one writer per thread.
class TripleWriter {
 public:
  virtual ~TripleWriter();

  // Writes everything `t` contributes. IOError if the stream has failed (the
  // output is then incomplete); InvalidArgument after Finish().
  virtual Status Write(const graph::Triple& t) = 0;
  // Completes the document (an empty RDF export still gets its header) and
  // flushes the stream. IOError if the stream has failed. Calling it again
  // does nothing more.
  virtual Status Finish() = 0;
};

// Creates the writer for `format`: "nt" (N-Triples), "ttl" (Turtle) or
// "jsonl" (graph::TripleToJson, one object per line). `out` is borrowed and
// must outlive the writer. InvalidArgument for an unknown format or an invalid
// options.base.
Result<std::unique_ptr<TripleWriter>> MakeTripleWriter(std::string_view format,
                                                       std::ostream& out,
                                                       const WriterOptions& options = {});

}  // namespace kg::rdf

#endif  // KG_RDF_TRIPLE_WRITER_H_
