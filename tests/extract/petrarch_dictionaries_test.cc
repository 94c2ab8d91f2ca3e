#include "extract/petrarch_dictionaries.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "extract/lexicon.h"
#include "extract/segmenter.h"

namespace kg::extract::petrarch {
namespace {

using Kind = PatternElement::Kind;

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> Texts(const std::vector<Phrase>& v) {
  std::vector<std::string> out;
  for (const auto& p : v) out.push_back(p.Text());
  return out;
}

bool WarnedAt(const std::vector<Warning>& ws, size_t line, const std::string& part) {
  for (const auto& w : ws) {
    if (w.line == line && w.message.find(part) != std::string::npos) return true;
  }
  return false;
}

// ------------------------------------------------------------------ actors

constexpr const char* kActors =
    "<!-- a test dictionary -->\n"                         // 1
    "<!--\n"                                               // 2
    "# spanning lines\n"                                   // 3
    "-->\n"                                                // 4
    "AFGHANISTAN_  [AFG] # a comment\n"                    // 5
    "+AFGHAN_\r\n"                                         // 6  (CRLF)
    "+KABUL\n"                                             // 7
    "\n"                                                   // 8
    "SAM_GAMGEE [HOB]  ; TABARI comment\n"                 // 9
    "\t[HOBCIV <20080120]\n"                               // 10
    "\t[ORCHOB 20100109-20100112]\n"                       // 11
    "\t[HOBMIL 20080120 - 20121109]\n"                     // 12
    "\t[HOBELI > 130119]\n"                                // 13
    "JAMES BYRNES\n"                                       // 14
    "\t[USAELI 18970101-450703] [USAGOV 450703-470121]\n"  // 15
    "\t[USAGOV 9008223-911221]\n"                          // 16  malformed date
    "ZOLT\xE1N_KOV\xC1"
    "CS [HUN]\n"       // 17  Latin-1
    "BOROMIR [---]\n"  // 18
    "~~FINISH\n"       // 19
    "NOT_READ [XXX]\n";

TEST_CASE("PETRARCH actors: synonyms, comments and dated codes", "[extract]") {
  auto r = ReadActors(kActors, "test.actors");
  REQUIRE(r.ok());
  const auto& e = r->entries;
  REQUIRE(e.size() == 4 + 1);
  CHECK(e[0].phrase.words == std::vector<std::string>{"AFGHANISTAN"});
  CHECK(e[0].phrase.closed);
  CHECK(e[0].line == 5);
  CHECK(Texts(e[0].synonyms) == std::vector<std::string>{"AFGHAN", "KABUL"});
  REQUIRE(e[0].codes.size() == 1);
  CHECK(e[0].codes[0].code == "AFG");
  CHECK(e[0].codes[0].kind == DatedCode::Kind::kAlways);

  const ActorEntry& sam = e[1];
  CHECK(sam.phrase.Text() == "SAM GAMGEE");
  REQUIRE(sam.codes.size() == 5);
  CHECK(sam.codes[1].kind == DatedCode::Kind::kBefore);
  CHECK(sam.codes[1].to == "2008-01-20");
  CHECK(sam.codes[2].kind == DatedCode::Kind::kBetween);
  CHECK(sam.codes[2].from == "2010-01-09");
  CHECK(sam.codes[3].from == "2008-01-20");  // blanks around '-' tolerated
  CHECK(sam.codes[3].to == "2012-11-09");
  CHECK(sam.codes[4].kind == DatedCode::Kind::kAfter);
  CHECK(sam.codes[4].from == "2013-01-19");  // YY < 30 -> 20YY
  // The first covering restriction in file order wins; the default otherwise.
  CHECK(sam.CodeOn("2010-01-10") == "ORCHOB");
  CHECK(sam.CodeOn("2009-05-01") == "HOBMIL");
  CHECK(sam.CodeOn("2008-01-20") == "HOBCIV");  // limits are inclusive
  CHECK(sam.CodeOn("2020-01-01") == "HOBELI");
  CHECK(sam.CodeOn("2012-12-01") == "HOB");
  CHECK(sam.CodeOn("") == "HOB");

  const ActorEntry& byrnes = e[2];
  CHECK(byrnes.phrase.words == std::vector<std::string>{"JAMES", "BYRNES"});
  REQUIRE(byrnes.codes.size() == 2);  // the malformed third one is dropped
  CHECK(byrnes.codes[0].from == "1897-01-01");
  CHECK(byrnes.codes[0].to == "1945-07-03");  // YY >= 30 -> 19YY
  CHECK(byrnes.CodeOn("1946-01-01") == "USAGOV");
  CHECK(byrnes.CodeOn("2000-01-01") == "");
  CHECK(byrnes.CodeOn("") == "USAGOV");  // no undated code: the latest
  CHECK(WarnedAt(r->warnings, 16, "malformed date"));

  CHECK(e[3].phrase.Text() ==
        "ZOLT\xC3\xA1N KOV\xC3\x81"
        "CS");
  CHECK(WarnedAt(r->warnings, 17, "Latin-1"));
  CHECK(e[4].codes[0].code == "---");
  CHECK(r->files == std::vector<std::string>{"test.actors"});
}

TEST_CASE("PETRARCH actors: malformed lines are errors with their line", "[extract]") {
  auto a = ReadActors("# header\n+SYNONYM\n", "a.txt");
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().code() == Status::Code::kParseError);
  CHECK(a.status().message() == "a.txt:2: a '+' synonym with no actor above it");
  auto b = ReadActors("X [ABC]\nY [DEF\n", "b.txt");
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == "b.txt:2: '[' without ']'");
  auto c = ReadActors("\t[ABC]\n", "c.txt");
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message() == "c.txt:1: a code line with no actor above it");
  auto d = ReadActors("X [ABC] junk [DEF]\n", "d.txt");
  REQUIRE(d.ok());  // text after a code: a warning, as in the Phoenix MNC list
  CHECK(WarnedAt(d->warnings, 1, "text after the code"));
}

