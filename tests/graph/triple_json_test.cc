#include "graph/triple_json.h"

#include <catch2/catch.hpp>

namespace kg::graph {
namespace {

Triple Sample() {
  Triple t;
  t.subject = {"sergey-shoigu", "Sergey Shoigu", ActorType::kPerson, "RUSGOV", {}};
  t.relation = "call";
  t.cameo = "041";
  t.verb = "telephoned";
  t.object = {"sebastien-lecornu", "Sébastien Lecornu", ActorType::kPerson, "", {}};
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
        "\"code\":\"RUSGOV\"},\"relation\":\"call\",\"cameo\":\"041\",\"verb\":\"telephoned\","
        "\"object\":{\"id\":\"sebastien-lecornu\",\"name\":\"Sébastien Lecornu\",\"type\":"
        "\"person\"},\"negated\":false,\"doc\":\"002\",\"sentence\":\"Shoigu telephoned Lecornu — "
        "“a rare call”.\",\"span\":[10,58],\"date\":\"2024-04-03\",\"confidence\":0.9}");
}

TEST_CASE("Triple JSON round-trips", "[graph]") {
  Triple t = Sample();
  auto back = TripleFromJson(TripleToJson(t));
  REQUIRE(back.ok());
  CHECK(*back == t);
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
