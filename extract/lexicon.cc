#include "extract/lexicon.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "extract/fold.h"
#include "extract/segmenter.h"
#include "graph/hash.h"

namespace kg::extract {

extern const std::string_view kDefaultActorsJson;
extern const std::string_view kDefaultRelationsJson;

namespace {

using Json = nlohmann::json;

// Bumped when the extraction algorithm changes what it produces from the same
// lexicon, so stored documents are re-coded on the next build.
constexpr std::string_view kExtractorVersion = "extractor-4";

bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (unsigned char c : s) {
    if (c >= 0x80) return false;  // non-ASCII: treat as mixed case
    if (std::isalpha(c)) {
      if (!std::isupper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s[0];
  if (c >= 0x80) return true;  // "Élysée": non-ASCII initials count as names
  return std::isupper(c) != 0;
}

Result<std::vector<std::string>> StringList(const Json& obj, const char* key,
                                            const std::string& where) {
  std::vector<std::string> out;
  if (!obj.contains(key) || obj[key].is_null()) return out;
  if (!obj[key].is_array()) {
    return Status::ParseError(where + ": \"" + key + "\" is not a list of strings");
  }
  for (const Json& v : obj[key]) {
    if (!v.is_string()) {
      return Status::ParseError(where + ": \"" + key + "\" is not a list of strings");
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::string StringField(const Json& obj, const char* key) {
  if (obj.contains(key) && obj[key].is_string()) return obj[key].get<std::string>();
  return "";
}

// Whether the role [from, to) overlaps `date` (a day, a year, or "" = ever).
bool HeldOn(const LexiconRole& r, std::string_view date) {
  if (date.empty()) return true;
  std::string first(date), last(date);
  if (date.size() == 4) {
    first += "-01-01";
    last += "-12-31";
  }
  // Held on some day d with first <= d <= last: from <= last and to > first.
  return (r.from.empty() || r.from <= last) && (r.to.empty() || r.to > first);
}

}  // namespace

std::string RoleOffice(std::string_view role) {
  static const std::unordered_map<std::string_view, std::string_view> kOffice = {
      {"president", "head of state"},       {"king", "head of state"},
      {"queen", "head of state"},           {"emperor", "head of state"},
      {"emir", "head of state"},            {"supreme leader", "head of state"},
      {"leader", "head of state"},          {"head of state", "head of state"},
      {"prime minister", "head of government"}, {"premier", "head of government"},
      {"chancellor", "head of government"}, {"head of government", "head of government"},
      {"foreign minister", "foreign minister"}, {"foreign secretary", "foreign minister"},
      {"secretary of state", "foreign minister"},
      {"minister of foreign affairs", "foreign minister"},
      {"top diplomat", "foreign minister"},
      {"defence minister", "defence minister"}, {"defense minister", "defence minister"},
      {"defence secretary", "defence minister"}, {"defense secretary", "defence minister"},
      {"secretary of defense", "defence minister"}, {"secretary of war", "defence minister"},
      {"war minister", "defence minister"},  {"minister of war", "defence minister"},
      {"minister of defence", "defence minister"}, {"minister of defense", "defence minister"},
      {"armed forces minister", "defence minister"},
      {"minister of the armed forces", "defence minister"},
  };
  auto it = kOffice.find(role);
  return it == kOffice.end() ? std::string(role) : std::string(it->second);
}

std::string Lexicon::TitleOffice(const std::vector<Token>& tokens, size_t i, size_t length) {
  std::string key;
  for (size_t k = i; k < i + length && k < tokens.size(); ++k) {
    if (!key.empty() && tokens[k].norm != "-" && key.back() != '-') key += ' ';
    key += tokens[k].norm;
  }
  return RoleOffice(key);
}

std::vector<uint32_t> Lexicon::OfficeHolders(std::string_view country, std::string_view office,
                                             std::string_view date) const {
  std::vector<uint32_t> out;
  auto it = office_holders_.find(std::string(country) + '\n' + std::string(office));
  if (it == office_holders_.end()) return out;
  for (uint32_t person : it->second) {
    for (const LexiconRole& r : actors_[person].roles) {
      if (r.country == country && r.office == office && HeldOn(r, date)) {
        out.push_back(person);
        break;
      }
    }
  }
  return out;
}

std::string Lexicon::OfficeOf(uint32_t person, std::string_view date) const {
  std::string office;
  for (const LexiconRole& r : actors_[person].roles) {
    if (!HeldOn(r, date)) continue;
    if (!office.empty() && office != r.office) return "";
    office = r.office;
  }
  return office;
}

// Builds the phrase tables; a friend of Lexicon.
class LexiconBuilder {
 public:
  // Not OK if ICU's break iterators could not be made (missing ICU data).
  const Status& status() const { return segmenter_.status(); }

  // Adds `phrase` to `table`; false if it has no tokens. `any_case`: match
  // any capitalisation, whatever the phrase's own.
  bool Add(Lexicon::PhraseTable* table, std::string_view phrase, uint32_t index,
           MentionKind kind, bool any_case = false) {
    std::vector<Token> tokens = segmenter_.Tokenize(phrase);
    if (tokens.empty()) return false;
    uint64_t key = Lexicon::kEmptyPhraseKey;
    Lexicon::Entry entry{index, kind, {}};
    std::vector<std::string> words;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i > 0) table->prefixes.insert(key);
      key = Lexicon::PhraseKey(key, tokens[i].hash);
      if (i == 0) {
        const uint64_t bit = key >> (64 - Lexicon::kFirstWordShift);
        table->first_words[bit / 64] |= uint64_t{1} << (bit % 64);
      }
      words.push_back(tokens[i].norm);
      const std::string& text = tokens[i].text;
      entry.case_rules.push_back(any_case ? 0 : IsAllCaps(text) ? 2 : StartsUpper(text) ? 1 : 0);
    }
    table->last_word_bytes |= uint64_t{1} << std::min<size_t>(words.back().size(), 63);
    auto& slot = table->phrases[key];
    auto same = std::find_if(slot.begin(), slot.end(),
                             [&](const Lexicon::Phrase& p) { return p.words == words; });
    if (same == slot.end()) same = slot.insert(slot.end(), Lexicon::Phrase{std::move(words), {}});
    auto& entries = same->entries;
    for (const auto& e : entries) {
      if (e.index == index && e.kind == kind && e.case_rules == entry.case_rules) return true;
    }
    entries.push_back(std::move(entry));
    table->max_tokens = std::max(table->max_tokens, tokens.size());
    return true;
  }

  // The "patterns" of relation entry `r`, most specific first.
  Status AddPatterns(const Json& r, LexiconRelation* rel, const std::string& where) {
    if (!r.contains("patterns") || r["patterns"].is_null()) return Status::OK();
    if (!r["patterns"].is_array()) {
      return Status::ParseError(where + ": \"patterns\" is not a list");
    }
    for (const Json& p : r["patterns"]) {
      if (!p.is_object()) return Status::ParseError(where + ": a pattern is not an object");
      LexiconPattern pattern;
      pattern.cameo = StringField(p, "cameo");
      pattern.passive = StringField(p, "passive");
      pattern.reverse = StringField(p, "reverse");
      if (pattern.cameo.empty() && pattern.passive.empty() && pattern.reverse.empty()) {
        return Status::ParseError(where + ": a pattern without \"cameo\"");
      }
      for (auto [key, items] : {std::pair{"before", &pattern.before},
                                std::pair{"after", &pattern.after}}) {
        if (!p.contains(key) || p[key].is_null()) continue;
        if (!p[key].is_array()) {
          return Status::ParseError(where + ": pattern \"" + key + "\" is not a list");
        }
        for (const Json& e : p[key]) {
          PatternItem item;
          std::vector<std::string> phrases;
          if (e.is_string()) {
            const std::string s = e.get<std::string>();
            if (s == "+") item.kind = PatternItem::Kind::kTarget;
            else if (s == "$") item.kind = PatternItem::Kind::kSource;
            else if (s == "^") item.kind = PatternItem::Kind::kSkip;
            else if (s == "%") item.kind = PatternItem::Kind::kCompound;
            else if (s == "_") item.kind = PatternItem::Kind::kAdjacent;
            else phrases.push_back(s);
          } else if (e.is_array()) {
            for (const Json& a : e) {
              if (!a.is_string()) {
                return Status::ParseError(where + ": a pattern alternative is not a string");
              }
              phrases.push_back(a.get<std::string>());
            }
          } else {
            return Status::ParseError(where + ": a pattern element is not a string or list");
          }
          if (item.kind == PatternItem::Kind::kWords) {
            size_t fewest = SIZE_MAX;
            for (const std::string& ph : phrases) {
              std::vector<std::string> words;
              for (Token& t : segmenter_.Tokenize(ph)) words.push_back(std::move(t.norm));
              if (words.empty()) continue;
              fewest = std::min(fewest, words.size());
              item.alternatives.push_back(std::move(words));
            }
            // Longest first, so "united nations" wins over "united".
            std::stable_sort(item.alternatives.begin(), item.alternatives.end(),
                             [](const auto& a, const auto& b) { return a.size() > b.size(); });
            if (item.alternatives.empty()) {
              return Status::ParseError(where + ": a pattern element without words");
            }
            pattern.words += fewest;
          } else if (item.kind != PatternItem::Kind::kSkip &&
                     item.kind != PatternItem::Kind::kAdjacent) {
            ++pattern.words;  // a slot: "% * DIPLOMATIC" before "* DIPLOMATIC"
          }
          items->push_back(std::move(item));
        }
      }
      // Matched outwards from the verb.
      std::reverse(pattern.before.begin(), pattern.before.end());
      rel->patterns.push_back(std::move(pattern));
    }
    std::stable_sort(rel->patterns.begin(), rel->patterns.end(),
                     [](const LexiconPattern& a, const LexiconPattern& b) {
                       return a.words > b.words;
                     });
    return Status::OK();
  }

  // The actors document's optional "discards" list (docs/lexicon-format.md).
  Status AddDiscards(const Json& actors, const std::string& where_actors, Lexicon* lex) {
    if (!actors.contains("discards") || actors["discards"].is_null()) return Status::OK();
    const Json& list = actors["discards"];
    if (!list.is_array()) {
      return Status::ParseError(where_actors + ": \"discards\" is not a list");
    }
    for (const Json& d : list) {
      const std::string phrase = d.is_object() ? StringField(d, "phrase") : "";
      if (phrase.empty()) {
        return Status::ParseError(where_actors + ": a discard without a string \"phrase\"");
      }
      const std::string where = where_actors + ": discard '" + phrase + "'";
      DiscardScope scope = DiscardScope::kSentence;
      if (d.contains("scope")) {
        const std::string s = StringField(d, "scope");
        if (s == "story") {
          scope = DiscardScope::kStory;
        } else if (s != "sentence") {
          return Status::ParseError(where + ": \"scope\" is not \"sentence\" or \"story\"");
        }
      }
      bool stem = false;
      if (d.contains("stem") && !d["stem"].is_null()) {
        if (!d["stem"].is_boolean()) {
          return Status::ParseError(where + ": \"stem\" is not a boolean");
        }
        stem = d["stem"].get<bool>();
      }
      if (!Add(stem ? &lex->discard_stems_ : &lex->discard_words_, phrase,
               static_cast<uint32_t>(scope), MentionKind::kName, /*any_case=*/true)) {
        return Status::ParseError(where + ": no words");
      }
      ++lex->discard_count_;
    }
    return Status::OK();
  }

  // The actors document's optional "agents" list (docs/lexicon-format.md).
  Status AddAgents(const Json& actors, const std::string& where_actors, Lexicon* lex) {
    if (!actors.contains("agents") || actors["agents"].is_null()) return Status::OK();
    const Json& list = actors["agents"];
    if (!list.is_array()) return Status::ParseError(where_actors + ": \"agents\" is not a list");
    for (const Json& a : list) {
      LexiconAgent agent;
      agent.code = a.is_object() ? StringField(a, "code") : "";
      if (agent.code.empty()) {
        return Status::ParseError(where_actors + ": an agent without a string \"code\"");
      }
      const std::string where = where_actors + ": agent '" + agent.code + "'";
      const std::string placement = a.contains("placement") ? StringField(a, "placement") : "suffix";
      if (placement == "prefix") {
        agent.prefix = true;
      } else if (placement != "suffix") {
        return Status::ParseError(where + ": \"placement\" is not \"suffix\" or \"prefix\"");
      }
      auto names = StringList(a, "names", where);
      if (!names.ok()) return names.status();
      if (names->empty()) return Status::ParseError(where + ": no \"names\"");
      const uint32_t index = static_cast<uint32_t>(lex->agents_.size());
      for (const std::string& n : *names) {
        if (!Add(&lex->agent_phrases_, n, index, MentionKind::kName, /*any_case=*/true)) {
          return Status::ParseError(where + ": name '" + n + "' has no words");
        }
      }
      agent.name = Fold(names->front());
      lex->agents_.push_back(std::move(agent));
    }
    return Status::OK();
  }

 private:
  Segmenter segmenter_;
};

Result<std::shared_ptr<const Lexicon>> Lexicon::LoadDefault() {
  return FromJson(kDefaultActorsJson, kDefaultRelationsJson, "default lexicon");
}

Result<std::shared_ptr<const Lexicon>> Lexicon::FromJson(std::string_view actors_json,
                                                         std::string_view relations_json,
                                                         std::string_view origin) {
  // new: the constructor is private; the shared_ptr owns the object at once.
  auto lex = std::shared_ptr<Lexicon>(new Lexicon());
  LexiconBuilder builder;
  KG_RETURN_IF_ERROR(builder.status());
  const std::string where_actors = std::string(origin) + " (actors)";
  const std::string where_relations = std::string(origin) + " (relations)";

  Json actors = Json::parse(actors_json, nullptr, /*allow_exceptions=*/false);
  if (actors.is_discarded() || !actors.is_object()) {
    return Status::ParseError(where_actors + ": not a valid JSON object");
  }
  Json relations = Json::parse(relations_json, nullptr, /*allow_exceptions=*/false);
  if (relations.is_discarded() || !relations.is_object()) {
    return Status::ParseError(where_relations + ": not a valid JSON object");
  }

  auto titles = StringList(actors, "titles", where_actors);
  if (!titles.ok()) return titles.status();
  for (const std::string& t : *titles) {
    builder.Add(&lex->titles_, t, 0, MentionKind::kName);
  }

  KG_RETURN_IF_ERROR(builder.AddDiscards(actors, where_actors, lex.get()));
  KG_RETURN_IF_ERROR(builder.AddAgents(actors, where_actors, lex.get()));

  if (!actors.contains("actors") || !actors["actors"].is_array()) {
    return Status::ParseError(where_actors + ": no \"actors\" list");
  }
  for (const Json& a : actors["actors"]) {
    std::string id = a.is_object() ? StringField(a, "id") : "";
    if (id.empty()) {
      return Status::ParseError(where_actors + ": an actor without a string \"id\"");
    }
    const std::string where = where_actors + ": actor '" + id + "'";
    if (lex->actor_by_id_.count(id)) return Status::ParseError(where + " is listed twice");
    LexiconActor la;
    la.actor.id = id;
    la.actor.name = StringField(a, "name");
    if (la.actor.name.empty()) la.actor.name = id;
    auto type = graph::ParseActorType(StringField(a, "type"));
    if (!type) return Status::ParseError(where + ": unknown \"type\"");
    la.actor.type = *type;
    la.actor.code = StringField(a, "code");
    la.country = StringField(a, "country");
    auto names = StringList(a, "names", where);
    auto metonyms = StringList(a, "metonyms", where);
    auto demonyms = StringList(a, "demonyms", where);
    for (auto* r : {&names, &metonyms, &demonyms}) {
      if (!r->ok()) return r->status();
    }
    const uint32_t index = static_cast<uint32_t>(lex->actors_.size());
    builder.Add(&lex->actor_phrases_, la.actor.name, index, MentionKind::kName);
    for (const auto& n : *names) builder.Add(&lex->actor_phrases_, n, index, MentionKind::kName);
    for (const auto& n : *metonyms) {
      builder.Add(&lex->actor_phrases_, n, index, MentionKind::kMetonym);
    }
    for (const auto& n : *demonyms) {
      builder.Add(&lex->actor_phrases_, n, index, MentionKind::kDemonym);
    }
    for (auto* list : {&*names, &*metonyms, &*demonyms}) {
      for (auto& n : *list) {
        if (n != la.actor.name) la.actor.aliases.push_back(std::move(n));
      }
    }
    if (a.contains("roles") && a["roles"].is_array()) {
      for (const Json& r : a["roles"]) {
        if (!r.is_object()) return Status::ParseError(where + ": a role is not an object");
        LexiconRole role;
        role.role = Fold(StringField(r, "role"));
        role.office = RoleOffice(role.role);
        role.country = StringField(r, "country");
        if (role.country.empty()) role.country = la.country;
        role.from = StringField(r, "from");
        role.to = StringField(r, "to");
        if (role.role.empty()) return Status::ParseError(where + ": a role without \"role\"");
        auto& holders = lex->office_holders_[role.country + '\n' + role.office];
        if (holders.empty() || holders.back() != index) holders.push_back(index);
        la.roles.push_back(std::move(role));
      }
    }
    lex->actor_by_id_.emplace(id, index);
    lex->actors_.push_back(std::move(la));
  }

  // "coding": "kg" or "petrarch", of the document or of one relation.
  auto coding = [](const Json& obj, bool fallback, const std::string& where) -> Result<bool> {
    if (!obj.contains("coding") || obj["coding"].is_null()) return fallback;
    const std::string c = StringField(obj, "coding");
    if (c == "petrarch") return true;
    if (c == "kg") return false;
    return Status::ParseError(where + ": \"coding\" is not \"kg\" or \"petrarch\"");
  };
  auto petrarch_document = coding(relations, false, where_relations);
  if (!petrarch_document.ok()) return petrarch_document.status();
  if (!relations.contains("relations") || !relations["relations"].is_array()) {
    return Status::ParseError(where_relations + ": no \"relations\" list");
  }
  std::unordered_set<std::string> seen;
  for (const Json& r : relations["relations"]) {
    LexiconRelation rel;
    rel.name = r.is_object() ? StringField(r, "relation") : "";
    if (rel.name.empty()) {
      return Status::ParseError(where_relations + ": a relation without a string \"relation\"");
    }
    const std::string where = where_relations + ": relation '" + rel.name + "'";
    if (!seen.insert(rel.name).second) return Status::ParseError(where + " is listed twice");
    rel.cameo = StringField(r, "cameo");
    rel.plover = StringField(r, "plover");
    rel.reverse = StringField(r, "reverse");
    auto petrarch = coding(r, *petrarch_document, where);
    if (!petrarch.ok()) return petrarch.status();
    rel.petrarch_coding = *petrarch;
    auto preps = StringList(r, "preps", where);
    auto forms = StringList(r, "forms", where);
    auto nouns = StringList(r, "nouns", where);
    if (!nouns.ok()) return nouns.status();
    if (!preps.ok()) return preps.status();
    if (!forms.ok()) return forms.status();
    if (forms->empty()) return Status::ParseError(where + ": no \"forms\"");
    for (const auto& p : *preps) rel.preps.push_back(Fold(p));
    KG_RETURN_IF_ERROR(builder.AddPatterns(r, &rel, where));
    const uint32_t index = static_cast<uint32_t>(lex->relations_.size());
    for (const auto& noun : *nouns) {
      builder.Add(&lex->noun_phrases_, noun, index, MentionKind::kName);
    }
    for (const auto& f : *forms) {
      // "call * out": the verb, the object, then the particle.
      if (size_t star = f.find(" * "); star != std::string::npos) {
        std::string key = Fold(f.substr(0, star)) + '\n' + Fold(f.substr(star + 3));
        if (!lex->particles_.emplace(std::move(key), index).second) {
          return Status::ParseError(where + ": form '" + f + "' is listed twice");
        }
        continue;
      }
      builder.Add(&lex->verb_phrases_, f, index, MentionKind::kName);
    }
    lex->relations_.push_back(std::move(rel));
  }

  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(graph::Fnv1a64Field(
                    relations_json,
                    graph::Fnv1a64Field(actors_json, graph::Fnv1a64Field(kExtractorVersion)))));
  lex->fingerprint_ = std::string(kExtractorVersion) + "/lexicon-" + hex;
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

std::optional<PhraseMatch> Lexicon::MatchAgent(const std::vector<Token>& tokens,
                                               size_t i) const {
  if (agents_.empty()) return std::nullopt;
  return Match(agent_phrases_, tokens, i);
}

uint64_t Lexicon::PhraseKey(uint64_t key, uint64_t token_hash) {
  key = ((key << 23) | (key >> 41)) ^ token_hash;
  return key * 0xff51afd7ed558ccdULL;
}

const Lexicon::Phrase* Lexicon::Find(const PhraseTable& table, uint64_t key,
                                     const std::vector<Token>& tokens, size_t i, size_t len,
                                     size_t last_bytes) {
  auto it = table.phrases.find(key);
  if (it == table.phrases.end()) return nullptr;
  for (const Phrase& p : it->second) {
    if (p.words.size() != len) continue;
    bool same = true;
    for (size_t k = 0; k + 1 < len && same; ++k) same = p.words[k] == tokens[i + k].norm;
    if (same && std::string_view(tokens[i + len - 1].norm).substr(0, last_bytes) ==
                    p.words[len - 1]) {
      return &p;
    }
  }
  return nullptr;
}

std::optional<PhraseMatch> Lexicon::Match(const PhraseTable& table,
                                          const std::vector<Token>& tokens, size_t i) const {
  std::optional<PhraseMatch> best;
  if (table.phrases.empty() || i >= tokens.size()) return best;
  uint64_t key = kEmptyPhraseKey;
  const size_t limit = std::min(table.max_tokens, tokens.size() - i);
  for (size_t len = 1; len <= limit; ++len) {
    const Token& last = tokens[i + len - 1];
    key = PhraseKey(key, last.hash);
    if (len == 1 && !table.MayStart(key)) break;  // no phrase starts with this word
    const bool longer = len < limit && table.prefixes.count(key) > 0;
    const Phrase* phrase = Find(table, key, tokens, i, len, last.norm.size());
    if (phrase == nullptr) {
      if (!longer) break;  // no phrase starts this way
      continue;
    }
    for (const Entry& e : phrase->entries) {
      bool ok = true;
      for (size_t k = 0; k < len && ok; ++k) {
        const Token& t = tokens[i + k];
        if (e.case_rules[k] == 1) ok = t.capitalized;
        if (e.case_rules[k] == 2) ok = IsAllCaps(t.text);
      }
      if (ok) {
        best = PhraseMatch{len, e.index, e.kind};
        break;
      }
    }
    if (!longer) break;
  }
  return best;
}

DiscardScope Lexicon::DiscardAt(const PhraseTable& table, const std::vector<Token>& tokens,
                                size_t i, bool stem) {
  DiscardScope widest = DiscardScope::kNone;
  uint64_t key = kEmptyPhraseKey;  // tokens [i, i + len - 1), whole
  const size_t limit = std::min(table.max_tokens, tokens.size() - i);
  for (size_t len = 1; len <= limit; ++len) {
    if (len > 1 && table.prefixes.count(key) == 0) break;  // no longer phrase starts this way
    const Token& last = tokens[i + len - 1];
    // Every phrase here, not just the longest: a short story discard must
    // win over a longer sentence one. A stem's last word may be any
    // prefix of the token: Fnv1a64 of each prefix is a step of the token's.
    auto visit = [&](uint64_t word_hash, size_t bytes) {
      const uint64_t candidate = PhraseKey(key, word_hash);
      if (len == 1 && !table.MayStart(candidate)) return;
      if (const Phrase* p = Find(table, candidate, tokens, i, len, bytes)) {
        for (const Entry& e : p->entries) {
          widest = std::max(widest, static_cast<DiscardScope>(e.index));
        }
      }
    };
    if (stem) {
      uint64_t h = graph::kFnv1a64Basis;
      for (size_t b = 0; b < last.norm.size(); ++b) {
        h = graph::Fnv1a64(std::string_view(last.norm).substr(b, 1), h);
        if (table.last_word_bytes & (uint64_t{1} << std::min<size_t>(b + 1, 63))) visit(h, b + 1);
      }
    } else {
      visit(last.hash, last.norm.size());
    }
    key = PhraseKey(key, last.hash);
  }
  return widest;
}

DiscardScope Lexicon::Discard(const std::vector<Token>& tokens) const {
  DiscardScope widest = DiscardScope::kNone;
  if (discard_count_ == 0) return widest;
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (auto [table, stem] :
         {std::pair{&discard_words_, false}, std::pair{&discard_stems_, true}}) {
      if (table->phrases.empty()) continue;
      widest = std::max(widest, DiscardAt(*table, tokens, i, stem));
      if (widest == DiscardScope::kStory) return widest;
    }
  }
  return widest;
}

std::optional<PhraseMatch> Lexicon::MatchActor(const std::vector<Token>& tokens,
                                               size_t i) const {
  return Match(actor_phrases_, tokens, i);
}

std::optional<PhraseMatch> Lexicon::MatchVerb(const std::vector<Token>& tokens,
                                              size_t i) const {
  return Match(verb_phrases_, tokens, i);
}

std::optional<PhraseMatch> Lexicon::MatchNoun(const std::vector<Token>& tokens,
                                              size_t i) const {
  return Match(noun_phrases_, tokens, i);
}

std::optional<uint32_t> Lexicon::MatchParticle(const std::vector<Token>& tokens, size_t begin,
                                               size_t end, std::string_view particle) const {
  if (particles_.empty()) return std::nullopt;
  std::string key;
  for (size_t k = begin; k < end; ++k) {
    if (k > begin) key += ' ';
    key += tokens[k].norm;
  }
  key += '\n';
  key += particle;
  auto it = particles_.find(key);
  if (it == particles_.end()) return std::nullopt;
  return it->second;
}

size_t Lexicon::MatchTitle(const std::vector<Token>& tokens, size_t i) const {
  auto m = Match(titles_, tokens, i);
  return m ? m->length : 0;
}

const LexiconActor* Lexicon::FindActor(std::string_view id) const {
  auto it = actor_by_id_.find(std::string(id));
  return it == actor_by_id_.end() ? nullptr : &actors_[it->second];
}

}  // namespace kg::extract
