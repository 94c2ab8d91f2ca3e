#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include <set>

#include "test_lexicon.h"

namespace kg::extract {
namespace {

// "subject -relation-> object", with "!" before the relation when negated.
std::vector<std::string> Code(const std::string& text, const std::string& date = "") {
  Extractor extractor(testing::TestLexicon());
  graph::Document doc{"doc1", text, date, "", ""};
  std::vector<std::string> out;
  Status s = extractor.Extract(doc, [&](graph::Triple&& t) {
    out.push_back(t.subject.id + " -" + (t.negated ? "!" : "") + t.relation + "-> " + t.object.id);
  });
  REQUIRE(s.ok());
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("Plain active clauses", "[extract]") {
  CHECK(Code("Russia attacked Ukraine.") == V{"RUS -attack-> UKR"});
  CHECK(Code("Moscow accused the Ukrainian military of provocations in Donbas.") ==
        V{"RUS -accuse-> UKR"});
  CHECK(Code("President Putin met with Turkish President Recep Tayyip Erdogan on the sidelines.") ==
        V{"vladimir-putin -meet-> recep-tayyip-erdogan"});
  CHECK(Code("Defense Minister Sergey Shoigu called Joe Biden on Monday.") ==
        V{"sergey-shoigu -call-> joe-biden"});
}

TEST_CASE("Titles and nationality words belong to the person they precede", "[extract]") {
  // "Russian" and "US" must not become actors of their own here.
  CHECK(Code("US President Joe Biden warned Russian President Vladimir Putin.") ==
        V{"joe-biden -warn-> vladimir-putin"});
}

TEST_CASE("Offices resolve to their holder on the document's date", "[extract]") {
  // Different words for one office; the holder changes with the date.
  CHECK(Code("The French defence minister telephoned the Russian war minister.", "2023-04-03") ==
        V{"sebastien-lecornu -call-> sergey-shoigu"});
  CHECK(Code("The French armed forces minister telephoned Shoigu.", "2019-06-01") ==
        V{"florence-parly -call-> sergey-shoigu"});
  CHECK(Code("The French armed forces minister telephoned Shoigu.", "2022") ==
        V{"FRA -call-> sergey-shoigu"});  // two holders in 2022: undecided
  // No date: the holder the document names elsewhere.
  CHECK(Code("Lecornu arrived. The French defence minister telephoned Shoigu.") ==
        V{"sebastien-lecornu -call-> sergey-shoigu"});
  CHECK(Code("The French defence minister telephoned Shoigu.") == V{"FRA -call-> sergey-shoigu"});
  // After Shoigu's term the office is someone the lexicon does not know.
  CHECK(Code("The Russian defence minister telephoned Lecornu.", "2024-06-01") ==
        V{"RUS -call-> sebastien-lecornu"});
  CHECK(Code("The Russian leader warned Ukraine.", "2023-01-01") ==
        V{"vladimir-putin -warn-> UKR"});
}

TEST_CASE("A counterpart holds the subject's office in the other country", "[extract]") {
  CHECK(Code("US President Joe Biden warned his Russian counterpart.", "2022-09-21") ==
        V{"joe-biden -warn-> vladimir-putin"});
  CHECK(Code("Lecornu telephoned his Russian counterpart.", "2023-04-03") ==
        V{"sebastien-lecornu -call-> sergey-shoigu"});
  // Undated: the counterpart the document names.
  CHECK(Code("Putin spoke. Biden warned his Russian counterpart.") ==
        V{"joe-biden -warn-> vladimir-putin"});
  CHECK(Code("Biden warned his Russian counterpart.") == V{"joe-biden -warn-> RUS"});
  // Biden was vice president in 2015: Russia has no vice president to find.
  CHECK(Code("Biden warned his Russian counterpart.", "2015-01-01") == V{"joe-biden -warn-> RUS"});
}

TEST_CASE("A titled name outside the lexicon is a person of its own", "[extract]") {
  Extractor extractor(testing::TestLexicon());
  graph::Document doc{"d", "French Defence Minister Hervé Morin telephoned Shoigu.", "", "", ""};
  std::vector<graph::Triple> got;
  REQUIRE(extractor.Extract(doc, [&](graph::Triple&& t) { got.push_back(t); }).ok());
  REQUIRE(got.size() == 1);
  CHECK(got[0].subject.id == "herve-morin");
  CHECK(got[0].subject.name == "Hervé Morin");
  CHECK(got[0].subject.type == graph::ActorType::kPerson);
  CHECK(got[0].subject.code == "FRA");
  CHECK(got[0].object.id == "sergey-shoigu");
  CHECK(got[0].confidence < 0.9);
}

TEST_CASE("Names outside the lexicon get ASCII ids in any script", "[extract]") {
  Extractor extractor(testing::TestLexicon());
  for (auto [text, id] : {std::pair{"President Ægir Ñúñez visited Russia.", "aegir-nunez"},
                          std::pair{"President Сергей Иванов visited Russia.", "sergej-ivanov"}}) {
    graph::Document doc{"d", text, "", "", ""};
    std::vector<graph::Triple> got;
    REQUIRE(extractor.Extract(doc, [&](graph::Triple&& t) { got.push_back(t); }).ok());
    REQUIRE(got.size() == 1);
    CHECK(got[0].subject.id == id);
  }
}

TEST_CASE("Passive voice with an agent", "[extract]") {
  CHECK(Code("Ukraine was attacked by Russia in 2014.") == V{"RUS -attack-> UKR"});
  CHECK(Code("Donbass was shelled by Ukrainian forces.") == V{"UKR -shell-> donbas"});
  // No agent, no triple.
  CHECK(Code("Ukraine was attacked in 2014, Russia said.").empty());
}

TEST_CASE("Coordinated subjects and objects", "[extract]") {
  CHECK(Code("France and Germany denounced Russia.") ==
        V{"FRA -denounce-> RUS", "DEU -denounce-> RUS"});
  CHECK(Code("Putin met with Lavrov and Shoigu on Monday.") ==
        V{"vladimir-putin -meet-> sergey-lavrov", "vladimir-putin -meet-> sergey-shoigu"});
}

TEST_CASE("An actor named twice in a coordination gives one triple", "[extract]") {
  CHECK(Code("Moscow and Russia denounced Kyiv.") == V{"RUS -denounce-> UKR"});
  CHECK(Code("Russia attacked Ukraine and Kyiv.") == V{"RUS -attack-> UKR"});
}

TEST_CASE("Negation marks the triple", "[extract]") {
  CHECK(Code("The US decided not to provoke Russia.") == V{"USA -!provoke-> RUS"});
  CHECK(Code("Washington refused to defend Ukraine.") == V{"USA -!defend-> UKR"});
  CHECK(Code("Germany did not denounce Russia.") == V{"DEU -!denounce-> RUS"});
}

TEST_CASE("Nouns, pronouns and case are not over-read", "[extract]") {
  // A verb form after a determiner is a noun.
  CHECK(Code("The attack on Ukraine shocked Russia.").empty());
  // "us" is a pronoun, not the United States.
  CHECK(Code("Russia warned us about Ukraine.").empty());
  // An actor does not act on itself.
  CHECK(Code("Russia will always defend Russia.").empty());
  // One actor only.
  CHECK(Code("Russia attacked.").empty());
}

TEST_CASE("Clause structure limits subjects and objects", "[extract]") {
  // A relative clause between subject and verb is skipped.
  CHECK(Code("Lavrov, who visited Kyiv in May, accused Germany.") ==
        V{"sergey-lavrov -visit-> UKR", "sergey-lavrov -accuse-> DEU"});
  // The object is the unknown name, not the actor after it.
  CHECK(Code("Russia is fighting against the Collective West in Ukraine.").empty());
  // A preposition after a noun: the US is not what was attacked.
  CHECK(Code("Russia attacked its response to the US.").empty());
  // A time phrase does not end the search for an object.
  CHECK(Code("Lavrov met on Monday with Shoigu.") == V{"sergey-lavrov -meet-> sergey-shoigu"});
  CHECK(Code("Russia attacked in 2014 Ukraine.") == V{"RUS -attack-> UKR"});
  // A place is not a target.
  CHECK(Code("Russia fought in Ukraine.").empty());
  // An unknown name between actor and verb is the subject.
  CHECK(Code("In Kyiv, Chamberlain denounced Germany.").empty());
  // ... unless it is the actor's own: "Russia's Foreign Ministry".
  CHECK(Code("Russia's Foreign Ministry denounced Germany.") == V{"RUS -denounce-> DEU"});
  // A new clause after the object is not a coordinated object.
  CHECK(Code("Washington refused to defend Ukraine, and Biden told Putin so.") ==
        V{"USA -!defend-> UKR"});
  // A comma alone does not coordinate subjects: "At the summit with Putin, Biden ...".
  CHECK(Code("At the summit with Putin, Biden warned Russia.") == V{"joe-biden -warn-> RUS"});
  CHECK(Code("Turkey, France and Germany denounced Russia.") ==
        V{"TUR -denounce-> RUS", "FRA -denounce-> RUS", "DEU -denounce-> RUS"});
}

TEST_CASE("Compounds, larger names and gerunds are not verbs of a clause", "[extract]") {
  CHECK(Code("NATO-backed Ukrainian forces shelled Donbas.") == V{"UKR -shell-> donbas"});
  CHECK(Code("Russia attacked the Moscow Metro yesterday.").empty());
  CHECK(Code("After the talks with Lavrov, sanctioning Russia would push it closer to Turkey.")
            .empty());
  CHECK(Code("The report saw Kiev shelling Donbass.") == V{"UKR -shell-> donbas"});
  CHECK(Code("Russia is attacking Ukraine.") == V{"RUS -attack-> UKR"});
}

TEST_CASE("A particle after the object changes the verb", "[extract]") {
  CHECK(Code("Russia called the US out for its missiles.") == V{"RUS -denounce-> USA"});
  CHECK(Code("Russia called the US on Monday.") == V{"RUS -call-> USA"});
  Extractor extractor(testing::TestLexicon());
  graph::Document doc{"d", "Russia called NATO out.", "", "", ""};
  std::vector<graph::Triple> got;
  REQUIRE(extractor.Extract(doc, [&](graph::Triple&& t) { got.push_back(t); }).ok());
  REQUIRE(got.size() == 1);
  CHECK(got[0].verb == "called … out");
  CHECK(got[0].cameo == "111");
}

// The modality of the only triple coded from `text`.
std::string ModalityOf(const std::string& text) {
  Extractor extractor(testing::TestLexicon());
  graph::Document doc{"d", text, "", "", ""};
  std::vector<graph::Triple> got;
  REQUIRE(extractor.Extract(doc, [&](graph::Triple&& t) { got.push_back(t); }).ok());
  REQUIRE(got.size() == 1);
  return std::string(graph::ModalityName(got[0].modality));
}

TEST_CASE("Modality: asserted, reported or hypothetical", "[extract]") {
  CHECK(ModalityOf("Russia attacked Ukraine.") == "asserted");
  CHECK(ModalityOf("Russia attacked Ukraine, officials said.") == "reported");
  CHECK(ModalityOf("According to Kyiv, Russia attacked Donbas.") == "reported");
  CHECK(ModalityOf("“Russia attacked Ukraine,” the minister told reporters.") == "reported");
  CHECK(ModalityOf("Biden arrived. Biden said he warned Russia.") == "reported");
  CHECK(ModalityOf("Russia denounced the report and insisted, then attacked Ukraine.") ==
        "asserted");
  CHECK(ModalityOf("Russia could attack Ukraine.") == "hypothetical");
  CHECK(ModalityOf("Russia will meet with Ukraine.") == "hypothetical");
  CHECK(ModalityOf("If Russia attacks Ukraine, there will be consequences.") == "hypothetical");
  CHECK(ModalityOf("Washington vowed to defend Ukraine.") == "hypothetical");
  // Negation and modality together: "could in no way".
  Extractor extractor(testing::TestLexicon());
  graph::Document doc{"d", "Washington could in no way defend Ukraine.", "", "", ""};
  std::vector<graph::Triple> got;
  REQUIRE(extractor.Extract(doc, [&](graph::Triple&& t) { got.push_back(t); }).ok());
  REQUIRE(got.size() == 1);
  CHECK(got[0].negated);
  CHECK(got[0].modality == graph::Modality::kHypothetical);
}

TEST_CASE("Nominal events", "[extract]") {
  // From ... to ..., with offices resolved by the document's date.
  CHECK(Code("There was an unusual telephone call from the Russian war minister to the French "
             "defence minister.",
             "2024-04-03") == V{"sergey-shoigu -call-> sebastien-lecornu"});
  // A possessor and coordinated partners.
  CHECK(Code("After Putin's meetings on Monday with Lavrov and Defense Minister Sergey Shoigu, "
             "nothing changed.") ==
        V{"vladimir-putin -meet-> sergey-lavrov", "vladimir-putin -meet-> sergey-shoigu"});
  // The subject of a light verb; a request is not yet a meeting.
  CHECK(Code("Biden requested a meeting with Lavrov.") == V{"joe-biden -meet-> sergey-lavrov"});
  CHECK(ModalityOf("Biden requested a meeting with Lavrov.") == "hypothetical");
  CHECK(ModalityOf("Biden held a meeting with Lavrov.") == "asserted");
  // Between two actors.
  CHECK(Code("Talks between Kyiv and Moscow resumed.") == V{"UKR -meet-> RUS"});
  // A noun without its partners is no event.
  CHECK(Code("The meeting in Moscow was long.").empty());
}

TEST_CASE("He and she refer to the person the text names before", "[extract]") {
  CHECK(Code("Defense Minister Sergey Shoigu spoke on Monday. He accused Ukraine of shelling.") ==
        V{"sergey-shoigu -accuse-> UKR"});
  // Within a sentence, the first person named before the pronoun.
  CHECK(Code("Putin met Lavrov, and then he warned Ukraine.") ==
        V{"vladimir-putin -meet-> sergey-lavrov", "vladimir-putin -warn-> UKR"});
  // No person named yet: no triple.
  CHECK(Code("He accused Ukraine.").empty());
  // The antecedent carries over several sentences.
  CHECK(Code("Lavrov arrived. He spoke. He warned Ukraine.") == V{"sergey-lavrov -warn-> UKR"});
}

TEST_CASE("They and them refer to the group named before", "[extract]") {
  CHECK(Code("NATO met on Monday. They accused Russia.") == V{"NATO -accuse-> RUS"});
  CHECK(Code("The Russians shelled Donbas. Kyiv accused them.") ==
        V{"RUS -shell-> donbas", "UKR -accuse-> RUS"});
  // Countries by name are "it"; and "they" reaches back one sentence only.
  CHECK(Code("France met Germany. They accused Russia.") == V{"FRA -meet-> DEU"});
  CHECK(Code("NATO met. Talks began. They accused Russia.").empty());
}

TEST_CASE("Discard phrases silence a sentence or a whole story", "[extract]") {
  CHECK(Code("Russia attacked Ukraine at the World Cup. France denounced Russia.") ==
        V{"FRA -denounce-> RUS"});
  CHECK(Code("Russia attacked Ukraine. France denounced Russia after the typhoons.").empty());
}

TEST_CASE("Curly quotes, dashes and possessives", "[extract]") {
  CHECK(Code("Russia’s army — as expected — attacked Ukraine’s east.") == V{"RUS -attack-> UKR"});
  CHECK(Code("“Moscow accused Kyiv,” the report said.") == V{"RUS -accuse-> UKR"});
}

// The test lexicon with agents: "subject(code) -relation-> object(code)".
std::vector<std::string> CodeWithAgents(const std::string& text,
                                        const ExtractorOptions& options = {}) {
  std::string actors = testing::kTestActors;
  actors.insert(actors.find("\"actors\": ["), R"("agents": [
    {"code": "COP", "names": ["police"]},
    {"code": "GOV", "names": ["government", "officials", "ambassador"]},
    {"code": "MIL", "names": ["soldiers"]},
    {"code": "EDU", "names": ["students"]},
    {"code": "MOP", "names": ["main opposition group"]},
    {"code": "NGO", "placement": "prefix", "names": ["MSF"]}],
  )");
  // Names the lexicon has, but not as people (as in PETRARCH's files).
  actors.insert(actors.find("\"actors\": [") + 11, R"(
    {"id": "romendacil", "type": "unknown", "code": "FRA", "name": "Romendacil"},
    {"id": "lavrentiy", "type": "unknown", "code": "RUSGOV", "name": "Lavrentiy"},)");
  auto lex = Lexicon::FromJson(actors, testing::kTestRelations, "agents");
  REQUIRE(lex.ok());
  Extractor extractor(*lex, options);
  graph::Document doc{"doc1", text, "", "", ""};
  std::vector<std::string> out;
  REQUIRE(extractor.Extract(doc, [&](graph::Triple&& t) {
    out.push_back(t.subject.id + "(" + t.subject.code + ") -" + t.relation + "-> " +
                  t.object.id + "(" + t.object.code + ")");
  }).ok());
  return out;
}

TEST_CASE("Agents next to an actor make a composite actor", "[extract]") {
  // After the actor, its demonym or its possessive; several in a row.
  CHECK(CodeWithAgents("Russian police attacked Ukrainian students.") ==
        V{"RUS~COP(RUSCOP) -attack-> UKR~EDU(UKREDU)"});
  CHECK(CodeWithAgents("France accused Russia's main opposition group.") ==
        V{"FRA(FRA) -accuse-> RUS~MOP(RUSMOP)"});
  // Before it, with of/in/from, or a prefix code.
  CHECK(CodeWithAgents("Soldiers from Russia shelled Donbas.") ==
        V{"RUS~MIL(RUSMIL) -shell-> donbas(UKR)"});
  CHECK(CodeWithAgents("The government of France accused Russia.") ==
        V{"FRA~GOV(FRAGOV) -accuse-> RUS(RUS)"});
  // ... and of each actor coordinated there.
  CHECK(CodeWithAgents("The officials of France, Germany and the US accused Russia.") ==
        V{"FRA~GOV(FRAGOV) -accuse-> RUS(RUS)", "DEU~GOV(DEUGOV) -accuse-> RUS(RUS)",
          "USA~GOV(USAGOV) -accuse-> RUS(RUS)"});
  CHECK(CodeWithAgents("MSF France denounced the Russian government.") ==
        V{"NGO~FRA(NGOFRA) -denounce-> RUS~GOV(RUSGOV)"});
  // A code is not repeated: government officials are GOV once.
  CHECK(CodeWithAgents("US government officials accused Russia.") ==
        V{"USA~GOV(USAGOV) -accuse-> RUS(RUS)"});
  // A capitalised agent before an unknown name: that person, with the code.
  CHECK(CodeWithAgents("French Ambassador Jean Dupont accused Russia.") ==
        V{"jean-dupont(FRAGOV) -accuse-> RUS(RUS)"});
  // Adjectives after a possessive; but never a verb.
  CHECK(CodeWithAgents("France accused Russia's awful and evil main opposition group.") ==
        V{"FRA(FRA) -accuse-> RUS~MOP(RUSMOP)"});
  CHECK(CodeWithAgents("Russia's army shelled the government of France.") ==
        V{"RUS(RUS) -shell-> FRA~GOV(FRAGOV)"});
  // A name in the lexicon that is not a person: one actor, the more specific.
  CHECK(CodeWithAgents("French Ambassador Romendacil accused Russia.") ==
        V{"FRA~GOV(FRAGOV) -accuse-> RUS(RUS)"});
  CHECK(CodeWithAgents("Russian Ambassador Lavrentiy accused France.") ==
        V{"lavrentiy(RUSGOV) -accuse-> FRA(FRA)"});
  // An agent without an actor is no one.
  CHECK(CodeWithAgents("Police attacked Ukraine.").empty());
  // Without agents in the lexicon the mention stays the country.
  CHECK(Code("Russian police attacked Ukraine.") == V{"RUS -attack-> UKR"});
}

TEST_CASE("PETRARCH's event coding: bare agents and events with one side", "[extract]") {
  ExtractorOptions bare;
  bare.bare_agents = true;
  // An agent of no named actor is one: plural, or singular after a
  // determiner (adjectives between) or in a coordination.
  CHECK(CodeWithAgents("Police attacked Ukraine.", bare) ==
        V{"---~COP(---COP) -attack-> UKR(UKR)"});
  CHECK(CodeWithAgents("Russian police attacked students.", bare) ==
        V{"RUS~COP(RUSCOP) -attack-> ---~EDU(---EDU)"});
  CHECK(CodeWithAgents("The awful government accused Russia.", bare) ==
        V{"---~GOV(---GOV) -accuse-> RUS(RUS)"});
  CHECK(CodeWithAgents("Russian police and government accused France.", bare) ==
        V{"RUS~COP(RUSCOP) -accuse-> FRA(FRA)", "---~GOV(---GOV) -accuse-> FRA(FRA)"});
  CHECK(CodeWithAgents("Putin said government accused France.", bare).empty());
  // A noun phrase whose head is no actor takes the code of such an agent
  // in it.
  CHECK(CodeWithAgents("The government news agency Wafa accused Russia.", bare) ==
        V{"---~GOV(---GOV) -accuse-> RUS(RUS)"});
  CHECK(CodeWithAgents("The news agency Wafa accused Russia.", bare).empty());

  // Without a dyad: the missing side has empty id and code, but must still
  // be a noun phrase ("on Monday" is one to PETRARCH, "today" is not).
  ExtractorOptions monad = bare;
  monad.require_dyad = false;
  CHECK(CodeWithAgents("Russia attacked on Monday.", monad) == V{"RUS(RUS) -attack-> ()"});
  CHECK(CodeWithAgents("Russia attacked the bridge.", monad) == V{"RUS(RUS) -attack-> ()"});
  CHECK(CodeWithAgents("Russia attacked today.", monad).empty());
  CHECK(CodeWithAgents("The bridge was attacked by Russia.", monad) ==
        V{"RUS(RUS) -attack-> ()"});
  CHECK(CodeWithAgents("Russia attacked the bridge.", bare).empty());
  // A clause subordinate to a verb coded with both sides is part of it;
  // after a comma a new clause starts.
  CHECK(CodeWithAgents("Russia accused France after soldiers attacked the bridge.", monad) ==
        V{"RUS(RUS) -accuse-> FRA(FRA)"});
  CHECK(CodeWithAgents("Russia accused France after a bridge fell, and students attacked the "
                       "bridge.",
                       monad) ==
        V{"RUS(RUS) -accuse-> FRA(FRA)", "---~EDU(---EDU) -attack-> ()"});
}

TEST_CASE("PETRARCH's new actors: short noun phrases with no actor", "[extract]") {
  ExtractorOptions four;
  four.new_actor_length = 4;
  CHECK(CodeWithAgents("The Ministry of Magic accused Russia.", four) ==
        V{"\"THE MINISTRY OF MAGIC\"(\"THE MINISTRY OF MAGIC\") -accuse-> RUS(RUS)"});
  CHECK(CodeWithAgents("Russia's army accused the rebel army on Monday.", four) ==
        V{"RUS(RUS) -accuse-> \"THE REBEL ARMY\"(\"THE REBEL ARMY\")"});
  // Longer phrases are not; nor is anything by default.
  CHECK(CodeWithAgents("The Ministry of Magic and Sorcery accused Russia.", four).empty());
  CHECK(CodeWithAgents("The Ministry of Magic accused Russia.").empty());
}

TEST_CASE("A composite actor has a name and type of its own", "[extract]") {
  std::string actors = testing::kTestActors;
  actors.insert(actors.find("\"actors\": ["),
                R"("agents": [{"code": "COP", "names": ["police", "policemen"]}], )");
  auto lex = Lexicon::FromJson(actors, testing::kTestRelations, "agents");
  REQUIRE(lex.ok());
  Extractor extractor(*lex);
  std::vector<graph::Triple> got;
  REQUIRE(extractor.Extract(graph::Document{"d", "Russian policemen attacked Ukraine.", "", "", ""},
                            [&](graph::Triple&& t) { got.push_back(std::move(t)); })
              .ok());
  REQUIRE(got.size() == 1);
  CHECK(got[0].subject.id == "RUS~COP");
  CHECK(got[0].subject.name == "Russia (police)");
  CHECK(got[0].subject.type == graph::ActorType::kGroup);
  CHECK(got[0].subject.code == "RUSCOP");
}

TEST_CASE("PLOVER comes from the relation or from the code", "[extract]") {
  std::string relations = testing::kTestRelations;
  // "meet" says CONSULT itself; "accuse" has no category: the table's.
  relations.replace(relations.find(R"("cameo": "040",)"), 15, R"("cameo": "040", "plover": "CONSULT",)");
  auto lex = Lexicon::FromJson(testing::kTestActors, relations, "plover");
  REQUIRE(lex.ok());
  Extractor extractor(*lex);
  std::vector<std::string> got;
  REQUIRE(extractor.Extract(graph::Document{"d", "Putin met Erdogan. Russia accused Ukraine. "
                                                 "Russia shelled Donbas.", "", "", ""},
                            [&](graph::Triple&& t) { got.push_back(t.cameo + " " + t.plover); })
              .ok());
  CHECK(got == V{"040 CONSULT", "112 ACCUSE", "194 ASSAULT"});
}

TEST_CASE("Triples carry provenance", "[extract]") {
  Extractor extractor(testing::TestLexicon());
  const std::string text = "A headline\n\nSome words first. Then Russia shelled Donbas. The end.";
  graph::Document doc{"doc-7", text, "2022-02-21", "t", "u"};
  std::vector<graph::Triple> got;
  REQUIRE(extractor.Extract(doc, [&](graph::Triple&& t) { got.push_back(t); }).ok());
  REQUIRE(got.size() == 1);
  const graph::Triple& t = got[0];
  CHECK(t.doc == "doc-7");
  CHECK(t.date == "2022-02-21");
  CHECK(t.sentence == "Then Russia shelled Donbas.");
  CHECK(text.substr(t.span_begin, t.span_end - t.span_begin) == t.sentence);
  CHECK(t.verb == "shelled");
  CHECK(t.cameo == "194");
  CHECK(t.subject.name == "Russia");
  CHECK(t.confidence > 0.5);
  CHECK(t.confidence <= 0.95);
}

TEST_CASE("Invalid UTF-8 is rejected with its offset", "[extract]") {
  Extractor extractor(testing::TestLexicon());
  graph::Document doc{"bad", "Russia attacked \xC3\x28 Ukraine.", "", "", ""};
  size_t n = 0;
  Status s = extractor.Extract(doc, [&](graph::Triple&&) { ++n; });
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message() == "document 'bad': invalid UTF-8 at byte 16");
  CHECK(n == 0);
}

TEST_CASE("Extraction is deterministic", "[extract]") {
  const std::string text =
      "Russia attacked Ukraine. France and Germany denounced Russia. Putin met with Lavrov.";
  CHECK(Code(text) == Code(text));
}

// ------------------------------------------------------------ verb patterns

// A lexicon whose verbs take their codes from patterns (docs/lexicon-format.md).
constexpr const char* kPatternRelations = R"json({
  "format": "kg-relations/1",
  "relations": [
    {"relation": "restore", "cameo": "---", "forms": ["restore", "restored", "restores"],
     "patterns": [
       {"after": ["ties"], "cameo": "064"},
       {"after": [["diplomatic ties", "diplomatic relations"], "with", "+"], "cameo": "0641"},
       {"after": ["aid", "to", "+"], "cameo": "070"},
       {"after": ["talks"], "cameo": "---"}]},
    {"relation": "send", "cameo": "070", "forms": ["send", "sent", "sends"],
     "patterns": [
       {"after": ["+", "^", "weapons"], "cameo": "072"},
       {"before": ["$", "asked"], "after": ["+"], "cameo": "0331"}]},
    {"relation": "appear", "forms": ["appeared", "appears"],
     "patterns": [{"after": ["before", "court"], "cameo": "", "passive": "173"},
                  {"after": ["in", "+"], "cameo": "042"}]},
    {"relation": "attack", "cameo": "190", "forms": ["attack", "attacks", "attacked"]}
  ]
})json";

