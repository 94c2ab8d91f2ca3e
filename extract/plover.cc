#include "extract/plover.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace kg::extract {
namespace {

struct PloverEntry {
  std::string_view code;      // CAMEO code: a 2-digit root, or 3 or 4 digits
  std::string_view category;  // "": PLOVER has no counterpart
};

// Every root, then only the codes whose category differs from their
// parent's (a 4-digit code's parent is its first three digits, a 3-digit
// code's its first two). Sorted by code, as strings.
constexpr std::array<PloverEntry, 32> kPlover = {{
    {"01", ""},  // make a public statement: no PLOVER category
    {"02", ""},  // appeal: none either; the 2021 table lists no 01x or 02x
    {"03", "AGREE"},  // express intent to cooperate
    {"04", "CONSULT"},
    {"05", "SUPPORT"},  // diplomatic cooperation
    {"06", "COOPERATE"},  // material cooperation
    {"07", "AID"},
    // The 2021 table heads 08 twice, CONCEDE (080..083) and RETREAT
    // (084..087); the root takes 080's, CONCEDE.
    {"08", "CONCEDE"},
    {"0813", "RETREAT"},  // ease curfew
    {"0814", "RETREAT"},  // ease state of emergency
    {"084", "RETREAT"},   // return, release
    {"085", "RETREAT"},   // ease economic sanctions
    {"086", "RETREAT"},   // allow international involvement
    {"087", "RETREAT"},   // de-escalate militarily
    {"09", "ACCUSE"},   // investigate
    {"10", "REQUEST"},  // demand
    {"11", "ACCUSE"},   // disapprove
    {"12", "REJECT"},
    {"13", "THREATEN"},
    {"14", "PROTEST"},
    {"15", "MOBILIZE"},  // exhibit force posture
    {"16", "SANCTION"},  // reduce relations
    {"163", "COERCE"},   // impose embargo, boycott, sanctions
    {"17", "COERCE"},
    {"1712", "ASSAULT"},  // destroy property
    {"175", "ASSAULT"},   // violent repression
    // Not in the 2021 table; like relations.json, kg gives it no category
    // rather than 17's COERCE.
    {"176", ""},  // cyber attack
    {"18", "ASSAULT"},  // unconventional violence
    {"19", "ASSAULT"},  // conventional military force
    {"191", "COERCE"},  // impose blockade
    {"192", "COERCE"},  // occupy territory
    {"20", "ASSAULT"},  // unconventional mass violence
}};

static_assert(std::is_sorted(kPlover.begin(), kPlover.end(),
                             [](const PloverEntry& a, const PloverEntry& b) {
                               return a.code < b.code;
                             }));

const PloverEntry* Find(std::string_view code) {
  auto it = std::lower_bound(
      kPlover.begin(), kPlover.end(), code,
      [](const PloverEntry& e, std::string_view c) { return e.code < c; });
  return it != kPlover.end() && it->code == code ? &*it : nullptr;
}

}  // namespace

std::string_view PloverCategory(std::string_view cameo) {
  if (cameo.size() < 2 || cameo.size() > 4) return {};
  for (char c : cameo) {
    if (c < '0' || c > '9') return {};
  }
  // The code itself, then its parent, then its root.
  for (std::size_t n = cameo.size(); n >= 2; --n) {
    if (const PloverEntry* e = Find(cameo.substr(0, n))) return e->category;
  }
  return {};
}

}  // namespace kg::extract
