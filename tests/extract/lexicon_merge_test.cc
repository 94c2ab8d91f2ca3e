#include "extract/lexicon_merge.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extract/lexicon.h"
#include "extract/petrarch_dictionaries.h"
#include "extract/segmenter.h"

namespace kg::extract {
namespace {

using Json = nlohmann::json;

constexpr const char* kOurActors = R"json({"format": "kg-actors/1",
 "titles": ["president"],
 "discards": [{"phrase": "world cup"}],
 "actors": [
  {"id": "RUS", "type": "country", "code": "RUS", "name": "Russia", "names": ["Russia"],
   "demonyms": ["Russian"], "metonyms": ["Moscow"]},
  {"id": "GEO", "type": "country", "code": "GEO", "name": "Georgia", "names": ["Georgia"]},
  {"id": "sergey-shoigu", "type": "person", "code": "RUSGOV", "name": "Sergey Shoigu",
   "names": ["Shoigu"], "country": "RUS"}
 ]})json";

constexpr const char* kOurRelations = R"json({"format": "kg-relations/1",
 "relations": [
  {"relation": "accuse", "cameo": "112", "forms": ["accuse", "accused"]},
  {"relation": "criticize", "cameo": "111", "forms": ["criticized", "call * out"]}
 ]})json";

// As ToLexiconJson writes them, with an "agents" list and a key of its own.
constexpr const char* kTheirActors = R"json({"format": "kg-actors/1",
 "titles": ["minister"],
 "discards": [{"phrase": "typhoon", "scope": "story", "stem": true}],
 "agents": [{"code": "REB", "names": ["rebels"]}],
 "note": "converted",
 "actors": [
  {"id": "RUS", "type": "country", "code": "RUS", "name": "Russia",
   "names": ["Russian Federation", "MOSCOW", "Soviet Union"]},
  {"id": "USA", "type": "country", "code": "USA", "name": "United States", "names": ["Georgia"]},
  {"id": "AFGELI-hamid-karzai", "type": "person", "code": "AFGELI", "name": "Hamid Karzai",
   "names": []},
  {"id": "RUS", "type": "country", "code": "RUS", "name": "Russia", "names": ["Rossiya"]}
 ]})json";

constexpr const char* kTheirRelations = R"json({"format": "kg-relations/1",
 "relations": [
  {"relation": "accuse", "cameo": "112", "forms": ["accuse", "accuses", "denounce"]},
  {"relation": "accuse 112", "cameo": "112", "forms": ["charge"]},
  {"relation": "say", "cameo": "---", "forms": ["say"],
   "patterns": [{"after": ["+"], "cameo": "010"}]},
  {"relation": "criticize", "forms": ["blast"]},
  {"relation": "single out", "cameo": "111", "forms": ["call * out"]},
  {"relation": "praise", "cameo": "051", "forms": ["praised", "call * out"]}
 ]})json";

std::vector<std::string> Names(const Json& actor, const char* field = "names") {
  return actor.contains(field) ? actor[field].get<std::vector<std::string>>()
                               : std::vector<std::string>{};
}

