#include "extract/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

#include <cstdint>

#include "extract/fold.h"
#include "graph/hash.h"

namespace kg::extract {

namespace {

// ICU break iterators report boundaries as int32_t; longer inputs are cut
// into pieces of at most this many bytes (at a line break or a space when
// there is one, else at a code point boundary).
constexpr size_t kMaxPiece = size_t{1} << 30;

size_t CutPoint(std::string_view text, bool at_line) {
  if (text.size() <= kMaxPiece) return text.size();
  for (size_t i = kMaxPiece; i > kMaxPiece / 2; --i) {
    const char c = text[i - 1];
    if (c == '\n' || (!at_line && c == ' ')) return i;
  }
  size_t i = kMaxPiece;
  while (i > 1 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

// White space and the invisible characters that pad scraped text.
bool IsBlank(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(c) || c == 0xFEFF || (c >= 0x200B && c <= 0x200D) ||
         c == 0x2060 || c == 0x00AD;
}

bool IsLineBreak(UChar32 c) {
  return (c >= '\n' && c <= '\r') || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// Appends [begin, end) of `text` (offsets < 2^31) trimmed of blanks, if
// anything is left.
void AddTrimmed(std::string_view text, int32_t begin, int32_t end, size_t base,
                std::vector<Span>* out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (begin < end) {
    int32_t i = begin;
    UChar32 c;
    U8_NEXT(s, i, end, c);
    if (!IsBlank(c)) break;
    begin = i;
  }
  while (end > begin) {
    int32_t i = end;
    UChar32 c;
    U8_PREV(s, begin, i, c);
    if (!IsBlank(c)) break;
    end = i;
  }
  if (begin < end) {
    out->push_back(
        {base + static_cast<size_t>(begin), base + static_cast<size_t>(end)});
  }
}

// Adds the ICU sentence [begin, end) split at every line break.
void AddSplitAtLines(std::string_view text, int32_t begin, int32_t end,
                     size_t base, std::vector<Span>* out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t line_begin = begin;
  for (int32_t i = begin; i < end;) {
    const int32_t at = i;
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
    } else {
      U8_NEXT(s, i, end, c);
    }
    if (IsLineBreak(c)) {
      AddTrimmed(text, line_begin, at, base, out);
      line_begin = i;
    }
  }
  AddTrimmed(text, line_begin, end, base, out);
}

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// "U.S", "D.C", "a.m": single letters joined by periods, as ICU's word rules
// return them (the final period is a separate segment).
bool IsDottedInitials(std::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !IsAsciiLetter(w[i]) : w[i] != '.') return false;
  }
  return true;
}

// Abbreviations that precede a name, so a capital after their period starts
// the name, not a sentence. ICU's English list ("ss=standard") has Mr., Mrs.,
// Ms., Prof., Capt., Col., Sgt., Rep., Rev. and the months but not these.
bool IsTitleAbbreviation(std::string_view w) {
  static constexpr std::string_view kTitles[] = {
      "Adm",  "Atty", "Brig", "Cmdr", "Cpl",  "Dr", "Drs", "Fr",     "Ft",
      "Gen",  "Gens", "Gov",  "Govs", "Hon",  "Lt", "Maj", "Messrs", "Mt",
      "Pres", "Pvt",  "Reps", "Sen",  "Sens", "St", "Supt"};
  for (std::string_view t : kTitles) {
    if (w == t) return true;
  }
  return false;
}

// Capitalized words that start sentences far more often than they follow an
// abbreviation such as "U.S." inside one.
bool IsSentenceStarter(std::string_view w) {
  static constexpr std::string_view kStarters[] = {
      "A",         "After",   "Also",   "An",    "And",   "As",    "At",
      "But",       "By",      "During", "For",   "He",    "Her",   "His",
      "How",       "However", "I",      "If",    "In",    "It",    "Its",
      "Meanwhile", "My",      "No",     "Now",   "On",    "One",   "Our",
      "She",       "Since",   "So",     "Some",  "Still", "That",  "The",
      "Their",     "Then",    "There",  "These", "They",  "This",  "Those",
      "To",        "We",      "What",   "When",  "Where", "While", "Who",
      "Why",       "With",    "Yet",    "You"};
  for (std::string_view t : kStarters) {
    if (w == t) return true;
  }
  return false;
}

// Whether ICU's sentence break at `end` (the sentence began at `begin`) is a
// period after an abbreviation or an initial that continues the sentence:
// "Gen. Milley", "Joseph R. Biden", "St. Petersburg", "the U.S. Army". Only
// spaces or tabs may separate the period from the next word, which must be
// capitalized; after a title the sentence always continues, after an initial
// or dotted initials unless that word is a common sentence starter.
bool ContinuesAfterAbbreviation(std::string_view text, size_t begin,
                                size_t end) {
  size_t dot = end;
  while (dot > begin && (text[dot - 1] == ' ' || text[dot - 1] == '\t')) --dot;
  if (dot == end || dot == begin || text[dot - 1] != '.') return false;
  --dot;
  size_t w = dot;
  while (w > begin && (IsAsciiLetter(text[w - 1]) || text[w - 1] == '.')) --w;
  if (w == dot) return false;
  if (w > begin) {
    const unsigned char before = static_cast<unsigned char>(text[w - 1]);
    if (before >= 0x80 || (before >= '0' && before <= '9')) return false;
  }
  const std::string_view word = text.substr(w, dot - w);

  // ICU breaks after a period only before a capital (or a quote, etc.).
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  const int32_t next_begin = static_cast<int32_t>(end);
  int32_t i = next_begin;
  UChar32 first;
  U8_NEXT(s, i, n, first);
  if (first < 0 || !(u_isupper(first) || u_istitle(first))) return false;
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !u_isalpha(c)) {
      i = at;
      break;
    }
  }
  const std::string_view next = text.substr(
      static_cast<size_t>(next_begin), static_cast<size_t>(i - next_begin));

