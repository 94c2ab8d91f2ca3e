// The kg subcommands. main.cc parses arguments into these structs (with
// CLI11) and calls Run*; each returns the process exit code:
//   0 success, 1 an input or store error (reported on stderr, one line per
//   problem, prefixed "kg: "), 2 a usage error.
#ifndef KG_CLI_COMMANDS_H_
#define KG_CLI_COMMANDS_H_

#include <optional>
#include <string>
#include <vector>

namespace kg::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

// The lexicon options of build and extract (docs/configuration.md).
struct LexiconArgs {
  std::string config;        // --config FILE, or "": none
  std::string dictionaries;  // --dictionaries DIR (PETRARCH/Phoenix), or "": the config's
  // --with-default-lexicon (true), --without-default-lexicon (false), or
  // neither: the config's with_default, else kg's lexicon only when there
  // are no dictionaries.
  std::optional<bool> with_default;
};

struct BuildArgs {
  std::string db;
  std::vector<std::string> paths;
  LexiconArgs lexicon;
  bool quiet = false;
};
int RunBuild(const BuildArgs& args);

struct ExtractArgs {
  std::vector<std::string> paths;
  LexiconArgs lexicon;
};
int RunExtract(const ExtractArgs& args);

struct TriplesArgs {
  std::string db;
  std::string subject, relation, object;  // empty: any
  bool json = false;
};
int RunTriples(const TriplesArgs& args);

struct ActorsArgs {
  std::string db;
  std::string text;  // empty: all actors
  bool json = false;
};
int RunActors(const ActorsArgs& args);

struct PathArgs {
  std::string db;
  std::string from, to;
  int max_hops = 6;
  std::vector<std::string> relations;
  bool undirected = false;
  bool json = false;
};
int RunPath(const PathArgs& args);

struct NeighboursArgs {
  std::string db;
  std::string actor;
  int depth = 1;
  std::string direction = "both";
  std::vector<std::string> relations;
  bool json = false;
};
int RunNeighbours(const NeighboursArgs& args);

struct ExportArgs {
  std::string db;
  std::string format;
  std::string output;  // empty or "-": stdout
};
int RunExport(const ExportArgs& args);

struct StatsArgs {
  std::string db;
  bool json = false;
};
int RunStats(const StatsArgs& args);

struct ValidateArgs {
  std::string records;       // a PETRARCH validation records XML file
  std::string dictionaries;  // empty: kg's default lexicon
  bool json = false;
};
int RunValidate(const ValidateArgs& args);

}  // namespace kg::cli

#endif  // KG_CLI_COMMANDS_H_
