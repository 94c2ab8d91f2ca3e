#include "graph/triple_json.h"

#include <catch2/catch.hpp>

namespace kg::graph {
namespace {

Triple Sample() {
  Triple t;
  t.subject = {"sergey-shoigu", "Sergey Shoigu", ActorType::kPerson, "RUSGOV", {}};
  t.relation = "call";
  t.cameo = "041";
  t.plover = "CONSULT";
  t.verb = "telephoned";
  t.object = {"sebastien-lecornu", "Sébastien Lecornu", ActorType::kPerson, "", {}};
  t.modality = Modality::kReported;
  t.doc = "002";
  t.sentence = "Shoigu telephoned Lecornu — “a rare call”.";
  t.span_begin = 10;
  t.span_end = 58;
  t.date = "2024-04-03";
  t.confidence = 0.9;
  return t;
}

TEST_CASE("Triple JSON has the documented shape", "[graph]") {
  std::string line = TripleToJson(Sample());
  CHECK(line ==
        "{\"subject\":{\"id\":\"sergey-shoigu\",\"name\":\"Sergey Shoigu\",\"type\":\"person\","
        "\"code\":\"RUSGOV\"},\"relation\":\"call\",\"cameo\":\"041\",\"plover\":\"CONSULT\","
        "\"verb\":\"telephoned\",\"object\":{\"id\":\"sebastien-lecornu\",\"name\":"
        "\"Sébastien Lecornu\",\"type\":\"person\"},\"negated\":false,\"modality\":\"reported\","
        "\"doc\":\"002\",\"sentence\":\"Shoigu telephoned Lecornu — "
        "“a rare call”.\",\"span\":[10,58],\"date\":\"2024-04-03\",\"confidence\":0.9}");
}

TEST_CASE("Triple JSON round-trips", "[graph]") {
  Triple t = Sample();
  auto back = TripleFromJson(TripleToJson(t));
  REQUIRE(back.ok());
  CHECK(*back == t);
}

TEST_CASE("Triple JSON omits an empty plover but always writes modality", "[graph]") {
  Triple t = Sample();
  t.plover.clear();
  t.modality = Modality::kAsserted;
  std::string line = TripleToJson(t);
  CHECK(line.find("\"plover\"") == std::string::npos);
  CHECK(line.find("\"cameo\":\"041\",\"verb\"") != std::string::npos);
  CHECK(line.find("\"negated\":false,\"modality\":\"asserted\",\"doc\"") != std::string::npos);
  auto back = TripleFromJson(line);
  REQUIRE(back.ok());
  CHECK(*back == t);
}

TEST_CASE("Every modality round-trips through JSON", "[graph]") {
  for (Modality m : {Modality::kAsserted, Modality::kReported, Modality::kHypothetical}) {
    Triple t = Sample();
    t.modality = m;
    std::string line = TripleToJson(t);
    INFO(line);
    CHECK(line.find("\"modality\":\"" + std::string(ModalityName(m)) + "\"") !=
          std::string::npos);
    auto back = TripleFromJson(line);
    REQUIRE(back.ok());
    CHECK(back->modality == m);
    CHECK(*back == t);
  }
}

TEST_CASE("Modality names parse back and nothing else does", "[graph]") {
  CHECK(ModalityName(Modality::kAsserted) == "asserted");
  CHECK(ModalityName(Modality::kReported) == "reported");
  CHECK(ModalityName(Modality::kHypothetical) == "hypothetical");
  CHECK(static_cast<uint8_t>(Modality::kAsserted) == 0);
  CHECK(static_cast<uint8_t>(Modality::kReported) == 1);
  CHECK(static_cast<uint8_t>(Modality::kHypothetical) == 2);
  for (Modality m : {Modality::kAsserted, Modality::kReported, Modality::kHypothetical}) {
    CHECK(ParseModality(ModalityName(m)) == m);
  }
  CHECK_FALSE(ParseModality("").has_value());
  CHECK_FALSE(ParseModality("Asserted").has_value());
  CHECK_FALSE(ParseModality("possible").has_value());
  CHECK(Triple{}.modality == Modality::kAsserted);
}

TEST_CASE("Triple JSON without modality or plover reads as asserted", "[graph]") {
  auto t = TripleFromJson(
      "{\"subject\":{\"id\":\"a\"},\"relation\":\"x\",\"object\":{\"id\":\"b\"},"
      "\"negated\":false}");
  REQUIRE(t.ok());
  CHECK(t->modality == Modality::kAsserted);
  CHECK(t->plover.empty());
}

TEST_CASE("Triple JSON rejects an unknown or mistyped modality", "[graph]") {
  const std::string head =
      "{\"subject\":{\"id\":\"a\"},\"relation\":\"x\",\"object\":{\"id\":\"b\"},";
  auto unknown = TripleFromJson(head + "\"modality\":\"possible\"}");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == Status::Code::kParseError);
  CHECK(unknown.status().message().find("possible") != std::string::npos);
  for (const char* bad : {"\"\"", "\"ASSERTED\"", "1", "null", "true"}) {
    INFO(bad);
    auto r = TripleFromJson(head + "\"modality\":" + bad + "}");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kParseError);
  }
  auto plover = TripleFromJson(head + "\"plover\":7}");
  REQUIRE_FALSE(plover.ok());
  CHECK(plover.status().code() == Status::Code::kParseError);
}

TEST_CASE("Triple JSON rejects truncated and malformed lines", "[graph]") {
  std::string line = TripleToJson(Sample());
  CHECK(TripleFromJson(line.substr(0, line.size() / 2)).status().code() ==
        Status::Code::kParseError);
  CHECK_FALSE(TripleFromJson("[1,2]").ok());
  CHECK_FALSE(TripleFromJson("{\"relation\":\"x\"}").ok());
  CHECK_FALSE(TripleFromJson(
                  "{\"subject\":{\"id\":\"a\",\"type\":\"alien\"},\"object\":{\"id\":\"b\"},"
                  "\"relation\":\"x\"}")
                  .ok());
}

}  // namespace
}  // namespace kg::graph
