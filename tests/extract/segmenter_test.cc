#include "extract/segmenter.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/fold.h"

namespace kg::extract {
namespace {

std::vector<std::string> SentenceTexts(Segmenter& seg, std::string_view text) {
  std::vector<std::string> out;
  for (Span s : seg.Sentences(text)) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

std::vector<std::string> TokenTexts(Segmenter& seg, std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : seg.Tokenize(text)) out.push_back(t.text);
  return out;
}

const Token* Find(const std::vector<Token>& tokens, std::string_view text) {
  for (const Token& t : tokens) {
    if (t.text == text) return &t;
  }
  return nullptr;
}

// Checks the invariants every caller relies on: offsets point at the token's
// bytes, norm is Fold(text), tokens are ordered, disjoint and non-empty.
void CheckTokens(std::string_view doc, const std::vector<Token>& tokens,
                 size_t lo, size_t hi) {
  size_t prev_end = lo;
  for (const Token& t : tokens) {
    REQUIRE(t.begin >= prev_end);
    REQUIRE(t.begin < t.end);
    REQUIRE(t.end <= hi);
    REQUIRE(doc.substr(t.begin, t.end - t.begin) == t.text);
    REQUIRE(t.norm == Fold(t.text));
    prev_end = t.end;
  }
}

TEST_CASE("Segmenter constructs its ICU iterators", "[extract]") {
  Segmenter seg;
  REQUIRE(seg.status().ok());
  Segmenter moved = std::move(seg);
  CHECK(moved.Sentences("One. Two.").size() == 2);
}

TEST_CASE("Sentences follow ICU rules with curly quotes", "[extract]") {
  Segmenter seg;
  const std::string text =
      "President Erdogan then told PBS in an interview on Monday that "
      "President Putin "
      "allegedly showed “that he’s willing to end this as soon as possible”, "
      "adding that "
      "“I think a significant step will be taken forward.” Subsequent events "
      "confirmed "
      "it. Did they? Yes!";
  CHECK(SentenceTexts(seg, text) ==
        std::vector<std::string>{
            "President Erdogan then told PBS in an interview on Monday that "
            "President Putin "
            "allegedly showed “that he’s willing to end this as soon as "
            "possible”, adding "
            "that “I think a significant step will be taken forward.”",
            "Subsequent events confirmed it.", "Did they?", "Yes!"});
}

TEST_CASE("Sentences do not split after English abbreviations", "[extract]") {
  Segmenter seg;
  CHECK(SentenceTexts(
            seg, "Mr. Smith met U.S. officials in Washington. They talked.") ==
        std::vector<std::string>{"Mr. Smith met U.S. officials in Washington.",
                                 "They talked."});
  CHECK(
      SentenceTexts(
          seg, "And D.C. clearly has an interest in it. The US wants more.") ==
      std::vector<std::string>{"And D.C. clearly has an interest in it.",
                               "The US wants more."});
  CHECK(SentenceTexts(seg,
                      "Moscow warned the West (i.e., NATO) again. Kiev agreed.")
            .size() == 2);
}

TEST_CASE("Sentences do not split after titles and initials", "[extract]") {
  Segmenter seg;
  CHECK(
      SentenceTexts(seg, "Dr. Jones and Gen. Milley spoke. Then they left.") ==
      std::vector<std::string>{"Dr. Jones and Gen. Milley spoke.",
                               "Then they left."});
  CHECK(
      SentenceTexts(seg,
                    "President Joseph R. Biden met George W. Bush. Sen. Graham "
                    "and Lt. Gen. Smith went to St. Petersburg.") ==
      std::vector<std::string>{
          "President Joseph R. Biden met George W. Bush.",
          "Sen. Graham and Lt. Gen. Smith went to St. Petersburg."});
  CHECK(
      SentenceTexts(seg, "The U.S. Army and the U.N. Security Council met.") ==
      std::vector<std::string>{
          "The U.S. Army and the U.N. Security Council met."});
  // A capitalized sentence starter after initials does start a sentence.
  CHECK(SentenceTexts(
            seg,
            "He lives in the U.S. He likes it. It led to World War I. The "
            "war ended.") ==
        std::vector<std::string>{"He lives in the U.S.", "He likes it.",
                                 "It led to World War I.", "The war ended."});
  // Never across a line break.
  CHECK(SentenceTexts(seg, "By Gen.\nSmith") ==
        std::vector<std::string>{"By Gen.", "Smith"});
}

TEST_CASE("Sentences end at line breaks and blank lines", "[extract]") {
  Segmenter seg;
  const std::string text =
      "Russia’s Partial Mobilization Is Actually Aimed at De-Escalation\n\n"
      "Kiev and its NATO allies can accept it. Or not.  \n\n"
      "By Andrew Korybko\r\n"
      "American political analyst\n";
  CHECK(SentenceTexts(seg, text) ==
        std::vector<std::string>{
            "Russia’s Partial Mobilization Is Actually Aimed at De-Escalation",
            "Kiev and its NATO allies can accept it.", "Or not.",
            "By Andrew Korybko", "American political analyst"});
  // A single line break inside what ICU would call one sentence.
  CHECK(
      SentenceTexts(
          seg,
          "SHOIGU & LECORNU SPEAK - THE RUSSIANS ARE BOTHERED\nNow we know.") ==
      std::vector<std::string>{
          "SHOIGU & LECORNU SPEAK - THE RUSSIANS ARE BOTHERED",
          "Now we know."});
  CHECK(SentenceTexts(seg, "one\u2028two\u2029three") ==
        std::vector<std::string>{"one", "two", "three"});
}

TEST_CASE("Sentences are trimmed and empty ones dropped", "[extract]") {
  Segmenter seg;
  CHECK(seg.Sentences("").empty());
  CHECK(seg.Sentences(" \n\n\t \r\n").empty());
  CHECK(
      seg.Sentences("\xEF\xBB\xBF \xC2\xA0 ").empty());  // BOM, no-break space
  const std::string text = "  \xC2\xA0Hello world.\xC2\xA0 \n";
  const std::vector<Span> spans = seg.Sentences(text);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].begin == 4);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) ==
        "Hello world.");
}

