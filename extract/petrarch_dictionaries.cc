#include "extract/petrarch_dictionaries.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "extract/fold.h"

namespace kg::extract::petrarch {

namespace {

// ------------------------------------------------------------ text helpers

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// U+FFFD, put where a control byte was.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// A line of a dictionary file, after encoding repair and with the comment
// split off.
struct Line {
  uint32_t number = 0;
  std::string raw;      // the whole line (repaired), without '\r'
  std::string text;     // before the comment, right-trimmed
  std::string comment;  // after the comment mark, trimmed
};

// Splits `text` into lines and does what every reader needs: '\r' removed,
// invalid UTF-8 bytes read as Latin-1 and C0 control bytes other than tab
// replaced by U+FFFD (both with a warning), "<!-- ... -->" comments (which
// may span lines) and blank lines skipped, a "~~FINISH" line ends the file.
// '#' starts a comment unless it is inside [..]; with `semicolon`, so does ';'.
std::vector<Line> Lines(std::string_view text, std::string_view origin, bool semicolon,
                        std::vector<Warning>* warnings) {
  std::vector<Line> out;
  bool in_markup_comment = false;
  uint32_t number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view view = text.substr(pos, end - pos);
    const bool last = end >= text.size();
    pos = end + 1;
    ++number;
    if (last && view.empty()) break;
    if (!view.empty() && view.back() == '\r') view.remove_suffix(1);

    // Encoding repair.
    std::string raw;
    bool latin1 = false, control = false;
    std::string_view rest = view;
    while (!rest.empty()) {
      std::optional<size_t> bad = FindInvalidUtf8(rest);
      size_t good = bad ? *bad : rest.size();
      for (size_t i = 0; i < good; ++i) {
        unsigned char c = static_cast<unsigned char>(rest[i]);
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
          raw += kReplacement;
          control = true;
        } else {
          raw += rest[i];
        }
      }
      if (!bad) break;
      unsigned char c = static_cast<unsigned char>(rest[*bad]);
      raw += static_cast<char>(0xC0 | (c >> 6));
      raw += static_cast<char>(0x80 | (c & 0x3F));
      latin1 = true;
      rest.remove_prefix(*bad + 1);
    }
    if (latin1) {
      warnings->push_back({std::string(origin), number, "invalid UTF-8 read as Latin-1"});
    }
    if (control) {
      warnings->push_back({std::string(origin), number, "control character replaced by U+FFFD"});
    }

    std::string_view t = Trim(raw);
    if (in_markup_comment) {
      if (t.find("-->") != std::string_view::npos) in_markup_comment = false;
      continue;
    }
    if (StartsWith(t, "<!")) {
      if (t.find("-->") == std::string_view::npos) in_markup_comment = true;
      continue;
    }
    if (t == "~~FINISH") break;

    Line line;
    line.number = number;
    int depth = 0;
    size_t cut = raw.size();
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if (depth == 0 && (c == '#' || (semicolon && c == ';'))) {
        cut = i;
        break;
      }
    }
    std::string_view before = std::string_view(raw).substr(0, cut);
    while (!before.empty() && IsBlank(before.back())) before.remove_suffix(1);
    line.text = std::string(before);
    if (cut < raw.size()) line.comment = std::string(Trim(std::string_view(raw).substr(cut + 1)));
    line.raw = std::move(raw);
    if (Trim(line.text).empty()) continue;
    out.push_back(std::move(line));
  }
  return out;
}

Status LineError(std::string_view origin, uint32_t line, const std::string& problem) {
  return Status::ParseError(std::string(origin) + ":" + std::to_string(line) + ": " + problem);
}

// Splits a phrase written with '_' and/or blanks as separators.
Phrase ParsePhrase(std::string_view s) {
  Phrase p;
  s = Trim(s);
  std::string word;
  bool sep_underscore = false, sep_any = false;
  auto flush = [&] {
    if (word.empty()) return;
    if (!p.words.empty()) p.loose.push_back(!sep_underscore);
    p.words.push_back(std::move(word));
    word.clear();
    sep_underscore = sep_any = false;
  };
  for (char c : s) {
    if (c == '_' || IsBlank(c)) {
      if (!word.empty()) flush();
      sep_any = true;
      if (c == '_') sep_underscore = true;
    } else {
      word += c;
    }
  }
  flush();
  p.closed = !s.empty() && s.back() == '_';
  return p;
}

bool EndsWithNoCase(std::string_view w, std::string_view suffix) {
  if (w.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (ToLower(w[w.size() - suffix.size() + i]) != suffix[i]) return false;
  }
  return true;
}

bool IsVowel(char c) {
  c = ToLower(c);
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Appends `suffix` (lower case) in the case of the word's last letter.
std::string WithSuffix(std::string_view stem, std::string_view suffix, char case_of) {
  std::string out(stem);
  for (char c : suffix) out += IsUpper(case_of) ? ToUpper(c) : c;
  return out;
}

// Whether the final consonant doubles before -ed/-ing: a single vowel group
// followed by one consonant other than w, x, y (STOP, BAN, PLAN; not VISIT).
bool DoublesFinal(std::string_view w) {
  if (w.size() < 3) return false;
  char last = ToLower(w.back());
  if (!IsAlpha(last) || IsVowel(last) || last == 'w' || last == 'x' || last == 'y') {
    return false;
  }
  if (!IsVowel(w[w.size() - 2]) || IsVowel(w[w.size() - 3])) return false;
  int groups = 0;
  bool in_vowel = false;
  for (char c : w) {
    bool v = IsVowel(c);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups == 1;
}

std::string PluralWord(std::string_view w) {
  if (w.empty()) return std::string(w);
  char last = w.back();
  if (EndsWithNoCase(w, "ss") || EndsWithNoCase(w, "ch") || EndsWithNoCase(w, "sh") ||
      EndsWithNoCase(w, "x")) {
    return WithSuffix(w, "es", last);
  }
  if (w.size() >= 2 && ToLower(last) == 'y' && !IsVowel(w[w.size() - 2])) {
    return WithSuffix(w.substr(0, w.size() - 1), "ies", last);
  }
  return WithSuffix(w, "s", last);
}

// -s, -ed, -ing of one word.
std::vector<std::string> VerbWordForms(std::string_view w) {
  std::vector<std::string> out{std::string(w)};
  if (w.empty()) return out;
  char last = w.back();
  bool cons_y = w.size() >= 2 && ToLower(last) == 'y' && !IsVowel(w[w.size() - 2]);
  // -s
  if (EndsWithNoCase(w, "s") || EndsWithNoCase(w, "x") || EndsWithNoCase(w, "z") ||
      EndsWithNoCase(w, "ch") || EndsWithNoCase(w, "sh") || EndsWithNoCase(w, "o")) {
    out.push_back(WithSuffix(w, "es", last));
  } else if (cons_y) {
    out.push_back(WithSuffix(w.substr(0, w.size() - 1), "ies", last));
  } else {
    out.push_back(WithSuffix(w, "s", last));
  }
  bool doubles = DoublesFinal(w);
  std::string doubled = std::string(w) + last;
  // -ed
  if (ToLower(last) == 'e') {
    out.push_back(WithSuffix(w, "d", last));
  } else if (cons_y) {
    out.push_back(WithSuffix(w.substr(0, w.size() - 1), "ied", last));
  } else {
    out.push_back(WithSuffix(doubles ? doubled : std::string(w), "ed", last));
  }
  // -ing
  if (EndsWithNoCase(w, "ie")) {
    out.push_back(WithSuffix(w.substr(0, w.size() - 2), "ying", last));
  } else if (ToLower(last) == 'e' && !EndsWithNoCase(w, "ee") && !EndsWithNoCase(w, "ye") &&
             !EndsWithNoCase(w, "oe") && w.size() > 2) {
    out.push_back(WithSuffix(w.substr(0, w.size() - 1), "ing", last));
  } else {
    out.push_back(WithSuffix(doubles ? doubled : std::string(w), "ing", last));
  }
  return out;
}

// ------------------------------------------------------------ dates

// "950601" -> "1995-06-01", "20080120" -> "2008-01-20"; nullopt if malformed.
std::optional<std::string> NormaliseDate(std::string_view d) {
  if (d.size() != 6 && d.size() != 8) return std::nullopt;
  for (char c : d) {
    if (!IsDigit(c)) return std::nullopt;
  }
  std::string year;
  if (d.size() == 6) {
    int yy = (d[0] - '0') * 10 + (d[1] - '0');
    year = (yy < 30 ? "20" : "19") + std::string(d.substr(0, 2));
    d.remove_prefix(2);
  } else {
    year = std::string(d.substr(0, 4));
    d.remove_prefix(4);
  }
  int month = (d[0] - '0') * 10 + (d[1] - '0');
  int day = (d[2] - '0') * 10 + (d[3] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return year + "-" + std::string(d.substr(0, 2)) + "-" + std::string(d.substr(2, 2));
}

bool IsIsoDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(d[i])) return false;
  }
  return true;
}

