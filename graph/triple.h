// A coded event: subject -relation-> object, with its provenance.
//
// Extractors produce Triples, the store persists them, queries return them
// and serialisers write them. The JSON form is in graph/triple_json.h and
// documented in docs/triple-format.md.
//
//   Triple t;
//   t.relation = "accuse";
//   t.plover = "ACCUSE";
//   t.modality = Modality::kReported;   // "Kyiv said Moscow accused ..."
//   ModalityName(t.modality);            // "reported"
#ifndef KG_GRAPH_TRIPLE_H_
#define KG_GRAPH_TRIPLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/actor.h"

namespace kg::graph {

// How the text presents the event. A reported or hypothetical event is still
// stored and exported; consumers decide whether to count it as having
// happened. Stored as one byte in the store: never renumber, only append.
enum class Modality : uint8_t {
  // The text states that the event happened ("Russia attacked Kharkiv").
  kAsserted = 0,
  // The text attributes the event to a source ("Kyiv said Russia attacked
  // Kharkiv", "according to officials").
  kReported = 1,
  // Conditional, future or modal ("if Russia invades", "Russia could
  // attack", "will meet").
  kHypothetical = 2,
};

// "asserted", "reported", "hypothetical".
std::string_view ModalityName(Modality modality);
// Inverse of ModalityName (exact, lowercase); nullopt for anything else.
std::optional<Modality> ParseModality(std::string_view name);

struct Triple {
  Actor subject;
  std::string relation;  // normalised relation name ("accuse", "meet")
  std::string cameo;     // CAMEO event code ("112"), empty if none
  std::string plover;    // PLOVER event category ("ACCUSE"), empty if unknown
  std::string verb;      // the verb text as written ("telephoned")
  Actor object;
  bool negated = false;  // "decided not to provoke"
  Modality modality = Modality::kAsserted;
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
