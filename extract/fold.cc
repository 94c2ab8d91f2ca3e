#include "extract/fold.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "graph/hash.h"

namespace kg::extract {

std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // News text is mostly ASCII: skip it eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, sizeof word);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Unicode Table 3-7: the lead byte fixes the length and the range of the
    // second byte; the ranges exclude overlongs (E0, F0), surrogates (ED)
    // and code points above U+10FFFF (F4).
    size_t len;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c == 0xE0) {
      len = 3;
      lo = 0xA0;
    } else if (c == 0xED) {
      len = 3;
      hi = 0x9F;
    } else if (c >= 0xE1 && c <= 0xEF) {
      len = 3;
    } else if (c == 0xF0) {
      len = 4;
      lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = 4;
    } else if (c == 0xF4) {
      len = 4;
      hi = 0x8F;
    } else {
      return i;  // 80..C1 (continuation or overlong lead) and F5..FF
    }
    if (n - i < len) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::nullopt;
}

namespace {

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// What one code point becomes in the key, for the characters both paths
// treat alike. kOther means "needs ICU".
enum class Mapped { kOther, kChar, kSpace, kDrop };

Mapped MapPunctuation(UChar32 c, char* out) {
  switch (c) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x02BC:  // ʼ modifier letter apostrophe
      *out = '\'';
      return Mapped::kChar;
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
      *out = '"';
      return Mapped::kChar;
    case 0x2010:  // ‐ hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // – en dash
    case 0x2014:  // — em dash
    case 0x2015:  // horizontal bar
    case 0x2212:  // − minus sign
      *out = '-';
      return Mapped::kChar;
    default:
      break;
  }
  return Mapped::kOther;
}

// The fast path: ASCII plus the punctuation, spaces and invisible characters
// common in news text. Returns false, leaving `out` unspecified, as soon as a
// code point needs case folding or normalization by ICU.
bool FoldWithoutIcu(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size());
  bool pending_space = false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const uint8_t b = p[i];
    char c;
    if (b < 0x80) {
      ++i;
      if (IsAsciiSpace(b)) {
        pending_space = !out->empty();
        continue;
      }
      c = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    } else {
      UChar32 cp;
      U8_NEXT(p, i, n, cp);
      if (cp < 0) return false;  // ill-formed: ICU substitutes U+FFFD
      switch (MapPunctuation(cp, &c)) {
        case Mapped::kChar:
          break;
        case Mapped::kOther:
          if (u_isUWhiteSpace(cp)) {
            pending_space = !out->empty();
            continue;
          }
          // Soft hyphen, zero-width space/joiners, word joiner, BOM.
          if (cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 ||
              cp == 0xFEFF) {
            continue;
          }
          return false;
        default:
          return false;
      }
    }
    if (pending_space) {
      out->push_back(' ');
      pending_space = false;
    }
    out->push_back(c);
  }
  return true;
}

// Calls `fn(dest, capacity, &status)` (an ICU preflighting function that
// returns the full length), growing `buf` once if it was too small.
template <typename Fn>
int32_t CallIcu(std::vector<UChar>* buf, Fn fn) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = fn(buf->data(), static_cast<int32_t>(buf->size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    buf->resize(static_cast<size_t>(len) + 1);
    status = U_ZERO_ERROR;
    len = fn(buf->data(), static_cast<int32_t>(buf->size()), &status);
  }
  return U_SUCCESS(status) ? len : -1;
}

struct FoldBuffers {
  std::vector<UChar> a = std::vector<UChar>(256);
  std::vector<UChar> b = std::vector<UChar>(256);
  std::vector<char> utf8 = std::vector<char>(256);
};

// Whitespace state carried across pieces of a very long input.
struct FoldState {
  bool pending_space = false;
  bool any_output = false;
};