// Parses the inside of an actor code bracket. nullopt + `problem` when the
// restriction is malformed.
std::optional<DatedCode> ParseDatedCode(std::string_view s, std::string* problem) {
  s = Trim(s);
  DatedCode dc;
  size_t sp = 0;
  while (sp < s.size() && !IsBlank(s[sp])) ++sp;
  dc.code = std::string(s.substr(0, sp));
  std::string rest;
  for (char c : s.substr(sp)) {
    if (!IsBlank(c)) rest += c;
  }
  if (dc.code.empty()) {
    *problem = "empty code";
    return std::nullopt;
  }
  if (rest.empty()) return dc;
  auto bad = [&] {
    *problem = "malformed date restriction '" + std::string(s) + "'";
    return std::nullopt;
  };
  if (rest[0] == '<' || rest[0] == '>') {
    auto d = NormaliseDate(std::string_view(rest).substr(1));
    if (!d) return bad();
    dc.kind = rest[0] == '<' ? DatedCode::Kind::kBefore : DatedCode::Kind::kAfter;
    (rest[0] == '<' ? dc.to : dc.from) = *d;
    return dc;
  }
  size_t dash = rest.find('-');
  if (dash == std::string::npos) return bad();
  auto from = NormaliseDate(std::string_view(rest).substr(0, dash));
  auto to = NormaliseDate(std::string_view(rest).substr(dash + 1));
  if (!from || !to) return bad();
  dc.kind = DatedCode::Kind::kBetween;
  dc.from = *from;
  dc.to = *to;
  return dc;
}

// The [..] groups of `s` from `pos` on; text between them must be blank.
// `close_alt` is also accepted as a closing bracket (agents' "[~ENV}").
Status Brackets(std::string_view s, size_t pos, std::string_view origin, uint32_t line,
                std::vector<std::string>* out, bool* used_alt = nullptr,
                std::string* trailing = nullptr) {
  while (pos < s.size()) {
    if (IsBlank(s[pos])) {
      ++pos;
      continue;
    }
    if (s[pos] != '[' && trailing && !out->empty()) {
      *trailing = std::string(Trim(s.substr(pos)));
      return Status::OK();
    }
    if (s[pos] != '[') {
      return LineError(
          origin, line,
          "unexpected text '" + std::string(Trim(s.substr(pos))) + "' where a [code] was expected");
    }
    size_t close = s.find(']', pos);
    if (close == std::string_view::npos && used_alt) {
      close = s.find('}', pos);
      if (close != std::string_view::npos) *used_alt = true;
    }
    if (close == std::string_view::npos) return LineError(origin, line, "'[' without ']'");
    out->push_back(std::string(s.substr(pos + 1, close - pos - 1)));
    pos = close + 1;
  }
  return Status::OK();
}

}  // namespace

// ------------------------------------------------------------ small types

std::string Warning::ToString() const {
  return origin + ":" + std::to_string(line) + ": " + message;
}

