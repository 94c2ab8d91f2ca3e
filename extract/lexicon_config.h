// LexiconConfig: which lexicon kg codes with, as a config file says
// (docs/configuration.md), and LexiconSources: the files to read once the
// command line has had its say.
//
// A config file is INI (extract/ini_file.h). kg reads its own [lexicon]
// section and the [Dictionaries] section of PETRARCH's PETR_config.ini, so an
// existing PETRARCH config works unchanged:
//
//   [lexicon]
//   dictionaries = ../shared/petrarch/dictionaries
//   with_default = yes
//
//   [Dictionaries]
//   verbfile_name  = CAMEO.2.0.txt
//   actorfile_list = Phoenix.Countries.actors.txt, Phoenix.International.actors.txt
//
//   auto config = extract::ReadLexiconConfig("kg.ini");
//   if (!config.ok()) return config.status();  // "kg.ini:3: unknown key 'verb' ..."
//   auto sources = extract::ResolveLexiconSources(&*config, /*dictionaries=*/"",
//                                                 /*with_default=*/std::nullopt);
//   // sources->files.verbs == "../shared/petrarch/dictionaries/CAMEO.2.0.txt"
//
// Pure functions apart from ReadLexiconConfig, which reads one file;
// thread-safe.
#ifndef KG_EXTRACT_LEXICON_CONFIG_H_
#define KG_EXTRACT_LEXICON_CONFIG_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/petrarch_dictionaries.h"
#include "graph/status.h"

namespace kg::extract {

// Where a setting came from: "FILE:LINE".
struct ConfigPlace {
  std::string file;
  size_t line = 0;
  std::string ToString() const { return file + ":" + std::to_string(line); }
};

// The lexicon settings of one config file. A field is set when the file sets
// it to a non-empty value; each can be set once, in either section.
struct LexiconConfig {
  std::string path;  // the config file, as given
  // [lexicon] dictionaries: the directory the dictionary files are in,
  // already resolved against the config file's directory.
  std::optional<std::string> dictionaries;
  // The dictionary files, as written: relative names resolve later
  // (ResolveLexiconSources). [lexicon] actors/agents/verbs/discards/issues or
  // [Dictionaries] actorfile_list/agentfile_name/verbfile_name/
  // discardfile_name/issuefile_name. `actors` is a comma-separated list.
  std::optional<std::vector<std::string>> actors;
  std::optional<std::string> agents;
  std::optional<std::string> verbs;
  std::optional<std::string> discards;
  std::optional<std::string> issues;
  // [lexicon] with_default: also code with kg's built-in lexicon (yes/no,
  // true/false, on/off, 1/0). Unset: no when dictionaries are used.
  std::optional<bool> with_default;
  ConfigPlace with_default_at;  // where with_default was set

  // Whether any dictionary file is named.
  bool NamesFiles() const { return actors || agents || verbs || discards || issues; }
};

// The comma-separated items of a PETRARCH file list ("A.txt, B.txt", as in
// actorfile_list and a records file's <Actorfile>), trimmed, empty ones
// left out.
std::vector<std::string> SplitFileList(std::string_view value);

// Parses config text; `path` names the file in errors and is the base of a
// relative `dictionaries`. ParseError "PATH:LINE: problem" for the INI errors
// of ParseIni, an unknown section (PETRARCH's [Options] and [StanfordNLP] are
// skipped: they configure PETRARCH's own input and parser), an unknown key in
// [lexicon] or [Dictionaries], a setting given twice (also across the two
// sections: verbs and verbfile_name), a with_default that is not a boolean.
Result<LexiconConfig> ParseLexiconConfig(std::string_view text, const std::string& path);

// Reads and parses the file at `path`: NotFound "PATH: no such file", IOError
// if it cannot be read, else as ParseLexiconConfig.
Result<LexiconConfig> ReadLexiconConfig(const std::string& path);

// The lexicon to code with.
struct LexiconSources {
  bool with_default = true;       // kg's built-in lexicon (extract/data)
  bool with_dictionaries = false; // PETRARCH dictionaries, from `files`
  // Paths to open (absolute, or relative to the working directory); an empty
  // name is not read.
  petrarch::FileNames files;
  // Names the dictionaries in messages: the directory, else the config file.
  std::string origin;
};

// Combines the command line with the config file (`config` may be null); the
// command line wins. `dictionaries` is --dictionaries ("" if not given),
// `with_default` --with-default-lexicon (true) / --without-default-lexicon
// (false).
//
// The directory is `dictionaries`, else the config's. If the config names
// dictionary files, exactly those are read: relative names against the
// directory if there is one, else against the config file's directory.
// If it names none, a directory means Phoenix's file set in it
// (petrarch::FileNames::Phoenix()). Without a directory or named files no
// dictionaries are read and kg's lexicon is used alone. With dictionaries,
// kg's lexicon is used too only when `with_default` (or else the config's
// with_default) says yes.
//
// InvalidArgument when nothing would be left to code with (with_default is
// no and there are no dictionaries), naming the flag or the config line.
Result<LexiconSources> ResolveLexiconSources(const LexiconConfig* config,
                                             const std::string& dictionaries,
                                             std::optional<bool> with_default);

}  // namespace kg::extract

#endif  // KG_EXTRACT_LEXICON_CONFIG_H_
