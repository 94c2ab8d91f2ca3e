// Text folding: the lookup key under which names are compared, and UTF-8
// validation.
//
// Every place that compares an actor name, an alias or a relation cue with
// text compares Fold() of both sides, so "Erdoğan", "ERDOGAN" and "erdogan"
// are one key, and so are "Russia’s" and "Russia's".
//
//   if (auto bad = kg::extract::FindInvalidUtf8(text)) {
//     return kg::Status::InvalidArgument("invalid UTF-8 at byte " +
//                                        std::to_string(*bad));
//   }
//   std::string key = kg::extract::Fold("Recep Tayyip Erdoğan");
//   // key == "recep tayyip erdogan"
#ifndef KG_EXTRACT_FOLD_H_
#define KG_EXTRACT_FOLD_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kg::extract {

// Returns the byte offset of the first byte of `s` that is not part of a
// well-formed UTF-8 sequence, or nullopt if all of `s` is well-formed.
// Well-formed follows the Unicode standard (Table 3-7): overlong encodings,
// UTF-16 surrogates (U+D800..U+DFFF), code points above U+10FFFF and
// sequences truncated by the end of `s` are all rejected; for a truncated or
// broken multi-byte sequence the offset is that of its lead byte.
// Pure function, thread-safe, no allocation.
std::optional<size_t> FindInvalidUtf8(std::string_view s);

// Returns the comparison key of `s`:
//   - Unicode full case folding ("ß" -> "ss", "İ" -> "i");
//   - canonical decomposition with nonspacing marks (general category Mn)
//     removed ("Erdoğan" -> "erdogan", "Sébastien" -> "sebastien"), then
//     canonical composition of what remains (so Hangul stays composed);
//   - apostrophes ’ ‘ ʼ -> ', double quotes “ ” „ -> ", dashes and hyphens
//     U+2010..U+2015 and minus U+2212 -> '-';
//   - default-ignorable code points (soft hyphen, zero-width space, BOM)
//     removed;
//   - every run of white space (Unicode White_Space, which includes
//     no-break space and line breaks) -> one ' ', leading and trailing
//     white space removed.
// Invalid UTF-8 never fails: each ill-formed sequence becomes U+FFFD, so
// callers that need an error validate with FindInvalidUtf8 first.
// Pure ASCII input (and ASCII plus the punctuation above) takes a fast path
// that does not call ICU. Thread-safe.
std::string Fold(std::string_view s);

// A stable ASCII identifier for a name: transliterated to Latin, accents
// removed, lowercased, every run of other characters one '-', trimmed
// ("Sébastien Lecornu" -> "sebastien-lecornu", "Сергей Шойгу" ->
// "sergej-sojgu"). Falls back to "x-" and a hash when nothing is left.
// Thread-safe.
std::string Slug(std::string_view s);

}  // namespace kg::extract

#endif  // KG_EXTRACT_FOLD_H_