std::vector<std::string> CodePatterns(const std::string& text) {
  auto lexicon = Lexicon::FromJson(testing::kTestActors, kPatternRelations, "pattern lexicon");
  REQUIRE(lexicon.ok());
  Extractor extractor(*lexicon);
  graph::Document doc{"doc1", text, "", "", ""};
  std::vector<std::string> out;
  Status s = extractor.Extract(doc, [&](graph::Triple&& t) {
    out.push_back(t.subject.id + " -" + t.relation + " " + t.cameo + "-> " + t.object.id);
  });
  REQUIRE(s.ok());
  return out;
}

TEST_CASE("Verb patterns load most specific first", "[extract]") {
  auto lexicon = Lexicon::FromJson(testing::kTestActors, kPatternRelations, "pattern lexicon");
  REQUIRE(lexicon.ok());
  const LexiconRelation& restore = (*lexicon)->relations()[0];
  REQUIRE(restore.patterns.size() == 4);
  CHECK(restore.patterns[0].cameo == "0641");  // three literal words
  CHECK(restore.patterns[0].after[0].alternatives[0] ==
        std::vector<std::string>{"diplomatic", "ties"});
  CHECK(restore.patterns[0].after[2].kind == PatternItem::Kind::kTarget);
  CHECK(restore.patterns[1].cameo == "070");
  // Slots count like words: "$ asked * +" (three) before "* + ^ weapons" (two).
  // "before" items are kept nearest the verb first.
  const LexiconPattern& asked = (*lexicon)->relations()[1].patterns[0];
  REQUIRE(asked.before.size() == 2);
  CHECK(asked.before[0].alternatives[0] == std::vector<std::string>{"asked"});
  CHECK(asked.before[1].kind == PatternItem::Kind::kSource);

  auto bad = Lexicon::FromJson(testing::kTestActors,
                               R"({"relations": [{"relation": "x", "forms": ["x"],
                                   "patterns": [{"after": [3], "cameo": "010"}]}]})",
                               "bad");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kParseError);
}

