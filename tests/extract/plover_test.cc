#include "extract/plover.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "extract/lexicon.h"

namespace kg::extract {
namespace {

TEST_CASE("PloverCategory: one code or more per root", "[extract]") {
  CHECK(PloverCategory("030") == "AGREE");
  CHECK(PloverCategory("0311") == "AGREE");
  CHECK(PloverCategory("036") == "AGREE");
  CHECK(PloverCategory("040") == "CONSULT");
  CHECK(PloverCategory("042") == "CONSULT");
  CHECK(PloverCategory("046") == "CONSULT");
  CHECK(PloverCategory("051") == "SUPPORT");
  CHECK(PloverCategory("057") == "SUPPORT");
  CHECK(PloverCategory("061") == "COOPERATE");
  CHECK(PloverCategory("064") == "COOPERATE");
  CHECK(PloverCategory("073") == "AID");
  CHECK(PloverCategory("075") == "AID");
  CHECK(PloverCategory("080") == "CONCEDE");
  CHECK(PloverCategory("0811") == "CONCEDE");
  CHECK(PloverCategory("0813") == "RETREAT");
  CHECK(PloverCategory("0834") == "CONCEDE");
  CHECK(PloverCategory("084") == "RETREAT");
  CHECK(PloverCategory("0841") == "RETREAT");
  CHECK(PloverCategory("0871") == "RETREAT");
  CHECK(PloverCategory("090") == "ACCUSE");
  CHECK(PloverCategory("094") == "ACCUSE");
  CHECK(PloverCategory("100") == "REQUEST");
  CHECK(PloverCategory("1056") == "REQUEST");
  CHECK(PloverCategory("111") == "ACCUSE");
  CHECK(PloverCategory("112") == "ACCUSE");
  CHECK(PloverCategory("1124") == "ACCUSE");
  CHECK(PloverCategory("120") == "REJECT");
  CHECK(PloverCategory("1246") == "REJECT");
  CHECK(PloverCategory("138") == "THREATEN");
  CHECK(PloverCategory("1385") == "THREATEN");
  CHECK(PloverCategory("141") == "PROTEST");
  CHECK(PloverCategory("1454") == "PROTEST");
  CHECK(PloverCategory("154") == "MOBILIZE");
  CHECK(PloverCategory("161") == "SANCTION");
  CHECK(PloverCategory("163") == "COERCE");
  CHECK(PloverCategory("1663") == "SANCTION");
  CHECK(PloverCategory("1711") == "COERCE");
  CHECK(PloverCategory("1712") == "ASSAULT");
  CHECK(PloverCategory("1721") == "COERCE");
  CHECK(PloverCategory("173") == "COERCE");
  CHECK(PloverCategory("175") == "ASSAULT");
  CHECK(PloverCategory("181") == "ASSAULT");
  CHECK(PloverCategory("1833") == "ASSAULT");
  CHECK(PloverCategory("190") == "ASSAULT");
  CHECK(PloverCategory("191") == "COERCE");
  CHECK(PloverCategory("192") == "COERCE");
  CHECK(PloverCategory("195") == "ASSAULT");
  CHECK(PloverCategory("201") == "ASSAULT");
  CHECK(PloverCategory("2042") == "ASSAULT");
}

TEST_CASE("PloverCategory: roots stand alone", "[extract]") {
  CHECK(PloverCategory("04") == "CONSULT");
  CHECK(PloverCategory("08") == "CONCEDE");
  CHECK(PloverCategory("19") == "ASSAULT");
}

TEST_CASE("PloverCategory: an unlisted code takes its parent's, then its root's",
          "[extract]") {
  // Not CAMEO codes, but their parents are.
  CHECK(PloverCategory("0429") == "CONSULT");  // 042
  CHECK(PloverCategory("0849") == "RETREAT");  // 084, not 08's CONCEDE
  CHECK(PloverCategory("1639") == "COERCE");   // 163, not 16's SANCTION
  CHECK(PloverCategory("1919") == "COERCE");   // 191
  CHECK(PloverCategory("1829") == "ASSAULT");  // 18
  CHECK(PloverCategory("049") == "CONSULT");   // 04
  CHECK(PloverCategory("088") == "CONCEDE");   // 08
}

TEST_CASE("PloverCategory: no category without a PLOVER counterpart", "[extract]") {
  CHECK(PloverCategory("010").empty());
  CHECK(PloverCategory("016").empty());
  CHECK(PloverCategory("020").empty());
  CHECK(PloverCategory("0214").empty());
  CHECK(PloverCategory("176").empty());
}

TEST_CASE("PloverCategory: not a CAMEO code", "[extract]") {
  CHECK(PloverCategory("---").empty());
  CHECK(PloverCategory("").empty());
  CHECK(PloverCategory("0").empty());
  CHECK(PloverCategory("12345").empty());
  CHECK(PloverCategory("04a").empty());
  CHECK(PloverCategory(" 042").empty());
  CHECK(PloverCategory("042 ").empty());
  CHECK(PloverCategory("-42").empty());
  CHECK(PloverCategory("00").empty());
  CHECK(PloverCategory("000").empty());
  CHECK(PloverCategory("210").empty());
  CHECK(PloverCategory("999").empty());
}

TEST_CASE("PloverCategory agrees with the default lexicon's plover fields",
          "[extract]") {
  auto lexicon = Lexicon::LoadDefault();
  REQUIRE(lexicon.ok());
  size_t checked = 0;
  for (const LexiconRelation& r : (*lexicon)->relations()) {
    if (r.plover.empty()) continue;
    INFO(r.name << " " << r.cameo);
    CHECK(PloverCategory(r.cameo) == r.plover);
    ++checked;
  }
  CHECK(checked > 0);
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// PLOVER's own conversion table, from ../shared when it is there. Its lines
// read "CODE: CATEGORY, mode, context # description", one section per root
// headed "NN: CATEGORY".
TEST_CASE("PloverCategory agrees with PLOVER's CAMEO conversion table", "[extract]") {
  const char* env = std::getenv("KG_SHARED_DIR");
  std::filesystem::path shared = env != nullptr ? env : KG_SHARED_DIR;
  std::filesystem::path path = shared / "petrarch/CAMEO2PLOVER-2021.txt";
  if (!std::filesystem::exists(path)) {
    WARN("skipped: " << path << " not found");
    return;
  }
  std::ifstream in(path);
  REQUIRE(in);
  size_t codes = 0;
  std::map<std::string, std::set<std::string>> headers;  // root -> categories
  std::map<std::string, std::string> by_code;
  std::string line;
  while (std::getline(in, line)) {
    size_t colon = line.find(':');
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    std::string code = line.substr(0, colon);
    std::string rest = line.substr(colon + 1);
    std::string category = Trim(rest.substr(0, rest.find_first_of(",#")));
    INFO(path.string() << ": " << line);
    REQUIRE(code.size() >= 2);
    REQUIRE(code.size() <= 4);
    REQUIRE(code.find_first_not_of("0123456789") == std::string::npos);
    if (category.empty()) continue;
    if (code.size() == 2) {
      headers[code].insert(category);
    } else {
      CHECK(PloverCategory(code) == category);
      by_code[code] = category;
      ++codes;
    }
  }
  // 257 lines with a 3- or 4-digit code (175 twice), 19 root headings.
  CHECK(codes == 257);
  REQUIRE(headers.size() == 18);
  for (const auto& [root, categories] : headers) {
    INFO("root " << root);
    std::string_view ours = PloverCategory(root);
    CHECK(categories.count(std::string(ours)) == 1);
    // 08 is headed twice (CONCEDE, RETREAT): the root takes its "x0" code's.
    CHECK(ours == by_code[root + "0"]);
  }
}

}  // namespace
}  // namespace kg::extract