std::string Phrase::Text() const {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool DatedCode::Covers(std::string_view date) const {
  switch (kind) {
    case Kind::kAlways:
      return true;
    case Kind::kBefore:
      return date <= to;
    case Kind::kAfter:
      return date >= from;
    case Kind::kBetween:
      return date >= from && date <= to;
  }
  return false;
}

std::string ActorEntry::CodeOn(std::string_view date) const {
  if (!date.empty()) {
    for (const auto& c : codes) {
      if (c.kind != DatedCode::Kind::kAlways && c.Covers(date)) return c.code;
    }
  }
  for (const auto& c : codes) {
    if (c.kind == DatedCode::Kind::kAlways) return c.code;
  }
  if (!date.empty()) return "";
  const DatedCode* best = nullptr;
  auto end_of = [](const DatedCode& c) {
    return c.kind == DatedCode::Kind::kAfter ? std::string("9999-99-99") : c.to;
  };
  for (const auto& c : codes) {
    if (!best || end_of(c) > end_of(*best)) best = &c;
  }
  return best ? best->code : "";
}

Phrase RegularPlural(const Phrase& phrase) {
  Phrase out = phrase;
  if (!out.words.empty()) out.words.back() = PluralWord(out.words.back());
  return out;
}

std::vector<Phrase> RegularVerbForms(const Phrase& verb, size_t head) {
  std::vector<Phrase> out;
  if (head >= verb.words.size()) return {verb};
  for (std::string& w : VerbWordForms(verb.words[head])) {
    Phrase p = verb;
    p.words[head] = std::move(w);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Phrase> VerbForms(const Verb& verb) {
  if (verb.irregular.empty()) return RegularVerbForms(verb.phrase, verb.head);
  std::vector<Phrase> out{verb.phrase};
  for (const auto& [p, head] : verb.irregular) out.push_back(p);
  return out;
}

// ------------------------------------------------------------ actors

Result<ActorDictionary> ReadActors(std::string_view text, std::string_view origin) {
  ActorDictionary dict;
  dict.files.push_back(std::string(origin));
  std::vector<Line> lines = Lines(text, origin, /*semicolon=*/true, &dict.warnings);
  ActorEntry* current = nullptr;
  for (const Line& line : lines) {
    std::string_view t = Trim(line.text);
    const bool indented = IsBlank(line.text[0]);
    auto add_codes = [&](std::string_view s, size_t pos) -> Status {
      std::vector<std::string> groups;
      std::string trailing;
      KG_RETURN_IF_ERROR(Brackets(s, pos, origin, line.number, &groups, nullptr, &trailing));
      if (!trailing.empty()) {
        dict.warnings.push_back(
            {std::string(origin), line.number, "text after the code ignored: '" + trailing + "'"});
      }
      for (const auto& g : groups) {
        std::string problem;
        auto dc = ParseDatedCode(g, &problem);
        if (!dc) {
          if (problem == "empty code") return LineError(origin, line.number, "empty [code]");
          dict.warnings.push_back({std::string(origin), line.number, problem + ": code dropped"});
          continue;
        }
        current->codes.push_back(std::move(*dc));
      }
      return Status::OK();
    };
    if (t[0] == '[') {
      if (!current) return LineError(origin, line.number, "a code line with no actor above it");
      KG_RETURN_IF_ERROR(add_codes(t, 0));
      continue;
    }
    if (t[0] == '+' && !indented) {
      if (!current) return LineError(origin, line.number, "a '+' synonym with no actor above it");
      size_t open = t.find('[');
      Phrase p = ParsePhrase(t.substr(1, open == std::string_view::npos ? t.npos : open - 1));
      if (p.words.empty()) return LineError(origin, line.number, "an empty '+' synonym");
      current->synonyms.push_back(std::move(p));
      if (open != std::string_view::npos) KG_RETURN_IF_ERROR(add_codes(t, open));
      continue;
    }
    if (indented) {
      dict.warnings.push_back(
          {std::string(origin), line.number, "an indented phrase read as a new entry"});
    }
    size_t open = t.find('[');
    ActorEntry entry;
    entry.phrase = ParsePhrase(t.substr(0, open));
    entry.line = line.number;
    if (entry.phrase.words.empty()) return LineError(origin, line.number, "an empty phrase");
    dict.entries.push_back(std::move(entry));
    current = &dict.entries.back();
    if (open != std::string_view::npos) KG_RETURN_IF_ERROR(add_codes(t, open));
  }
  return dict;
}

void AppendActors(ActorDictionary* into, ActorDictionary more) {
  const uint32_t offset = static_cast<uint32_t>(into->files.size());
  for (auto& f : more.files) into->files.push_back(std::move(f));
  for (auto& e : more.entries) {
    e.file += offset;
    into->entries.push_back(std::move(e));
  }
  for (auto& w : more.warnings) into->warnings.push_back(std::move(w));
}

// ------------------------------------------------------------ agents

Result<AgentDictionary> ReadAgents(std::string_view text, std::string_view origin) {
  AgentDictionary dict;
  std::vector<Line> lines = Lines(text, origin, /*semicolon=*/false, &dict.warnings);
  std::unordered_map<std::string, size_t> subst_index;
  for (const Line& line : lines) {
    std::string_view t = Trim(line.text);
    // "!PERSON! = MAN, MEN, ..."
    if (t[0] == '!') {
      size_t close = t.find('!', 1);
      size_t eq = t.find('=');
      if (close != std::string_view::npos && eq != std::string_view::npos && close < eq &&
          Trim(t.substr(close + 1, eq - close - 1)).empty()) {
        std::string name(t.substr(1, close - 1));
        std::vector<std::string> values;
        std::string_view rest = t.substr(eq + 1);
        while (true) {
          size_t comma = rest.find(',');
          std::string v;
          for (char c : rest.substr(0, comma)) {
            if (!IsBlank(c)) v += c;
          }
          if (!v.empty()) values.push_back(std::move(v));
          if (comma == std::string_view::npos) break;
          rest.remove_prefix(comma + 1);
        }
        if (name.empty() || values.empty()) {
          return LineError(origin, line.number, "an empty substitution set");
        }
        subst_index[name] = dict.substitutions.size();
        dict.substitutions.emplace_back(std::move(name), std::move(values));
        continue;
      }
    }
    size_t open = t.find('[');
    if (open == std::string_view::npos) {
      dict.warnings.push_back(
          {std::string(origin), line.number, "an agent without a [code]: dropped"});
      continue;
    }
    std::vector<std::string> groups;
    bool used_alt = false;
    KG_RETURN_IF_ERROR(Brackets(t, open, origin, line.number, &groups, &used_alt));
    if (groups.size() != 1) return LineError(origin, line.number, "more than one [code]");
    if (used_alt) {
      dict.warnings.push_back({std::string(origin), line.number, "'[' closed by '}'"});
    }
    AgentEntry entry;
    entry.line = line.number;
    std::string_view code = Trim(groups[0]);
    if (code.size() >= 2 && code.front() == '~') {
      entry.code = std::string(code.substr(1));
      entry.placement = AgentEntry::Placement::kSuffix;
    } else if (code.size() >= 2 && code.back() == '~') {
      entry.code = std::string(code.substr(0, code.size() - 1));
      entry.placement = AgentEntry::Placement::kPrefix;
    } else {
      return LineError(origin, line.number,
                       "agent code '" + std::string(code) + "' has no '~' before or after it");
    }
    std::string_view head = t.substr(0, open);
    std::optional<std::string> plural;
    size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      size_t close = head.find('}', brace);
      if (close == std::string_view::npos) return LineError(origin, line.number, "'{' without '}'");
      plural = std::string(Trim(head.substr(brace + 1, close - brace - 1)));
      head = head.substr(0, brace);
    }
    head = Trim(head);
    if (head.empty()) return LineError(origin, line.number, "an agent without a phrase");

    // Substitution markers: each !NAME! is replaced by every member of its set.
    std::vector<std::pair<std::string, std::string>> variants{{std::string(head), ""}};
    bool dropped = false;
    for (size_t guard = 0; guard < 8 && !dropped; ++guard) {
      std::vector<std::pair<std::string, std::string>> next;
      bool any = false;
      for (auto& [s, marker] : variants) {
        size_t a = s.find('!');
        size_t b = a == std::string::npos ? a : s.find('!', a + 1);
        if (b == std::string::npos) {
          next.emplace_back(std::move(s), marker);
          continue;
        }
        any = true;
        std::string name = s.substr(a + 1, b - a - 1);
        auto it = subst_index.find(name);
        if (it == subst_index.end()) {
          dict.warnings.push_back({std::string(origin), line.number,
                                   "undefined substitution marker !" + name + "!: entry dropped"});
          dropped = true;
          break;
        }
        for (const auto& v : dict.substitutions[it->second].second) {
          next.emplace_back(s.substr(0, a) + v + s.substr(b + 1), name);
        }
      }
      variants = std::move(next);
      if (!any) break;
    }
    if (dropped) continue;
    for (auto& [s, marker] : variants) {
      AgentEntry e = entry;
      e.phrase = ParsePhrase(s);
      e.marker = marker;
      if (marker.empty()) {
        if (plural) {
          if (!plural->empty()) e.plurals.push_back(ParsePhrase(*plural));
        } else if (!e.phrase.closed) {
          e.plurals.push_back(RegularPlural(e.phrase));
        }
      }
      dict.entries.push_back(std::move(e));
    }
  }
  return dict;
}

// ------------------------------------------------------------ verbs

namespace {

EventCode ParseEventCode(std::string_view s) {
  s = Trim(s);
  EventCode code;
  size_t colon = s.find(':');
  code.active = std::string(Trim(s.substr(0, colon)));
  if (colon != std::string_view::npos) code.reverse = std::string(Trim(s.substr(colon + 1)));
  return code;
}

// A verb phrase with '+' marking the inflected word.
std::pair<Phrase, size_t> ParseVerbPhrase(std::string_view s) {
  Phrase p = ParsePhrase(s);
  size_t head = 0;
  for (size_t i = 0; i < p.words.size(); ++i) {
    if (!p.words[i].empty() && p.words[i][0] == '+') {
      head = i;
      p.words[i].erase(0, 1);
    }
  }
  return {std::move(p), head};
}

// Recursive-descent parser of one pattern's element list.
class PatternParser {
 public:
  PatternParser(std::string_view s, const std::unordered_set<std::string>& synsets)
      : s_(s), synsets_(synsets) {}

  // The elements, or an error message in `problem_`.
  std::optional<std::vector<PatternElement>> Parse() {
    auto out = Sequence('\0');
    if (!out) return std::nullopt;
    if (pos_ < s_.size()) return Fail("unexpected '" + std::string(1, s_[pos_]) + "'");
    return out;
  }
  const std::string& problem() const { return problem_; }
  const std::vector<std::string>& undefined() const { return undefined_; }

 private:
  std::nullopt_t Fail(std::string p) {
    if (problem_.empty()) problem_ = std::move(p);
    return std::nullopt;
  }

  static bool WordChar(char c) {
    return !IsBlank(c) && c != '_' && c != '*' && c != '$' && c != '^' && c != '%' && c != '&' &&
           c != '{' && c != '}' && c != '(' && c != ')' && c != '[' && c != ']' && c != '|';
  }

  // Elements up to `stop` ('}' or ')'), or to the end for '\0'; for '}',
  // '|' also stops.
  std::optional<std::vector<PatternElement>> Sequence(char stop) {
    std::vector<PatternElement> out;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (IsBlank(c)) {
        ++pos_;
        continue;
      }
      if (c == '_') {
        if (!out.empty()) out.back().joined = true;
        ++pos_;
        continue;
      }
      if (c == stop || (stop == '}' && c == '|')) return out;
      PatternElement e;
      switch (c) {
        case '*':
          e.kind = PatternElement::Kind::kVerb;
          ++pos_;
          break;
        case '$':
          e.kind = PatternElement::Kind::kSource;
          ++pos_;
          break;
        case '+':
          e.kind = PatternElement::Kind::kTarget;
          ++pos_;
          break;
        case '^':
          e.kind = PatternElement::Kind::kSkip;
          ++pos_;
          break;
        case '%':
          e.kind = PatternElement::Kind::kCompound;
          ++pos_;
          break;
        case '&': {
          ++pos_;
          size_t start = pos_;
          while (pos_ < s_.size() && (WordChar(s_[pos_]) || s_[pos_] == '_')) ++pos_;
          // The longest prefix, at '_' boundaries, that names a synset; the
          // rest of a run like &TIETYPES_RELATIONS is joined words.
          std::string_view run = s_.substr(start, pos_ - start);
          size_t len = run.find('_');
          if (len == std::string_view::npos) len = run.size();
          std::vector<size_t> cuts{run.size()};
          for (size_t k = run.rfind('_'); k != std::string_view::npos && k > 0;
               k = run.rfind('_', k - 1)) {
            cuts.push_back(k);
          }
          for (size_t cut : cuts) {
            if (synsets_.count(std::string(run.substr(0, cut)))) {
              len = cut;
              break;
            }
          }
          pos_ = start + len;
          e.kind = PatternElement::Kind::kSynset;
          e.text = std::string(run.substr(0, len));
          if (e.text.empty()) return Fail("'&' without a synset name");
          if (!synsets_.count(e.text)) undefined_.push_back(e.text);
          break;
        }
        case '{': {
          ++pos_;
          std::vector<PatternElement> alternatives;
          while (true) {
            auto seq = Sequence('}');
            if (!seq) return std::nullopt;
            PatternElement np;
            np.kind = PatternElement::Kind::kNounPhrase;
            np.children = std::move(*seq);
            if (np.children.empty()) return Fail("an empty {..}");
            alternatives.push_back(std::move(np));
            if (pos_ >= s_.size()) return Fail("'{' without '}'");
            if (s_[pos_++] == '}') break;
          }
          if (alternatives.size() == 1) {
            e = std::move(alternatives[0]);
          } else {
            e.kind = PatternElement::Kind::kAlternatives;
            e.children = std::move(alternatives);
          }
          break;
        }
        case '(': {
          ++pos_;
          auto seq = Sequence(')');
          if (!seq) return std::nullopt;
          if (pos_ >= s_.size()) return Fail("'(' without ')'");
          ++pos_;
          if (seq->empty()) return Fail("an empty (..)");
          e.kind = PatternElement::Kind::kPrepPhrase;
          e.children = std::move(*seq);
          break;
        }
        default: {
          if (!WordChar(c)) return Fail("unexpected '" + std::string(1, c) + "'");
          size_t start = pos_;
          while (pos_ < s_.size() && WordChar(s_[pos_])) ++pos_;
          e.kind = PatternElement::Kind::kWord;
          e.text = std::string(s_.substr(start, pos_ - start));
          break;
        }
      }
      out.push_back(std::move(e));
    }
    if (stop != '\0') return Fail(std::string("'") + (stop == '}' ? '{' : '(') + "' not closed");
    return out;
  }

  std::string_view s_;
  const std::unordered_set<std::string>& synsets_;
  size_t pos_ = 0;
  std::string problem_;
  std::vector<std::string> undefined_;
};

// "~ a (b . ATTACK) SAY = a b 112"
std::optional<Transformation> ParseTransformation(std::string_view s) {
  std::string flat;
  for (char c : s.substr(1)) {
    if (c == '(' || c == ')' || c == '=') {
      flat += ' ';
      flat += c;
      flat += ' ';
    } else {
      flat += c;
    }
  }
  std::istringstream in(flat);
  std::vector<std::string> tok;
  for (std::string w; in >> w;) tok.push_back(w);
  // a ( a b V ) V = a b C
  if (tok.size() != 11 || tok[1] != "(" || tok[5] != ")" || tok[7] != "=") return std::nullopt;
  Transformation t;
  t.source = tok[0];
  t.inner_source = tok[2];
  t.inner_target = tok[3];
  t.inner_verb = tok[4];
  t.verb = tok[6];
  t.result_source = tok[8];
  t.result_target = tok[9];
  t.result_code = tok[10];
  return t;
}

}  // namespace

Result<VerbDictionary> ReadVerbs(std::string_view text, std::string_view origin) {
  VerbDictionary dict;
  std::vector<Line> lines = Lines(text, origin, /*semicolon=*/true, &dict.warnings);
  enum class State { kNone, kSynset, kBlock } state = State::kNone;
  struct RawPattern {
    size_t block;
    std::string elements;
    std::string code;
    std::string comment;
    uint32_t line;
  };
  std::vector<RawPattern> raw_patterns;
  auto warn = [&](uint32_t line, std::string msg) {
    dict.warnings.push_back({std::string(origin), line, std::move(msg)});
  };
  for (const Line& line : lines) {
    std::string_view t = Trim(line.text);
    if (StartsWith(t, "---")) {
      std::string_view h = t;
      while (!h.empty() && (h.front() == '-' || IsBlank(h.front()))) h.remove_prefix(1);
      while (!h.empty() && (h.back() == '-' || IsBlank(h.back()))) h.remove_suffix(1);
      VerbBlock block;
      block.line = line.number;
      size_t open = h.find('[');
      block.name = std::string(Trim(h.substr(0, open)));
      if (block.name.empty()) return LineError(origin, line.number, "a verb block without a name");
      block.code.active = "---";
      if (open != std::string_view::npos) {
        size_t close = h.find(']', open);
        if (close == std::string_view::npos)
          return LineError(origin, line.number, "'[' without ']'");
        block.code = ParseEventCode(h.substr(open + 1, close - open - 1));
        if (block.code.active.empty()) block.code.active = "---";
      }
      dict.blocks.push_back(std::move(block));
      state = State::kBlock;
      continue;
    }
    if (t[0] == '&') {
      Synset syn;
      syn.line = line.number;
      std::string_view name = Trim(t.substr(1));
      if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) {
        return LineError(origin, line.number, "a malformed synset label '" + std::string(t) + "'");
      }
      if (name.back() == '_') {
        syn.no_plurals = true;
        name.remove_suffix(1);
      }
      syn.name = std::string(name);
      dict.synsets.push_back(std::move(syn));
      state = State::kSynset;
      continue;
    }
    if (t[0] == '+' && state == State::kSynset) {
      Synset& syn = dict.synsets.back();
      Synset::Member m;
      std::string_view body = Trim(t.substr(1));
      if (body.empty()) return LineError(origin, line.number, "an empty synset member");
      if (body[0] == '&') {
        m.synset = std::string(body.substr(1));
        while (!m.synset.empty() && m.synset.back() == '_') m.synset.pop_back();
      } else {
        m.phrase = ParsePhrase(body);
        if (!m.phrase.closed && !syn.no_plurals) m.plurals.push_back(RegularPlural(m.phrase));
      }
      syn.members.push_back(std::move(m));
      continue;
    }
    if (t[0] == '~') {
      auto tr = ParseTransformation(t);
      if (!tr) {
        warn(line.number, "unparsed transformation skipped");
        ++dict.skipped_patterns;
        continue;
      }
      tr->line = line.number;
      dict.transformations.push_back(std::move(*tr));
      continue;
    }
    if (dict.blocks.empty()) {
      return LineError(origin, line.number,
                       "'" + std::string(t) + "' is outside any verb block or synset");
    }
    state = State::kBlock;
    VerbBlock& block = dict.blocks.back();
    if (t[0] == '-') {
      std::string_view body = t.substr(1);
      size_t open = body.rfind('[');
      size_t close = open == std::string_view::npos ? open : body.find(']', open);
      if (close == std::string_view::npos || !Trim(body.substr(close + 1)).empty()) {
        warn(line.number, "a pattern without a final [code] skipped");
        ++dict.skipped_patterns;
        continue;
      }
      raw_patterns.push_back({dict.blocks.size() - 1, std::string(body.substr(0, open)),
                              std::string(body.substr(open + 1, close - open - 1)), line.comment,
                              line.number});
      continue;
    }
    // A verb: BASE {IRREGULAR FORMS} [CODE] (the two groups in either order).
    Verb verb;
    verb.line = line.number;
    std::string v(t);
    size_t brace = v.find('{');
    if (brace != std::string::npos) {
      size_t close = v.find('}', brace);
      if (close == std::string::npos) return LineError(origin, line.number, "'{' without '}'");
      std::istringstream in{v.substr(brace + 1, close - brace - 1)};
      for (std::string w; in >> w;) verb.irregular.push_back(ParseVerbPhrase(w));
      v.erase(brace, close - brace + 1);
    }
    size_t open = v.find('[');
    if (open != std::string::npos) {
      std::vector<std::string> groups;
      KG_RETURN_IF_ERROR(Brackets(v, open, origin, line.number, &groups));
      if (groups.size() != 1) return LineError(origin, line.number, "more than one [code]");
      verb.code = ParseEventCode(groups[0]);
      v.resize(open);
    }
    std::tie(verb.phrase, verb.head) = ParseVerbPhrase(v);
    if (verb.phrase.words.empty()) return LineError(origin, line.number, "a verb without a word");
    block.verbs.push_back(std::move(verb));
  }

  // Patterns are parsed last, when every synset name is known.
  std::unordered_set<std::string> names;
  for (const auto& s : dict.synsets) names.insert(s.name);
  for (const auto& s : dict.synsets) {
    for (const auto& m : s.members) {
      if (!m.synset.empty() && !names.count(m.synset)) {
        warn(s.line, "synset &" + s.name + " refers to undefined &" + m.synset);
      }
    }
  }
  for (auto& rp : raw_patterns) {
    PatternParser parser(rp.elements, names);
    auto elements = parser.Parse();
    if (!elements) {
      warn(rp.line, "unparsed pattern skipped: " + parser.problem());
      ++dict.skipped_patterns;
      continue;
    }
    if (!parser.undefined().empty()) {
      warn(rp.line, "pattern uses undefined synset &" + parser.undefined()[0] + ": skipped");
      ++dict.skipped_patterns;
      continue;
    }
    Pattern p;
    p.elements = std::move(*elements);
    p.code = ParseEventCode(rp.code);
    p.comment = std::move(rp.comment);
    p.line = rp.line;
    if (p.code.active.empty() && p.code.reverse.empty()) {
      warn(rp.line, "a pattern with an empty [code] skipped");
      ++dict.skipped_patterns;
      continue;
    }
    dict.blocks[rp.block].patterns.push_back(std::move(p));
  }
  return dict;
}

