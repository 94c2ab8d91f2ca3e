// Sentence and word segmentation of English news text.
//
// The extractor works one sentence at a time on tokens whose byte offsets
// point back into the document (for provenance), so both steps report byte
// offsets into the UTF-8 input and never copy the document.
//
//   kg::extract::Segmenter seg;  // once per thread: creating it is expensive
//   if (!seg.status().ok()) return seg.status();
//   for (kg::extract::Span s : seg.Sentences(doc)) {
//     std::string_view sentence = doc.substr(s.begin, s.end - s.begin);
//     for (const kg::extract::Token& t : seg.Tokenize(sentence, s.begin)) {
//       // doc.substr(t.begin, t.end - t.begin) == t.text
//     }
//   }
#ifndef KG_EXTRACT_SEGMENTER_H_
#define KG_EXTRACT_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace kg::extract {

// A half-open byte range [begin, end) of the text given to Sentences().
struct Span {
  size_t begin;
  size_t end;
};

enum class TokenKind {
  kWord,    // letters, possibly with digits or inner apostrophes; clitics
  kNumber,  // "2022", "300,000", "1.5"
  kPunct,   // one punctuation character (general category P*): . , “ — ( %
  kSymbol,  // anything else: $ + € emoji
};

struct Token {
  size_t begin;  // byte offsets: base + offset in the text given to Tokenize
  size_t end;
  std::string text;  // the bytes [begin, end) of the input
  std::string norm;  // Fold(text): "’s" -> "'s", "Erdoğan" -> "erdogan"
  TokenKind kind;
  bool capitalized;  // the first letter is uppercase or titlecase
  uint64_t hash;     // graph::Fnv1a64(norm), for phrase lookups
};

// Splits text into sentences and sentences into tokens with ICU's break
// iterators. Construction creates the iterators (expensive: they load rule
// data); each call reuses them without allocating ICU objects.
// Not thread-safe: use one Segmenter per thread.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // OK unless ICU could not create its break iterators (its data files are
  // missing); then Sentences() and Tokenize() return empty vectors.
  const Status& status() const;

  // The sentences of `text`, in order, as byte spans of `text`. ICU's
  // English sentence rules with its abbreviation list ("Mr. Smith", "Prof.
  // X"), plus our own for what that list misses: a period after a title
  // ("Gen.", "Sen.", "Dr.", "St.") or a single-capital initial ("George W.
  // Bush") never ends a sentence before a capitalized word, and one after
  // dotted initials ("U.S.", "U.N.") does not unless the next word is a
  // common sentence starter ("the U.S. Army" stays whole, "in the U.S. He
  // said" splits). In addition every line break ends a sentence, so a
  // headline or a byline without final punctuation is a sentence of its own
  // (hard-wrapped text would be cut at each line). Spans are trimmed of
  // white space (and BOM / zero-width space); empty spans are dropped.
  // Invalid UTF-8 is tolerated (never read out of bounds), but the spans
  // around it are unspecified: validate with FindInvalidUtf8 first.
  std::vector<Span> Sentences(std::string_view text);

  // The tokens of `text` (usually one sentence), in order, white space
  // dropped; offsets are `base` + the byte offset in `text`, so passing the
  // sentence's begin gives offsets into the document. ICU word breaks, then:
  //   - English clitics are tokens of their own: "Russia’s" -> "Russia" "’s",
  //     "they’ll" -> "they" "’ll", "doesn’t" -> "does" "n’t" (also 'm 'd
  //     're 've, and the ASCII apostrophe);
  //   - hyphenated words are split: "US-led" -> "US" "-" "led";
  //   - each punctuation character is a token;
  //   - "300,000" and "1.5" are one kNumber token;
  //   - dotted abbreviations keep their final period: "U.S." "D.C." "a.m."
  //     (but "Mr." is "Mr" "."; sentence splitting handles it).
  // Invalid UTF-8 is tolerated as in Sentences().
  std::vector<Token> Tokenize(std::string_view text, size_t base = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;  // null when status_ is not OK
  Status status_;
};

}  // namespace kg::extract

#endif  // KG_EXTRACT_SEGMENTER_H_
