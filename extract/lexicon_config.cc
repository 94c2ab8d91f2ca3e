#include "extract/lexicon_config.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "extract/ini_file.h"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

// What a key sets.
enum class Slot { kDictionaries, kActors, kAgents, kVerbs, kDiscards, kIssues, kWithDefault };
constexpr size_t kSlots = 7;

const char* SlotName(Slot slot) {
  switch (slot) {
    case Slot::kDictionaries: return "the dictionaries directory";
    case Slot::kActors: return "the actor files";
    case Slot::kAgents: return "the agent file";
    case Slot::kVerbs: return "the verb file";
    case Slot::kDiscards: return "the discard file";
    case Slot::kIssues: return "the issue file";
    case Slot::kWithDefault: return "with_default";
  }
  return "?";
}

struct Key {
  const char* name;
  Slot slot;
};

// kg's own section.
constexpr std::array<Key, 7> kLexiconKeys = {{
    {"dictionaries", Slot::kDictionaries},
    {"actors", Slot::kActors},
    {"agents", Slot::kAgents},
    {"verbs", Slot::kVerbs},
    {"discards", Slot::kDiscards},
    {"issues", Slot::kIssues},
    {"with_default", Slot::kWithDefault},
}};

// PETRARCH's PETR_config.ini [Dictionaries].
constexpr std::array<Key, 5> kPetrarchKeys = {{
    {"actorfile_list", Slot::kActors},
    {"agentfile_name", Slot::kAgents},
    {"verbfile_name", Slot::kVerbs},
    {"discardfile_name", Slot::kDiscards},
    {"issuefile_name", Slot::kIssues},
}};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

template <size_t N>
std::string KeyList(const std::array<Key, N>& keys) {
  std::string out;
  for (const Key& k : keys) out += (out.empty() ? "" : ", ") + std::string(k.name);
  return out;
}

template <size_t N>
std::optional<Slot> Find(const std::array<Key, N>& keys, std::string_view key) {
  for (const Key& k : keys) {
    if (key == k.name) return k.slot;
  }
  return std::nullopt;
}

// configparser's booleans.
std::optional<bool> ParseBool(std::string_view value) {
  const std::string v = Lower(value);
  if (v == "yes" || v == "true" || v == "on" || v == "1") return true;
  if (v == "no" || v == "false" || v == "off" || v == "0") return false;
  return std::nullopt;
}

// `name` relative to `base` unless it is absolute or there is no base.
std::string Join(const std::string& base, const std::string& name) {
  if (base.empty() || fs::path(name).is_absolute()) return name;
  return (fs::path(base) / name).string();
}

std::string DirectoryOf(const std::string& file) { return fs::path(file).parent_path().string(); }

}  // namespace

