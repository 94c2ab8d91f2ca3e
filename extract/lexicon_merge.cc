#include "extract/lexicon_merge.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/fold.h"
#include "extract/segmenter.h"

namespace kg::extract {

// Defined in the file extract/embed_lexicon.cmake generates.
extern const std::string_view kDefaultActorsJson;
extern const std::string_view kDefaultRelationsJson;

std::pair<std::string_view, std::string_view> DefaultLexiconJson() {
  return {kDefaultActorsJson, kDefaultRelationsJson};
}

namespace {

// Ordered, so the output keeps the inputs' key order ("format" first).
using Json = nlohmann::ordered_json;

const Json& Member(const Json& obj, const std::string& key) {
  static const Json kNull;
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

std::optional<std::string> StringMember(const Json& obj, const char* key) {
  const Json& v = Member(obj, key);
  if (!v.is_string()) return std::nullopt;
  return v.get<std::string>();
}

// The strings of obj[key]: absent or null is empty; nullopt if not a list of
// strings.
std::optional<std::vector<std::string>> Strings(const Json& obj, const char* key) {
  std::vector<std::string> out;
  const Json& v = Member(obj, key);
  if (v.is_null()) return out;
  if (!v.is_array()) return std::nullopt;
  for (const Json& s : v) {
    if (!s.is_string()) return std::nullopt;
    out.push_back(s.get<std::string>());
  }
  return out;
}

bool IsCameoCode(const std::string& code) {
  if (code.size() != 3 && code.size() != 4) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A "VERB * PARTICLE" form's key, as Lexicon::FromJson makes it; nullopt for
// other forms.
std::optional<std::string> ParticleKey(const std::string& form) {
  const size_t star = form.find(" * ");
  if (star == std::string::npos) return std::nullopt;
  return Fold(form.substr(0, star)) + '\n' + Fold(form.substr(star + 3));
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// One element of a top-level list of objects per line.
std::string Write(const Json& doc) {
  std::string out = "{";
  bool first = true;
  for (const auto& item : doc.items()) {
    out += first ? "" : ",\n ";
    first = false;
    out += Dump(Json(item.key())) + ": ";
    const Json& v = item.value();
    if (v.is_array() && !v.empty() && v.front().is_object()) {
      out += "[\n";
      for (size_t i = 0; i < v.size(); ++i) {
        out += "  " + Dump(v[i]) + (i + 1 < v.size() ? ",\n" : "\n");
      }
      out += " ]";
    } else {
      out += Dump(v);
    }
  }
  return out + "}\n";
}

class Merger {
 public:
  explicit Merger(MergeStats* stats) : stats_(stats) {}

  const Status& status() const { return segmenter_.status(); }

  // The documents' top level. `list_key` ("actors", "relations") is merged by
  // `merge_list`; other lists are concatenated, other values are the first's.
  Result<Json> Document(const Json& a, const Json& b, const std::string& list_key,
                        const std::string& what,
                        const std::function<Result<Json>(const Json&, const Json&)>& merge_list) {
    if (!Member(a, list_key).is_array()) {
      return Status::ParseError("first lexicon (" + what + "): no \"" + list_key + "\" list");
    }
    if (!Member(b, list_key).is_array()) {
      return Status::ParseError("second lexicon (" + what + "): no \"" + list_key + "\" list");
    }
    std::vector<std::string> keys;
    for (const auto& item : a.items()) keys.push_back(item.key());
    for (const auto& item : b.items()) {
      if (!a.contains(item.key())) keys.push_back(item.key());
    }
    Json out = Json::object();
    for (const std::string& key : keys) {
      const Json& av = Member(a, key);
      const Json& bv = Member(b, key);
      if (key == list_key) {
        auto merged = merge_list(av, bv);
        if (!merged.ok()) return merged.status();
        out[key] = std::move(*merged);
      } else if (av.is_array() || bv.is_array()) {
        if (!(av.is_array() || av.is_null()) || !(bv.is_array() || bv.is_null())) {
          return Status::ParseError("lexicons (" + what + "): \"" + key +
                                    "\" is a list in one lexicon and not in the other");
        }
        Json list = Json::array();
        for (const Json* side : {&av, &bv}) {
          if (side->is_array()) list.insert(list.end(), side->begin(), side->end());
        }
        out[key] = std::move(list);
      } else if (key == "format" && a.contains(key) && b.contains(key) && av != bv) {
        return Status::ParseError("lexicons (" + what + "): the formats differ: " + Dump(av) +
                                  " and " + Dump(bv));
      } else {
        out[key] = a.contains(key) ? av : bv;
      }
    }
    return out;
  }

  Result<Json> Actors(const Json& a, const Json& b) {
    Json out = a;
    std::unordered_map<std::string, size_t> index_by_id;
    for (size_t i = 0; i < out.size(); ++i) {
      auto id = out[i].is_object() ? StringMember(out[i], "id") : std::nullopt;
      if (!id) {
        return Status::ParseError("first lexicon (actors): an actor without a string \"id\"");
      }
      index_by_id.emplace(*id, i);
      for (const char* field : {"names", "metonyms", "demonyms"}) {
        auto forms = Strings(out[i], field);
        if (!forms) return NotStrings("first", *id, field);
        for (const std::string& f : *forms) taken_.insert(Key(f));
      }
      if (auto name = StringMember(out[i], "name")) taken_.insert(Key(*name));
    }
    for (const Json& actor : b) {
      auto id = actor.is_object() ? StringMember(actor, "id") : std::nullopt;
      if (!id) {
        return Status::ParseError("second lexicon (actors): an actor without a string \"id\"");
      }
      auto it = index_by_id.find(*id);
      if (it == index_by_id.end()) {
        index_by_id.emplace(*id, out.size());
        out.push_back(actor);
        ++stats_->actors_added;
        continue;
      }
      ++stats_->actors_merged;
      Json& target = out[it->second];
      std::vector<std::pair<std::string, const char*>> forms;  // (form, field of target)
      if (auto name = StringMember(actor, "name")) forms.emplace_back(*name, "names");
      for (const char* field : {"names", "metonyms", "demonyms"}) {
        auto list = Strings(actor, field);
        if (!list) return NotStrings("second", *id, field);
        for (std::string& f : *list) forms.emplace_back(std::move(f), field);
      }
      for (auto& [form, field] : forms) {
        const std::string key = Key(form);
        if (key.empty()) continue;
        if (!taken_.insert(key).second) {
          ++stats_->names_shadowed;
          continue;
        }
        if (!target.contains(field) || target[field].is_null()) target[field] = Json::array();
        target[field].push_back(std::move(form));
        ++stats_->names_added;
      }
    }
    return out;
  }

  Result<Json> Relations(const Json& a, const Json& b) {
    Json out = a;
    std::unordered_set<std::string> names;      // folded, of relations written
    std::unordered_set<std::string> reserved;   // folded, of the second's own names
    std::unordered_set<std::string> particles;  // ParticleKey of forms written
    for (const Json& r : out) {
      auto name = r.is_object() ? StringMember(r, "relation") : std::nullopt;
      if (!name) {
        return Status::ParseError(
            "first lexicon (relations): a relation without a string \"relation\"");
      }
      names.insert(Fold(*name));
      auto forms = Strings(r, "forms");
      if (!forms) return NotStrings("first", *name, "forms");
      for (const std::string& f : *forms) {
        if (auto key = ParticleKey(f)) particles.insert(*key);
      }
    }
    for (const Json& r : b) {
      auto name = r.is_object() ? StringMember(r, "relation") : std::nullopt;
      if (!name) {
        return Status::ParseError(
            "second lexicon (relations): a relation without a string \"relation\"");
      }
      reserved.insert(Fold(*name));
    }
    for (const Json& r : b) {
      const std::string name = *StringMember(r, "relation");
      auto forms = Strings(r, "forms");
      if (!forms) return NotStrings("second", name, "forms");
      Json kept = Json::array();
      for (const std::string& f : *forms) {
        auto key = ParticleKey(f);
        if (key && !particles.insert(*key).second) {
          ++stats_->particle_forms_dropped;
          continue;
        }
        kept.push_back(f);
      }
      if (kept.empty() && !forms->empty()) {
        ++stats_->relations_dropped;
        continue;
      }
      Json relation = r;
      relation["forms"] = std::move(kept);
      std::string folded = Fold(name);
      if (names.count(folded)) {
        const std::string cameo = StringMember(r, "cameo").value_or("");
        const std::string base = IsCameoCode(cameo) ? name + " " + cameo : name;
        std::string candidate = base;
        for (int n = 2; candidate == name || names.count(Fold(candidate)) ||
                        reserved.count(Fold(candidate));
             ++n) {
          candidate = base + " " + std::to_string(n);
        }
        relation["relation"] = candidate;
        folded = Fold(candidate);
        ++stats_->relations_renamed;
      }
      names.insert(folded);
      out.push_back(std::move(relation));
      ++stats_->relations_added;
    }
    return out;
  }

 private:
  // A surface form as the lexicon looks it up: folded tokens joined by ' '.
  std::string Key(std::string_view phrase) {
    std::string key;
    for (const Token& t : segmenter_.Tokenize(phrase)) {
      if (!key.empty()) key += ' ';
      key += t.norm;
    }
    return key;
  }

  static Status NotStrings(const char* which, const std::string& id, const char* field) {
    return Status::ParseError(std::string(which) + " lexicon: '" + id + "': \"" + field +
                              "\" is not a list of strings");
  }

  Segmenter segmenter_;
  MergeStats* stats_;
  std::unordered_set<std::string> taken_;  // keys of the surface forms of the first's actors
};

Result<Json> Parse(std::string_view text, const char* which, const char* what) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::ParseError(std::string(which) + " lexicon (" + what +
                              "): not a valid JSON object");
  }
  return j;
}

}  // namespace

Result<std::pair<std::string, std::string>> MergeLexiconJson(
    std::pair<std::string_view, std::string_view> first,
    std::pair<std::string_view, std::string_view> second, MergeStats* stats) {
  MergeStats ignored;
  Merger merger(stats != nullptr ? stats : &ignored);
  KG_RETURN_IF_ERROR(merger.status());
  try {
    auto a_actors = Parse(first.first, "first", "actors");
    if (!a_actors.ok()) return a_actors.status();
    auto b_actors = Parse(second.first, "second", "actors");
    if (!b_actors.ok()) return b_actors.status();
    auto actors = merger.Document(
        *a_actors, *b_actors, "actors", "actors",
        [&](const Json& a, const Json& b) { return merger.Actors(a, b); });
    if (!actors.ok()) return actors.status();

    auto a_relations = Parse(first.second, "first", "relations");
    if (!a_relations.ok()) return a_relations.status();
    auto b_relations = Parse(second.second, "second", "relations");
    if (!b_relations.ok()) return b_relations.status();
    // Each document's "coding" goes with its own relations when the two
    // differ (kg's verbs keep kg's reading of a clause, PETRARCH's theirs).
    auto coding_of = [](const Json& doc) {
      return doc.is_object() && doc.contains("coding") && doc["coding"].is_string()
                 ? doc["coding"].get<std::string>()
                 : std::string("kg");
    };
    if (coding_of(*a_relations) != coding_of(*b_relations)) {
      for (Json* doc : {&*a_relations, &*b_relations}) {
        const std::string coding = coding_of(*doc);
        if (doc->contains("relations") && (*doc)["relations"].is_array()) {
          for (Json& r : (*doc)["relations"]) {
            if (r.is_object() && !r.contains("coding")) r["coding"] = coding;
          }
        }
        doc->erase("coding");
      }
    }
    auto relations = merger.Document(
        *a_relations, *b_relations, "relations", "relations",
        [&](const Json& a, const Json& b) { return merger.Relations(a, b); });
    if (!relations.ok()) return relations.status();
    return std::pair{Write(*actors), Write(*relations)};
  } catch (const Json::exception& e) {
    return Status::ParseError(std::string("merging lexicons: ") + e.what());
  }
}

}  // namespace kg::extract
