// The JSON form of a Triple: one object per line in `kg extract`,
// `kg triples --json` and `kg export --format jsonl`. Schema in
// docs/triple-format.md.
//
//   std::string line = graph::TripleToJson(t);   // no trailing newline
//   auto back = graph::TripleFromJson(line);
#ifndef KG_GRAPH_TRIPLE_JSON_H_
#define KG_GRAPH_TRIPLE_JSON_H_

#include <string>
#include <string_view>

#include "graph/status.h"
#include "graph/triple.h"

namespace kg::graph {

// One line of compact JSON. Keys in a fixed order; optional keys ("code",
// "cameo", "plover", "date") are omitted when empty.
std::string TripleToJson(const Triple& t);
// The actor object alone: {"id", "name", "type", "code"?}.
std::string ActorToJson(const Actor& a);
// Parses what TripleToJson writes. A ParseError names the problem (an
// unknown "modality" is one; a missing one reads as "asserted").
Result<Triple> TripleFromJson(std::string_view line);

}  // namespace kg::graph

#endif  // KG_GRAPH_TRIPLE_JSON_H_
