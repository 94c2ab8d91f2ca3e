// A coded event: subject -relation-> object, with its provenance.
//
// Extractors produce Triples, the store persists them, queries return them
// and serialisers write them. The JSON form is in graph/triple_json.h and
// documented in docs/triple-format.md.
#ifndef KG_GRAPH_TRIPLE_H_
#define KG_GRAPH_TRIPLE_H_

#include <cstdint>
#include <string>

#include "graph/actor.h"

namespace kg::graph {

struct Triple {
  Actor subject;
  std::string relation;  // normalised relation name ("accuse", "meet")
  std::string cameo;     // CAMEO event code ("112"), empty if none
  std::string verb;      // the verb text as written ("telephoned")
  Actor object;
  bool negated = false;  // "decided not to provoke"
  // Provenance.
  std::string doc;          // document id
  std::string sentence;     // the sentence text
  uint64_t span_begin = 0;  // byte offsets of the sentence in the document
  uint64_t span_end = 0;    // text, [begin, end)
  std::string date;         // document date, YYYY-MM-DD or YYYY, or empty
  double confidence = 0.0;  // in [0, 1]

  bool operator==(const Triple& o) const = default;
};

// One input document. `id` is unique within a corpus.
struct Document {
  std::string id;
  std::string text;
  std::string date;  // YYYY-MM-DD or YYYY, or empty
  std::string title;
  std::string url;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_TRIPLE_H_