// ------------------------------------------------------------ discards

Result<DiscardList> ReadDiscards(std::string_view text, std::string_view origin) {
  DiscardList list;
  for (const Line& line : Lines(text, origin, /*semicolon=*/false, &list.warnings)) {
    std::string_view t = Trim(line.text);
    DiscardEntry e;
    e.line = line.number;
    if (t[0] == '+') {
      e.story = true;
      t.remove_prefix(1);
    }
    e.phrase = ParsePhrase(t);
    if (e.phrase.words.empty()) return LineError(origin, line.number, "an empty discard phrase");
    list.entries.push_back(std::move(e));
  }
  return list;
}

// ------------------------------------------------------------ issues

Result<IssueDictionary> ReadIssues(std::string_view text, std::string_view origin) {
  IssueDictionary dict;
  std::string category;
  bool open_tag = false;
  uint32_t open_line = 0;
  for (const Line& line : Lines(text, origin, /*semicolon=*/false, &dict.warnings)) {
    std::string_view t = Trim(line.text);
    if (StartsWith(t, "</")) {
      if (!open_tag) {
        dict.warnings.push_back(
            {std::string(origin), line.number, "'" + std::string(t) + "' closes nothing: ignored"});
      }
      open_tag = false;
      category.clear();
      continue;
    }
    if (t[0] == '<') {
      if (open_tag) {
        dict.warnings.push_back(
            {std::string(origin), line.number,
             "the <ISSUE> opened on line " + std::to_string(open_line) + " is not closed"});
      }
      if (t.back() != '>') return LineError(origin, line.number, "a tag without '>'");
      size_t k = t.find("CATEGORY=\"");
      if (k != std::string_view::npos) {
        size_t q = t.find('"', k + 10);
        if (q == std::string_view::npos)
          return LineError(origin, line.number, "unterminated CATEGORY");
        category = std::string(t.substr(k + 10, q - k - 10));
      }
      open_tag = true;
      open_line = line.number;
      continue;
    }
    // Normally one entry per line; a few Phoenix lines lost their line break
    // ("a [X]b [X]"), so entries are read until the line is used up.
    while (!t.empty()) {
      IssueEntry e;
      e.category = category;
      e.line = line.number;
      while (!t.empty() && t[0] == '~' && e.ignore < 2) {
        ++e.ignore;
        t.remove_prefix(1);
      }
      std::string_view rest;
      if (e.ignore == 0) {
        size_t open = t.find('[');
        size_t close = open == std::string_view::npos ? open : t.find(']', open);
        if (open == std::string_view::npos) {
          // Phoenix.IssueCoding.txt has a dozen of these; the category is the
          // code its neighbours carry.
          if (category.empty()) {
            return LineError(origin, line.number, "an issue phrase without a [code]");
          }
          dict.warnings.push_back({std::string(origin), line.number,
                                   "no [code]: the category " + category + " is used"});
          e.code = category;
        } else {
          if (close == std::string_view::npos) {
            return LineError(origin, line.number, "'[' without ']'");
          }
          e.code = std::string(Trim(t.substr(open + 1, close - open - 1)));
          if (e.code.empty()) return LineError(origin, line.number, "an empty [code]");
          rest = Trim(t.substr(close + 1));
          t = t.substr(0, open);
          // "aqim [X] [X]": a repeated code.
          if (rest == "[" + e.code + "]") rest = {};
          if (!rest.empty() && rest.find('[') == std::string_view::npos) {
            dict.warnings.push_back({std::string(origin), line.number,
                                     "text after the [code] ignored: '" + std::string(rest) + "'"});
            rest = {};
          } else if (!rest.empty()) {
            dict.warnings.push_back(
                {std::string(origin), line.number, "a second entry on the same line"});
          }
        }
      }
      e.text = std::string(Trim(t));
      if (e.text.empty()) return LineError(origin, line.number, "an empty issue phrase");
      dict.entries.push_back(std::move(e));
      t = rest;
    }
  }
  return dict;
}