  if (IsTitleAbbreviation(word)) return true;
  // A single capital is an initial ("George W. Bush"), except the pronoun
  // and the numeral in "World War I."
  if (word.size() == 1) {
    return word[0] >= 'A' && word[0] <= 'Z' && word[0] != 'I' &&
           !IsSentenceStarter(next);
  }
  if (IsDottedInitials(word)) return !IsSentenceStarter(next);
  return false;
}

// The length in bytes of the apostrophe ending at w[0..end), or 0.
size_t ApostropheBefore(std::string_view w, size_t end) {
  if (end >= 1 && w[end - 1] == '\'') return 1;
  if (end >= 2) {
    std::string_view two = w.substr(end - 2, 2);
    if (two == "\xCA\xBC") return 2;  // ʼ U+02BC
  }
  if (end >= 3) {
    std::string_view three = w.substr(end - 3, 3);
    if (three == "\xE2\x80\x99" || three == "\xE2\x80\x98") return 3;  // ’ ‘
  }
  return 0;
}

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

// Where an English clitic starts in word `w` ("Russia’s" -> 6, "doesn’t" ->
// 4), or 0 if `w` has none. The host must be non-empty.
size_t CliticStart(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {"s",  "m",  "d",
                                                   "ll", "re", "ve"};
  for (std::string_view suffix : kSuffixes) {
    if (w.size() <= suffix.size()) continue;
    const size_t at = w.size() - suffix.size();
    if (!EqualsIgnoreAsciiCase(w.substr(at), suffix)) continue;
    const size_t apos = ApostropheBefore(w, at);
    if (apos != 0 && at > apos) return at - apos;
  }
  if (w.size() >= 3 && (w.back() | 0x20) == 't') {
    const size_t apos = ApostropheBefore(w, w.size() - 1);
    const size_t n_at = w.size() - 1 - apos - 1;  // index of the 'n'
    if (apos != 0 && w.size() >= apos + 3 && (w[n_at] | 0x20) == 'n' &&
        n_at > 0) {
      return n_at;
    }
  }
  return 0;
}

struct CharInfo {
  bool has_letter = false;
  bool capitalized = false;
  UChar32 first = -1;
};

CharInfo Inspect(std::string_view w) {
  CharInfo info;
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  const int32_t n = static_cast<int32_t>(w.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
    } else {
      U8_NEXT(s, i, n, c);
    }
    if (info.first == -1) info.first = c;
    const bool letter = c < 0x80 ? IsAsciiLetter(static_cast<char>(c))
                                 : (c >= 0 && u_isalpha(c));
    if (letter) {
      info.has_letter = true;
      info.capitalized =
          c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
      break;
    }
  }
  return info;
}

bool AllBlank(std::string_view w) {
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  const int32_t n = static_cast<int32_t>(w.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !IsBlank(c)) return false;
  }
  return true;
}

}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
  UText text = UTEXT_INITIALIZER;  // reused: utext_openUTF8 fills it in place

  ~Impl() { utext_close(&text); }

  // Points `bi` at `piece` without copying it. False if ICU refused.
  bool SetText(icu::BreakIterator* bi, std::string_view piece) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text, piece.data(), static_cast<int64_t>(piece.size()),
                   &status);
    if (U_FAILURE(status)) return false;
    bi->setText(&text, status);
    return U_SUCCESS(status);
  }

  void SentencesOfPiece(std::string_view piece, size_t base,
                        std::vector<Span>* out);
  void TokensOfPiece(std::string_view piece, size_t base,
                     std::vector<Token>* out);
  void AddWord(std::string_view piece, int32_t begin, int32_t end, size_t base,
               std::vector<Token>* out);
};

void Segmenter::Impl::SentencesOfPiece(std::string_view piece, size_t base,
                                       std::vector<Span>* out) {
  if (!SetText(sentences.get(), piece)) return;
  int32_t begin = sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE;
       end = sentences->next()) {
    if (static_cast<size_t>(end) < piece.size() &&
        ContinuesAfterAbbreviation(piece, static_cast<size_t>(begin),
                                   static_cast<size_t>(end))) {
      continue;
    }
    AddSplitAtLines(piece, begin, end, base, out);
    begin = end;
  }
}

