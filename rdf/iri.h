// IRIs and literals for RDF export: the one place where kg mints IRIs.
//
// Every resource kg writes (actors, relations, events, documents and the kgv:
// vocabulary) gets its IRI from an IriMinter, so the patterns below hold in
// every format and stay stable across rebuilds. The patterns and the
// vocabulary are documented in docs/rdf.md.
//
//   rdf::IriMinter iris("http://example.org/kg/");
//   iris.ActorIri("RUS");         // http://example.org/kg/actor/RUS
//   iris.RelationIri("accuse");   // http://example.org/kg/relation/accuse
//   iris.EventIri(triple);        // http://example.org/kg/event/3f0c...(16 hex)
//   iris.DocumentIri("002");      // http://example.org/kg/doc/002
//   iris.VocabIri("Event");       // http://example.org/kg/vocab#Event
//   rdf::EscapeLiteral("a \"b\"\n");  // a \"b\"\n  (the text between the quotes)
#ifndef KG_RDF_IRI_H_
#define KG_RDF_IRI_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/status.h"
#include "graph/triple.h"

namespace kg::rdf {

// The base IRI used when WriterOptions::base is not set.
inline constexpr std::string_view kDefaultBase = "http://example.org/kg/";

// Standard namespaces.
inline constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfsNs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsdNs = "http://www.w3.org/2001/XMLSchema#";

// Percent-encodes every byte outside RFC 3986 "unreserved" (ALPHA DIGIT - . _ ~)
// as %XX with uppercase hex, including '%' itself and every byte of a non-ASCII
// UTF-8 sequence ("Erdoğan" -> "Erdo%C4%9Fan"). The result is plain ASCII and
// safe inside <...> in N-Triples and Turtle. Empty in, empty out.
std::string PercentEncode(std::string_view s);

// Escapes `s` for use between the double quotes of an N-Triples or Turtle
// string literal: \\ \" \n \r \t, other control characters (below 0x20, and
// 0x7F) as \uXXXX. Valid non-ASCII UTF-8 passes through unchanged; a byte
// that is not part of valid UTF-8 becomes U+FFFD so the output always parses.
std::string EscapeLiteral(std::string_view s);

// OK if `base` can prefix every minted IRI: an absolute IRI (scheme ":" ...)
// of printable ASCII, with none of  <>"{}|^`\  and no '#', ending in '/'.
// InvalidArgument naming the problem otherwise.
Status ValidateBase(std::string_view base);

// The stable 64-bit FNV-1a hash that names an event. It covers exactly
// (doc, span_begin, span_end, subject.id, relation, object.id, verb, negated),
// each string as its byte length (8 bytes, little-endian) followed by its
// bytes, each integer as 8 bytes little-endian, `negated` as one byte 0 or 1.
// Names, dates, CAMEO and PLOVER codes, modality and confidence do not change
// it, so event IRIs are the same as before triples carried PLOVER and modality.
uint64_t EventHash(const graph::Triple& t);

// Mints IRIs under one base. Cheap to copy; immutable, so safe to share
// between threads.
class IriMinter {
 public:
  // `base` must satisfy ValidateBase; the writers' factory checks it.
  explicit IriMinter(std::string base = std::string(kDefaultBase));

  const std::string& base() const { return base_; }

  // base + "actor/" + PercentEncode(id)
  std::string ActorIri(std::string_view id) const;
  // base + "relation/" + PercentEncode(name)
  std::string RelationIri(std::string_view name) const;
  // base + "event/" + 16 lowercase hex digits of EventHash(t)
  std::string EventIri(const graph::Triple& t) const;
  // base + "doc/" + PercentEncode(doc_id)
  std::string DocumentIri(std::string_view doc_id) const;
  // The vocabulary namespace, base + "vocab#".
  std::string VocabNamespace() const;
  // base + "vocab#" + local; `local` is one of the terms in docs/rdf.md and
  // is not encoded.
  std::string VocabIri(std::string_view local) const;

 private:
  std::string Mint(std::string_view kind, std::string_view raw) const;

  std::string base_;
};

}  // namespace kg::rdf

#endif  // KG_RDF_IRI_H_
