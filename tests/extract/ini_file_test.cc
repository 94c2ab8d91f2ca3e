#include "extract/ini_file.h"

#include <catch2/catch.hpp>

namespace kg::extract {
namespace {

TEST_CASE("INI: sections, keys, comments and continuation lines", "[extract]") {
  auto ini = ParseIni(
      "\xEF\xBB\xBF# a config\r\n"                     // 1  BOM, CRLF
      "[Dictionaries]\n"                               // 2
      "VerbFile_Name    = CAMEO.2.0.txt\n"             // 3  key lower-cased
      "actorfile_list   = A.txt, B.txt,\n"             // 4
      "    C.txt,  # the third\n"                      // 5  continuation, comment
      "; an old-style comment\n"                       // 6
      "\tD.txt\n"                                      // 7  still the list
      "\n"                                             // 8  ends the value
      "  [ lexicon ]  ; kg's own\n"                    // 9
      "with_default: yes\n"                            // 10 ':' separates too
      "issues =\n"                                     // 11 empty value
      "dictionaries = /data/dicts#not a comment\n",    // 12 '#' without a blank
      "kg.ini");
  REQUIRE(ini.ok());
  REQUIRE(ini->size() == 5);
  const auto& s = *ini;
  CHECK(s[0].section == "Dictionaries");
  CHECK(s[0].key == "verbfile_name");
  CHECK(s[0].value == "CAMEO.2.0.txt");
  CHECK(s[0].line == 3);
  CHECK(s[1].key == "actorfile_list");
  CHECK(s[1].value == "A.txt, B.txt, C.txt, D.txt");
  CHECK(s[1].line == 4);
  CHECK(s[0].section_line == 2);
  CHECK(s[2].section == "lexicon");
  CHECK(s[2].section_line == 9);
  CHECK(s[2].key == "with_default");
  CHECK(s[2].value == "yes");
  CHECK(s[3].key == "issues");
  CHECK(s[3].value.empty());
  CHECK(s[4].value == "/data/dicts#not a comment");
  CHECK(s[4].line == 12);
}

TEST_CASE("INI: an empty file and a file of comments have no settings", "[extract]") {
  for (const char* text : {"", "\n\n", "# nothing\n; here\n", "[empty]\n"}) {
    auto ini = ParseIni(text, "x.ini");
    REQUIRE(ini.ok());
    CHECK(ini->empty());
  }
}

TEST_CASE("INI: a blank line ends a value; an indented key after it is a key", "[extract]") {
  auto ini = ParseIni("[a]\nx = 1\n\n  y = 2\n", "x.ini");
  REQUIRE(ini.ok());
  REQUIRE(ini->size() == 2);
  CHECK((*ini)[0].value == "1");
  CHECK((*ini)[1].key == "y");
}

TEST_CASE("INI errors name the file and line", "[extract]") {
  auto error = [](const char* text) {
    auto ini = ParseIni(text, "kg.ini");
    REQUIRE_FALSE(ini.ok());
    CHECK(ini.status().code() == Status::Code::kParseError);
    return ini.status().message();
  };
  CHECK(error("verbs = x\n") == "kg.ini:1: key 'verbs' before any [section]");
  CHECK(error("[a]\nx = 1\njust words\n") ==
        "kg.ini:3: expected '[section]' or 'key = value', found 'just words'");
  CHECK(error("[a\n") == "kg.ini:1: '[' without ']'");
  CHECK(error("[a] b\n") == "kg.ini:1: text after the section name ']'");
  CHECK(error("[ ]\n") == "kg.ini:1: an empty section name '[]'");
  CHECK(error("[a]\n = 1\n") == "kg.ini:2: a value without a key");
  CHECK(error("[a]\nx = 1\n[b]\nx = 2\n[A]\nX = 3\n") ==
        "kg.ini:6: key 'x' is set twice in [A] (first on line 2)");
}

}  // namespace
}  // namespace kg::extract