// Codes `text` with `relations` (and the test actors): "subject -cameo->
// object", "!" before the code when negated.
std::vector<std::string> CodeWith(const char* relations, const std::string& text) {
  auto lexicon = Lexicon::FromJson(testing::kTestActors, relations, "lexicon");
  REQUIRE(lexicon.ok());
  Extractor extractor(*lexicon);
  std::vector<std::string> out;
  REQUIRE(extractor.Extract(graph::Document{"doc1", text, "", "", ""}, [&](graph::Triple&& t) {
    out.push_back(t.subject.id + " -" + (t.negated ? "!" : "") + t.cameo + "-> " + t.object.id);
  }).ok());
  return out;
}

TEST_CASE("A compound slot binds a coordination", "[extract]") {
  const char* relations = R"json({"relations": [
    {"relation": "delay", "cameo": "---", "forms": ["delayed"],
     "patterns": [{"before": ["%"], "after": ["meeting"], "cameo": "191"}]},
    {"relation": "agree", "cameo": "---", "forms": ["agrees"],
     "patterns": [{"after": ["with", "%"], "cameo": "031"}]}]})json";
  // Before the verb: each member of the group with each other.
  CHECK(CodeWith(relations, "Russia and Ukraine delayed their meeting.") ==
        V{"RUS -191-> UKR", "UKR -191-> RUS"});
  // A single actor is no compound.
  CHECK(CodeWith(relations, "Russia delayed their meeting.").empty());
  // After it: the group is the target.
  CHECK(CodeWith(relations, "Turkey agrees with France and Germany.") ==
        V{"TUR -031-> FRA", "TUR -031-> DEU"});
}

