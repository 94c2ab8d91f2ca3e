// kg: a knowledge graph of who did what to whom, built from news text.
// This file is the subcommand table; the work is in the modules.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"

namespace {

constexpr const char* kVersion = "0.1.0";

// The lexicon options of build and extract (docs/configuration.md).
void AddLexiconOptions(CLI::App* cmd, kg::cli::LexiconArgs* args) {
  cmd->add_option("--config", args->config,
                  "Lexicon settings from an INI file: its [lexicon] section, or\n"
                  "PETRARCH's [Dictionaries] section (PETR_config.ini), names the\n"
                  "dictionary directory and files and whether kg's own lexicon is used\n"
                  "too; the options below override it (docs/configuration.md)")
      ->type_name("FILE");
  cmd->add_option("--dictionaries", args->dictionaries,
                  "Code with the PETRARCH/Phoenix dictionaries in DIR: the files the\n"
                  "config names, else Phoenix.*.actors.txt, Phoenix.agents.txt,\n"
                  "CAMEO.2.0.txt, Phoenix.discards.txt and Phoenix.IssueCoding.txt.\n"
                  "They replace kg's own lexicon unless --with-default-lexicon (or the\n"
                  "config's with_default = yes). Actors, agents, verbs, verb patterns\n"
                  "and discards are used; issues not yet\n"
                  "(docs/petrarch-dictionaries.md)")
      ->type_name("DIR");
  auto* with = cmd->add_flag_callback(
      "--with-default-lexicon", [args] { args->with_default = true; },
      "Code with kg's built-in lexicon as well as the dictionaries; where\n"
      "both name the same words, kg's lexicon wins");
  auto* without = cmd->add_flag_callback(
      "--without-default-lexicon", [args] { args->with_default = false; },
      "Code with the dictionaries alone, whatever the config says");
  with->excludes(without);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kg::cli;
  CLI::App app{
      "kg builds a knowledge graph of actors (countries, organisations, people) and what they\n"
      "did to each other from news text, stores it in a RocksDB directory, and answers path\n"
      "and neighbourhood questions. Actors are named by id, name or alias, ignoring case and\n"
      "diacritics (erdogan finds Erdoğan).\n\n"
      "Exit status: 0 success, 1 an input or store error, 2 a usage error.",
      "kg"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  app.failure_message(CLI::FailureMessage::simple);

  BuildArgs build;
  auto* b = app.add_subcommand(
      "build",
      "Extract triples from documents and add them to the store at --db (created if missing).\n"
      "PATH is a .txt file (one document, id = file name), a .jsonl file (one JSON document a\n"
      "line: id, text, date?, title?, url?), a directory (searched recursively for both), or -\n"
      "for standard input. Unchanged documents are skipped; a changed document replaces its\n"
      "old triples. Bad inputs are reported and skipped; the exit status is then 1.");
  b->add_option("--db", build.db, "Store directory")->required();
  b->add_option("PATH", build.paths, "Input files or directories, or -")->required();
  AddLexiconOptions(b, &build.lexicon);
  b->add_flag("-q,--quiet", build.quiet, "Print no summary");

  ExtractArgs extract;
  auto* e = app.add_subcommand(
      "extract",
      "Extract triples without a store: one JSON triple a line on standard output\n"
      "(schema in docs/triple-format.md). PATH as for build.");
  e->add_option("PATH", extract.paths, "Input files or directories, or -")->required();
  AddLexiconOptions(e, &extract.lexicon);

  TriplesArgs triples;
  auto* t = app.add_subcommand("triples", "List stored triples, optionally filtered.");
  t->add_option("--db", triples.db, "Store directory")->required();
  t->add_option("--subject", triples.subject, "Only triples with this subject actor");
  t->add_option("--relation", triples.relation, "Only triples with this relation (e.g. meet)");
  t->add_option("--object", triples.object, "Only triples with this object actor");
  t->add_flag("--json", triples.json, "One JSON triple a line");

  ActorsArgs actors;
  auto* a = app.add_subcommand(
      "actors",
      "List actors with their degree (triples they take part in), most connected first.\n"
      "With TEXT, only actors whose id, name or alias contains it (case and diacritics\n"
      "ignored).");
  a->add_option("--db", actors.db, "Store directory")->required();
  a->add_option("TEXT", actors.text, "Search text");
  a->add_flag("--json", actors.json, "One JSON object a line");

  PathArgs path;
  auto* p = app.add_subcommand(
      "path",
      "The shortest path from actor FROM to actor TO, each hop with its relation, direction\n"
      "and source sentence. Edges are followed subject -> object unless --undirected;\n"
      "negated triples (\"did not meet\") are not edges.");
  p->add_option("--db", path.db, "Store directory")->required();
  p->add_option("FROM", path.from, "Start actor")->required();
  p->add_option("TO", path.to, "End actor")->required();
  p->add_option("--max-hops", path.max_hops, "Longest path to look for")
      ->default_val(6)
      ->check(CLI::Range(1, 20));
  p->add_option("--relation", path.relations, "Follow only this relation (repeatable)");
  p->add_flag("--undirected", path.undirected, "Follow edges in both directions");
  p->add_flag("--json", path.json, "Print JSON");

  NeighboursArgs nb;
  auto* n = app.add_subcommand(
      "neighbours",
      "The actors within --depth hops of ACTOR and the edges that join them (negated triples\n"
      "are not edges).");
  n->alias("neighbors");
  n->add_option("--db", nb.db, "Store directory")->required();
  n->add_option("ACTOR", nb.actor, "Centre actor")->required();
  n->add_option("--depth", nb.depth, "Hops out")->default_val(1)->check(CLI::Range(1, 10));
  n->add_option("--direction", nb.direction, "Edges to follow: out (ACTOR as subject), in, both")
      ->default_val("both")
      ->check(CLI::IsMember({"out", "in", "both"}));
  n->add_option("--relation", nb.relations, "Follow only this relation (repeatable)");
  n->add_flag("--json", nb.json, "Print JSON");

  ExportArgs exp;
  auto* x = app.add_subcommand(
      "export",
      "Write the whole graph: nt (N-Triples), ttl (Turtle) or jsonl (JSON triples).\n"
      "IRIs and vocabulary: docs/rdf.md.");
  x->add_option("--db", exp.db, "Store directory")->required();
  x->add_option("--format", exp.format, "nt, ttl or jsonl")
      ->required()
      ->check(CLI::IsMember({"nt", "ttl", "jsonl"}));
  x->add_option("-o,--output", exp.output, "Output file (default: standard output)");

  StatsArgs stats;
  auto* s = app.add_subcommand("stats", "Counts of documents, triples, actors and relations.");
  s->add_option("--db", stats.db, "Store directory")->required();
  s->add_flag("--json", stats.json, "Print JSON");

  ValidateArgs validate;
  auto* v = app.add_subcommand(
      "validate",
      "Run PETRARCH's unit-test records (an XML file such as PETR.UnitTest.records.xml)\n"
      "through kg's coder and compare each record's (source, target, CAMEO event) codes with\n"
      "the expected ones, coding as PETRARCH does: an agent with no actor is one ('a senior\n"
      "official': ---GOV), <Config option=\"require_dyad\" value=\"false\"> lets an event have\n"
      "one side (the other '---'), and new_actor_length N makes a noun phrase of up to N words\n"
      "with no actor a new one. Prints a FAIL line for each failing record, counts\n"
      "per category and 'N passed, M failed' last. Records of categories not in the file's\n"
      "<Include>, and those expecting PETRARCH's error for a malformed <Parse> (kg codes the\n"
      "<Text>), are skipped and listed with the reason. Exit status 0 when the records ran,\n"
      "whatever failed.");
  v->add_option("RECORDS", validate.records, "Records XML file")->required();
  v->add_option("--dictionaries", validate.dictionaries,
                "Code with a lexicon converted from the PETRARCH actor, agent, verb and\n"
                "discard dictionaries that the records file's <Environment> names, read\n"
                "from this directory, instead of kg's default lexicon. An actor code\n"
                "with '/' counts as each of its members; '_' in a text reads as a blank");
  v->add_flag("--json", validate.json, "Print one JSON object");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& err) {
    return app.exit(err);
  } catch (const CLI::CallForAllHelp& err) {
    return app.exit(err);
  } catch (const CLI::CallForVersion& err) {
    return app.exit(err);
  } catch (const CLI::ParseError& err) {
    std::cerr << "kg: " << err.what() << " (see 'kg --help')\n";
    return kExitUsage;
  }

  if (*b) return RunBuild(build);
  if (*e) return RunExtract(extract);
  if (*t) return RunTriples(triples);
  if (*a) return RunActors(actors);
  if (*p) return RunPath(path);
  if (*n) return RunNeighbours(nb);
  if (*x) return RunExport(exp);
  if (*s) return RunStats(stats);
  if (*v) return RunValidate(validate);
  return kExitUsage;
}
