#include "rdf/ntriples_writer.h"

namespace kg::rdf {
namespace {

void AppendIri(std::string* buf, const std::string& iri) {
  buf->push_back('<');
  *buf += iri;  // minted IRIs are percent-encoded ASCII: nothing to escape
  buf->push_back('>');
}

}  // namespace

NTriplesWriter::NTriplesWriter(std::ostream& out, const WriterOptions& options)
    : out_(out), mapper_(IriMinter(options.base)) {}

Status NTriplesWriter::Write(const graph::Triple& t) {
  if (finished_) return Status::InvalidArgument("N-Triples writer: Write after Finish");
  mapper_.Map(t, &stmts_);
  buf_.clear();
  for (const Statement& st : stmts_) {
    AppendIri(&buf_, st.subject);
    buf_.push_back(' ');
    AppendIri(&buf_, st.predicate);
    buf_.push_back(' ');
    if (st.object.kind == Term::Kind::kIri) {
      AppendIri(&buf_, st.object.value);
    } else {
      buf_.push_back('"');
      buf_ += EscapeLiteral(st.object.value);
      buf_.push_back('"');
      if (!st.object.datatype.empty()) {
        buf_ += "^^";
        AppendIri(&buf_, st.object.datatype);
      }
    }
    buf_ += " .\n";
  }
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  if (!out_) return Status::IOError("writing N-Triples: output stream failed");
  return Status::OK();
}

Status NTriplesWriter::Finish() {
  if (finished_) return Status::OK();
  finished_ = true;
  out_.flush();
  if (!out_) return Status::IOError("writing N-Triples: output stream failed");
  return Status::OK();
}

}  // namespace kg::rdf
