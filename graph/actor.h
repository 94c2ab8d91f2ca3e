// The actors of the graph: countries, organisations, people, places, groups.
//
// An Actor is identified by `id`, a stable ASCII key chosen by the lexicon
// ("RUS", "NATO", "vladimir-putin"); `name` is its display name, `code` its
// CAMEO-style actor code where one is known ("RUS", "RUSGOV", "IGOWSTNAT").
#ifndef KG_GRAPH_ACTOR_H_
#define KG_GRAPH_ACTOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::graph {

// Stored as one byte in the store: never renumber, only append.
enum class ActorType : uint8_t {
  kUnknown = 0,
  kCountry = 1,
  kOrganization = 2,
  kPerson = 3,
  kPlace = 4,  // a region or city that is an actor in its own right (Donbas)
  kGroup = 5,  // a non-state armed or political group, or an actor's agents
               // ("Russia (police)", docs/lexicon-format.md)
};

// "country", "organization", "person", "place", "group", "unknown".
std::string_view ActorTypeName(ActorType type);
// Inverse of ActorTypeName; nullopt for an unknown name.
std::optional<ActorType> ParseActorType(std::string_view name);

struct Actor {
  std::string id;    // stable key, unique across the graph
  std::string name;  // display name ("Recep Tayyip Erdoğan")
  ActorType type = ActorType::kUnknown;
  std::string code;  // CAMEO actor code, empty if none
  // Other names the actor is known by ("Erdogan", "Turkish President").
  // Used to resolve actors typed on the command line; not part of identity.
  std::vector<std::string> aliases;

  bool operator==(const Actor& o) const {
    return id == o.id && name == o.name && type == o.type && code == o.code;
  }
};

}  // namespace kg::graph

#endif  // KG_GRAPH_ACTOR_H_