std::vector<std::string> SplitFileList(std::string_view value) {
  std::vector<std::string> out;
  while (true) {
    const size_t comma = value.find(',');
    std::string_view item = value.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

Result<LexiconConfig> ParseLexiconConfig(std::string_view text, const std::string& path) {
  auto settings = ParseIni(text, path);
  if (!settings.ok()) return settings.status();
  LexiconConfig config;
  config.path = path;
  std::array<size_t, kSlots> set_on{};  // line that set each slot, 0 if none
  for (const IniSetting& s : *settings) {
    auto error = [&](const std::string& problem) {
      return Status::ParseError(path + ":" + std::to_string(s.line) + ": " + problem);
    };
    const std::string section = Lower(s.section);
    std::optional<Slot> slot;
    if (section == "lexicon") {
      slot = Find(kLexiconKeys, s.key);
      if (!slot) {
        return error("unknown key '" + s.key + "' in [" + s.section +
                     "] (known: " + KeyList(kLexiconKeys) + ")");
      }
    } else if (section == "dictionaries") {
      slot = Find(kPetrarchKeys, s.key);
      if (!slot) {
        return error("unknown key '" + s.key + "' in [" + s.section +
                     "] (known: " + KeyList(kPetrarchKeys) + ")");
      }
    } else if (section == "options" || section == "stanfordnlp") {
      continue;  // PETRARCH's own input, output and parser settings
    } else {
      return Status::ParseError(path + ":" + std::to_string(s.section_line) +
                                ": unknown section [" + s.section +
                                "] (kg reads [lexicon] and PETRARCH's [Dictionaries], and "
                                "skips [Options] and [StanfordNLP])");
    }
    if (s.value.empty()) continue;  // "issuefile_name =": not set
    size_t& first = set_on[static_cast<size_t>(*slot)];
    if (first != 0) {
      return error("'" + s.key + "' sets " + SlotName(*slot) + ", already set on line " +
                   std::to_string(first));
    }
    first = s.line;
    switch (*slot) {
      case Slot::kDictionaries: config.dictionaries = Join(DirectoryOf(path), s.value); break;
      case Slot::kActors: {
        std::vector<std::string> files = SplitFileList(s.value);
        if (!files.empty()) config.actors = std::move(files);
        break;
      }
      case Slot::kAgents: config.agents = s.value; break;
      case Slot::kVerbs: config.verbs = s.value; break;
      case Slot::kDiscards: config.discards = s.value; break;
      case Slot::kIssues: config.issues = s.value; break;
      case Slot::kWithDefault: {
        std::optional<bool> yes = ParseBool(s.value);
        if (!yes) return error("with_default is '" + s.value + "', not yes or no");
        config.with_default = *yes;
        config.with_default_at = ConfigPlace{path, s.line};
        break;
      }
    }
  }
  return config;
}

Result<LexiconConfig> ReadLexiconConfig(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    if (fs::exists(path, ec)) return Status::IOError(path + ": not a regular file");
    return Status::NotFound(path + ": no such file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot be opened");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return ParseLexiconConfig(text.str(), path);
}

Result<LexiconSources> ResolveLexiconSources(const LexiconConfig* config,
                                             const std::string& dictionaries,
                                             std::optional<bool> with_default) {
  LexiconSources out;
  std::string dir = dictionaries;
  if (dir.empty() && config != nullptr && config->dictionaries) dir = *config->dictionaries;
  if (config != nullptr && config->NamesFiles()) {
    const std::string base = dir.empty() ? DirectoryOf(config->path) : dir;
    if (config->actors) {
      for (const std::string& name : *config->actors) out.files.actors.push_back(Join(base, name));
    }
    for (auto [name, file] : {std::pair{&config->agents, &out.files.agents},
                              std::pair{&config->verbs, &out.files.verbs},
                              std::pair{&config->discards, &out.files.discards},
                              std::pair{&config->issues, &out.files.issues}}) {
      if (*name) *file = Join(base, **name);
    }
    out.with_dictionaries = true;
    out.origin = dir.empty() ? config->path : dir;
  } else if (!dir.empty()) {
    const petrarch::FileNames phoenix = petrarch::FileNames::Phoenix();
    for (const std::string& name : phoenix.actors) out.files.actors.push_back(Join(dir, name));
    out.files.agents = Join(dir, phoenix.agents);
    out.files.verbs = Join(dir, phoenix.verbs);
    out.files.discards = Join(dir, phoenix.discards);
    out.files.issues = Join(dir, phoenix.issues);
    out.with_dictionaries = true;
    out.origin = dir;
  }

  const bool config_default = config != nullptr && config->with_default.has_value();
  if (!out.with_dictionaries) {
    // kg's lexicon alone: the only lexicon there is.
    if (with_default == false) {
      return Status::InvalidArgument(
          "--without-default-lexicon leaves nothing to code with: give --dictionaries DIR or a "
          "--config that names PETRARCH dictionaries");
    }
    if (!with_default && config_default && !*config->with_default) {
      return Status::InvalidArgument(config->with_default_at.ToString() +
                                     ": with_default is no, but no PETRARCH dictionaries are "
                                     "named: set dictionaries or name the files");
    }
    out.with_default = true;
    return out;
  }
  if (with_default) {
    out.with_default = *with_default;
  } else if (config_default) {
    out.with_default = *config->with_default;
  } else {
    out.with_default = false;  // dictionaries instead of kg's lexicon, as --dictionaries always did
  }
  return out;
}

}  // namespace kg::extract
