#include "rdf/event_mapper.h"

#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>

namespace kg::rdf {
namespace {

std::string ActorClass(graph::ActorType type) {
  switch (type) {
    case graph::ActorType::kCountry: return "Country";
    case graph::ActorType::kOrganization: return "Organization";
    case graph::ActorType::kPerson: return "Person";
    case graph::ActorType::kPlace: return "Place";
    case graph::ActorType::kGroup: return "Group";
    case graph::ActorType::kUnknown: break;
  }
  return "Actor";
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// True for YYYY-MM-DD naming a real calendar day (leap years included).
bool IsCalendarDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  std::string_view y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return false;
  int year = ToInt(y), month = ToInt(m), day = ToInt(d);
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max_day;
}

// Confidence as an xsd:decimal with at most two fractional digits, rounded
// the way graph::TripleToJson rounds it ("0.9", "1.0", "0.05"). Empty for a
// value that is not finite or absurdly large, which is then omitted.
std::string FormatConfidence(double c) {
  if (!std::isfinite(c) || std::fabs(c) > 1e12) return "";
  bool negative = c < 0;
  auto hundredths = static_cast<int64_t>(std::fabs(c) * 100 + 0.5);
  std::string out = (negative && hundredths != 0) ? "-" : "";
  out += std::to_string(hundredths / 100);
  out += '.';
  int frac = static_cast<int>(hundredths % 100);
  out += static_cast<char>('0' + frac / 10);
  if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  return out;
}

Term Iri(std::string iri) { return Term{Term::Kind::kIri, std::move(iri), ""}; }

Term Literal(std::string value, std::string datatype = "") {
  return Term{Term::Kind::kLiteral, std::move(value), std::move(datatype)};
}

}  // namespace

EventMapper::EventMapper(IriMinter iris)
    : iris_(std::move(iris)),
      rdf_type_(std::string(kRdfNs) + "type"),
      rdf_property_(std::string(kRdfNs) + "Property"),
      rdfs_label_(std::string(kRdfsNs) + "label"),
      xsd_boolean_(std::string(kXsdNs) + "boolean"),
      xsd_decimal_(std::string(kXsdNs) + "decimal"),
      xsd_integer_(std::string(kXsdNs) + "integer"),
      xsd_date_(std::string(kXsdNs) + "date"),
      xsd_gyear_(std::string(kXsdNs) + "gYear") {}

void EventMapper::DescribeActor(const graph::Actor& a, const std::string& iri,
                                std::vector<Statement>* out) const {
  out->push_back({iri, rdf_type_, Iri(iris_.VocabIri(ActorClass(a.type)))});
  if (!a.name.empty()) out->push_back({iri, rdfs_label_, Literal(a.name)});
  out->push_back({iri, iris_.VocabIri("id"), Literal(a.id)});
  if (!a.code.empty()) out->push_back({iri, iris_.VocabIri("code"), Literal(a.code)});
}

void EventMapper::Map(const graph::Triple& t, std::vector<Statement>* out) {
  out->clear();
  const std::string s = iris_.ActorIri(t.subject.id);
  const std::string o = iris_.ActorIri(t.object.id);
  const std::string r = iris_.RelationIri(t.relation);

  // First sighting wins: a later triple naming the same id with another
  // display name does not re-describe the actor.
  if (seen_actors_.insert(t.subject.id).second) DescribeActor(t.subject, s, out);
  if (seen_actors_.insert(t.object.id).second) DescribeActor(t.object, o, out);
  if (seen_relations_.insert(t.relation).second) {
    out->push_back({r, rdf_type_, Iri(rdf_property_)});
    out->push_back({r, rdfs_label_, Literal(t.relation)});
  }

  // A negated event ("decided not to attack") is evidence about a relation,
  // not an assertion of it, so it gets an event node but no direct edge.
  if (!t.negated) out->push_back({s, r, Iri(o)});

  const std::string e = iris_.EventIri(t);
  auto add = [&](std::string_view local, Term object) {
    out->push_back({e, iris_.VocabIri(local), std::move(object)});
  };
  out->push_back({e, rdf_type_, Iri(iris_.VocabIri("Event"))});
  add("subject", Iri(s));
  add("relation", Iri(r));
  add("object", Iri(o));
  add("verb", Literal(t.verb));
  if (!t.cameo.empty()) add("cameo", Literal(t.cameo));
  if (!t.plover.empty()) add("plover", Literal(t.plover));
  add("negated", Literal(t.negated ? "true" : "false", xsd_boolean_));
  // Unlike negation, modality does not withhold the direct edge: a reported
  // or hypothetical event is still a claim about the relation, and consumers
  // filter on kgv:modality if they want asserted events only.
  add("modality", Literal(std::string(graph::ModalityName(t.modality))));
  std::string confidence = FormatConfidence(t.confidence);
  if (!confidence.empty()) add("confidence", Literal(std::move(confidence), xsd_decimal_));
  if (!t.doc.empty()) add("document", Iri(iris_.DocumentIri(t.doc)));
  add("sentence", Literal(t.sentence));
  add("spanStart", Literal(std::to_string(t.span_begin), xsd_integer_));
  add("spanEnd", Literal(std::to_string(t.span_end), xsd_integer_));
  if (!t.date.empty()) {
    if (IsCalendarDate(t.date)) {
      add("date", Literal(t.date, xsd_date_));
    } else if (t.date.size() == 4 && AllDigits(t.date)) {
      add("date", Literal(t.date, xsd_gyear_));
    } else {
      add("date", Literal(t.date));  // malformed: kept, but not claimed as a date
    }
  }
}

}  // namespace kg::rdf