TEST_CASE("PETRARCH actors: control characters and appending files", "[extract]") {
  auto r = ReadActors("LIAMINE_Z\x1AROUAL_ [DZAGOV]\n", "x.txt");
  REQUIRE(r.ok());
  CHECK(r->entries[0].phrase.words[1] == "Z\xEF\xBF\xBDROUAL");
  CHECK(WarnedAt(r->warnings, 1, "U+FFFD"));
  ActorDictionary all;
  AppendActors(&all, std::move(*r));
  auto more = ReadActors("A [AAA]\n", "y.txt");
  REQUIRE(more.ok());
  AppendActors(&all, std::move(*more));
  CHECK(all.files == std::vector<std::string>{"x.txt", "y.txt"});
  CHECK(all.entries[1].file == 1);
}

// ------------------------------------------------------------------ agents

constexpr const char* kAgents =
    "!PERSON! = MAN, MEN , WOMAN\n"                     // 1
    "PARLIAMENTARY_OPPOSITION {} [~OPP] #jap\n"         // 2
    "AMBASSADOR [~GOV]\n"                               // 3
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"  // 4
    "CONGRESS [~LEG]\n"                                 // 5
    "CONGRESS!PERSON! [~LEG]\n"                         // 6
    "AUTHORITY  [~GOV]\n"                               // 7
    "AIRWAY [~BUS]\n"                                   // 8
    "HUMAN_RIGHTS_BODY  [  NGO~]\n"                     // 9
    "DEPARTMENT [~ENV}\n"                               // 10
    "CHIEF EXECUTIVE [~GOV]\n"                          // 11
    "!UNKNOWN!_OF_X [~GOV]\n"                           // 12
    "ISLAMIC_EXTREMIST\n";                              // 13

TEST_CASE("PETRARCH agents: codes, plurals and substitution sets", "[extract]") {
  auto r = ReadAgents(kAgents, "agents.txt");
  REQUIRE(r.ok());
  REQUIRE(r->substitutions.size() == 1);
  CHECK(r->substitutions[0].first == "PERSON");
  CHECK(r->substitutions[0].second == std::vector<std::string>{"MAN", "MEN", "WOMAN"});
  const auto& e = r->entries;
  REQUIRE(e.size() == 12);
  CHECK(e[0].phrase.Text() == "PARLIAMENTARY OPPOSITION");
  CHECK(e[0].plurals.empty());  // {}
  CHECK(e[0].code == "OPP");
  CHECK(e[0].placement == AgentEntry::Placement::kSuffix);
  CHECK(Texts(e[1].plurals) == std::vector<std::string>{"AMBASSADORS"});
  CHECK(Texts(e[2].plurals) == std::vector<std::string>{"ATTORNEYS GENERAL"});
  CHECK(Texts(e[3].plurals) == std::vector<std::string>{"CONGRESSES"});
  // CONGRESS!PERSON!: one entry per member, no plurals.
  CHECK(e[4].phrase.Text() == "CONGRESSMAN");
  CHECK(e[5].phrase.Text() == "CONGRESSMEN");
  CHECK(e[6].phrase.Text() == "CONGRESSWOMAN");
  CHECK(e[4].marker == "PERSON");
  CHECK(e[4].plurals.empty());
  CHECK(e[4].line == 6);
  CHECK(Texts(e[7].plurals) == std::vector<std::string>{"AUTHORITIES"});
  CHECK(Texts(e[8].plurals) == std::vector<std::string>{"AIRWAYS"});
  CHECK(e[9].code == "NGO");
  CHECK(e[9].placement == AgentEntry::Placement::kPrefix);
  CHECK(e[10].code == "ENV");
  CHECK(WarnedAt(r->warnings, 10, "closed by '}'"));
  // A blank between words: other words may stand between them.
  CHECK(e[11].phrase.loose == std::vector<bool>{true});
  CHECK(e[1].phrase.loose.empty());
  CHECK(e[0].phrase.loose == std::vector<bool>{false});
  CHECK(WarnedAt(r->warnings, 12, "undefined substitution marker !UNKNOWN!"));
  CHECK(WarnedAt(r->warnings, 13, "without a [code]"));
}

TEST_CASE("PETRARCH agents: malformed lines", "[extract]") {
  auto a = ReadAgents("GOOD [~GOV]\nBAD [GOV]\n", "ag.txt");
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().message() == "ag.txt:2: agent code 'GOV' has no '~' before or after it");
  auto b = ReadAgents("\n\nX {XS [~GOV]\n", "ag.txt");
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == "ag.txt:3: '{' without '}'");
}

// ------------------------------------------------------------------ verbs

