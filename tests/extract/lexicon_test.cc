#include "extract/lexicon.h"

#include <catch2/catch.hpp>

#include "extract/segmenter.h"
#include "test_lexicon.h"

namespace kg::extract {
namespace {

TEST_CASE("Lexicon loads actors, aliases and relations", "[extract]") {
  auto lex = testing::TestLexicon();
  REQUIRE(lex != nullptr);
  const LexiconActor* rus = lex->FindActor("RUS");
  REQUIRE(rus != nullptr);
  CHECK(rus->actor.name == "Russia");
  CHECK(rus->actor.type == graph::ActorType::kCountry);
  CHECK(std::find(rus->actor.aliases.begin(), rus->actor.aliases.end(), "Moscow") !=
        rus->actor.aliases.end());
  CHECK(lex->FindActor("XXX") == nullptr);
  CHECK(lex->relations().size() == 10);
  CHECK_FALSE(lex->fingerprint().empty());
}

TEST_CASE("Lexicon matches the longest phrase, ignoring diacritics", "[extract]") {
  auto lex = testing::TestLexicon();
  Segmenter seg;
  auto tokens = seg.Tokenize("President Recep Tayyip Erdogan met the Russian Federation");
  auto title = lex->MatchTitle(tokens, 0);
  CHECK(title == 1);
  auto erdogan = lex->MatchActor(tokens, 1);
  REQUIRE(erdogan);
  CHECK(erdogan->length == 3);
  CHECK(lex->actors()[erdogan->index].actor.id == "recep-tayyip-erdogan");
  auto verb = lex->MatchVerb(tokens, 4);
  REQUIRE(verb);
  CHECK(lex->relations()[verb->index].name == "meet");
  auto rus = lex->MatchActor(tokens, 6);
  REQUIRE(rus);
  CHECK(rus->length == 2);
  CHECK(rus->kind == MentionKind::kName);
}

TEST_CASE("Lexicon honours capitalisation: 'us' is not the US", "[extract]") {
  auto lex = testing::TestLexicon();
  Segmenter seg;
  auto tokens = seg.Tokenize("They told us that the US and Us agree; turkey is food");
  size_t us = 2, US = 5, Us = 7, turkey = 10;
  REQUIRE(tokens[us].text == "us");
  REQUIRE(tokens[US].text == "US");
  REQUIRE(tokens[Us].text == "Us");
  REQUIRE(tokens[turkey].text == "turkey");
  CHECK_FALSE(lex->MatchActor(tokens, us));
  CHECK(lex->MatchActor(tokens, US));
  CHECK_FALSE(lex->MatchActor(tokens, Us));
  CHECK_FALSE(lex->MatchActor(tokens, turkey));
}

TEST_CASE("Lexicon reports malformed data with its origin", "[extract]") {
  auto bad = Lexicon::FromJson("{\"actors\": [{\"id\": \"X\", \"type\": \"planet\"}]}",
                               testing::kTestRelations, "my.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "my.json (actors): actor 'X': unknown \"type\"");
  auto dup = Lexicon::FromJson(
      "{\"actors\": [{\"id\": \"X\", \"type\": \"country\"}, {\"id\": \"X\", \"type\": \"country\"}]}",
      testing::kTestRelations, "my.json");
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.status().message() == "my.json (actors): actor 'X' is listed twice");
  auto truncated = Lexicon::FromJson("{\"actors\": [", testing::kTestRelations, "my.json");
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.status().message() == "my.json (actors): not a valid JSON object");
}

TEST_CASE("The fingerprint changes with the lexicon", "[extract]") {
  auto a = testing::TestLexicon();
  std::string other = testing::kTestRelations;
  other.replace(other.find("\"040\""), 5, "\"043\"");
  auto b = Lexicon::FromJson(testing::kTestActors, other, "test");
  REQUIRE(b.ok());
  CHECK(a->fingerprint() != (*b)->fingerprint());
}

TEST_CASE("The default lexicon loads", "[extract]") {
  auto lex = Lexicon::LoadDefault();
  REQUIRE(lex.ok());
  CHECK((*lex)->FindActor("RUS") != nullptr);
  CHECK((*lex)->FindActor("NATO") != nullptr);
  CHECK((*lex)->FindActor("vladimir-putin") != nullptr);
  CHECK((*lex)->actors().size() > 200);
  CHECK((*lex)->relations().size() > 40);
}

}  // namespace
}  // namespace kg::extract