namespace {

void PushToken(std::string_view piece, int32_t begin, int32_t end, size_t base,
               TokenKind kind, bool capitalized, std::vector<Token>* out) {
  std::string_view text = piece.substr(static_cast<size_t>(begin),
                                       static_cast<size_t>(end - begin));
  std::string norm = Fold(text);
  const uint64_t hash = graph::Fnv1a64(norm);
  out->push_back(Token{base + static_cast<size_t>(begin),
                       base + static_cast<size_t>(end), std::string(text),
                       std::move(norm), kind, capitalized, hash});
}

}  // namespace

// A segment ICU classified as a word or a number.
void Segmenter::Impl::AddWord(std::string_view piece, int32_t begin,
                              int32_t end, size_t base,
                              std::vector<Token>* out) {
  std::string_view w = piece.substr(static_cast<size_t>(begin),
                                    static_cast<size_t>(end - begin));
  const size_t clitic = CliticStart(w);
  const int32_t host_end =
      clitic == 0 ? end : begin + static_cast<int32_t>(clitic);
  const CharInfo info =
      Inspect(w.substr(0, static_cast<size_t>(host_end - begin)));
  PushToken(piece, begin, host_end, base,
            info.has_letter ? TokenKind::kWord : TokenKind::kNumber,
            info.capitalized, out);
  if (clitic != 0) {
    const CharInfo c = Inspect(w.substr(clitic));
    PushToken(piece, host_end, end, base, TokenKind::kWord, c.capitalized, out);
  }
}

void Segmenter::Impl::TokensOfPiece(std::string_view piece, size_t base,
                                    std::vector<Token>* out) {
  if (!SetText(words.get(), piece)) return;
  const int32_t n = static_cast<int32_t>(piece.size());
  int32_t begin = words->first();
  int32_t end = words->next();
  while (end != icu::BreakIterator::DONE) {
    const int32_t rule = words->getRuleStatus();
    std::string_view seg = piece.substr(static_cast<size_t>(begin),
                                        static_cast<size_t>(end - begin));
    if (rule >= UBRK_WORD_NONE_LIMIT) {
      if (IsDottedInitials(seg) && end < n &&
          piece[static_cast<size_t>(end)] == '.') {
        // Keep the abbreviation's final period when ICU made it a segment of
        // its own ("U.S" + "."); a period with marks attached stays separate.
        const int32_t after = words->next();
        if (after == end + 1) {
          PushToken(piece, begin, after, base, TokenKind::kWord,
                    Inspect(seg).capitalized, out);
          begin = after;
          end = words->next();
        } else {
          AddWord(piece, begin, end, base, out);
          begin = end;
          end = after;
        }
        continue;
      }
      AddWord(piece, begin, end, base, out);
    } else if (!AllBlank(seg)) {
      const CharInfo info = Inspect(seg);
      TokenKind kind = TokenKind::kSymbol;
      if (info.has_letter) {
        kind = TokenKind::kWord;
      } else if (info.first >= 0 && u_isdigit(info.first)) {
        kind = TokenKind::kNumber;
      } else if (info.first >= 0 && u_ispunct(info.first)) {
        kind = TokenKind::kPunct;
      }
      PushToken(piece, begin, end, base, kind, info.capitalized, out);
    }
    begin = end;
    end = words->next();
  }
}

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" turns on ICU's list of English abbreviations after which a
  // period does not end a sentence ("Mr.", "U.S.", "D.C.", "Gen.").
  impl_->sentences.reset(icu::BreakIterator::createSentenceInstance(
      icu::Locale("en@ss=standard"), status));
  if (U_SUCCESS(status)) {
    impl_->words.reset(icu::BreakIterator::createWordInstance(
        icu::Locale::getEnglish(), status));
  }
  if (U_FAILURE(status) || !impl_->sentences || !impl_->words) {
    status_ = Status::NotSupported(
        std::string("ICU break iterators unavailable: ") + u_errorName(status));
    impl_.reset();
  }
}

Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

const Status& Segmenter::status() const { return status_; }

std::vector<Span> Segmenter::Sentences(std::string_view text) {
  std::vector<Span> out;
  if (!impl_) return out;
  size_t base = 0;
  while (!text.empty()) {
    const size_t cut = CutPoint(text, /*at_line=*/true);
    impl_->SentencesOfPiece(text.substr(0, cut), base, &out);
    text.remove_prefix(cut);
    base += cut;
  }
  return out;
}

std::vector<Token> Segmenter::Tokenize(std::string_view text, size_t base) {
  std::vector<Token> out;
  if (!impl_) return out;
  out.reserve(text.size() / 5 + 1);  // news text: about one token per 5.5 bytes
  while (!text.empty()) {
    const size_t cut = CutPoint(text, /*at_line=*/false);
    impl_->TokensOfPiece(text.substr(0, cut), base, &out);
    text.remove_prefix(cut);
    base += cut;
  }
  return out;
}

}  // namespace kg::extract