constexpr const char* kVerbs =
    "# synsets\n"                                           // 1
    "&CURRENCY\n"                                           // 2
    "+DOLLAR\n"                                             // 3
    "+CASH_\n"                                              // 4
    "+SWISS FRANC\n"                                        // 5
    "&AUXVERB_\n"                                           // 6
    "+WILL\n"                                               // 7
    "&NESTED\n"                                             // 8
    "+&CURRENCY\n"                                          // 9
    "\n"                                                    // 10
    "--- SHOW   [---]  ---\n"                               // 11
    "SHOW {SHOWS SHOWING SHOWED SHOWN }  # SHAN  8/5/93\n"  // 12
    "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\n"              // 13
    "WIRE_+TAP\n"                                           // 14
    "FAIL [120]\n"                                          // 15
    "- * {LITTLE SIGN} (OF FADING)    [012]   # SHOW\n"     // 16
    "- $ * + &CURRENCY [071:072]\n"                         // 17
    "- + WAS_ * TO_ ^ FROM $  [174]\n"                      // 18
    "- % * {ARMS | &CURRENCY AID}  [:073]\n"                // 19
    "- NEW_&CURRENCY_RELATIONS * [903]\n"                   // 20
    "- * (OF ) [---]\n"                                     // 21
    "- * &WEATHER [011]\n"                                  // 22
    "- * VISIT) [042]\n"                                    // 23
    "- * NO CODE\n"                                         // 24
    "--- ACCUSE [112]---\n"                                 // 25
    "ACCUSE\n"                                              // 26
    "STOP ;shan 8/30/93\n"                                  // 27
    "~ a (b . ATTACK) SAY = a b 112\n"                      // 28
    "~ garbage\n";                                          // 29

TEST_CASE("PETRARCH verbs: synsets, verbs and blocks", "[extract]") {
  auto r = ReadVerbs(kVerbs, "verbs.txt");
  REQUIRE(r.ok());
  REQUIRE(r->synsets.size() == 3);
  const Synset& cur = r->synsets[0];
  CHECK(cur.name == "CURRENCY");
  CHECK_FALSE(cur.no_plurals);
  REQUIRE(cur.members.size() == 3);
  CHECK(Texts(cur.members[0].plurals) == std::vector<std::string>{"DOLLARS"});
  CHECK(cur.members[1].plurals.empty());  // CASH_
  CHECK(Texts(cur.members[2].plurals) == std::vector<std::string>{"SWISS FRANCS"});
  CHECK(r->synsets[1].name == "AUXVERB");
  CHECK(r->synsets[1].no_plurals);
  CHECK(r->synsets[1].members[0].plurals.empty());
  CHECK(r->synsets[2].members[0].synset == "CURRENCY");

  REQUIRE(r->blocks.size() == 2);
  const VerbBlock& show = r->blocks[0];
  CHECK(show.name == "SHOW");
  CHECK(show.code.active == "---");
  CHECK(show.line == 11);
  REQUIRE(show.verbs.size() == 4);
  CHECK(Texts(VerbForms(show.verbs[0])) ==
        std::vector<std::string>{"SHOW", "SHOWS", "SHOWING", "SHOWED", "SHOWN"});
  const Verb& bd = show.verbs[1];
  CHECK(bd.phrase.Text() == "BREAK DOWN");
  CHECK(bd.head == 0);
  REQUIRE(bd.irregular.size() == 2);
  CHECK(bd.irregular[1].first.Text() == "BROKE DOWN");
  const Verb& tap = show.verbs[2];
  CHECK(tap.head == 1);
  CHECK(Texts(VerbForms(tap)) ==
        std::vector<std::string>{"WIRE TAP", "WIRE TAPS", "WIRE TAPPED", "WIRE TAPPING"});
  CHECK(show.verbs[3].code.active == "120");
  CHECK(r->blocks[1].name == "ACCUSE");
  CHECK(r->blocks[1].code.active == "112");
  CHECK(r->blocks[1].verbs.size() == 2);  // ';' starts a TABARI comment
  REQUIRE(r->transformations.size() == 1);
  const Transformation& t = r->transformations[0];
  CHECK(t.source == "a");
  CHECK(t.inner_source == "b");
  CHECK(t.inner_target == ".");
  CHECK(t.inner_verb == "ATTACK");
  CHECK(t.verb == "SAY");
  CHECK(t.result_code == "112");
}

