#include "rdf/turtle_writer.h"

#include <string_view>

namespace kg::rdf {
namespace {

// A local name we may write after "prefix:" without any escaping. Turtle's
// PN_LOCAL allows far more, but with escapes and edge cases ('.' at the end,
// '%' sequences) that are easy to get wrong; anything else gets <...>.
bool IsPlainLocalName(std::string_view s) {
  if (s.empty()) return false;
  auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!alpha(s[0])) return false;
  for (char c : s) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

}  // namespace

TurtleWriter::TurtleWriter(std::ostream& out, const WriterOptions& options)
    : out_(out),
      mapper_(IriMinter(options.base)),
      prefixes_{{"kgv", mapper_.iris().VocabNamespace()},
                {"rdf", std::string(kRdfNs)},
                {"rdfs", std::string(kRdfsNs)},
                {"xsd", std::string(kXsdNs)}},
      rdf_type_(std::string(kRdfNs) + "type") {}

void TurtleWriter::WriteHeaderOnce() {
  if (header_written_) return;
  header_written_ = true;
  std::string header;
  for (const auto& [prefix, ns] : prefixes_) {
    header += "@prefix " + prefix + ": <" + ns + "> .\n";
  }
  out_ << header;
}

void TurtleWriter::AppendIri(const std::string& iri) {
  for (const auto& [prefix, ns] : prefixes_) {
    if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0 &&
        IsPlainLocalName(std::string_view(iri).substr(ns.size()))) {
      buf_ += prefix;
      buf_.push_back(':');
      buf_.append(iri, ns.size());
      return;
    }
  }
  buf_.push_back('<');
  buf_ += iri;  // minted IRIs are percent-encoded ASCII: nothing to escape
  buf_.push_back('>');
}

void TurtleWriter::AppendObject(const Term& term) {
  if (term.kind == Term::Kind::kIri) {
    AppendIri(term.value);
    return;
  }
  buf_.push_back('"');
  buf_ += EscapeLiteral(term.value);
  buf_.push_back('"');
  if (!term.datatype.empty()) {
    buf_ += "^^";
    AppendIri(term.datatype);
  }
}

Status TurtleWriter::Write(const graph::Triple& t) {
  if (finished_) return Status::InvalidArgument("Turtle writer: Write after Finish");
  WriteHeaderOnce();
  mapper_.Map(t, &stmts_);
  buf_.clear();
  // A blank line before each triple's statements keeps the file readable;
  // consecutive statements about one subject share a block.
  buf_.push_back('\n');
  for (size_t i = 0; i < stmts_.size(); ++i) {
    const Statement& st = stmts_[i];
    if (i > 0 && stmts_[i - 1].subject == st.subject) {
      buf_ += " ;\n    ";
    } else {
      if (i > 0) buf_ += " .\n";
      AppendIri(st.subject);
      buf_.push_back(' ');
    }
    if (st.predicate == rdf_type_) {
      buf_.push_back('a');
    } else {
      AppendIri(st.predicate);
    }
    buf_.push_back(' ');
    AppendObject(st.object);
  }
  if (!stmts_.empty()) buf_ += " .\n";
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  if (!out_) return Status::IOError("writing Turtle: output stream failed");
  return Status::OK();
}

Status TurtleWriter::Finish() {
  if (finished_) return Status::OK();
  finished_ = true;
  WriteHeaderOnce();
  out_.flush();
  if (!out_) return Status::IOError("writing Turtle: output stream failed");
  return Status::OK();
}

}  // namespace kg::rdf
