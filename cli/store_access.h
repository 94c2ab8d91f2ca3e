// Shared by the query subcommands: opening a store for reading and turning
// the actor and relation names a user typed into store terms.
#ifndef KG_CLI_STORE_ACCESS_H_
#define KG_CLI_STORE_ACCESS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "extract/lexicon.h"
#include "extract/petrarch_dictionaries.h"
#include "graph/status.h"
#include "store/triple_store.h"

namespace kg::cli {

// Options every kg store is opened with: extract's Unicode fold for names.
store::Options StoreOptions(bool read_only);

// Opens an existing store read-only (so queries run while a build writes).
Result<std::unique_ptr<store::TripleStore>> OpenForQuery(const std::string& dir);

// The actor named `text` (id, name or alias; case and diacritics ignored).
// NotFound lists the closest names; InvalidArgument lists the candidates
// when the name is ambiguous.
Result<store::TermId> ResolveActor(const store::TripleStore& db, std::string_view text);

// The relation named `name`; NotFound lists the stored relations.
Result<store::TermId> ResolveRelation(const store::TripleStore& db, std::string_view name);
Result<std::vector<store::TermId>> ResolveRelations(const store::TripleStore& db,
                                                    const std::vector<std::string>& names);

// The lexicon to code with, as --config, --dictionaries and
// --with-default-lexicon / --without-default-lexicon say
// (extract::ResolveLexiconSources, docs/configuration.md): kg's built-in
// lexicon, PETRARCH dictionaries converted to a kg lexicon, or both merged
// (extract::MergeLexiconJson). Dictionary warnings are summarised on stderr.
// Returns kExitOk with `*lexicon` set, or reports the problem ("kg: ...") and
// returns the exit code: kExitUsage when --without-default-lexicon leaves
// nothing to code with, else kExitError (a config or dictionary file that is
// missing or wrong).
int LoadLexicon(const LexiconArgs& args, std::shared_ptr<const extract::Lexicon>* lexicon);

// Reports the repairs and skips of reading PETRARCH dictionaries on stderr:
// every one ("kg: warning: FILE:LINE: ..."), or with `summary` one line with
// their count and the first.
void ReportDictionaryWarnings(const extract::petrarch::Dictionaries& dicts, bool summary);

// Prints "kg: <message>" on stderr and returns kExitError.
int Fail(const Status& status);

// The exit code of a command that printed its result on standard output:
// kExitOk, or kExitError (reported) if writing it failed (a full disk, a
// closed pipe).
int FinishStdout();

}  // namespace kg::cli

#endif  // KG_CLI_STORE_ACCESS_H_
