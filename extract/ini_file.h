// IniFile: the settings of an INI file, in the dialect of Python's
// configparser, which PETRARCH's PETR_config.ini is written in. kg reads its
// lexicon configuration from such a file (extract/lexicon_config.h,
// docs/configuration.md).
//
//   auto ini = extract::ParseIni(text, "kg.ini");
//   if (!ini.ok()) return ini.status();  // ParseError "kg.ini:7: ..."
//   for (const extract::IniSetting& s : *ini) {
//     // s.section "lexicon", s.key "verbs", s.value "CAMEO.2.0.txt", s.line 3
//   }
//
// The dialect:
//   [section]          starts a section; the name is kept as written, trimmed
//                      (the same key twice in "[A]" and "[a]" is refused:
//                      kg compares section names ignoring case)
//   key = value        or "key: value"; the key is lower-cased (configparser
//                      ignores the case of keys); blanks around both trimmed
//   # ... or ; ...     a comment line (blanks may stand before the mark)
//   value  # ...       blanks then '#' or ';' inside a value start a comment
//   (indented line)    right after a key line (or its continuation): more of
//                      the value, joined to it by one blank, so a long
//                      comma-separated list may run over several lines
// Blank lines end a value. "\r\n" line ends and a UTF-8 byte-order mark are
// accepted. Values are not unquoted and may be empty.
//
// Errors, ParseError "ORIGIN:LINE: problem": a key before the first section,
// a line that is neither a section, a key nor a comment, a '[' without ']' or
// with text after it, an empty key or section name, the same key twice in one
// section (configparser's strict mode; a section may appear more than once).
//
// Pure functions, thread-safe.
#ifndef KG_EXTRACT_INI_FILE_H_
#define KG_EXTRACT_INI_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace kg::extract {

// One "key = value" line (with its continuation lines).
struct IniSetting {
  std::string section;  // as written between the brackets, trimmed
  std::string key;      // lower case
  std::string value;    // trimmed, comments removed, continuation lines joined by ' '
  size_t line = 0;      // 1-based line of the key
  size_t section_line = 0;  // line of the section's "[...]"
};

// The settings of `text` in file order. `origin` names the file in errors.
Result<std::vector<IniSetting>> ParseIni(std::string_view text, std::string_view origin);

}  // namespace kg::extract

#endif  // KG_EXTRACT_INI_FILE_H_