TEST_CASE("PETRARCH verbs: patterns are parsed into elements", "[extract]") {
  auto r = ReadVerbs(kVerbs, "verbs.txt");
  REQUIRE(r.ok());
  const auto& pats = r->blocks[0].patterns;
  REQUIRE(pats.size() == 6);

  // - * {LITTLE SIGN} (OF FADING) [012]
  const Pattern& p0 = pats[0];
  CHECK(p0.line == 16);
  CHECK(p0.code.active == "012");
  CHECK(p0.comment == "SHOW");
  REQUIRE(p0.elements.size() == 3);
  CHECK(p0.elements[0].kind == Kind::kVerb);
  CHECK(p0.elements[1].kind == Kind::kNounPhrase);
  REQUIRE(p0.elements[1].children.size() == 2);
  CHECK(p0.elements[1].children[1].text == "SIGN");
  CHECK(p0.elements[2].kind == Kind::kPrepPhrase);
  CHECK(p0.elements[2].children[0].text == "OF");
  CHECK(p0.elements[2].children[1].text == "FADING");

  // - $ * + &CURRENCY [071:072]
  const Pattern& p1 = pats[1];
  REQUIRE(p1.elements.size() == 4);
  CHECK(p1.elements[0].kind == Kind::kSource);
  CHECK(p1.elements[2].kind == Kind::kTarget);
  CHECK(p1.elements[3].kind == Kind::kSynset);
  CHECK(p1.elements[3].text == "CURRENCY");
  CHECK(p1.code == EventCode{"071", "072"});

  // - + WAS_ * TO_ ^ FROM $ [174]
  const Pattern& p2 = pats[2];
  REQUIRE(p2.elements.size() == 7);
  CHECK(p2.elements[1].text == "WAS");
  CHECK(p2.elements[1].joined);
  CHECK_FALSE(p2.elements[0].joined);
  CHECK(p2.elements[4].kind == Kind::kSkip);
  CHECK(p2.elements[6].kind == Kind::kSource);

  // - % * {ARMS | &CURRENCY AID} [:073]
  const Pattern& p3 = pats[3];
  CHECK(p3.elements[0].kind == Kind::kCompound);
  REQUIRE(p3.elements[2].kind == Kind::kAlternatives);
  REQUIRE(p3.elements[2].children.size() == 2);
  CHECK(p3.elements[2].children[1].kind == Kind::kNounPhrase);
  CHECK(p3.elements[2].children[1].children[0].kind == Kind::kSynset);
  CHECK(p3.code == EventCode{"", "073"});

  // - NEW_&CURRENCY_RELATIONS * : the synset name ends at the known name.
  const Pattern& p4 = pats[4];
  REQUIRE(p4.elements.size() == 4);
  CHECK(p4.elements[1].kind == Kind::kSynset);
  CHECK(p4.elements[1].text == "CURRENCY");
  CHECK(p4.elements[1].joined);
  CHECK(p4.elements[2].text == "RELATIONS");

  CHECK(pats[5].elements[1].kind == Kind::kPrepPhrase);
  CHECK(pats[5].code.active == "---");

  // Skipped, counted and reported: undefined synset, stray ')', no code, a
  // malformed transformation.
  CHECK(r->skipped_patterns == 4);
  CHECK(WarnedAt(r->warnings, 22, "undefined synset &WEATHER"));
  CHECK(WarnedAt(r->warnings, 23, "unexpected ')'"));
  CHECK(WarnedAt(r->warnings, 24, "without a final [code]"));
  CHECK(WarnedAt(r->warnings, 29, "transformation"));
}

TEST_CASE("PETRARCH verbs: the code may stand before the irregular forms", "[extract]") {
  auto r = ReadVerbs("--- SNUB [---] ---\nSNUB [111] {SNUBS SNUBBING SNUBBED}\n", "v.txt");
  REQUIRE(r.ok());
  const Verb& v = r->blocks[0].verbs[0];
  CHECK(v.code.active == "111");
  CHECK(v.irregular.size() == 3);
  CHECK(v.phrase.Text() == "SNUB");
}

TEST_CASE("PETRARCH verbs: malformed lines", "[extract]") {
  auto a = ReadVerbs("# no block yet\nACCUSE\n", "v.txt");
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().message() == "v.txt:2: 'ACCUSE' is outside any verb block or synset");
  auto b = ReadVerbs("--- A [010] ---\nA {AS\n", "v.txt");
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == "v.txt:2: '{' without '}'");
  auto c = ReadVerbs("--- [010] ---\n", "v.txt");
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message() == "v.txt:1: a verb block without a name");
}

TEST_CASE("PETRARCH regular verb forms and plurals", "[extract]") {
  auto forms = [](const std::string& w) {
    return Texts(RegularVerbForms(Phrase{{w}, {}, false}, 0));
  };
  CHECK(forms("ACCUSE") == std::vector<std::string>{"ACCUSE", "ACCUSES", "ACCUSED", "ACCUSING"});
  CHECK(forms("STOP") == std::vector<std::string>{"STOP", "STOPS", "STOPPED", "STOPPING"});
  CHECK(forms("CARRY") == std::vector<std::string>{"CARRY", "CARRIES", "CARRIED", "CARRYING"});
  CHECK(forms("TIE") == std::vector<std::string>{"TIE", "TIES", "TIED", "TYING"});
  CHECK(forms("push") == std::vector<std::string>{"push", "pushes", "pushed", "pushing"});
  CHECK(forms("visit") == std::vector<std::string>{"visit", "visits", "visited", "visiting"});
  CHECK(RegularPlural(Phrase{{"PRESS"}, {}, false}).Text() == "PRESSES");
  CHECK(RegularPlural(Phrase{{"FOREIGN", "MINISTER"}, {false}, false}).Text() ==
        "FOREIGN MINISTERS");
}

// ------------------------------------------------------------------ discards,
// issues

TEST_CASE("PETRARCH discards", "[extract]") {
  auto r = ReadDiscards("# header\nMONTHS LATER\n+World Golf Championships   # pas\nGROUP D_\n",
                        "d.txt");
  REQUIRE(r.ok());
  REQUIRE(r->entries.size() == 3);
  CHECK_FALSE(r->entries[0].story);
  CHECK(r->entries[1].story);
  CHECK(r->entries[1].phrase.Text() == "World Golf Championships");
  CHECK(r->entries[2].phrase.closed);
  CHECK(r->entries[2].line == 4);
}