std::vector<std::string> IssueEntry::Variants() const {
  std::vector<std::string> out{""};
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    std::vector<std::string> forms;
    if (StartsWith(w, "n:")) {
      w.erase(0, 2);
      forms = {w, PluralWord(w)};
    } else if (StartsWith(w, "v:")) {
      w.erase(0, 2);
      forms = VerbWordForms(w);
    } else {
      forms = {w};
    }
    std::vector<std::string> expanded;
    for (const auto& f : forms) {
      if (f.find('+') == std::string::npos) {
        expanded.push_back(f);
        continue;
      }
      for (char sep : {' ', '-'}) {
        std::string g = f;
        std::replace(g.begin(), g.end(), '+', sep);
        expanded.push_back(std::move(g));
      }
    }
    std::vector<std::string> next;
    for (const auto& prefix : out) {
      for (const auto& f : expanded) next.push_back(prefix.empty() ? f : prefix + " " + f);
    }
    out = std::move(next);
  }
  // Collapse blanks left by "eu+ gene".
  for (auto& v : out) {
    std::string c;
    for (char ch : v) {
      if (ch == ' ' && (c.empty() || c.back() == ' ')) continue;
      c += ch;
    }
    while (!c.empty() && c.back() == ' ') c.pop_back();
    v = std::move(c);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// ------------------------------------------------------------ loading

FileNames FileNames::Phoenix() {
  FileNames f;
  f.actors = {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
              "Phoenix.MilNonState.actors.txt"};
  f.agents = "Phoenix.agents.txt";
  f.verbs = "CAMEO.2.0.txt";
  f.discards = "Phoenix.discards.txt";
  f.issues = "Phoenix.IssueCoding.txt";
  return f;
}

FileNames FileNames::Validate() {
  FileNames f;
  f.actors = {"PETR.Validate.actors.txt"};
  f.agents = "PETR.Validate.agents.txt";
  f.verbs = "PETR.Validate.verbs.txt";
  f.discards = "PETR.Validate.discards.txt";
  return f;
}

namespace {

Result<std::string> ReadWholeFile(const std::string& dir, const std::string& name) {
  std::string path = dir;
  if (!path.empty() && path.back() != '/') path += '/';
  path += name;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (std::filesystem::exists(path, ec)) return Status::IOError(path + ": not a regular file");
    return Status::NotFound(path + ": no such file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot be opened");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return buf.str();
}

}  // namespace

Result<Dictionaries> LoadDirectory(const std::string& dir, const FileNames& files) {
  Dictionaries d;
  for (const std::string& name : files.actors) {
    auto text = ReadWholeFile(dir, name);
    if (!text.ok()) return text.status();
    auto actors = ReadActors(*text, name);
    if (!actors.ok()) return actors.status();
    AppendActors(&d.actors, std::move(*actors));
  }
  // Reads one optional single-file dictionary into `out`.
  auto one = [&](const std::string& name, auto reader, auto* out) -> Status {
    if (name.empty()) return Status::OK();
    auto text = ReadWholeFile(dir, name);
    if (!text.ok()) return text.status();
    auto r = reader(*text, name);
    if (!r.ok()) return r.status();
    *out = std::move(*r);
    return Status::OK();
  };
  KG_RETURN_IF_ERROR(one(files.agents, ReadAgents, &d.agents));
  KG_RETURN_IF_ERROR(one(files.verbs, ReadVerbs, &d.verbs));
  KG_RETURN_IF_ERROR(one(files.discards, ReadDiscards, &d.discards));
  KG_RETURN_IF_ERROR(one(files.issues, ReadIssues, &d.issues));
  return d;
}

// ------------------------------------------------------------ to kg

namespace {

using OrderedJson = nlohmann::ordered_json;

bool IsParticle(std::string_view w) {
  static const std::unordered_set<std::string_view> kParticles = {
      "the", "of", "and", "for", "in",  "on",  "at",  "to",    "a",   "an",
      "al",  "el", "ul",  "bin", "ibn", "de",  "del", "della", "der", "des",
      "du",  "da", "di",  "la",  "le",  "van", "von", "y",     "wa",  "fi"};
  return kParticles.count(w) > 0;
}

// A PETRARCH word (usually all capitals) written the way kg's lexicon wants:
// see "Names" in docs/petrarch-dictionaries.md.
std::string Recase(std::string_view word, bool single_word_phrase) {
  size_t letters = 0;
  bool ascii_letters_only = true;
  for (char c : word) {
    if (IsAlpha(c))
      ++letters;
    else
      ascii_letters_only = false;
  }
  if (single_word_phrase && ascii_letters_only && letters >= 2 && letters <= 3) {
    std::string out(word);
    for (char& c : out) c = ToUpper(c);
    return out;
  }
  std::string lower = Lower(word);
  if (IsParticle(lower)) return lower;
  std::string out;
  bool start = true;
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = lower[i];
    out += start ? ToUpper(c) : c;
    if (IsAlpha(c)) start = false;
    // Not after '-': kg's case rules are per token, and a lower-case word
    // matches any case, so "BARAD-DUR" becomes "Barad-dur", which matches
    // "Barad-dur" and "Barad-Dur" alike.
    if (c == '.' || c == '(' || c == '/') start = true;
    // O'BRIEN, D'IVOIRE: a capital after a one-letter prefix and apostrophe.
    if (c == '\'' && i == 1) start = true;
  }
  return out;
}

// The phrase as a kg name, or "" if it cannot be one (no letters, damaged).
std::string NameOf(const Phrase& p) {
  std::string out;
  bool letters = false;
  for (const auto& w : p.words) {
    if (w.find(kReplacement) != std::string::npos) return "";
    for (char c : w) {
      if (IsAlpha(c) || static_cast<unsigned char>(c) >= 0x80) letters = true;
    }
    if (!out.empty()) out += ' ';
    out += Recase(w, p.words.size() == 1);
  }
  return letters ? out : "";
}

std::string LowerText(const Phrase& p) { return Lower(p.Text()); }

// A fast ASCII slug for id suffixes: "BAN KI-MOON" -> "ban-ki-moon".
std::string AsciiSlug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAlpha(c) || IsDigit(c)) {
      out += ToLower(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

// A CAMEO event code (3 or 4 digits), or one refined by a letter, as the
// validation file marks variants of a code ("174K", "210a").
bool IsEventCode(std::string_view c) {
  if (!c.empty() && IsAlpha(c.back())) c.remove_suffix(1);
  if (c.size() != 3 && c.size() != 4) return false;
  return std::all_of(c.begin(), c.end(), IsDigit);
}

bool AllUpperLetters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsUpper);
}

