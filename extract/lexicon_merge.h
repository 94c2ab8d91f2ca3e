// Merging two kg lexicons at the JSON level (docs/lexicon-format.md), so that
// kg's built-in lexicon and one converted from PETRARCH dictionaries code
// together ("--with-default-lexicon", docs/configuration.md).
//
//   namespace petr = kg::extract::petrarch;
//   auto phoenix = petr::ToLexiconJson(*dicts, petr::ConvertOptions{});
//   if (!phoenix.ok()) return phoenix.status();
//   auto merged = extract::MergeLexiconJson(extract::DefaultLexiconJson(), *phoenix);
//   if (!merged.ok()) return merged.status();
//   auto lexicon = extract::Lexicon::FromJson(merged->first, merged->second,
//                                             "default lexicon + phoenix");
//
// The first lexicon wins wherever the two disagree:
//   - Actors: the first's, in order, then the second's. An actor of the
//     second whose id the first already has is not added; its name, names,
//     metonyms and demonyms are added to the first's actor (as names,
//     metonyms, demonyms) unless the first lexicon already has that surface
//     form (for any actor, compared as the lexicon compares them: tokenized
//     and folded), so the first's own names keep their meaning. Its other
//     fields (type, code, roles, ...) are the first's.
//   - A surface form both lexicons give to different actors stays the first's
//     actor's: the loader takes the first actor listed for a key.
//   - Relations: the first's, then the second's. A relation of the second
//     whose name the first has (or that another relation takes, folded) is
//     renamed "NAME CODE" (its CAMEO code; "NAME 2" without one), then with
//     " 2", " 3", ... appended until the name is free. A separable form
//     "VERB * PARTICLE" that an earlier relation has is dropped (the loader
//     refuses it twice), and a relation left without forms is dropped.
//     Plain verb forms both have stay in both: the first relation listed for
//     a form is the one the extractor takes.
//   - A relations document's "coding" (docs/lexicon-format.md) stays with
//     its own relations: when the two differ, each relation gets its
//     document's as a "coding" field of its own.
//   - Every other top-level list ("titles", "discards", and lists the formats
//     gain later, such as "agents") is the first's followed by the second's.
//     Other top-level values are the first's ("format" must agree).
// The output has one actor or relation per line, like the shipped files.
//
// Thread-safe; each call tokenizes with a Segmenter of its own.
#ifndef KG_EXTRACT_LEXICON_MERGE_H_
#define KG_EXTRACT_LEXICON_MERGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "graph/status.h"

namespace kg::extract {

// The JSON documents of kg's built-in lexicon as compiled into the binary
// (extract/data/actors.json, extract/data/relations.json), as Lexicon::LoadDefault
// reads them. The views stay valid for the life of the program.
std::pair<std::string_view, std::string_view> DefaultLexiconJson();

// What MergeLexiconJson did with the second lexicon.
struct MergeStats {
  size_t actors_added = 0;       // actors with an id the first lexicon does not have
  size_t actors_merged = 0;      // actors whose id it has: their names went to its actor
  size_t names_added = 0;        // surface forms added to actors of the first lexicon
  size_t names_shadowed = 0;     // not added: the first lexicon already has that form
  size_t relations_added = 0;    // relations written (renamed ones included)
  size_t relations_renamed = 0;  // their name was taken
  size_t relations_dropped = 0;  // no forms left after dropping separable forms
  size_t particle_forms_dropped = 0;  // "VERB * PARTICLE" forms an earlier relation has
};

// Merges two lexicons, each a pair (kg-actors/1 JSON, kg-relations/1 JSON),
// by the rules above; the result is such a pair too and loads with
// Lexicon::FromJson when both inputs do. ParseError, naming "first" or
// "second" lexicon, if a document is not a JSON object, has no "actors" or
// "relations" list, the formats differ, a top-level value is a list in one
// lexicon and not in the other, or an actor or relation has no string "id" /
// "relation". `stats` may be null.
Result<std::pair<std::string, std::string>> MergeLexiconJson(
    std::pair<std::string_view, std::string_view> first,
    std::pair<std::string_view, std::string_view> second, MergeStats* stats = nullptr);

}  // namespace kg::extract

#endif  // KG_EXTRACT_LEXICON_MERGE_H_
