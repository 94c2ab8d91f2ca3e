#include "graph/actor.h"

namespace kg::graph {

std::string_view ActorTypeName(ActorType type) {
  switch (type) {
    case ActorType::kCountry: return "country";
    case ActorType::kOrganization: return "organization";
    case ActorType::kPerson: return "person";
    case ActorType::kPlace: return "place";
    case ActorType::kGroup: return "group";
    case ActorType::kUnknown: break;
  }
  return "unknown";
}

std::optional<ActorType> ParseActorType(std::string_view name) {
  for (ActorType t : {ActorType::kUnknown, ActorType::kCountry, ActorType::kOrganization,
                      ActorType::kPerson, ActorType::kPlace, ActorType::kGroup}) {
    if (ActorTypeName(t) == name) return t;
  }
  return std::nullopt;
}

}  // namespace kg::graph