TEST_CASE("Tokenize splits English clitics", "[extract]") {
  Segmenter seg;
  CHECK(TokenTexts(seg, "Russia’s Ukraine's") ==
        std::vector<std::string>{"Russia", "’s", "Ukraine", "'s"});
  CHECK(TokenTexts(seg, "they’ll they’d I’m we’re they’ve") ==
        std::vector<std::string>{"they", "’ll", "they", "’d", "I", "’m", "we",
                                 "’re", "they", "’ve"});
  CHECK(TokenTexts(seg, "doesn’t isn't can’t won’t") ==
        std::vector<std::string>{"does", "n’t", "is", "n't", "ca", "n’t", "wo",
                                 "n’t"});
  // Apostrophes that are not clitics stay inside the word; a trailing plural
  // possessive apostrophe is punctuation.
  CHECK(
      TokenTexts(seg, "O’Brien Qur’an countries’ full") ==
      std::vector<std::string>{"O’Brien", "Qur’an", "countries", "’", "full"});
  const std::vector<Token> tokens = seg.Tokenize("Russia’s");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[1].norm == "'s");
  CHECK(tokens[1].kind == TokenKind::kWord);
  CHECK_FALSE(tokens[1].capitalized);
  CHECK(seg.Tokenize("doesn’t")[1].norm == "n't");
}

TEST_CASE("Tokenize splits hyphens and dashes", "[extract]") {
  Segmenter seg;
  CHECK(TokenTexts(seg, "the US-led West") ==
        std::vector<std::string>{"the", "US", "-", "led", "West"});
  CHECK(TokenTexts(seg, "NATO-backed Ukrainian forces") ==
        std::vector<std::string>{"NATO", "-", "backed", "Ukrainian", "forces"});
  CHECK(TokenTexts(seg, "Organization—NATO") ==
        std::vector<std::string>{"Organization", "—", "NATO"});
  const std::vector<Token> tokens = seg.Tokenize("Regions – Donetsk");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[1].text == "–");
  CHECK(tokens[1].norm == "-");
  CHECK(tokens[1].kind == TokenKind::kPunct);
}