TEST_CASE("A reverse code adds the event from the object to the subject", "[extract]") {
  const char* relations = R"json({"relations": [
    {"relation": "leave", "cameo": "032", "reverse": "033", "forms": ["left"], "preps": ["for"]},
    {"relation": "appear", "cameo": "---", "forms": ["appeared"],
     "patterns": [{"after": ["before", "+"], "cameo": "", "reverse": "173"}]}]})json";
  CHECK(CodeWith(relations, "Putin left for Turkey.") ==
        V{"vladimir-putin -032-> TUR", "TUR -033-> vladimir-putin"});
  CHECK(CodeWith(relations, "Putin appeared before Turkey.") == V{"TUR -173-> vladimir-putin"});
}

TEST_CASE("A negation written in a pattern is its code, not a denial", "[extract]") {
  const char* relations = R"json({"relations": [
    {"relation": "tap", "cameo": "1711", "forms": ["tap", "tapped"],
     "patterns": [{"before": ["will not"], "after": ["+"], "cameo": "081"}]}]})json";
  CHECK(CodeWith(relations, "Russia will not tap Ukraine.") == V{"RUS -081-> UKR"});
  CHECK(CodeWith(relations, "Russia did not tap Ukraine.") == V{"RUS -!1711-> UKR"});
}