// Folds one piece (< 2^31 UTF-16 units) with ICU and appends it to `out`.
void FoldPieceWithIcu(std::string_view piece, FoldBuffers* bufs, FoldState* st,
                      std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfd = unorm2_getNFDInstance(&status);
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return;  // no ICU data: nothing sensible to return

  int32_t len = CallIcu(&bufs->a, [&](UChar* d, int32_t cap, UErrorCode* e) {
    int32_t n = 0;
    u_strFromUTF8WithSub(d, cap, &n, piece.data(),
                         static_cast<int32_t>(piece.size()), 0xFFFD, nullptr,
                         e);
    return n;
  });
  if (len < 0) return;
  const UChar* src = bufs->a.data();
  len = CallIcu(&bufs->b, [&](UChar* d, int32_t cap, UErrorCode* e) {
    return u_strFoldCase(d, cap, src, len, U_FOLD_CASE_DEFAULT, e);
  });
  if (len < 0) return;
  const UChar* folded = bufs->b.data();
  len = CallIcu(&bufs->a, [&](UChar* d, int32_t cap, UErrorCode* e) {
    return unorm2_normalize(nfd, folded, len, d, cap, e);
  });
  if (len < 0) return;

  // Map into b (the one buffer not holding the NFD text); one pending space
  // from a previous piece may make the output one unit longer than the input.
  if (bufs->b.size() < static_cast<size_t>(len) + 2) {
    bufs->b.resize(static_cast<size_t>(len) + 2);
  }
  const UChar* decomposed = bufs->a.data();
  UChar* mapped = bufs->b.data();
  int32_t w = 0;
  bool non_ascii = false;
  for (int32_t r = 0; r < len;) {
    UChar32 cp;
    U16_NEXT(decomposed, r, len, cp);
    char c;
    if (MapPunctuation(cp, &c) == Mapped::kChar) {
      cp = static_cast<unsigned char>(c);
    } else if (u_isUWhiteSpace(cp)) {
      st->pending_space = st->any_output;
      continue;
    } else if (u_charType(cp) == U_NON_SPACING_MARK ||
               u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      continue;
    }
    if (st->pending_space) {
      mapped[w++] = u' ';
      st->pending_space = false;
    }
    st->any_output = true;
    if (cp >= 0x80) non_ascii = true;
    U16_APPEND_UNSAFE(mapped, w, cp);
  }
  len = w;
  const UChar* result = mapped;
  if (non_ascii) {
    len = CallIcu(&bufs->a, [&](UChar* d, int32_t cap, UErrorCode* e) {
      return unorm2_normalize(nfc, mapped, w, d, cap, e);
    });
    if (len < 0) return;
    result = bufs->a.data();
  }
  if (bufs->utf8.size() < static_cast<size_t>(len) * 3 + 1) {
    bufs->utf8.resize(static_cast<size_t>(len) * 3 + 1);
  }
  int32_t out_len = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(bufs->utf8.data(), static_cast<int32_t>(bufs->utf8.size()),
              &out_len, result, len, &status);
  if (U_FAILURE(status)) return;
  out->append(bufs->utf8.data(), static_cast<size_t>(out_len));
}

}  // namespace

std::string Fold(std::string_view s) {
  std::string out;
  // The fast path indexes with int32_t, like ICU's U8_NEXT.
  if (s.size() < static_cast<size_t>(INT32_MAX) && FoldWithoutIcu(s, &out)) {
    return out;
  }
  out.clear();
  thread_local FoldBuffers bufs;
  FoldState state;
  // ICU lengths are int32_t; a longer input (never a name, but no UB either)
  // is folded in pieces cut at code point boundaries.
  constexpr size_t kPiece = size_t{1} << 26;
  while (!s.empty()) {
    size_t cut = std::min(s.size(), kPiece);
    while (cut < s.size() && cut > 0 &&
           (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    if (cut == 0) cut = std::min(s.size(), kPiece);
    FoldPieceWithIcu(s.substr(0, cut), &bufs, &state, &out);
    s.remove_prefix(cut);
  }
  return out;
}

std::string Slug(std::string_view s) {
  std::string ascii;
  bool plain = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
  if (plain) {
    ascii.assign(s);
  } else {
    // Transliterators are expensive to create: one per thread, made on first
    // use (names outside the lexicon are rare).
    thread_local std::unique_ptr<icu::Transliterator> to_ascii = [] {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
          "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
      return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    if (to_ascii != nullptr && !FindInvalidUtf8(s)) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
      to_ascii->transliterate(u);
      u.toUTF8String(ascii);
    }
  }
  std::string out;
  for (char c : ascii) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      out += l;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) {
    char hex[19];
    std::snprintf(hex, sizeof hex, "x-%016llx",
                  static_cast<unsigned long long>(graph::Fnv1a64(s)));
    out = hex;
  }
  return out;
}

}  // namespace kg::extract