TEST_CASE("Tokenize keeps numbers and dotted abbreviations whole",
          "[extract]") {
  Segmenter seg;
  const std::vector<Token> tokens =
      seg.Tokenize("around 300,000 troops, only 1% in 2022 and 1.5 times");
  CHECK(
      TokenTexts(seg, "around 300,000 troops, only 1% in 2022 and 1.5 times") ==
      std::vector<std::string>{"around", "300,000", "troops", ",", "only", "1",
                               "%", "in", "2022", "and", "1.5", "times"});
  for (std::string_view n : {"300,000", "1", "2022", "1.5"}) {
    const Token* t = Find(tokens, n);
    REQUIRE(t != nullptr);
    CHECK(t->kind == TokenKind::kNumber);
    CHECK_FALSE(t->capitalized);
  }
  CHECK(TokenTexts(seg, "U.S. officials in D.C., at 9 a.m. today") ==
        std::vector<std::string>{"U.S.", "officials", "in", "D.C.", ",", "at",
                                 "9", "a.m.", "today"});
  CHECK(TokenTexts(seg, "the U.S.-led coalition") ==
        std::vector<std::string>{"the", "U.S.", "-", "led", "coalition"});
  CHECK(TokenTexts(seg, "in the U.K.") ==
        std::vector<std::string>{"in", "the", "U.K."});
  CHECK(TokenTexts(seg, "Mr. Smith") ==
        std::vector<std::string>{"Mr", ".", "Smith"});
  const std::vector<Token> abbrev = seg.Tokenize("U.S. officials");
  REQUIRE(!abbrev.empty());
  CHECK(abbrev[0].text == "U.S.");
  CHECK(abbrev[0].norm == "u.s.");
  CHECK(abbrev[0].kind == TokenKind::kWord);
  CHECK(abbrev[0].capitalized);
}

TEST_CASE("Tokenize classifies punctuation, quotes and symbols", "[extract]") {
  Segmenter seg;
  const std::vector<Token> tokens =
      seg.Tokenize("showed “that” [NATO] ($5) … 😀");
  CHECK(TokenTexts(seg, "showed “that” [NATO] ($5) … 😀") ==
        std::vector<std::string>{"showed", "“", "that", "”", "[", "NATO", "]",
                                 "(", "$", "5", ")", "…", "😀"});
  CHECK(Find(tokens, "“")->norm == "\"");
  CHECK(Find(tokens, "“")->kind == TokenKind::kPunct);
  CHECK(Find(tokens, "”")->norm == "\"");
  CHECK(Find(tokens, "[")->kind == TokenKind::kPunct);
  CHECK(Find(tokens, "…")->kind == TokenKind::kPunct);
  CHECK(Find(tokens, "$")->kind == TokenKind::kSymbol);
  CHECK(Find(tokens, "😀")->kind == TokenKind::kSymbol);
  CHECK(TokenTexts(seg, "...") == std::vector<std::string>{".", ".", "."});
}

TEST_CASE("Tokenize folds non-ASCII names and marks capitals", "[extract]") {
  Segmenter seg;
  const std::string text =
      "Turkish President Recep Tayyip Erdoğan met Sébastien Lecornu";
  const std::vector<Token> tokens = seg.Tokenize(text);
  REQUIRE(tokens.size() == 8);
  CHECK(tokens[4].text == "Erdoğan");
  CHECK(tokens[4].norm == "erdogan");
  CHECK(tokens[4].capitalized);
  CHECK(tokens[4].kind == TokenKind::kWord);
  CHECK_FALSE(tokens[5].capitalized);
  CHECK(tokens[6].norm == "sebastien");
  CHECK(tokens[6].capitalized);
  CHECK(TokenTexts(seg, "Élysée") == std::vector<std::string>{"Élysée"});
  CHECK(seg.Tokenize("Élysée")[0].capitalized);
  CHECK(seg.Tokenize("élysée")[0].norm == "elysee");
  CheckTokens(text, tokens, 0, text.size());
}

