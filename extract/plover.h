// PLOVER: the event category of a CAMEO event code.
//
// PLOVER (the Open Event Data Alliance's successor to CAMEO) groups CAMEO's
// event codes into a few broad categories: 042 "make a visit" is CONSULT,
// 112 "accuse" is ACCUSE, 190 "use conventional military force" is
// ASSAULT. The table is kg's own, written after PLOVER's 2021 CAMEO
// conversion table (draft 0.8); tests/extract/plover_test.cc checks it
// against that table when ../shared/petrarch is present.
//
//   t.plover = std::string(extract::PloverCategory(t.cameo));
//   // "0311" -> "AGREE", "173" -> "COERCE", "020" -> "", "---" -> ""
#ifndef KG_EXTRACT_PLOVER_H_
#define KG_EXTRACT_PLOVER_H_

#include <string_view>

namespace kg::extract {

// Returns the upper-case PLOVER category of the CAMEO event code `cameo`
// (2 to 4 digits: "04", "042", "0311"). A code the table does not list
// takes its 3-digit parent's category, else its 2-digit root's. Returns ""
// where PLOVER has no counterpart (public statements 01x, appeals 02x,
// cyber attack 176) and for anything that is not a CAMEO code ("---", "",
// "4a", "12345", roots 00 and 21..99). The result points into static
// storage. Pure function, thread-safe, no allocation.
std::string_view PloverCategory(std::string_view cameo);

}  // namespace kg::extract

#endif  // KG_EXTRACT_PLOVER_H_