TEST_CASE("PETRARCH coding reads objects through prepositions", "[extract]") {
  const char* kg = R"json({"relations": [
    {"relation": "depart", "cameo": "0431", "forms": ["departed"]}]})json";
  const char* petrarch = R"json({"coding": "petrarch", "relations": [
    {"relation": "depart", "cameo": "0431", "forms": ["departed"]}]})json";
  CHECK(CodeWith(kg, "Putin departed from Turkey.").empty());
  CHECK(CodeWith(petrarch, "Putin departed from Turkey.") == V{"vladimir-putin -0431-> TUR"});
  CHECK(CodeWith(petrarch, "Putin departed on a long visit to Turkey.") ==
        V{"vladimir-putin -0431-> TUR"});
  // Pattern words read past a comma between adjectives.
  const char* ties = R"json({"coding": "petrarch", "relations": [
    {"relation": "restore", "cameo": "---", "forms": ["restore"],
     "patterns": [{"after": ["diplomatic ties", "with", "+"], "cameo": "064"}]}]})json";
  CHECK(CodeWith(ties, "Russia will restore complete, full diplomatic ties with Turkey.") ==
        V{"RUS -064-> TUR"});
  CHECK(CodeWith(ties, "Russia will restore, it seems, diplomatic ties with Turkey.").empty());
  // A relation may say so itself.
  const char* mixed = R"json({"relations": [
    {"relation": "depart", "cameo": "0431", "coding": "petrarch", "forms": ["departed"]},
    {"relation": "leave", "cameo": "0431", "forms": ["left"]}]})json";
  CHECK(CodeWith(mixed, "Putin departed from Turkey. Putin left for Turkey.") ==
        V{"vladimir-putin -0431-> TUR"});
  auto bad = Lexicon::FromJson(testing::kTestActors, R"({"coding": "tabari", "relations": []})",
                               "my.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "my.json (relations): \"coding\" is not \"kg\" or \"petrarch\"");
}