TEST_CASE("Tokenize offsets are base plus offset and skip white space",
          "[extract]") {
  Segmenter seg;
  const std::string doc =
      "Headline\n\n  Kiev\xC2\xA0"
      "and  its\tNATO allies’ plan. ";
  const std::vector<Span> spans = seg.Sentences(doc);
  REQUIRE(spans.size() == 2);
  const Span s = spans[1];
  const std::string_view sentence =
      std::string_view(doc).substr(s.begin, s.end - s.begin);
  const std::vector<Token> tokens = seg.Tokenize(sentence, s.begin);
  CheckTokens(doc, tokens, s.begin, s.end);
  REQUIRE(tokens.size() == 8);
  CHECK(tokens[0].begin == 12);
  CHECK(tokens[0].text == "Kiev");
  CHECK(tokens[1].text == "and");
  CHECK(tokens[5].text == "’");
  CHECK(seg.Tokenize("  \xEF\xBB\xBF\xE2\x80\x8B  \n").empty());
}

TEST_CASE("Segmenter tolerates invalid UTF-8", "[extract]") {
  Segmenter seg;
  const std::vector<std::string> bad = {
      "Erdo\xC4",
      "Russia\xE2\x80s claims. Next.",
      "\xC0\xAF\xED\xA0\x80.\n\xF4\x90\x80\x80",
      "U.S\xFF.",
      "\x80\x80\x80",
      "don\xE2\x80t",
      "a\xE2\x80\x99"};
  for (const std::string& text : bad) {
    for (Span s : seg.Sentences(text)) {
      CHECK(s.begin < s.end);
      CHECK(s.end <= text.size());
    }
    const std::vector<Token> tokens = seg.Tokenize(text, 100);
    size_t prev = 100;
    for (const Token& t : tokens) {
      CHECK(t.begin >= prev);
      CHECK(t.end <= 100 + text.size());
      CHECK(text.substr(t.begin - 100, t.end - t.begin) == t.text);
      prev = t.end;
    }
  }
  // Random bytes biased towards UTF-8 lead and continuation bytes.
  std::mt19937 rng(42);
  const std::string alphabet =
      "aZ .,'-\n\xC3\xA4\xE2\x80\x99\xF0\x9F\x98\x80\xC0\xED\xA0\xFF";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int len = static_cast<int>(rng() % 40);
    for (int i = 0; i < len; ++i)
      text.push_back(alphabet[rng() % alphabet.size()]);
    size_t prev = 0;
    for (Span s : seg.Sentences(text)) {
      REQUIRE(s.begin >= prev);
      REQUIRE(s.begin < s.end);
      REQUIRE(s.end <= text.size());
      prev = s.end;
    }
    prev = 0;
    for (const Token& t : seg.Tokenize(text)) {
      REQUIRE(t.begin >= prev);
      REQUIRE(t.begin < t.end);
      REQUIRE(t.end <= text.size());
      REQUIRE(text.substr(t.begin, t.end - t.begin) == t.text);
      prev = t.end;
    }
  }
}

std::filesystem::path SeedDir() {
  const char* shared = std::getenv("KG_SHARED_DIR");
  return std::filesystem::path(shared != nullptr ? shared : "../shared") /
         "corpus" / "seeds";
}

TEST_CASE("Segmenter offsets hold on the seed corpus", "[extract]") {
  const std::filesystem::path dir = SeedDir();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    WARN("seed corpus not found at " << dir << "; skipping");
    return;
  }
  Segmenter seg;
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string doc = buf.str();
    INFO(entry.path().string());
    REQUIRE_FALSE(FindInvalidUtf8(doc).has_value());
    const std::vector<Span> spans = seg.Sentences(doc);
    CHECK(spans.size() > 5);
    size_t prev_end = 0;
    for (Span s : spans) {
      REQUIRE(s.begin >= prev_end);
      REQUIRE(s.begin < s.end);
      const std::string_view sentence =
          std::string_view(doc).substr(s.begin, s.end - s.begin);
      REQUIRE(sentence.find('\n') == std::string_view::npos);
      const std::vector<Token> tokens = seg.Tokenize(sentence, s.begin);
      REQUIRE_FALSE(tokens.empty());
      CheckTokens(doc, tokens, s.begin, s.end);
      prev_end = s.end;
    }
    ++files;
  }
  CHECK(files > 0);
}

}  // namespace
}  // namespace kg::extract