TEST_CASE("PETRARCH issues: categories, ignore phrases and expansions", "[extract]") {
  const char* text =
      "<ISSUE CATEGORY=\"ID_ATROCITY\" TYPE=\"ALL\">\n"  // 1
      "n:atrocity [ID_ATROCITY]\n"                       // 2
      "ethnic v:purge [ID_ATROCITY]\n"                   // 3
      "al+zarqawi network [NAMED_TERROR_GROUP]\n"        // 4
      "~Saturday Night massacre\n"                       // 5
      "~~Armenian genocide  # historical\n"              // 6
      "eurozone\n"                                       // 7 no code
      "a [X]b [X]\n"                                     // 8 two on a line
      "</ISSUE>\n";
  auto r = ReadIssues(text, "i.txt");
  REQUIRE(r.ok());
  const auto& e = r->entries;
  REQUIRE(e.size() == 8);
  CHECK(e[0].category == "ID_ATROCITY");
  CHECK(e[0].code == "ID_ATROCITY");
  CHECK(e[0].Variants() == std::vector<std::string>{"atrocities", "atrocity"});
  CHECK(e[1].Variants() == std::vector<std::string>{"ethnic purge", "ethnic purged",
                                                    "ethnic purges", "ethnic purging"});
  CHECK(e[2].Variants() == std::vector<std::string>{"al zarqawi network", "al-zarqawi network"});
  CHECK(e[3].ignore == 1);
  CHECK(e[3].code.empty());
  CHECK(e[4].ignore == 2);
  CHECK(e[4].text == "Armenian genocide");
  CHECK(e[5].code == "ID_ATROCITY");
  CHECK(WarnedAt(r->warnings, 7, "no [code]"));
  CHECK(e[6].text == "a");
  CHECK(e[7].text == "b");
  CHECK(e[7].line == 8);

  auto bad = ReadIssues("loose phrase\n", "i.txt");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "i.txt:1: an issue phrase without a [code]");
}

// ------------------------------------------------------------------ to kg

Dictionaries SmallDictionaries() {
  Dictionaries d;
  auto actors = ReadActors(
      "UNITED_STATES [USA]\n+U.S.\n+US_\n"
      "AMERICAN_PEOPLE [USA]\n"
      "UNITED_NATIONS_ [IGOUNO]\n+UN_\n"
      "HAMAS [PSEREBHMS]\n"
      "BARACK_OBAMA_\n\t[USAELI 19610804-20090120]\n\t[USAGOV >20090120]\n"
      "UNITED_STATES [USA]\n+AMERICA\n"
      "BOROMIR [---]\n",
      "a.txt");
  REQUIRE(actors.ok());
  AppendActors(&d.actors, std::move(*actors));
  auto verbs = ReadVerbs(
      "--- ACCUSE [112] ---\nACCUSE\nCHARGE\n- * (OF CRIMES) [1121]\n"
      "--- MEET [---] ---\nMEET {MEETS MET MEETING}\n+SIT_DOWN [040]\nCHARGE "
      "[040]\n",
      "v.txt");
  REQUIRE(verbs.ok());
  d.verbs = std::move(*verbs);
  return d;
}

// SmallDictionaries() with `verbs` (a verb file's text) as its verbs,
// converted: the actors' and the relations' JSON.
std::pair<std::string, std::string> ConvertWithVerbs(const std::string& verbs,
                                                     ConvertStats* st = nullptr) {
  Dictionaries d = SmallDictionaries();
  auto v = ReadVerbs(verbs, "v.txt");
  REQUIRE(v.ok());
  d.verbs = std::move(*v);
  auto json = ToLexiconJson(d, ConvertOptions{}, st);
  REQUIRE(json.ok());
  return *json;
}

TEST_CASE("PETRARCH event codes may be refined by a letter", "[extract]") {
  ConvertStats st;
  auto json = ConvertWithVerbs(
      "--- BARGAIN [031] ---\nBARGAIN\n- * FOR_ASYLUM [174K]\n- * PEACE [+++]\n"
      "--- HELP [210a] ---\nHELP\n--- BLAST [+++] ---\nBLAST\n",
      &st);
  auto lex = Lexicon::FromJson(json.first, json.second, "petrarch");
  REQUIRE(lex.ok());
  const Lexicon& l = **lex;
  REQUIRE(l.relations().size() == 2);
  CHECK(l.relations()[0].cameo == "031");
  REQUIRE(l.relations()[0].patterns.size() == 1);
  CHECK(l.relations()[0].patterns[0].cameo == "174K");
  CHECK(l.relations()[1].cameo == "210a");
  CHECK(st.patterns_dropped == 1);  // [+++]
  CHECK(st.verbs_no_code == 1);     // BLAST [+++]
}

TEST_CASE("A later block's patterns join the relation that has its verb", "[extract]") {
  ConvertStats st;
  auto json = ConvertWithVerbs(
      "--- SHOT [---] ---\nSHOT\n- *_AND_WOUND [223]\n"
      "--- SHOT [223] ---\nSHOT\n- + WAS * DEAD IN $ [224]\n"
      "--- FIRE [190] ---\nFIRE\n--- FIRE [191] ---\nFIRE\n- * AT [192]\n",
      &st);
  auto j = nlohmann::json::parse(json.second);
  const auto& rels = j["relations"];
  REQUIRE(rels.size() == 2);
  CHECK(rels[0]["forms"][0] == "shot");
  REQUIRE(rels[0]["patterns"].size() == 2);
  CHECK(rels[0]["patterns"][1]["cameo"] == "224");
  // A relation without patterns of its own takes none: they would apply to
  // every verb of its code.
  CHECK(rels[1]["forms"][0] == "fire");
  CHECK_FALSE(rels[1].contains("patterns"));
  CHECK(st.pattern_blocks_merged == 1);
}

TEST_CASE("PETRARCH '_' next to the verb becomes a '_' item", "[extract]") {
  auto json = ConvertWithVerbs(
      "--- ALLOW [080] ---\nALLOW\n- RECENTLY_* [025]\n- *_OUT [026]\n"
      "- IN_AND_*_OUT_AGAIN [074]\n");
  auto j = nlohmann::json::parse(json.second);
  const auto& patterns = j["relations"][0]["patterns"];
  REQUIRE(patterns.size() == 3);
  CHECK(patterns[0]["before"] == nlohmann::json::array({"recently", "_"}));
  CHECK(patterns[1]["after"] == nlohmann::json::array({"_", "out"}));
  CHECK(patterns[2]["before"] == nlohmann::json::array({"in and", "_"}));
  CHECK(patterns[2]["after"] == nlohmann::json::array({"_", "out again"}));
}

