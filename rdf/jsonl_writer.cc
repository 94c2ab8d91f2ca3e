#include "rdf/jsonl_writer.h"

#include <string>

#include "graph/triple_json.h"

namespace kg::rdf {

JsonlWriter::JsonlWriter(std::ostream& out) : out_(out) {}

Status JsonlWriter::Write(const graph::Triple& t) {
  if (finished_) return Status::InvalidArgument("JSON lines writer: Write after Finish");
  std::string line = graph::TripleToJson(t);
  line.push_back('\n');
  out_.write(line.data(), static_cast<std::streamsize>(line.size()));
  if (!out_) return Status::IOError("writing JSON lines: output stream failed");
  return Status::OK();
}

Status JsonlWriter::Finish() {
  if (finished_) return Status::OK();
  finished_ = true;
  out_.flush();
  if (!out_) return Status::IOError("writing JSON lines: output stream failed");
  return Status::OK();
}

}  // namespace kg::rdf
