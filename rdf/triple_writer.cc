#include "rdf/triple_writer.h"

#include "rdf/iri.h"
#include "rdf/jsonl_writer.h"
#include "rdf/ntriples_writer.h"
#include "rdf/turtle_writer.h"

namespace kg::rdf {

TripleWriter::~TripleWriter() = default;

Result<std::unique_ptr<TripleWriter>> MakeTripleWriter(std::string_view format,
                                                       std::ostream& out,
                                                       const WriterOptions& options) {
  // New formats (N-Quads, TriG, GraphML, ...) are added here and nowhere else.
  if (format != "nt" && format != "ttl" && format != "jsonl") {
    return Status::InvalidArgument("unknown export format '" + std::string(format) +
                                   "' (expected nt, ttl or jsonl)");
  }
  KG_RETURN_IF_ERROR(ValidateBase(options.base));
  std::unique_ptr<TripleWriter> writer;
  if (format == "nt") {
    writer = std::make_unique<NTriplesWriter>(out, options);
  } else if (format == "ttl") {
    writer = std::make_unique<TurtleWriter>(out, options);
  } else {
    writer = std::make_unique<JsonlWriter>(out);
  }
  return writer;
}

}  // namespace kg::rdf
