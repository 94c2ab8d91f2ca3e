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

TEST_CASE("Lexicon loads discard phrases", "[extract]") {
  auto lex = testing::TestLexicon();
  REQUIRE(lex != nullptr);
  CHECK(lex->discard_count() == 5);
  auto plain = Lexicon::FromJson(R"({"actors": []})", testing::kTestRelations, "t");
  REQUIRE(plain.ok());
  CHECK((*plain)->discard_count() == 0);
  Segmenter seg;
  CHECK((*plain)->Discard(seg.Tokenize("France won the World Cup")) == DiscardScope::kNone);
}

TEST_CASE("Lexicon::Discard gives the widest scope found", "[extract]") {
  auto lex = testing::TestLexicon();
  Segmenter seg;
  auto discard = [&](std::string_view text) { return lex->Discard(seg.Tokenize(text)); };
  // No match: similar words, a phrase cut short, the words apart.
  CHECK(discard("Putin met Erdogan in Ankara.") == DiscardScope::kNone);
  CHECK(discard("The world is watching the cup.") == DiscardScope::kNone);
  CHECK(discard("Cup world") == DiscardScope::kNone);
  CHECK(discard("") == DiscardScope::kNone);
  // Sentence scope, any case, anywhere in the sentence, at its very end.
  CHECK(discard("France won the World Cup") == DiscardScope::kSentence);
  CHECK(discard("FRANCE WON THE WORLD CUP.") == DiscardScope::kSentence);
  CHECK(discard("world cup qualifiers begin") == DiscardScope::kSentence);
  CHECK(discard("Baseball is popular") == DiscardScope::kSentence);
  // Multiword story phrase: the longer phrase, though it starts like a
  // sentence one, widens the scope.
  CHECK(discard("Russia reached the World Cup final") == DiscardScope::kStory);
  CHECK(discard("the Champions League draw") == DiscardScope::kStory);
  // A later story phrase wins over an earlier sentence phrase.
  CHECK(discard("After the World Cup, the Champions League") == DiscardScope::kStory);
  // Whole tokens unless "stem": "baseballs" is not "baseball", "typhoons" is
  // "typhoon"; a stem still starts at a token ("supertyphoon" is not).
  CHECK(discard("Baseballs were thrown") == DiscardScope::kNone);
  CHECK(discard("Typhoons hit the coast") == DiscardScope::kStory);
  CHECK(discard("A TYPHOON hit") == DiscardScope::kStory);
  CHECK(discard("A supertyphoon hit") == DiscardScope::kNone);
}

TEST_CASE("Lexicon::Discard: a short story phrase beats a longer sentence phrase",
          "[extract]") {
  const char* actors = R"({"actors": [], "discards": [
      {"phrase": "grand prix", "scope": "sentence"},
      {"phrase": "grand", "scope": "story"},
      {"phrase": "al-Qaeda cup", "scope": "sentence"},
      {"phrase": "olymp", "stem": true, "scope": "sentence"}]})";
  auto lex = Lexicon::FromJson(actors, testing::kTestRelations, "t");
  REQUIRE(lex.ok());
  Segmenter seg;
  CHECK((*lex)->Discard(seg.Tokenize("the Grand Prix")) == DiscardScope::kStory);
  CHECK((*lex)->Discard(seg.Tokenize("the al - Qaeda Cup")) == DiscardScope::kSentence);
  CHECK((*lex)->Discard(seg.Tokenize("the Olympics")) == DiscardScope::kSentence);
  CHECK((*lex)->Discard(seg.Tokenize("Olymp")) == DiscardScope::kSentence);
  CHECK((*lex)->Discard(seg.Tokenize("Oly")) == DiscardScope::kNone);
}

TEST_CASE("Lexicon rejects malformed discards", "[extract]") {
  auto load = [](const std::string& discards) {
    return Lexicon::FromJson(R"({"actors": [], "discards": )" + discards + "}",
                             testing::kTestRelations, "my.json");
  };
  auto message = [&](const std::string& discards) {
    auto r = load(discards);
    return r.ok() ? std::string("ok") : r.status().message();
  };
  CHECK(load("null").ok());
  CHECK(load("[]").ok());
  CHECK(message("{}") == "my.json (actors): \"discards\" is not a list");
  CHECK(message(R"(["World Cup"])") == "my.json (actors): a discard without a string \"phrase\"");
  CHECK(message(R"([{"scope": "story"}])") ==
        "my.json (actors): a discard without a string \"phrase\"");
  CHECK(message(R"([{"phrase": "X", "scope": "document"}])") ==
        "my.json (actors): discard 'X': \"scope\" is not \"sentence\" or \"story\"");
  CHECK(message(R"([{"phrase": "X", "scope": 2}])") ==
        "my.json (actors): discard 'X': \"scope\" is not \"sentence\" or \"story\"");
  CHECK(message(R"([{"phrase": "X", "stem": "yes"}])") ==
        "my.json (actors): discard 'X': \"stem\" is not a boolean");
  CHECK(message(R"([{"phrase": "   "}])") == "my.json (actors): discard '   ': no words");
}

TEST_CASE("Lexicon rejects malformed agents", "[extract]") {
  auto message = [](const std::string& agents) {
    auto r = Lexicon::FromJson(R"({"actors": [], "agents": )" + agents + "}",
                               testing::kTestRelations, "my.json");
    return r.ok() ? std::string("ok") : r.status().message();
  };
  CHECK(message("null") == "ok");
  CHECK(message(R"([{"code": "COP", "names": ["police"]}])") == "ok");
  CHECK(message(R"([{"code": "NGO", "placement": "prefix", "names": ["msf"]}])") == "ok");
  CHECK(message("{}") == "my.json (actors): \"agents\" is not a list");
  CHECK(message(R"([{"names": ["police"]}])") ==
        "my.json (actors): an agent without a string \"code\"");
  CHECK(message(R"([{"code": "COP"}])") == "my.json (actors): agent 'COP': no \"names\"");
  CHECK(message(R"([{"code": "COP", "names": ["police"], "placement": "before"}])") ==
        "my.json (actors): agent 'COP': \"placement\" is not \"suffix\" or \"prefix\"");
  CHECK(message(R"([{"code": "COP", "names": [" "]}])") ==
        "my.json (actors): agent 'COP': name ' ' has no words");
}

TEST_CASE("The fingerprint changes with the discards", "[extract]") {
  auto a = testing::TestLexicon();
  std::string other = testing::kTestActors;
  other.replace(other.find("\"baseball\""), 10, "\"cricket\"");
  auto b = Lexicon::FromJson(other, testing::kTestRelations, "test");
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