TEST_CASE("Merging lexicons: ours first, same ids merged, lists concatenated", "[extract]") {
  MergeStats st;
  auto merged = MergeLexiconJson({kOurActors, kOurRelations}, {kTheirActors, kTheirRelations}, &st);
  REQUIRE(merged.ok());
  Json actors = Json::parse(merged->first);
  Json relations = Json::parse(merged->second);

  CHECK(actors["format"] == "kg-actors/1");
  CHECK(actors["titles"] == Json({"president", "minister"}));
  REQUIRE(actors["discards"].size() == 2);
  CHECK(actors["discards"][1]["phrase"] == "typhoon");
  CHECK(actors["agents"].size() == 1);  // a list only the second has
  CHECK(actors["note"] == "converted");

  // Ours, in order, then the second's new actors.
  const Json& list = actors["actors"];
  REQUIRE(list.size() == 5);
  CHECK(list[0]["id"] == "RUS");
  CHECK(list[1]["id"] == "GEO");
  CHECK(list[2]["id"] == "sergey-shoigu");
  CHECK(list[3]["id"] == "USA");
  CHECK(list[4]["id"] == "AFGELI-hamid-karzai");
  // Russia keeps its fields and gains the names ours lacks; "Russia" and
  // "MOSCOW" (our metonym, folded) are ours already.
  CHECK(list[0]["metonyms"] == Json({"Moscow"}));
  CHECK(list[0]["demonyms"] == Json({"Russian"}));
  CHECK(Names(list[0]) ==
        std::vector<std::string>{"Russia", "Russian Federation", "Soviet Union", "Rossiya"});
  // "Georgia" stays with ours (the second's USA still lists it; the loader
  // takes our actor for it).
  CHECK(Names(list[3]) == std::vector<std::string>{"Georgia"});
  CHECK(st.actors_added == 2);
  CHECK(st.actors_merged == 2);
  CHECK(st.names_added == 3);
  CHECK(st.names_shadowed == 3);  // Russia, MOSCOW, and the repeated entry's Russia

  const Json& rels = relations["relations"];
  std::vector<std::string> names;
  for (const Json& r : rels) names.push_back(r["relation"]);
  // "accuse" collides: "accuse 112" is the second's own name, so "accuse 112 2";
  // "criticize" has no code: "criticize 2"; "single out" lost its only form.
  CHECK(names == std::vector<std::string>{"accuse", "criticize", "accuse 112 2", "accuse 112",
                                          "say", "criticize 2", "praise"});
  CHECK(rels[6]["forms"] == Json({"praised"}));
  CHECK(rels[4]["patterns"].size() == 1);
  CHECK(st.relations_added == 5);
  CHECK(st.relations_renamed == 2);
  CHECK(st.relations_dropped == 1);
  CHECK(st.particle_forms_dropped == 2);

  // It loads, and ours wins where both name the same words.
  auto lexicon = Lexicon::FromJson(merged->first, merged->second, "merged");
  REQUIRE(lexicon.ok());
  const Lexicon& lex = **lexicon;
  Segmenter seg;
  auto actor_at = [&](std::string_view text) -> std::string {
    auto m = lex.MatchActor(seg.Tokenize(text), 0);
    return m ? lex.actors()[m->index].actor.id : "";
  };
  CHECK(actor_at("Georgia") == "GEO");
  CHECK(actor_at("Soviet Union") == "RUS");
  CHECK(actor_at("Hamid Karzai") == "AFGELI-hamid-karzai");
  CHECK(actor_at("Shoigu") == "sergey-shoigu");
  auto verb_at = [&](std::string_view text) -> std::string {
    auto m = lex.MatchVerb(seg.Tokenize(text), 0);
    return m ? lex.relations()[m->index].name : "";
  };
  CHECK(verb_at("accuse") == "accuse");
  CHECK(verb_at("accuses") == "accuse 112 2");
  CHECK(verb_at("charge") == "accuse 112");
  CHECK(lex.MatchTitle(seg.Tokenize("minister"), 0) == 1);
  CHECK(lex.discard_count() == 2);

  // One actor or relation per line.
  CHECK(std::count(merged->first.begin(), merged->first.end(), '\n') >= 6);
}

TEST_CASE("Merging lexicons: malformed input is an error naming the side", "[extract]") {
  auto error = [](std::string_view a_actors, std::string_view b_actors,
                  std::string_view b_relations = kTheirRelations) {
    auto merged = MergeLexiconJson({a_actors, kOurRelations}, {b_actors, b_relations});
    REQUIRE_FALSE(merged.ok());
    CHECK(merged.status().code() == Status::Code::kParseError);
    return merged.status().message();
  };
  CHECK(error("[]", kTheirActors) == "first lexicon (actors): not a valid JSON object");
  CHECK(error(kOurActors, "{\"actors\": 3}") == "second lexicon (actors): no \"actors\" list");
  CHECK(error(kOurActors, R"({"format": "kg-actors/2", "actors": []})") ==
        "lexicons (actors): the formats differ: \"kg-actors/1\" and \"kg-actors/2\"");
  CHECK(error(kOurActors, R"({"titles": "president", "actors": []})") ==
        "lexicons (actors): \"titles\" is a list in one lexicon and not in the other");
  CHECK(error(kOurActors, R"({"actors": [{"name": "X"}]})") ==
        "second lexicon (actors): an actor without a string \"id\"");
  CHECK(error(kOurActors, R"({"actors": [{"id": "RUS", "names": "Rus"}]})") ==
        "second lexicon: 'RUS': \"names\" is not a list of strings");
  CHECK(error(kOurActors, kTheirActors, R"({"relations": [{"forms": ["x"]}]})") ==
        "second lexicon (relations): a relation without a string \"relation\"");
}

