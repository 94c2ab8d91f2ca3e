// A small lexicon for extractor tests, independent of the default data so
// tests say exactly which entries they rely on.
#ifndef KG_TESTS_EXTRACT_TEST_LEXICON_H_
#define KG_TESTS_EXTRACT_TEST_LEXICON_H_

#include <memory>

#include "extract/lexicon.h"

namespace kg::extract::testing {

inline constexpr const char* kTestActors = R"json({
  "format": "kg-actors/1",
  "titles": ["president", "defense minister", "defence minister", "foreign minister",
             "secretary of state", "chancellor", "minister", "war minister",
             "armed forces minister", "counterpart", "leader"],
  "discards": [
    {"phrase": "World Cup", "scope": "sentence"},
    {"phrase": "WORLD CUP FINAL", "scope": "story"},
    {"phrase": "Champions League", "scope": "story"},
    {"phrase": "typhoon", "scope": "story", "stem": true},
    {"phrase": "baseball"}
  ],
  "actors": [
    {"id": "RUS", "type": "country", "code": "RUS", "name": "Russia",
     "names": ["Russia", "Russian Federation"], "demonyms": ["Russian", "Russians"],
     "metonyms": ["Moscow", "Kremlin", "the Kremlin"]},
    {"id": "UKR", "type": "country", "code": "UKR", "name": "Ukraine",
     "names": ["Ukraine"], "demonyms": ["Ukrainian"], "metonyms": ["Kyiv", "Kiev"]},
    {"id": "USA", "type": "country", "code": "USA", "name": "United States",
     "names": ["United States", "US", "U.S."], "demonyms": ["American"], "metonyms": ["Washington"]},
    {"id": "FRA", "type": "country", "code": "FRA", "name": "France",
     "names": ["France"], "demonyms": ["French"], "metonyms": ["Paris"]},
    {"id": "DEU", "type": "country", "code": "DEU", "name": "Germany",
     "names": ["Germany"], "demonyms": ["German"], "metonyms": ["Berlin"]},
    {"id": "TUR", "type": "country", "code": "TUR", "name": "Turkey",
     "names": ["Turkey", "Türkiye"], "demonyms": ["Turkish"], "metonyms": ["Ankara"]},
    {"id": "NATO", "type": "organization", "code": "IGOWSTNAT", "name": "NATO",
     "names": ["NATO", "North Atlantic Treaty Organization"]},
    {"id": "donbas", "type": "place", "code": "UKR", "name": "Donbas", "names": ["Donbas", "Donbass"],
     "country": "UKR"},
    {"id": "vladimir-putin", "type": "person", "code": "RUSGOV", "name": "Vladimir Putin",
     "names": ["Vladimir Putin", "Putin"], "country": "RUS",
     "roles": [{"role": "president", "country": "RUS", "from": "2012-05-07", "to": null}]},
    {"id": "sergey-lavrov", "type": "person", "code": "RUSGOV", "name": "Sergey Lavrov",
     "names": ["Sergey Lavrov", "Sergei Lavrov", "Lavrov"], "country": "RUS"},
    {"id": "sergey-shoigu", "type": "person", "code": "RUSGOV", "name": "Sergey Shoigu",
     "names": ["Sergey Shoigu", "Shoigu"], "country": "RUS",
     "roles": [{"role": "defence minister", "country": "RUS", "from": "2012-11-06", "to": "2024-05-12"}]},
    {"id": "sebastien-lecornu", "type": "person", "code": "FRAGOV", "name": "Sébastien Lecornu",
     "names": ["Sébastien Lecornu", "Lecornu"], "country": "FRA",
     "roles": [{"role": "armed forces minister", "country": "FRA", "from": "2022-05-20", "to": "2025-09-09"}]},
    {"id": "florence-parly", "type": "person", "code": "FRAGOV", "name": "Florence Parly",
     "names": ["Florence Parly", "Parly"], "country": "FRA",
     "roles": [{"role": "armed forces minister", "country": "FRA", "from": "2017-06-21", "to": "2022-05-20"}]},
    {"id": "recep-tayyip-erdogan", "type": "person", "code": "TURGOV", "name": "Recep Tayyip Erdoğan",
     "names": ["Recep Tayyip Erdoğan", "Erdoğan"], "country": "TUR"},
    {"id": "joe-biden", "type": "person", "code": "USAGOV", "name": "Joe Biden",
     "names": ["Joe Biden", "Joseph Biden", "Biden"], "country": "USA",
     "roles": [{"role": "vice president", "country": "USA", "from": "2009-01-20", "to": "2017-01-20"},
               {"role": "president", "country": "USA", "from": "2021-01-20", "to": "2025-01-20"}]}
  ]
})json";

inline constexpr const char* kTestRelations = R"json({
  "format": "kg-relations/1",
  "relations": [
    {"relation": "meet", "cameo": "040", "forms": ["meet", "meets", "met", "meeting", "met with", "meet with", "meets with"], "preps": ["with"], "nouns": ["meeting", "meetings", "talks"]},
    {"relation": "call", "cameo": "041", "forms": ["call", "called", "calls", "telephoned", "phoned", "spoke with"], "nouns": ["call", "telephone call"]},
    {"relation": "accuse", "cameo": "112", "forms": ["accuse", "accuses", "accused", "accusing"]},
    {"relation": "attack", "cameo": "190", "forms": ["attack", "attacks", "attacked", "attacking"]},
    {"relation": "shell", "cameo": "194", "forms": ["shell", "shells", "shelled", "shelling"]},
    {"relation": "warn", "cameo": "130", "forms": ["warn", "warns", "warned", "warning"]},
    {"relation": "provoke", "cameo": "130", "forms": ["provoke", "provokes", "provoked", "provoking"]},
    {"relation": "defend", "cameo": "0871", "forms": ["defend", "defends", "defended", "defending"]},
    {"relation": "denounce", "cameo": "111", "forms": ["denounce", "denounced", "denounces", "called * out", "call * out"]},
    {"relation": "visit", "cameo": "042", "forms": ["visit", "visits", "visited", "visiting"]}
  ]
})json";

inline std::shared_ptr<const Lexicon> TestLexicon() {
  auto lex = Lexicon::FromJson(kTestActors, kTestRelations, "test lexicon");
  return lex.ok() ? *lex : nullptr;
}

}  // namespace kg::extract::testing

#endif  // KG_TESTS_EXTRACT_TEST_LEXICON_H_
