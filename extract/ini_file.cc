#include "extract/ini_file.h"

#include <map>
#include <utility>

namespace kg::extract {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// `s` without a trailing comment: '#' or ';' after a blank.
std::string_view StripComment(std::string_view s) {
  for (size_t i = 1; i < s.size(); ++i) {
    if ((s[i] == '#' || s[i] == ';') && IsBlank(s[i - 1])) return s.substr(0, i);
  }
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

Result<std::vector<IniSetting>> ParseIni(std::string_view text, std::string_view origin) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<IniSetting> out;
  auto error = [&](size_t line, const std::string& problem) {
    return Status::ParseError(std::string(origin) + ":" + std::to_string(line) + ": " + problem);
  };
  std::string section;
  size_t section_line = 0;  // 0: before the first section
  bool continuable = false;  // the previous line was a key or its continuation
  // (section, key) -> line, to refuse a key set twice.
  std::map<std::pair<std::string, std::string>, size_t> seen;
  size_t number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    const std::string_view line = Trim(raw);
    if (line.empty()) {
      continuable = false;
    } else if (line.front() == '#' || line.front() == ';') {
      // A comment; inside a multi-line value it is skipped, as in configparser.
    } else if (continuable && IsBlank(raw.front())) {
      std::string_view more = Trim(StripComment(line));
      if (!more.empty()) {
        std::string& value = out.back().value;
        if (!value.empty()) value += ' ';
        value += more;
      }
    } else if (line.front() == '[') {
      const size_t close = line.find(']');
      if (close == std::string_view::npos) return error(number, "'[' without ']'");
      if (!Trim(StripComment(line.substr(close + 1))).empty()) {
        return error(number, "text after the section name ']'");
      }
      section = std::string(Trim(line.substr(1, close - 1)));
      if (section.empty()) return error(number, "an empty section name '[]'");
      section_line = number;
      continuable = false;
    } else {
      const size_t sep = line.find_first_of("=:");
      if (sep == std::string_view::npos) {
        return error(number, "expected '[section]' or 'key = value', found '" +
                                 std::string(line) + "'");
      }
      IniSetting s;
      s.key = Lower(Trim(line.substr(0, sep)));
      if (s.key.empty()) return error(number, "a value without a key");
      if (section_line == 0) return error(number, "key '" + s.key + "' before any [section]");
      s.section = section;
      s.section_line = section_line;
      s.value = std::string(Trim(StripComment(line.substr(sep + 1))));
      s.line = number;
      auto [it, inserted] = seen.emplace(std::pair{Lower(section), s.key}, number);
      if (!inserted) {
        return error(number, "key '" + s.key + "' is set twice in [" + section +
                                 "] (first on line " + std::to_string(it->second) + ")");
      }
      out.push_back(std::move(s));
      continuable = true;
    }
  }
  return out;
}

}  // namespace kg::extract