TEST_CASE("Merging lexicons: each relation keeps its document's coding", "[extract]") {
  const char* petrarch = R"json({"format": "kg-relations/1", "coding": "petrarch",
   "relations": [{"relation": "depart", "cameo": "0431", "forms": ["departed"]},
                 {"relation": "left", "cameo": "0431", "coding": "kg", "forms": ["left"]}]})json";
  auto merged = MergeLexiconJson({kOurActors, kOurRelations}, {kOurActors, petrarch});
  REQUIRE(merged.ok());
  auto lex = Lexicon::FromJson(merged->first, merged->second, "merged");
  REQUIRE(lex.ok());
  std::vector<std::pair<std::string, bool>> coding;
  for (const LexiconRelation& r : (*lex)->relations()) coding.emplace_back(r.name, r.petrarch_coding);
  CHECK(coding == std::vector<std::pair<std::string, bool>>{
                      {"accuse", false}, {"criticize", false}, {"depart", true}, {"left", false}});
  // The same coding on both sides stays where it was.
  auto same = MergeLexiconJson({kOurActors, petrarch}, {kOurActors, petrarch});
  REQUIRE(same.ok());
  CHECK(Json::parse(same->second)["coding"] == "petrarch");
}

TEST_CASE("The embedded default lexicon is what LoadDefault reads", "[extract]") {
  auto [actors, relations] = DefaultLexiconJson();
  auto from_json = Lexicon::FromJson(actors, relations, "default lexicon");
  REQUIRE(from_json.ok());
  auto loaded = Lexicon::LoadDefault();
  REQUIRE(loaded.ok());
  CHECK((*from_json)->fingerprint() == (*loaded)->fingerprint());
}

TEST_CASE("kg's lexicon merged with the Phoenix dictionaries loads", "[extract]") {
  std::string shared = KG_SHARED_DIR;
  if (const char* env = std::getenv("KG_SHARED_DIR")) shared = env;
  const std::string dir = shared + "/petrarch/dictionaries";
  if (!std::filesystem::exists(dir)) {
    WARN("PETRARCH dictionaries not found at " << dir << "; skipping");
    return;
  }
  namespace petr = petrarch;
  auto dicts = petr::LoadDirectory(dir, petr::FileNames::Phoenix());
  REQUIRE(dicts.ok());
  auto phoenix = petr::ToLexiconJson(*dicts, petr::ConvertOptions{});
  REQUIRE(phoenix.ok());
  MergeStats st;
  auto merged = MergeLexiconJson(DefaultLexiconJson(), *phoenix, &st);
  REQUIRE(merged.ok());
  auto lexicon = Lexicon::FromJson(merged->first, merged->second, "default + phoenix");
  INFO(lexicon.status().message());
  REQUIRE(lexicon.ok());
  const Lexicon& lex = **lexicon;
  auto ours = Lexicon::LoadDefault();
  REQUIRE(ours.ok());
  // Every actor and relation of ours is there, first and unrenamed.
  REQUIRE(lex.actors().size() == (*ours)->actors().size() + st.actors_added);
  for (size_t i = 0; i < (*ours)->actors().size(); ++i) {
    CHECK(lex.actors()[i].actor.id == (*ours)->actors()[i].actor.id);
  }
  for (size_t i = 0; i < (*ours)->relations().size(); ++i) {
    CHECK(lex.relations()[i].name == (*ours)->relations()[i].name);
  }
  CHECK(st.actors_merged > 100);  // countries: RUS, USA, ...
  CHECK(st.actors_added > 20000);
  CHECK(st.relations_added > 300);
  CHECK(st.relations_renamed > 0);
  Segmenter seg;
  auto actor_at = [&](std::string_view text) -> std::string {
    auto m = lex.MatchActor(seg.Tokenize(text), 0);
    return m ? lex.actors()[m->index].actor.id : "";
  };
  CHECK(actor_at("Sergey Shoigu") == "sergey-shoigu");  // only ours
  CHECK(actor_at("Hamid Karzai").find("hamid-karzai") != std::string::npos);  // only Phoenix
  CHECK(actor_at("Russia") == "RUS");
  CHECK(actor_at("Kremlin") == "RUS");  // ours; Phoenix has it as a RUSGOV entry
}

}  // namespace
}  // namespace kg::extract