std::string TypeOf(const ActorEntry& e, const std::string& code) {
  for (const auto& c : e.codes) {
    if (c.kind != DatedCode::Kind::kAlways) return "person";
  }
  for (std::string_view p : {"IGO", "NGO", "NGM", "MNC"}) {
    if (StartsWith(code, p)) return "organization";
  }
  if (code.size() == 3 && AllUpperLetters(code)) return "country";
  if (StartsWith(code, "IMG")) return "group";
  if (code.size() >= 6 && AllUpperLetters(code)) {
    std::string_view role = std::string_view(code).substr(3, 3);
    for (std::string_view g : {"REB", "INS", "UAF", "SEP", "OPP", "IMG"}) {
      if (role == g) return "group";
    }
  }
  return "unknown";
}

std::string Dump(const OrderedJson& j) {
  return j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

// A pattern converted for kg's lexicon: elements as docs/lexicon-format.md
// "patterns" describes them.
class PatternConverter {
 public:
  explicit PatternConverter(const VerbDictionary& verbs) {
    for (const Synset& s : verbs.synsets) synsets_.emplace(s.name, &s);
  }

  // The pattern as a kg pattern object, or nullopt if it cannot be one (no
  // or several "*", an unusable code, too many alternatives).
  std::optional<OrderedJson> Convert(const Pattern& p) const {
    const bool active_ok = p.code.active.empty() || IsCode(p.code.active);
    const bool reverse_ok = p.code.reverse.empty() || IsCode(p.code.reverse);
    if (!active_ok || !reverse_ok || (p.code.active.empty() && p.code.reverse.empty())) {
      return std::nullopt;
    }
    std::vector<Unit> units;
    for (const PatternElement& e : p.elements) {
      if (!Flatten(e, &units)) return std::nullopt;
    }
    // Merge words joined by '_' into runs of consecutive words.
    std::vector<Unit> merged;
    for (Unit& u : units) {
      if (!merged.empty() && merged.back().joined && merged.back().slot.empty() &&
          u.slot.empty()) {
        std::vector<std::string> product;
        for (const auto& a : merged.back().alternatives) {
          for (const auto& b : u.alternatives) product.push_back(a + " " + b);
        }
        if (product.size() > kMaxAlternatives) return std::nullopt;
        merged.back().alternatives = std::move(product);
        merged.back().joined = u.joined;
      } else {
        merged.push_back(std::move(u));
      }
    }
    OrderedJson before = OrderedJson::array(), after = OrderedJson::array();
    int verbs = 0;
    for (size_t i = 0; i < merged.size(); ++i) {
      const Unit& u = merged[i];
      if (u.slot == "*") {
        ++verbs;
        if (u.joined) after.push_back("_");  // *_OUT: OUT right after the verb
        continue;
      }
      OrderedJson& side = verbs == 0 ? before : after;
      if (!u.slot.empty()) {
        side.push_back(u.slot);
      } else if (u.alternatives.size() == 1) {
        side.push_back(u.alternatives[0]);
      } else {
        side.push_back(u.alternatives);
      }
      // RECENTLY_*: RECENTLY right before the verb.
      if (u.joined && i + 1 < merged.size() && merged[i + 1].slot == "*") side.push_back("_");
    }
    if (verbs != 1) return std::nullopt;
    OrderedJson j;
    if (!before.empty()) j["before"] = std::move(before);
    if (!after.empty()) j["after"] = std::move(after);
    j["cameo"] = p.code.active;
    if (!p.code.reverse.empty()) j["reverse"] = p.code.reverse;
    return j;
  }

 private:
  static constexpr size_t kMaxAlternatives = 512;

  // A slot ("+", "$", "^", "%", "*") or a choice of word runs.
  struct Unit {
    std::string slot;
    std::vector<std::string> alternatives;  // lower case, words joined by ' '
    bool joined = false;                    // '_' to the next unit
  };

  static bool IsCode(std::string_view c) { return c == "---" || IsEventCode(c); }

  // Every phrase of synset `name`, plurals and nested synsets included.
  bool SynsetPhrases(const std::string& name, int depth, std::vector<std::string>* out) const {
    auto it = synsets_.find(name);
    if (it == synsets_.end() || depth > 4) return false;
    for (const Synset::Member& m : it->second->members) {
      if (!m.synset.empty()) {
        if (!SynsetPhrases(m.synset, depth + 1, out)) return false;
        continue;
      }
      if (!m.phrase.words.empty()) out->push_back(LowerText(m.phrase));
      for (const Phrase& pl : m.plurals) out->push_back(LowerText(pl));
    }
    return !out->empty();
  }

  // The word runs an element stands for; false if it has none.
  bool Words(const PatternElement& e, std::vector<std::string>* out) const {
    switch (e.kind) {
      case PatternElement::Kind::kWord:
        out->push_back(Lower(e.text));
        return true;
      case PatternElement::Kind::kSynset:
        return SynsetPhrases(e.text, 0, out);
      case PatternElement::Kind::kNounPhrase: {
        std::vector<std::string> acc{""};
        for (const PatternElement& c : e.children) {
          std::vector<std::string> part, product;
          if (!Words(c, &part)) return false;
          for (const auto& a : acc) {
            for (const auto& b : part) product.push_back(a.empty() ? b : a + " " + b);
          }
          if (product.size() > kMaxAlternatives) return false;
          acc = std::move(product);
        }
        out->insert(out->end(), acc.begin(), acc.end());
        return !acc.empty() && !acc[0].empty();
      }
      case PatternElement::Kind::kAlternatives:
        for (const PatternElement& c : e.children) {
          if (!Words(c, out)) return false;
        }
        return !out->empty();
      default:
        return false;
    }
  }

  bool Flatten(const PatternElement& e, std::vector<Unit>* units) const {
    using K = PatternElement::Kind;
    switch (e.kind) {
      case K::kSource:
        units->push_back(Unit{"$", {}, false});
        return true;
      case K::kTarget:
        units->push_back(Unit{"+", {}, false});
        return true;
      case K::kSkip:
        units->push_back(Unit{"^", {}, false});
        return true;
      case K::kVerb:
        units->push_back(Unit{"*", {}, e.joined});
        return true;
      case K::kCompound:
        units->push_back(Unit{"%", {}, false});
        return true;
      case K::kNounPhrase:
      case K::kPrepPhrase:
        // Adjectives before a head, a preposition before its object: each
        // word in order, others may stand between.
        for (const PatternElement& c : e.children) {
          if (!Flatten(c, units)) return false;
        }
        if (!units->empty()) units->back().joined = false;
        return true;
      case K::kWord:
      case K::kSynset:
      case K::kAlternatives: {
        Unit u;
        if (!Words(e, &u.alternatives)) return false;
        u.joined = e.joined;
        units->push_back(std::move(u));
        return true;
      }
    }
    return false;
  }

  std::unordered_map<std::string, const Synset*> synsets_;
};

}  // namespace

