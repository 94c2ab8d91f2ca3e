#include "extract/fold.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

namespace kg::extract {
namespace {

using namespace std::string_literals;

TEST_CASE("FindInvalidUtf8 accepts well-formed text", "[extract]") {
  CHECK_FALSE(FindInvalidUtf8("").has_value());
  CHECK_FALSE(FindInvalidUtf8("Kiev and its NATO allies can either accept")
                  .has_value());
  CHECK_FALSE(FindInvalidUtf8("Recep Tayyip Erdoğan").has_value());  // 2 bytes
  CHECK_FALSE(FindInvalidUtf8("Russia’s “partial” mobilization — 1%")
                  .has_value());  // 3
  CHECK_FALSE(FindInvalidUtf8("flag \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 emoji 😀")
                  .has_value());
  // The extremes of each length.
  CHECK_FALSE(FindInvalidUtf8("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF")
                  .has_value());
  CHECK_FALSE(FindInvalidUtf8("\xED\x9F\xBF\xEE\x80\x80")
                  .has_value());  // around surrogates
  CHECK_FALSE(FindInvalidUtf8("\xF0\x90\x80\x80\xF4\x8F\xBF\xBF").has_value());
  CHECK_FALSE(FindInvalidUtf8("\0embedded NUL"s).has_value());
}

TEST_CASE("FindInvalidUtf8 reports the first bad byte", "[extract]") {
  // Truncated sequences: at the end and followed by ASCII.
  CHECK(FindInvalidUtf8("Erdo\xC4") == 4u);
  CHECK(FindInvalidUtf8("Russia\xE2\x80") == 6u);
  CHECK(FindInvalidUtf8("Russia\xE2\x80s") == 6u);
  CHECK(FindInvalidUtf8("x\xF0\x9F\x98") == 1u);
  CHECK(FindInvalidUtf8("\xF0\x9F\x98 ok") == 0u);
  // A lone continuation byte, and invalid lead bytes.
  CHECK(FindInvalidUtf8("abc\x80") == 3u);
  CHECK(FindInvalidUtf8("\xF5\x80\x80\x80") == 0u);
  CHECK(FindInvalidUtf8("\xFF") == 0u);
  // Overlong encodings of '/' and of U+0800-1, U+10000-1.
  CHECK(FindInvalidUtf8("a\xC0\xAF") == 1u);
  CHECK(FindInvalidUtf8("a\xC1\xBF") == 1u);
  CHECK(FindInvalidUtf8("a\xE0\x80\xAF") == 1u);
  CHECK(FindInvalidUtf8("a\xE0\x9F\xBF") == 1u);
  CHECK(FindInvalidUtf8("a\xF0\x80\x80\xAF") == 1u);
  CHECK(FindInvalidUtf8("a\xF0\x8F\xBF\xBF") == 1u);
  // UTF-16 surrogates (CESU-8), and code points above U+10FFFF.
  CHECK(FindInvalidUtf8("ok \xED\xA0\x80") == 3u);
  CHECK(FindInvalidUtf8("ok \xED\xBF\xBF") == 3u);
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0u);
  // The bad byte after a long ASCII run (the 8-byte fast path) and after
  // valid multi-byte text.
  const std::string ascii(37, 'a');
  CHECK(FindInvalidUtf8(ascii + "\x80" + ascii) == 37u);
  CHECK(FindInvalidUtf8("Erdoğan’s \xC3(") == 13u);
  // A continuation byte missing in the middle of a 4-byte sequence.
  CHECK(FindInvalidUtf8("\xF0\x9F\x41\x80") == 0u);
}

TEST_CASE("Fold lower-cases and collapses white space on ASCII", "[extract]") {
  CHECK(Fold("") == "");
  CHECK(Fold(" \t\n ") == "");
  CHECK(Fold("NATO") == "nato");
  CHECK(Fold("  Vladimir \t\n Putin  ") == "vladimir putin");
  CHECK(Fold("US-led") == "us-led");
  CHECK(Fold("Russia's") == "russia's");
  CHECK(Fold("300,000") == "300,000");
}

TEST_CASE("Fold removes accents and case-folds names", "[extract]") {
  CHECK(Fold("Recep Tayyip Erdoğan") == "recep tayyip erdogan");
  CHECK(Fold("Recep Tayyip Erdoğan") == Fold("RECEP TAYYIP ERDOGAN"));
  CHECK(Fold("Sébastien Lecornu") == "sebastien lecornu");
  CHECK(Fold("Straße") == "strasse");
  CHECK(Fold("İstanbul") == "istanbul");
  CHECK(Fold("Zürich") == "zurich");
  CHECK(Fold("François Hollande") == "francois hollande");
  // Decomposed input (e + COMBINING ACUTE) gives the same key as precomposed.
  CHECK(Fold("Se\xCC\x81"
             "bastien") == Fold("Sébastien"));
  // Greek final sigma and capital sigma fold alike.
  CHECK(Fold("ΟΔΥΣΣΕΥΣ") == Fold("Οδυσσεύς"));
  CHECK(Fold("ЗЕЛЕНСКИЙ") == Fold("Зеленский"));
  // All nonspacing marks go, also where they make a distinct letter (й -> и):
  // a lossy but consistent key.
  CHECK(Fold("Зеленский") == "зеленскии");
  // Scripts whose composition matters stay composed.
  CHECK(Fold("서울") == "서울");
}

TEST_CASE("Fold maps typographic punctuation and spaces", "[extract]") {
  CHECK(Fold("Russia’s") == "russia's");
  CHECK(Fold("Russia‘s") == "russia's");
  CHECK(Fold("Russiaʼs") == "russia's");
  CHECK(Fold("n’t") == "n't");
  CHECK(Fold("“red lines”") == "\"red lines\"");
  CHECK(Fold("Organization—NATO") == "organization-nato");
  CHECK(Fold("Donetsk – Kherson") == "donetsk - kherson");
  CHECK(Fold("co‐operation") == "co-operation");      // U+2010
  CHECK(Fold("New\xC2\xA0York") == "new york");       // no-break space
  CHECK(Fold("Zapor\xC2\xADozhye") == "zaporozhye");  // soft hyphen
  CHECK(Fold("\xEF\xBB\xBFKyiv\xE2\x80\x8B") ==
        "kyiv");  // BOM, zero-width space
  CHECK(Fold("Line one\u2028line two") == "line one line two");
  // Mixed: needs ICU for the ğ, and still maps the rest.
  CHECK(Fold("  Erdoğan’s  US–led\u00A0plan ") == "erdogan's us-led plan");
}

TEST_CASE("Fold is idempotent", "[extract]") {
  const std::vector<std::string> inputs = {"Recep Tayyip Erdoğan",
                                           "Straße",
                                           "Russia’s",
                                           "“red lines”",
                                           "  a \t b ",
                                           "İstanbul",
                                           "Οδυσσεύς",
                                           "Zapor\xC2\xADozhye",
                                           "Kiev and its NATO allies"};
  for (const std::string& s : inputs) {
    INFO(s);
    CHECK(Fold(Fold(s)) == Fold(s));
  }
}

TEST_CASE("Fold substitutes U+FFFD for invalid UTF-8", "[extract]") {
  CHECK(Fold("Erdo\xC4") == "erdo\xEF\xBF\xBD");
  CHECK(Fold("A\xC0\xAF"
             "B") ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD"
        "b");
  CHECK(Fold("\xED\xA0\x80").find("\xEF\xBF\xBD") == 0);
}

TEST_CASE("Fold is thread-safe", "[extract]") {
  const std::vector<std::string> inputs = {"Recep Tayyip Erdoğan", "Straße",
                                           "Οδυσσεύς", "Sébastien Lecornu",
                                           "NATO"};
  std::vector<std::string> expected;
  for (const std::string& s : inputs) expected.push_back(Fold(s));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const size_t k = static_cast<size_t>(i) % inputs.size();
        if (Fold(inputs[k]) != expected[k])
          ++mismatches[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

}  // namespace
}  // namespace kg::extract
