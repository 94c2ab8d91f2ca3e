#include "graph/triple_json.h"

#include <nlohmann/json.hpp>

namespace kg::graph {
namespace {

using Json = nlohmann::ordered_json;

Json ActorJson(const Actor& a) {
  Json j;
  j["id"] = a.id;
  j["name"] = a.name;
  j["type"] = std::string(ActorTypeName(a.type));
  if (!a.code.empty()) j["code"] = a.code;
  return j;
}

std::string Dump(const Json& j) {
  // Replace rather than throw on invalid UTF-8: input is validated before
  // extraction, so this only guards against a bug turning into a crash.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Status ReadActor(const Json& j, const char* key, Actor* out) {
  if (!j.contains(key) || !j[key].is_object()) {
    return Status::ParseError(std::string("missing object \"") + key + "\"");
  }
  const Json& a = j[key];
  if (!a.contains("id") || !a["id"].is_string()) {
    return Status::ParseError(std::string("\"") + key + "\" has no string \"id\"");
  }
  out->id = a["id"].get<std::string>();
  out->name = a.value("name", out->id);
  auto type = ParseActorType(a.value("type", "unknown"));
  if (!type) return Status::ParseError(std::string("\"") + key + "\" has an unknown type");
  out->type = *type;
  out->code = a.value("code", "");
  return Status::OK();
}

}  // namespace

std::string ActorToJson(const Actor& a) { return Dump(ActorJson(a)); }

std::string TripleToJson(const Triple& t) {
  Json j;
  j["subject"] = ActorJson(t.subject);
  j["relation"] = t.relation;
  if (!t.cameo.empty()) j["cameo"] = t.cameo;
  if (!t.plover.empty()) j["plover"] = t.plover;
  j["verb"] = t.verb;
  j["object"] = ActorJson(t.object);
  j["negated"] = t.negated;
  j["modality"] = std::string(ModalityName(t.modality));
  j["doc"] = t.doc;
  j["sentence"] = t.sentence;
  j["span"] = Json::array({t.span_begin, t.span_end});
  if (!t.date.empty()) j["date"] = t.date;
  // Two decimals are all the precision a heuristic confidence has, and they
  // keep the output byte-stable across platforms.
  j["confidence"] = static_cast<double>(static_cast<int64_t>(t.confidence * 100 + 0.5)) / 100;
  return Dump(j);
}

Result<Triple> TripleFromJson(std::string_view line) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::ParseError("not a valid JSON object");
  if (!j.is_object()) return Status::ParseError("not a JSON object");
  try {
    Triple t;
    KG_RETURN_IF_ERROR(ReadActor(j, "subject", &t.subject));
    KG_RETURN_IF_ERROR(ReadActor(j, "object", &t.object));
    t.relation = j.at("relation").get<std::string>();
    t.cameo = j.value("cameo", "");
    t.plover = j.value("plover", "");
    t.verb = j.value("verb", "");
    t.negated = j.value("negated", false);
    // Absent in lines written before triples carried a modality: those were
    // all read as statements of fact.
    const std::string modality = j.value("modality", "asserted");
    auto parsed = ParseModality(modality);
    if (!parsed) return Status::ParseError("unknown \"modality\" \"" + modality + "\"");
    t.modality = *parsed;
    t.doc = j.value("doc", "");
    t.sentence = j.value("sentence", "");
    if (j.contains("span")) {
      const Json& span = j["span"];
      if (!span.is_array() || span.size() != 2) {
        return Status::ParseError("\"span\" is not [start, end]");
      }
      t.span_begin = span[0].get<uint64_t>();
      t.span_end = span[1].get<uint64_t>();
    }
    t.date = j.value("date", "");
    t.confidence = j.value("confidence", 0.0);
    return t;
  } catch (const Json::exception& e) {
    return Status::ParseError(e.what());
  }
}

}  // namespace kg::graph