TEST_CASE("PETRARCH dictionaries convert to a kg lexicon", "[extract]") {
  Dictionaries d = SmallDictionaries();
  ConvertStats st;
  auto json = ToLexiconJson(d, ConvertOptions{}, &st);
  REQUIRE(json.ok());
  auto lex = Lexicon::FromJson(json->first, json->second, "petrarch");
  REQUIRE(lex.ok());
  const Lexicon& l = **lex;

  const LexiconActor* usa = l.FindActor("USA");
  REQUIRE(usa != nullptr);
  CHECK(usa->actor.type == graph::ActorType::kCountry);
  CHECK(usa->actor.name == "United States");
  CHECK(Has(usa->actor.aliases, "US"));
  CHECK(Has(usa->actor.aliases, "America"));  // merged duplicate entry
  const LexiconActor* people = l.FindActor("USA-american-people");
  REQUIRE(people != nullptr);
  // Another entry with a country code: a second actor of type country.
  CHECK(people->actor.type == graph::ActorType::kCountry);
  CHECK(l.FindActor("IGOUNO")->actor.type == graph::ActorType::kOrganization);
  CHECK(l.FindActor("PSEREBHMS")->actor.type == graph::ActorType::kGroup);
  const LexiconActor* obama = l.FindActor("USAGOV");
  REQUIRE(obama != nullptr);
  CHECK(obama->actor.type == graph::ActorType::kPerson);
  CHECK(obama->actor.name == "Barack Obama");
  CHECK(st.actors == 5);
  CHECK(st.actor_entries_merged == 1);
  CHECK(st.actor_entries_no_code == 1);  // BOROMIR [---]

  // "US" keeps its capitals, so the pronoun does not match.
  Segmenter seg;
  auto tokens = seg.Tokenize("US officials told us that Barack Obama accused Hamas");
  auto m = l.MatchActor(tokens, 0);
  REQUIRE(m);
  CHECK(l.actors()[m->index].actor.id == "USA");
  CHECK_FALSE(l.MatchActor(tokens, 3));

  REQUIRE(l.relations().size() == 2);
  CHECK(l.relations()[0].name == "accuse");
  CHECK(l.relations()[0].cameo == "112");
  CHECK(l.relations()[1].name == "sit down");  // the first verb with code 040
  CHECK(l.relations()[1].cameo == "040");
  auto verb = l.MatchVerb(tokens, 7);
  REQUIRE(verb);
  CHECK(l.relations()[verb->index].cameo == "112");
  CHECK(st.verbs_no_code == 1);  // MEET: the null code
  CHECK(st.forms_shared == 4);   // CHARGE [040] repeats CHARGE's forms
  // ACCUSE's pattern goes with its relation, as words after the verb.
  CHECK(st.patterns == 1);
  CHECK(st.patterns_dropped == 0);
  REQUIRE(l.relations()[0].patterns.size() == 1);
  const LexiconPattern& p = l.relations()[0].patterns[0];
  CHECK(p.cameo == "1121");
  CHECK(p.before.empty());
  REQUIRE(p.after.size() == 2);
  CHECK(p.after[0].alternatives == std::vector<std::vector<std::string>>{{"of"}});
  CHECK(p.after[1].alternatives == std::vector<std::vector<std::string>>{{"crimes"}});
  CHECK(l.relations()[1].patterns.empty());
  CHECK(json->second.find("\"sat down\"") == std::string::npos);  // regular: "sitted down"
}

TEST_CASE("PETRARCH conversion picks dated codes as of a date", "[extract]") {
  Dictionaries d = SmallDictionaries();
  auto json = ToLexiconJson(d, ConvertOptions{"2005-01-01"});
  REQUIRE(json.ok());
  auto lex = Lexicon::FromJson(json->first, json->second, "petrarch");
  REQUIRE(lex.ok());
  CHECK((*lex)->FindActor("USAELI") != nullptr);
  CHECK((*lex)->FindActor("USAGOV") == nullptr);

  auto bad = ToLexiconJson(d, ConvertOptions{"20050101"});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("PETRARCH LoadDirectory names a missing file", "[extract]") {
  FileNames names;
  names.actors = {"nope.actors.txt"};
  auto r = LoadDirectory("/nonexistent-dir", names);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kNotFound);
  CHECK(r.status().message() == "/nonexistent-dir/nope.actors.txt: no such file");
}

// ------------------------------------------------------------------ real files

std::string DictionaryDir() {
  std::string shared = "../shared";
#ifdef KG_SHARED_DIR
  shared = KG_SHARED_DIR;
#endif
  if (const char* env = std::getenv("KG_SHARED_DIR")) shared = env;
  return shared + "/petrarch/dictionaries";
}