TEST_CASE("PETRARCH coding takes a coordination that is a clause's subject", "[extract]") {
  const char* kg = R"json({"relations": [
    {"relation": "believe", "cameo": "023", "forms": ["believes"]}]})json";
  const char* petrarch = R"json({"coding": "petrarch", "relations": [
    {"relation": "believe", "cameo": "023", "forms": ["believes"]}]})json";
  CHECK(CodeWith(petrarch, "Russia believes France and Germany can cope.") ==
        V{"RUS -023-> FRA", "RUS -023-> DEU"});
  CHECK(CodeWith(kg, "Russia believes France and Germany can cope.") == V{"RUS -023-> FRA"});
  // A noun after the last actor heads the whole coordination.
  CHECK(CodeWith(petrarch, "Russia believes France and German leaders during talks.") ==
        V{"RUS -023-> FRA", "RUS -023-> DEU"});
  CHECK(CodeWith(kg, "Russia believes France and German leaders during talks.") ==
        V{"RUS -023-> FRA"});
}

TEST_CASE("A verb after 'and' shares the previous verb's subject", "[extract]") {
  CHECK(Code("Russia attacked Ukraine and warned Turkey.") ==
        V{"RUS -attack-> UKR", "RUS -warn-> TUR"});
  CHECK(Code("France and Germany denounced Russia and then warned Turkey.") ==
        V{"FRA -denounce-> RUS", "DEU -denounce-> RUS", "FRA -warn-> TUR", "DEU -warn-> TUR"});
  CHECK(Code("Russia attacked Ukraine and was denounced by France.") ==
        V{"RUS -attack-> UKR", "FRA -denounce-> RUS"});
  // A subject of its own; and an earlier object is no part of it.
  CHECK(Code("Russia attacked Ukraine and France denounced Russia.") ==
        V{"RUS -attack-> UKR", "FRA -denounce-> RUS"});
}

