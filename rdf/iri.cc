#include "rdf/iri.h"

#include <cstddef>
#include <utility>

#include "graph/hash.h"

namespace kg::rdf {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~';
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes there
// are not one (overlong forms, surrogates and code points above U+10FFFF are
// invalid, as RFC 3629 says).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto is_cont = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return is_cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!is_cont(i + 1) || !is_cont(i + 2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!is_cont(i + 1) || !is_cont(i + 2) || !is_cont(i + 3)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}


}  // namespace

std::string PercentEncode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::string EscapeLiteral(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  return out;
}

Status ValidateBase(std::string_view base) {
  auto bad = [&](std::string_view why) {
    return Status::InvalidArgument("invalid base IRI '" + std::string(base) + "': " +
                                   std::string(why));
  };
  if (base.empty()) return bad("empty");
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':'.
  size_t colon = base.find(':');
  auto is_alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(base[0])) {
    return bad("not an absolute IRI (no scheme)");
  }
  for (size_t i = 1; i < colon; ++i) {
    char c = base[i];
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
      return bad("not an absolute IRI (bad scheme)");
    }
  }
  for (char ch : base) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F) return bad("only printable ASCII without spaces is allowed");
    if (std::string_view("<>\"{}|^`\\").find(ch) != std::string_view::npos) {
      return bad(std::string("character '") + ch + "' is not allowed in an IRI");
    }
    if (ch == '#') return bad("must not contain '#' (kg adds its own fragments)");
  }
  if (base.back() != '/') return bad("must end with '/'");
  return Status::OK();
}

uint64_t EventHash(const graph::Triple& t) {
  // plover and modality are left out on purpose: adding fields to the key
  // would change every event IRI of an existing export (docs/rdf.md).
  uint64_t h = graph::Fnv1a64Field(t.doc);
  h = graph::Fnv1a64U64(t.span_begin, h);
  h = graph::Fnv1a64U64(t.span_end, h);
  h = graph::Fnv1a64Field(t.subject.id, h);
  h = graph::Fnv1a64Field(t.relation, h);
  h = graph::Fnv1a64Field(t.object.id, h);
  h = graph::Fnv1a64Field(t.verb, h);
  return graph::Fnv1a64(t.negated ? std::string_view("\x01", 1) : std::string_view("\x00", 1), h);
}

IriMinter::IriMinter(std::string base) : base_(std::move(base)) {}

std::string IriMinter::Mint(std::string_view kind, std::string_view raw) const {
  std::string iri = base_;
  iri += kind;
  iri += PercentEncode(raw);
  return iri;
}

std::string IriMinter::ActorIri(std::string_view id) const { return Mint("actor/", id); }

std::string IriMinter::RelationIri(std::string_view name) const {
  return Mint("relation/", name);
}

std::string IriMinter::EventIri(const graph::Triple& t) const {
  uint64_t h = EventHash(t);
  std::string iri = base_ + "event/";
  static constexpr char kLowerHex[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) iri.push_back(kLowerHex[(h >> shift) & 0xF]);
  return iri;
}

std::string IriMinter::DocumentIri(std::string_view doc_id) const { return Mint("doc/", doc_id); }

std::string IriMinter::VocabNamespace() const { return base_ + "vocab#"; }

std::string IriMinter::VocabIri(std::string_view local) const {
  std::string iri = VocabNamespace();
  iri += local;
  return iri;
}

}  // namespace kg::rdf