TEST_CASE("PETRARCH discards convert to kg discards with their scope", "[extract]") {
  Dictionaries d = SmallDictionaries();
  auto discards = ReadDiscards(
      "# story discards carry a '+'\n"
      "MONTHS LATER\n"
      "+World Golf Championships   # pas 26-Feb-2014\n"
      "+TYPHOON   # ELH 04 Aug 2009\n"
      "GROUP D_\n",
      "d.txt");
  REQUIRE(discards.ok());
  d.discards = std::move(*discards);
  ConvertStats st;
  auto json = ToLexiconJson(d, ConvertOptions{}, &st);
  REQUIRE(json.ok());
  CHECK(st.discards == 4);
  CHECK(json->first.find(R"({"phrase":"months later","scope":"sentence","stem":true})") !=
        std::string::npos);
  CHECK(json->first.find(R"({"phrase":"typhoon","scope":"story","stem":true})") !=
        std::string::npos);
  CHECK(json->first.find(R"({"phrase":"group d","scope":"sentence"})") != std::string::npos);
  auto lex = Lexicon::FromJson(json->first, json->second, "petrarch");
  REQUIRE(lex.ok());
  const Lexicon& l = **lex;
  CHECK(l.discard_count() == 4);
  CHECK(l.FindActor("USA") != nullptr);  // the actors are still there
  Segmenter seg;
  auto discard = [&](std::string_view text) { return l.Discard(seg.Tokenize(text)); };
  CHECK(discard("The United States accused Iran of lying") == DiscardScope::kNone);
  CHECK(discard("Months later, the talks resumed") == DiscardScope::kSentence);
  CHECK(discard("Tiger Woods won the World Golf Championships") == DiscardScope::kStory);
  CHECK(discard("Typhoons battered the Philippines") == DiscardScope::kStory);  // a stem
  CHECK(discard("Spain tops Group D.") == DiscardScope::kSentence);
  CHECK(discard("Spain tops Group Delta") == DiscardScope::kNone);  // '_': a whole word
  CHECK(discard("Months later the typhoon came") == DiscardScope::kStory);  // the widest

  // No discards: no "discards" key, nothing to match.
  Dictionaries none = SmallDictionaries();
  auto plain = ToLexiconJson(none, ConvertOptions{}, &st);
  REQUIRE(plain.ok());
  CHECK(st.discards == 0);
  CHECK(plain->first.find("\"discards\"") == std::string::npos);
}

TEST_CASE("PETRARCH paired codes convert to an event and its reverse", "[extract]") {
  auto json = ConvertWithVerbs(
      "--- LEFT [032:033] ---\nLEFT\n"
      "--- RUSH [---] ---\nRUSH\n- * (TO) [042:043]\n- * (BEFORE COURT) [:173]\n");
  const std::string& r = json.second;
  CHECK(r.find(R"("cameo":"032","reverse":"033")") != std::string::npos);
  CHECK(r.find(R"({"after":["to"],"cameo":"042","reverse":"043"})") != std::string::npos);
  CHECK(r.find(R"({"after":["before","court"],"cameo":"","reverse":"173"})") != std::string::npos);
  auto lex = Lexicon::FromJson(json.first, json.second, "petrarch");
  REQUIRE(lex.ok());
  CHECK((*lex)->relations()[0].reverse == "033");
}

TEST_CASE("PETRARCH agents convert to kg agents, one per code and placement", "[extract]") {
  Dictionaries d = SmallDictionaries();
  auto agents = ReadAgents(
      "!PERSON! = MAN, MEN\n"
      "POLICE {} [~COP]\n"
      "BORDER_POLICE {} [~COP]\n"
      "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
      "MSF {} [NGO~]\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "SOLDIER [~MIL]\n",
      "a.txt");
  REQUIRE(agents.ok());
  d.agents = std::move(*agents);
  ConvertStats st;
  auto json = ToLexiconJson(d, ConvertOptions{}, &st);
  REQUIRE(json.ok());
  CHECK(st.agents == 5);
  CHECK(st.agent_names == 9);
  const std::string& a = json->first;
  CHECK(a.find(R"({"code":"COP","names":["police","border police"]})") != std::string::npos);
  CHECK(a.find(R"({"code":"GGS","names":["golden goose","golden geese"]})") != std::string::npos);
  CHECK(a.find(R"({"code":"NGO","placement":"prefix","names":["msf"]})") != std::string::npos);
  CHECK(a.find(R"({"code":"LEG","names":["congressman","congressmen"]})") != std::string::npos);
  CHECK(a.find(R"({"code":"MIL","names":["soldier","soldiers"]})") != std::string::npos);
  auto lex = Lexicon::FromJson(json->first, json->second, "petrarch");
  REQUIRE(lex.ok());
  REQUIRE((*lex)->agents().size() == 5);
  CHECK((*lex)->agents()[0].code == "COP");
  CHECK((*lex)->agents()[2].prefix);
  Segmenter seg;
  auto tokens = seg.Tokenize("Golden Geese");
  auto m = (*lex)->MatchAgent(tokens, 0);
  REQUIRE(m);
  CHECK(m->length == 2);
  CHECK((*lex)->agents()[m->index].code == "GGS");

  // No agents: no "agents" key.
  auto plain = ToLexiconJson(SmallDictionaries(), ConvertOptions{}, &st);
  REQUIRE(plain.ok());
  CHECK(st.agents == 0);
  CHECK(plain->first.find("\"agents\"") == std::string::npos);
}