TEST_CASE("An acronym in brackets belongs to the actor before it", "[extract]") {
  CHECK(Code("The North Atlantic Treaty Organization (NATO) accused Russia.") ==
        V{"NATO -accuse-> RUS"});
  CHECK(Code("France and the North Atlantic Treaty Organization (NATO) accused Russia.") ==
        V{"FRA -accuse-> RUS", "NATO -accuse-> RUS"});
  // Another actor's name in the brackets stays that actor (and the bracket
  // still ends the subject's phrase).
  CHECK(Code("The North Atlantic Treaty Organization (US) accused Russia.").empty());
}

TEST_CASE("A verb form after a degree adverb is no verb", "[extract]") {
  const char* relations = R"json({"coding": "petrarch", "relations": [
    {"relation": "march", "cameo": "181", "forms": ["marched"]},
    {"relation": "close", "cameo": "192", "forms": ["close"]}]})json";
  CHECK(CodeWith(relations, "Russia marched very close to Ukraine.") == V{"RUS -181-> UKR"});
}

TEST_CASE("A gerund after a preposition has no subject of its own", "[extract]") {
  CHECK(Code("Russia denounced France after attacking Ukraine.") == V{"RUS -denounce-> FRA"});
  CHECK(Code("Russia denounced France, Kiev shelling Donbas.") ==
        V{"RUS -denounce-> FRA", "UKR -shell-> donbas"});
}

TEST_CASE("Subjects that are not actors, and adjectives in a coordination", "[extract]") {
  // The rebels attacked, not Russia; and the speaker is not the subject.
  CHECK(Code("Russia said the rebels attacked Ukraine.").empty());
  CHECK(Code("Putin said rebels attacked Ukraine.").empty());
  CHECK(Code("US officials and the intelligence community accused Moscow.") ==
        V{"USA -accuse-> RUS"});
  // Adjectives after "and", and "nor", still coordinate.
  CHECK(Code("France and the mighty Germany denounced Russia.") ==
        V{"FRA -denounce-> RUS", "DEU -denounce-> RUS"});
  CHECK(Code("Neither France nor Germany denounced Russia.") ==
        V{"FRA -denounce-> RUS", "DEU -denounce-> RUS"});
}

