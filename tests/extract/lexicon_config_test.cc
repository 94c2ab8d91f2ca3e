#include "extract/lexicon_config.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace kg::extract {
namespace {

using Strings = std::vector<std::string>;

// PETRARCH's own layout: [Dictionaries] with its key names, and sections kg
// has no use for.
constexpr const char* kPetrarchConfig =
    "# Configuration file for PETRARCH\n"                                        // 1
    "[Dictionaries]\n"                                                           // 2
    "verbfile_name    = CAMEO.2.0.txt\n"                                         // 3
    "actorfile_list   = Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,\n"
    "                   /abs/Phoenix.MilNonState.actors.txt\n"                   // 5
    "agentfile_name   = Phoenix.agents.txt\n"                                    // 6
    "discardfile_name = Phoenix.discards.txt\n"                                  // 7
    "issuefile_name   = Phoenix.IssueCoding.txt\n"                               // 8
    "\n"
    "[Options]\n"
    "textfile_list = data/text/GigaWord.sample.PETR.xml\n"
    "code_by_sentence = True\n"
    "new_actor_length = 0\n"
    "\n"
    "[StanfordNLP]\n"
    "stanford_dir = ~/stanford-corenlp/\n";

TEST_CASE("Lexicon config: PETRARCH's [Dictionaries] section", "[extract]") {
  auto config = ParseLexiconConfig(kPetrarchConfig, "conf/PETR_config.ini");
  REQUIRE(config.ok());
  CHECK(config->path == "conf/PETR_config.ini");
  CHECK_FALSE(config->dictionaries);
  REQUIRE(config->actors);
  CHECK(*config->actors == Strings{"Phoenix.Countries.actors.txt",
                                   "Phoenix.International.actors.txt",
                                   "/abs/Phoenix.MilNonState.actors.txt"});
  CHECK(config->verbs == "CAMEO.2.0.txt");
  CHECK(config->agents == "Phoenix.agents.txt");
  CHECK(config->discards == "Phoenix.discards.txt");
  CHECK(config->issues == "Phoenix.IssueCoding.txt");
  CHECK_FALSE(config->with_default);
  CHECK(config->NamesFiles());

  // Relative names are read from the config file's directory.
  auto sources = ResolveLexiconSources(&*config, "", std::nullopt);
  REQUIRE(sources.ok());
  CHECK(sources->with_dictionaries);
  CHECK_FALSE(sources->with_default);
  CHECK(sources->files.actors == Strings{"conf/Phoenix.Countries.actors.txt",
                                         "conf/Phoenix.International.actors.txt",
                                         "/abs/Phoenix.MilNonState.actors.txt"});
  CHECK(sources->files.verbs == "conf/CAMEO.2.0.txt");
  CHECK(sources->files.issues == "conf/Phoenix.IssueCoding.txt");
  CHECK(sources->origin == "conf/PETR_config.ini");

  // ... or from --dictionaries, and the flags override the config.
  auto flagged = ResolveLexiconSources(&*config, "/data/dicts", true);
  REQUIRE(flagged.ok());
  CHECK(flagged->files.verbs == "/data/dicts/CAMEO.2.0.txt");
  CHECK(flagged->files.actors[2] == "/abs/Phoenix.MilNonState.actors.txt");
  CHECK(flagged->with_default);
  CHECK(flagged->origin == "/data/dicts");
}

TEST_CASE("Lexicon config: kg's [lexicon] section", "[extract]") {
  auto config = ParseLexiconConfig(
      "[lexicon]\n"
      "dictionaries = ../petrarch/dictionaries\n"
      "actors = Phoenix.Countries.actors.txt, my.actors.txt\n"
      "verbs = CAMEO.2.0.txt\n"
      "with_default = Yes\n",
      "/etc/kg/kg.ini");
  REQUIRE(config.ok());
  CHECK(config->dictionaries == "/etc/kg/../petrarch/dictionaries");
  CHECK(config->with_default == true);
  CHECK(config->with_default_at.ToString() == "/etc/kg/kg.ini:5");
  CHECK_FALSE(config->agents);
  auto sources = ResolveLexiconSources(&*config, "", std::nullopt);
  REQUIRE(sources.ok());
  CHECK(sources->with_default);
  // Exactly the files named, from the config's directory.
  const std::string dicts = "/etc/kg/../petrarch/dictionaries/";
  CHECK(sources->files.actors ==
        Strings{dicts + "Phoenix.Countries.actors.txt", dicts + "my.actors.txt"});
  CHECK(sources->files.verbs == dicts + "CAMEO.2.0.txt");
  CHECK(sources->files.agents.empty());
  CHECK(sources->files.discards.empty());
  CHECK(sources->files.issues.empty());
  // --without-default-lexicon wins over with_default = yes.
  auto without = ResolveLexiconSources(&*config, "", false);
  REQUIRE(without.ok());
  CHECK_FALSE(without->with_default);

  for (const char* no : {"no", "false", "OFF", "0"}) {
    auto c = ParseLexiconConfig(std::string("[lexicon]\nwith_default = ") + no + "\n", "k.ini");
    REQUIRE(c.ok());
    CHECK(c->with_default == false);
  }
}

TEST_CASE("Lexicon config: a directory alone is Phoenix's file set", "[extract]") {
  auto config = ParseLexiconConfig("[lexicon]\ndictionaries = /d\n", "k.ini");
  REQUIRE(config.ok());
  CHECK_FALSE(config->NamesFiles());
  auto sources = ResolveLexiconSources(&*config, "", std::nullopt);
  REQUIRE(sources.ok());
  CHECK(sources->with_dictionaries);
  CHECK_FALSE(sources->with_default);  // instead of kg's lexicon, as --dictionaries
  CHECK(sources->files.actors == Strings{"/d/Phoenix.Countries.actors.txt",
                                         "/d/Phoenix.International.actors.txt",
                                         "/d/Phoenix.MilNonState.actors.txt"});
  CHECK(sources->files.agents == "/d/Phoenix.agents.txt");
  CHECK(sources->files.verbs == "/d/CAMEO.2.0.txt");
  CHECK(sources->files.discards == "/d/Phoenix.discards.txt");
  CHECK(sources->files.issues == "/d/Phoenix.IssueCoding.txt");
  CHECK(sources->origin == "/d");
  // --dictionaries replaces the config's directory.
  auto flagged = ResolveLexiconSources(&*config, "other", std::nullopt);
  REQUIRE(flagged.ok());
  CHECK(flagged->files.verbs == "other/CAMEO.2.0.txt");
}

TEST_CASE("Lexicon sources without a config", "[extract]") {
  auto none = ResolveLexiconSources(nullptr, "", std::nullopt);
  REQUIRE(none.ok());
  CHECK(none->with_default);
  CHECK_FALSE(none->with_dictionaries);
  auto with = ResolveLexiconSources(nullptr, "", true);  // kg's lexicon is all there is
  REQUIRE(with.ok());
  CHECK(with->with_default);
  CHECK_FALSE(with->with_dictionaries);
  auto dicts = ResolveLexiconSources(nullptr, "d/", std::nullopt);
  REQUIRE(dicts.ok());
  CHECK_FALSE(dicts->with_default);
  CHECK(dicts->files.verbs == "d/CAMEO.2.0.txt");
  auto both = ResolveLexiconSources(nullptr, "d", true);
  REQUIRE(both.ok());
  CHECK(both->with_default);
  CHECK(both->with_dictionaries);

  auto nothing = ResolveLexiconSources(nullptr, "", false);
  REQUIRE_FALSE(nothing.ok());
  CHECK(nothing.status().code() == Status::Code::kInvalidArgument);
  CHECK(nothing.status().message().rfind("--without-default-lexicon leaves nothing", 0) == 0);

  auto config = ParseLexiconConfig("[lexicon]\n\nwith_default = no\n", "k.ini");
  REQUIRE(config.ok());
  auto from_config = ResolveLexiconSources(&*config, "", std::nullopt);
  REQUIRE_FALSE(from_config.ok());
  CHECK(from_config.status().message() ==
        "k.ini:3: with_default is no, but no PETRARCH dictionaries are named: set "
        "dictionaries or name the files");
  // The flag decides: with kg's lexicon after all.
  auto overridden = ResolveLexiconSources(&*config, "", true);
  REQUIRE(overridden.ok());
  CHECK(overridden->with_default);
}

TEST_CASE("Lexicon config errors name the file, line and key", "[extract]") {
  auto error = [](const std::string& text) {
    auto config = ParseLexiconConfig(text, "kg.ini");
    REQUIRE_FALSE(config.ok());
    CHECK(config.status().code() == Status::Code::kParseError);
    return config.status().message();
  };
  CHECK(error("[lexicon]\nverb = CAMEO.2.0.txt\n") ==
        "kg.ini:2: unknown key 'verb' in [lexicon] (known: dictionaries, actors, agents, verbs, "
        "discards, issues, with_default)");
  CHECK(error("[Dictionaries]\nverbfile = CAMEO.2.0.txt\n") ==
        "kg.ini:2: unknown key 'verbfile' in [Dictionaries] (known: actorfile_list, "
        "agentfile_name, verbfile_name, discardfile_name, issuefile_name)");
  CHECK(error("[lexicon]\nverbs = a\n[kg]\nverbs = b\n") ==
        "kg.ini:3: unknown section [kg] (kg reads [lexicon] and PETRARCH's [Dictionaries], and "
        "skips [Options] and [StanfordNLP])");
  CHECK(error("[lexicon]\nverbs = a\n[Dictionaries]\nverbfile_name = b\n") ==
        "kg.ini:4: 'verbfile_name' sets the verb file, already set on line 2");
  CHECK(error("[lexicon]\nwith_default = maybe\n") ==
        "kg.ini:2: with_default is 'maybe', not yes or no");
  CHECK(error("[lexicon]\nverbs\n") ==
        "kg.ini:2: expected '[section]' or 'key = value', found 'verbs'");
  // An empty value sets nothing (PETRARCH's issue file is optional).
  auto empty = ParseLexiconConfig("[Dictionaries]\nissuefile_name =\nactorfile_list = ,\n", "k");
  REQUIRE(empty.ok());
  CHECK_FALSE(empty->NamesFiles());
}

TEST_CASE("Lexicon config files: missing, a directory, read", "[extract]") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("kg_lexicon_config_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto missing = ReadLexiconConfig((dir / "nope.ini").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(missing.status().message() == (dir / "nope.ini").string() + ": no such file");
  auto directory = ReadLexiconConfig(dir.string());
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().message() == dir.string() + ": not a regular file");
  std::ofstream((dir / "kg.ini").string()) << "[lexicon]\nverbs = v.txt\n";
  auto read = ReadLexiconConfig((dir / "kg.ini").string());
  REQUIRE(read.ok());
  CHECK(read->verbs == "v.txt");
  fs::remove_all(dir);
}

TEST_CASE("SplitFileList splits PETRARCH's comma lists", "[extract]") {
  CHECK(SplitFileList("A.txt, B.txt,\tC.txt ") == std::vector<std::string>{"A.txt", "B.txt", "C.txt"});
  CHECK(SplitFileList(" , A.txt,,") == std::vector<std::string>{"A.txt"});
  CHECK(SplitFileList("").empty());
}

}  // namespace
}  // namespace kg::extract