Result<std::pair<std::string, std::string>> ToLexiconJson(const Dictionaries& d,
                                                          const ConvertOptions& options,
                                                          ConvertStats* stats) {
  if (!options.as_of.empty() && !IsIsoDate(options.as_of)) {
    return Status::InvalidArgument("as-of date '" + options.as_of + "' is not YYYY-MM-DD");
  }
  ConvertStats local;
  ConvertStats& st = stats ? *stats : local;
  st = ConvertStats{};

  // --- actors
  struct Out {
    std::string id, type, code, name, country;
    std::vector<std::string> names;
    std::unordered_set<std::string> seen;  // lower-cased names
  };
  std::vector<Out> actors;
  std::unordered_set<std::string> ids;
  std::unordered_map<std::string, size_t> by_code_phrase;
  auto add_name = [&](Out& a, const Phrase& p) {
    std::string n = NameOf(p);
    if (n.empty()) {
      ++st.names_dropped;
      return;
    }
    if (a.seen.insert(Lower(n)).second) a.names.push_back(std::move(n));
  };
  for (const ActorEntry& e : d.actors.entries) {
    std::string code = e.CodeOn(options.as_of);
    if (code.empty() || code == "---") {
      ++st.actor_entries_no_code;
      continue;
    }
    std::string key = code + '\n' + LowerText(e.phrase);
    auto dup = by_code_phrase.find(key);
    if (dup != by_code_phrase.end()) {
      ++st.actor_entries_merged;
      for (const auto& s : e.synonyms) add_name(actors[dup->second], s);
      continue;
    }
    Out a;
    a.code = code;
    a.type = TypeOf(e, code);
    add_name(a, e.phrase);
    for (const auto& s : e.synonyms) add_name(a, s);
    if (a.names.empty()) continue;  // counted in names_dropped
    a.name = a.names.front();
    a.id = code;
    if (ids.count(a.id)) {
      std::string base = code + "-" + AsciiSlug(e.phrase.Text());
      a.id = base;
      for (int n = 2; ids.count(a.id); ++n) a.id = base + "-" + std::to_string(n);
    }
    ids.insert(a.id);
    by_code_phrase.emplace(std::move(key), actors.size());
    actors.push_back(std::move(a));
  }
  std::unordered_set<std::string> countries;
  for (const auto& a : actors) {
    if (a.type == "country") countries.insert(a.id);
  }
  std::string actors_json = "{\"format\": \"kg-actors/1\",\n \"titles\": [],\n";
  // Discards keep their scope; an open phrase (no trailing '_') is a stem.
  if (!d.discards.entries.empty()) {
    actors_json += " \"discards\": [\n";
    for (size_t i = 0; i < d.discards.entries.size(); ++i) {
      const DiscardEntry& e = d.discards.entries[i];
      OrderedJson j;
      j["phrase"] = LowerText(e.phrase);
      j["scope"] = e.story ? "story" : "sentence";
      if (!e.phrase.closed) j["stem"] = true;
      actors_json += "  " + Dump(j) + (i + 1 < d.discards.entries.size() ? ",\n" : "\n");
    }
    actors_json += " ],\n";
    st.discards = d.discards.entries.size();
  }
  // Agents: one kg agent per code and placement, with every phrase and
  // plural that gives it. Blank-separated words are taken as consecutive.
  if (!d.agents.entries.empty()) {
    struct Agent {
      std::string code;
      bool prefix;
      std::vector<std::string> names;
      std::unordered_set<std::string> seen;
    };
    std::vector<Agent> agents;
    std::unordered_map<std::string, size_t> by_code;
    for (const AgentEntry& e : d.agents.entries) {
      const bool prefix = e.placement == AgentEntry::Placement::kPrefix;
      const std::string key = (prefix ? "<" : ">") + e.code;
      auto [it, fresh] = by_code.emplace(key, agents.size());
      if (fresh) agents.push_back(Agent{e.code, prefix, {}, {}});
      Agent& a = agents[it->second];
      auto add = [&](const Phrase& p) {
        std::string n = LowerText(p);
        if (n.empty()) return;
        if (a.seen.insert(n).second) a.names.push_back(std::move(n));
      };
      add(e.phrase);
      for (const Phrase& p : e.plurals) add(p);
    }
    actors_json += " \"agents\": [\n";
    size_t written = 0;
    for (size_t i = 0; i < agents.size(); ++i) {
      if (agents[i].names.empty()) continue;
      OrderedJson j;
      j["code"] = agents[i].code;
      if (agents[i].prefix) j["placement"] = "prefix";
      j["names"] = agents[i].names;
      actors_json += std::string(written++ ? ",\n" : "") + "  " + Dump(j);
      st.agent_names += agents[i].names.size();
    }
    actors_json += "\n ],\n";
    st.agents = written;
  }
  actors_json += " \"actors\": [\n";
  for (size_t i = 0; i < actors.size(); ++i) {
    Out& a = actors[i];
    if (a.type != "country" && a.code.size() > 3 && countries.count(a.code.substr(0, 3))) {
      a.country = a.code.substr(0, 3);
    }
    OrderedJson j;
    j["id"] = a.id;
    j["type"] = a.type;
    j["code"] = a.code;
    j["name"] = a.name;
    j["names"] = std::vector<std::string>(a.names.begin() + 1, a.names.end());
    if (!a.country.empty()) j["country"] = a.country;
    actors_json += "  " + Dump(j) + (i + 1 < actors.size() ? ",\n" : "\n");
    st.names += a.names.size();
  }
  actors_json += " ]}\n";
  st.actors = actors.size();

  // --- relations: one per CAMEO code, named after its first verb; the
  // verbs of a block with patterns get relations of their own, carrying the
  // block's patterns (and kept even with the null code).
  struct Rel {
    std::string name, code, reverse;
    std::vector<std::string> forms;
    std::vector<size_t> blocks;  // whose patterns it carries
  };
  std::vector<Rel> rels;
  std::unordered_map<std::string, size_t> by_code;
  std::unordered_set<std::string> names_taken;
  std::unordered_map<std::string, size_t> form_owner;  // form -> index in rels
  PatternConverter converter(d.verbs);
  std::vector<std::vector<OrderedJson>> block_patterns(d.verbs.blocks.size());
  for (size_t bi = 0; bi < d.verbs.blocks.size(); ++bi) {
    const VerbBlock& b = d.verbs.blocks[bi];
    std::vector<OrderedJson>& patterns = block_patterns[bi];
    for (const Pattern& p : b.patterns) {
      if (auto j = converter.Convert(p)) {
        patterns.push_back(std::move(*j));
      } else {
        ++st.patterns_dropped;
      }
    }
    for (const Verb& v : b.verbs) {
      std::string code = v.code.active.empty() ? b.code.active : v.code.active;
      // "LEFT [032:033]": also the reverse event, target to source.
      std::string reverse = v.code.active.empty() ? b.code.reverse : v.code.reverse;
      if (!IsEventCode(reverse)) reverse.clear();
      if (!IsEventCode(code)) {
        if (patterns.empty()) {
          ++st.verbs_no_code;
          continue;
        }
        code = "---";
      }
      std::string key = (reverse.empty() ? code : code + ':' + reverse) +
                        (patterns.empty() ? "" : '\n' + std::to_string(bi));
      auto it = by_code.find(key);
      if (it == by_code.end()) {
        Rel r;
        r.code = code;
        r.reverse = reverse;
        r.name = LowerText(v.phrase);
        if (names_taken.count(r.name)) r.name += " " + code;
        for (int k = 2; names_taken.count(r.name); ++k) {
          r.name = LowerText(v.phrase) + " " + code + " " + std::to_string(k);
        }
        names_taken.insert(r.name);
        if (!patterns.empty()) r.blocks.push_back(bi);
        it = by_code.emplace(std::move(key), rels.size()).first;
        rels.push_back(std::move(r));
      }
      const size_t ri = it->second;
      for (const Phrase& f : VerbForms(v)) {
        std::string form = LowerText(f);
        if (form.empty()) continue;
        auto [owner, added] = form_owner.emplace(form, ri);
        if (!added) {
          ++st.forms_shared;
          // "--- SHOT [---]" then "--- SHOT [223]" with "+ WAS * DEAD IN $":
          // the later block's patterns join the relation that has the form,
          // if that one carries patterns of its own (a block's relation).
          std::vector<size_t>& blocks = rels[owner->second].blocks;
          if (owner->second != ri && !patterns.empty() && !blocks.empty() &&
              std::find(blocks.begin(), blocks.end(), bi) == blocks.end()) {
            blocks.push_back(bi);
            ++st.pattern_blocks_merged;
          }
          continue;
        }
        rels[ri].forms.push_back(std::move(form));
      }
    }
  }
  st.transformations_dropped = d.verbs.transformations.size();
  st.synsets_dropped = d.verbs.synsets.size();
  st.issues_dropped = d.issues.entries.size();
  // PETRARCH's verbs assume its reading of a clause (the target is the
  // first actor of the verb phrase, through any preposition).
  std::string relations_json =
      "{\"format\": \"kg-relations/1\",\n \"coding\": \"petrarch\",\n \"relations\": [\n";
  std::vector<const Rel*> written;
  for (const Rel& r : rels) {
    if (!r.forms.empty()) written.push_back(&r);
  }
  for (size_t i = 0; i < written.size(); ++i) {
    OrderedJson j;
    j["relation"] = written[i]->name;
    j["cameo"] = written[i]->code;
    if (!written[i]->reverse.empty()) j["reverse"] = written[i]->reverse;
    j["forms"] = written[i]->forms;
    if (!written[i]->blocks.empty()) {
      OrderedJson patterns = OrderedJson::array();
      for (size_t b : written[i]->blocks) {
        for (const OrderedJson& p : block_patterns[b]) patterns.push_back(p);
      }
      st.patterns += patterns.size();
      j["patterns"] = std::move(patterns);
    }
    relations_json += "  " + Dump(j) + (i + 1 < written.size() ? ",\n" : "\n");
    st.forms += written[i]->forms.size();
  }
  relations_json += " ]}\n";
  st.relations = written.size();
  return std::make_pair(std::move(actors_json), std::move(relations_json));
}

}  // namespace kg::extract::petrarch