TEST_CASE("Verb patterns match literal words with gaps", "[extract]") {
  // Up to three other words before a literal: "full diplomatic" before "ties".
  CHECK(CodePatterns("Russia restored full diplomatic ties with Ukraine.") ==
        V{"RUS -restore 0641-> UKR"});
  // Without "+" the object is the first actor after the pattern's words.
  CHECK(CodePatterns("Russia restored its old ties to Ukraine.") == V{"RUS -restore 064-> UKR"});
  // Too many words between: no pattern matches, and "---" codes nothing.
  CHECK(CodePatterns("Russia restored the long lost old cultural ties with Ukraine.").empty());
  // A clause boundary stops the search.
  CHECK(CodePatterns("Russia restored order, and ties with Ukraine improved.").empty());
}

TEST_CASE("Verb pattern slots bind actors", "[extract]") {
  CHECK(CodePatterns("Russia restored aid to Ukraine.") == V{"RUS -restore 070-> UKR"});
  // "+" binds the next actor; "^" lets a noun phrase stand before "weapons".
  CHECK(CodePatterns("Germany sent Ukraine modern air defence weapons.") ==
        V{"DEU -send 072-> UKR"});
  // "$" before the verb binds the source.
  CHECK(CodePatterns("France asked sent Ukraine help.") == V{"FRA -send 0331-> UKR"});
  // No pattern matches: the relation's own code.
  CHECK(CodePatterns("Germany sent Ukraine money.") == V{"DEU -send 070-> UKR"});
}

TEST_CASE("A skip before a slot passes over one actor", "[extract]") {
  const char* relations = R"json({"relations": [
    {"relation": "celebrate", "cameo": "181", "forms": ["celebrated"],
     "patterns": [{"after": ["iftar", "in", "^", "+"], "cameo": "045"}]},
    {"relation": "warn", "cameo": "160", "forms": ["warned"],
     "patterns": [{"after": ["their", "^", "about", "+"], "cameo": "162"}]}]})json";
  CHECK(CodeWith(relations, "Russia celebrated Iftar in Turkey with the leaders of France.") ==
        V{"RUS -045-> FRA"});
  // Before words, any noun phrase may stand there; the actor after them
  // is the target.
  CHECK(CodeWith(relations, "Russia warned their people about France.") == V{"RUS -162-> FRA"});
}

TEST_CASE("A target bound before the verb across 'that' takes the source above", "[extract]") {
  const char* relations = R"json({"coding": "petrarch", "relations": [
    {"relation": "regret", "cameo": "111", "forms": ["regretted"],
     "patterns": [{"before": ["noted", "+"], "cameo": "115"},
                  {"before": ["anti", "-", "+"], "cameo": "112"}]}]})json";
  CHECK(CodeWith(relations, "France noted that Russia regretted the refusal.") ==
        V{"FRA -115-> RUS"});
  // Without "that" the target stays the verb's subject: no event.
  CHECK(CodeWith(relations, "France says anti- Russia regretted the refusal.").empty());
}

TEST_CASE("A '_' item allows no gap", "[extract]") {
  const char* relations = R"json({"relations": [
    {"relation": "allow", "cameo": "080", "forms": ["allow", "allowed"],
     "patterns": [{"before": ["recently", "_"], "cameo": "025"},
                  {"after": ["_", "out"], "cameo": "026"}]}]})json";
  CHECK(CodeWith(relations, "Russia recently allowed Ukraine.") == V{"RUS -025-> UKR"});
  CHECK(CodeWith(relations, "Russia recently did allow Ukraine.") == V{"RUS -080-> UKR"});
  CHECK(CodeWith(relations, "Russia allowed out Ukraine.") == V{"RUS -026-> UKR"});
  CHECK(CodeWith(relations, "Russia allowed Ukraine out.") == V{"RUS -080-> UKR"});
}

TEST_CASE("Words a pattern matched are no verbs of their own", "[extract]") {
  const char* relations = R"json({"relations": [
    {"relation": "promise", "cameo": "030", "forms": ["promised"],
     "patterns": [{"after": ["raids"], "cameo": "173"}]},
    {"relation": "raid", "cameo": "220", "forms": ["raids"]}]})json";
  CHECK(CodeWith(relations, "Russia promised raids to Ukraine.") == V{"RUS -173-> UKR"});
  CHECK(CodeWith(relations, "Russia raids Ukraine.") == V{"RUS -220-> UKR"});
}

TEST_CASE("Verb pattern alternatives, null codes and passive codes", "[extract]") {
  CHECK(CodePatterns("Russia restored diplomatic relations with Ukraine.") ==
        V{"RUS -restore 0641-> UKR"});
  // A pattern coded "---" blocks the event.
  CHECK(CodePatterns("Russia restored talks with Ukraine.").empty());
  // A verb without a code and without a matching pattern codes nothing.
  CHECK(CodePatterns("Russia restored Ukraine.").empty());
  CHECK(CodePatterns("Putin appeared in Ukraine.") == V{"vladimir-putin -appear 042-> UKR"});
  // A passive-only code: not in the active voice.
  CHECK(CodePatterns("Putin appeared before court with Ukraine.").empty());
  // Plain relations keep their behaviour.
  CHECK(CodePatterns("Russia attacked Ukraine.") == V{"RUS -attack 190-> UKR"});
}

}  // namespace
}  // namespace kg::extract