TEST_CASE("PETRARCH validation dictionaries load", "[extract]") {
  const std::string dir = DictionaryDir();
  if (!std::filesystem::exists(dir)) {
    WARN("skipped: " << dir << " not found");
    return;
  }
  auto d = LoadDirectory(dir, FileNames::Validate());
  REQUIRE(d.ok());
  CHECK(d->actors.entries.size() == 128);
  CHECK(d->agents.entries.size() == 95);
  CHECK(d->verbs.synsets.size() == 17);
  CHECK(d->verbs.blocks.size() == 261);
  size_t patterns = 0;
  for (const auto& b : d->verbs.blocks) patterns += b.patterns.size();
  CHECK(patterns == 474);
  CHECK(d->verbs.skipped_patterns == 0);
  CHECK(d->discards.entries.size() == 9);

  // GOLLUM: three synonyms, three dated codes (the commented ones ignored).
  const ActorEntry* gollum = nullptr;
  for (const auto& e : d->actors.entries) {
    if (e.phrase.Text() == "GOLLUM") gollum = &e;
  }
  REQUIRE(gollum != nullptr);
  CHECK(gollum->synonyms.size() == 3);
  REQUIRE(gollum->codes.size() == 3);
  CHECK(gollum->codes[1].from == "1995-06-01");
  CHECK(gollum->CodeOn("1997-01-01") == "HOBGOV");
  // !MINST!_OF_SILLY_WALKS
  bool silly = false;
  for (const auto& a : d->agents.entries) {
    if (a.phrase.Text() == "MINISTRIES OF SILLY WALKS") silly = true;
  }
  CHECK(silly);

  auto json = ToLexiconJson(*d, ConvertOptions{});
  REQUIRE(json.ok());
  auto lex = Lexicon::FromJson(json->first, json->second, "PETR.Validate");
  REQUIRE(lex.ok());
  CHECK((*lex)->FindActor("ISR") != nullptr);

  // PETR.Validate.discards.txt: 9 phrases, 4 of them '+' (story).
  const Lexicon& l = **lex;
  CHECK(l.discard_count() == 9);
  Segmenter seg;
  auto discard = [&](std::string_view text) { return l.Discard(seg.Tokenize(text)); };
  CHECK(discard("Israel accused Hamas of firing rockets.") == DiscardScope::kNone);
  CHECK(discard("Years later, Israel apologised.") == DiscardScope::kSentence);
  CHECK(discard("He played baseball in Cuba.") == DiscardScope::kSentence);
  CHECK(discard("Egypt hosts the African Nations Cup.") == DiscardScope::kSentence);
  CHECK(discard("Manchester United beat Arsenal.") == DiscardScope::kStory);
  CHECK(discard("ESPN2 showed the match.") == DiscardScope::kStory);
  CHECK(discard("Two typhoons struck Japan.") == DiscardScope::kStory);
  CHECK(discard("Years later, a TYPHOON struck.") == DiscardScope::kStory);
}

TEST_CASE("PETRARCH Phoenix dictionaries load and convert", "[extract]") {
  const std::string dir = DictionaryDir();
  if (!std::filesystem::exists(dir)) {
    WARN("skipped: " << dir << " not found");
    return;
  }
  auto start = std::chrono::steady_clock::now();
  auto d = LoadDirectory(dir, FileNames::Phoenix());
  REQUIRE(d.ok());
  ConvertStats st;
  auto json = ToLexiconJson(*d, ConvertOptions{}, &st);
  REQUIRE(json.ok());
  auto lex = Lexicon::FromJson(json->first, json->second, "Phoenix");
  REQUIRE(lex.ok());
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  // Timing is reported, not asserted (Release: about 0.4 s on an idle machine).
  WARN("Phoenix load + convert + Lexicon::FromJson: " << ms << " ms");

  size_t synonyms = 0, patterns = 0, verbs = 0;
  for (const auto& e : d->actors.entries) synonyms += e.synonyms.size();
  for (const auto& b : d->verbs.blocks) {
    patterns += b.patterns.size();
    verbs += b.verbs.size();
  }
  CHECK(d->actors.files.size() == 3);
  CHECK(d->actors.entries.size() == 27252);
  CHECK(synonyms == 8365);
  CHECK(d->agents.substitutions.size() == 2);
  CHECK(d->agents.entries.size() == 3374);
  CHECK(d->verbs.synsets.size() == 40);
  CHECK(d->verbs.blocks.size() == 397);
  CHECK(verbs == 1817);
  CHECK(patterns == 4664);
  CHECK(d->verbs.skipped_patterns == 4);
  CHECK(d->verbs.transformations.size() == 8);
  CHECK(d->discards.entries.size() == 506);
  CHECK(d->issues.entries.size() == 3172);
  CHECK(st.actors == 26058);
  CHECK(st.relations == 416);
  CHECK(st.patterns == 9240);  // a block's patterns go to each of its relations
  CHECK(st.pattern_blocks_merged == 24);
  CHECK(st.forms == 6810);
  CHECK(st.patterns_dropped == 1);  // "IN_AND_* OUT": two verbs
  CHECK(st.discards == 506);
  CHECK((*lex)->discard_count() == 506);

  const Lexicon& l = **lex;
  const LexiconActor* afg = l.FindActor("AFG");
  REQUIRE(afg != nullptr);
  CHECK(afg->actor.name == "Afghanistan");
  CHECK(Has(afg->actor.aliases, "Kabul"));
  CHECK(l.FindActor("IGOUNO") != nullptr);
  Segmenter seg;
  auto tokens = seg.Tokenize("Afghanistan accused Pakistan");
  auto verb = l.MatchVerb(tokens, 1);
  REQUIRE(verb);
  CHECK(l.relations()[verb->index].cameo.substr(0, 2) == "11");

  // The older TABARI-derived pattern file reads too.
  FileNames older;
  older.verbs = "CAMEO.verbpatterns.150430.txt";
  auto v = LoadDirectory(dir, older);
  REQUIRE(v.ok());
  CHECK(v->verbs.blocks.size() == 396);
  CHECK(v->verbs.skipped_patterns == 3);
}

}  // namespace
}  // namespace kg::extract::petrarch
