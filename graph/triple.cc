#include "graph/triple.h"

namespace kg::graph {

std::string_view ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kReported: return "reported";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kAsserted: break;
  }
  return "asserted";
}

std::optional<Modality> ParseModality(std::string_view name) {
  for (Modality m : {Modality::kAsserted, Modality::kReported, Modality::kHypothetical}) {
    if (ModalityName(m) == name) return m;
  }
  return std::nullopt;
}

}  // namespace kg::graph
