#include "extract/extractor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <string_view>
#include <unordered_set>

#include "extract/fold.h"
#include "extract/plover.h"

namespace kg::extract {
namespace {

bool In(std::string_view norm, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), norm) != words.end();
}

// Words before a verb form that make it a noun ("the attack", "Putin's visit").
bool IsDeterminer(std::string_view n) {
  return In(n, {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                "their", "our", "my", "your", "whose", "any", "every", "each", "such", "'s",
                "no", "another", "of", "first", "last", "new", "further"});
}

// An object pronoun ends the search for an object: "warned us about Ukraine"
// is not a warning to Ukraine.
bool IsObjectPronoun(std::string_view n) {
  return In(n, {"us", "them", "him", "her", "it", "me", "you", "itself", "themselves",
                "himself", "herself", "everyone", "anyone"});
}

bool IsBeForm(std::string_view n) {
  return In(n, {"is", "are", "was", "were", "be", "been", "being", "'re"});
}

bool IsNegation(std::string_view n) { return In(n, {"not", "n't", "never", "no"}); }

// Verbs that negate the verb they govern: "refused to defend".
bool IsNegatingVerb(std::string_view n) {
  return In(n, {"refused", "refuses", "refuse", "declined", "declines", "decline", "failed",
                "fails", "fail"});
}

// Words between subject and verb that make the event one that may happen,
// not one that did: "could attack", "will meet", "vowed to defend".
bool IsModal(std::string_view n) {
  return In(n, {"could", "would", "might", "may", "will", "shall", "should", "can", "'ll", "'d",
                "must", "ought", "wants", "want", "wanted", "plans", "plan", "planned", "vowed",
                "vows", "vow", "promised", "promises", "promise", "threatened", "threatens",
                "threaten", "intends", "intend", "intended", "seeks", "seek", "sought", "tried",
                "tries", "try", "hopes", "hope", "hoped", "expected", "expects", "likely",
                "going", "ready", "prepared", "willing"});
}

bool IsConditional(std::string_view n) {
  return In(n, {"if", "unless", "whether", "should", "lest"});
}

// Words that attribute a statement to a source: "Russia attacked Kyiv,
// officials said", "according to Moscow", "allegedly".
bool IsReporting(std::string_view n) {
  return In(n, {"said", "says", "say", "told", "tells", "claimed", "claim", "alleged",
                "alleges", "allege", "reported", "stated", "insisted", "insists", "suggested",
                "suggests", "believe", "believes", "believed", "argued", "argues", "added"});
}

bool IsQuote(std::string_view text) {
  return In(text, {"\"", "“", "”", "«", "»", "‘", "’"});
}

// Words at which the search for an object stops: the clause has ended.
bool IsClauseBoundary(const Token& t) {
  if (t.kind == TokenKind::kPunct) {
    // A hyphen inside a word ("US-led") and apostrophes join words; a
    // spaced dash ("army — as expected — attacked") and everything else
    // end the phrase.
    if (t.norm == "-") return t.text != "-";
    return !In(t.norm, {"'s", "'", "&"});
  }
  return In(t.norm, {"that", "which", "who", "whom", "because", "if", "when", "while", "after",
                     "before", "but", "although", "though", "since", "unless", "as", "until",
                     "whether", "where", "so"});
}

bool IsPreposition(std::string_view n);

// Tokens that may join two coordinated actors: "France and Germany",
// "Poland, Romania and the Baltic states", "Ukraine and its NATO patrons",
// "neither Galadriel nor Gollum", "Fornost and the evil awful Gondor" (up to
// three lower-case adjectives after the conjunction; no adverbs: "and then").
bool IsCoordinationGap(const std::vector<Token>& tokens, size_t begin, size_t end) {
  if (begin == end) return false;
  bool has_conjunction = false;
  int adjectives = 0;
  for (size_t i = begin; i < end; ++i) {
    const Token& t = tokens[i];
    const std::string& n = t.norm;
    if (In(n, {"and", ",", "&", "nor", "or"})) {
      has_conjunction = true;
    } else if (!In(n, {"its", "their", "his", "her", "the", "both", "as", "well", "also"})) {
      const bool adjective = has_conjunction && t.kind == TokenKind::kWord && !t.capitalized &&
                             !(n.size() > 3 && n.ends_with("ly")) && !IsPreposition(n) &&
                             !In(n, {"then", "now", "later", "so", "thus", "even", "that",
                                     "which", "who", "but", "if", "when", "while"});
      if (!adjective || ++adjectives > 3) return false;
    }
  }
  return has_conjunction;
}

// Prepositions that end the search for an object unless the relation lists
// them ("fighting ... in Ukraine" is about a place, not a target).
bool IsPreposition(std::string_view n) {
  return In(n, {"in", "at", "from", "during", "after", "before", "over", "since", "into", "near",
                "about", "under", "within", "across", "throughout", "of", "on", "for", "by",
                "through", "among", "between", "without", "despite", "toward", "towards", "via",
                "like", "with", "to", "against", "upon", "amid"});
}

// Words that may stand between a verb and its object without being the
// object's head: "accused the Ukrainian military", "warned his counterpart".
bool IsSkippable(const Token& t) {
  if (IsDeterminer(t.norm)) return true;
  return t.norm.size() > 3 && t.norm.ends_with("ly");  // adverbs
}

bool IsCalendarWord(std::string_view n) {
  return In(n, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"});
}

// Verb patterns: how many other tokens may stand before a pattern's literal
// words ("restored full diplomatic ties with": "full diplomatic" before
// "ties"), and how many more after a "^" (a skipped noun phrase).
// PETRARCH coding allows more: its patterns match anywhere in the verb
// phrase ("signed an 800 million ducat trade protocol").
constexpr size_t kPatternGap = 3;
constexpr size_t kPetrarchPatternGap = 6;
constexpr size_t kPatternSkipGap = 4;

// A relation code that codes no event (PETRARCH's null code).
bool IsNullCode(std::string_view code) { return code.empty() || code == "---"; }

// The composite actor of `base` with agents (indexes into lex.agents())
// written before and after it: "MSF Arnor diplomat" is NGO + ARN + GOV. A
// suffix code the actor's code already ends with is not repeated ("White
// House security officials" stay USAGOV). The id marks each agent code with
// '~' on the side it joins, as PETRARCH writes them: "RUS~COP",
// "NGO~ARN~GOV"; the name lists the agents: "Russia (police)".
graph::Actor ComposeAgents(const Lexicon& lex, const graph::Actor& base,
                           const std::vector<uint32_t>& before,
                           const std::vector<uint32_t>& after) {
  std::string prefix_code, prefix_id, code = base.code, suffix_id, names;
  bool changed = false;
  for (const auto* list : {&before, &after}) {
    for (uint32_t g : *list) {
      const LexiconAgent& agent = lex.agents()[g];
      if (agent.prefix) {
        if (prefix_code.starts_with(agent.code)) continue;
        prefix_code = agent.code + prefix_code;
        prefix_id = agent.code + "~" + prefix_id;
      } else {
        if (code.ends_with(agent.code)) continue;
        code += agent.code;
        suffix_id += "~" + agent.code;
      }
      names += (names.empty() ? "" : ", ") + agent.name;
      changed = true;
    }
  }
  if (!changed) return base;
  graph::Actor composite;
  composite.id = prefix_id + base.id + suffix_id;
  composite.name = base.name + " (" + names + ")";
  composite.type = graph::ActorType::kGroup;
  composite.code = prefix_code + code;
  return composite;
}

}  // namespace

struct Extractor::Mention {
  size_t begin = 0;  // token range [begin, end)
  size_t end = 0;
  graph::Actor actor;
  MentionKind kind = MentionKind::kName;
  bool ad_hoc = false;  // a titled name not in the lexicon
  bool role = false;    // an office resolved to its holder ("the French defence minister")
  int person = -1;      // index into the lexicon's actors when a known person
  // "his Russian counterpart": the holder of the subject's office in
  // `country`, resolved once the subject is known; `actor` is the country.
  bool counterpart = false;

  // Referred to as "they": an organisation or group (composites of agents
  // included), or a plural nationality word ("the Russians").
  bool IsGroup(const std::vector<Token>& tokens) const {
    if (actor.type == graph::ActorType::kOrganization || actor.type == graph::ActorType::kGroup) {
      return true;
    }
    return kind == MentionKind::kDemonym && end == begin + 1 && tokens[begin].norm.size() > 3 &&
           tokens[begin].norm.ends_with("s") && !tokens[begin].norm.ends_with("ss");
  }
};

// What earlier sentences leave for pronouns: the person "he" or "she"
// refers to (person < 0: none), and the group "they" or "them" refers to
// (actor.id empty: none).
struct Extractor::Antecedents {
  Mention person;
  Mention group;
};

// What the whole document tells about its people: used to resolve offices
// when the document has no date.
struct Extractor::DocumentContext {
  std::string date;
  std::unordered_set<uint32_t> named_people;  // lexicon indexes named in the text
};

struct Extractor::Verb {
  size_t begin;  // token range [begin, end)
  size_t end;
  uint32_t relation;
};

Extractor::Extractor(std::shared_ptr<const Lexicon> lexicon, ExtractorOptions options)
    : lexicon_(std::move(lexicon)), options_(options) {}

Status Extractor::Extract(const graph::Document& doc, const Sink& sink) {
  KG_RETURN_IF_ERROR(segmenter_.status());
  if (auto bad = FindInvalidUtf8(doc.text)) {
    return Status::InvalidArgument("document '" + doc.id + "': invalid UTF-8 at byte " +
                                   std::to_string(*bad));
  }
  // Two passes: the first finds who the document names, so that an office
  // in an undated document resolves to the holder the document itself names.
  struct Sentence {
    Span span;
    std::vector<Token> tokens;
    bool discarded = false;  // a sentence-scope discard phrase: not coded
    std::vector<Mention> mentions;  // from the first pass
    bool context_sensitive = false;  // ... which the second must redo
  };
  std::vector<Sentence> sentences;
  DocumentContext context;
  context.date = doc.date;
  for (Span span : segmenter_.Sentences(doc.text)) {
    Sentence s;
    s.span = span;
    s.tokens = segmenter_.Tokenize(
        std::string_view(doc.text).substr(span.begin, span.end - span.begin), span.begin);
    // A discard phrase ("World Cup") means the sentence, or with story
    // scope the whole document, is not about what kg codes.
    switch (lexicon_->Discard(s.tokens)) {
      case DiscardScope::kStory: return Status::OK();
      case DiscardScope::kSentence: s.discarded = true; break;
      case DiscardScope::kNone: break;
    }
    s.mentions = FindMentions(s.tokens, context, nullptr, &s.context_sensitive);
    for (const Mention& m : s.mentions) {
      if (m.person >= 0 && !m.role) context.named_people.insert(static_cast<uint32_t>(m.person));
    }
    sentences.push_back(std::move(s));
  }
  Antecedents antecedents;
  for (const Sentence& s : sentences) {
    if (s.discarded) continue;
    ExtractSentence(doc, s.span, s.tokens, context, &antecedents,
                    s.context_sensitive ? nullptr : &s.mentions, sink);
  }
  return Status::OK();
}

std::optional<uint32_t> Extractor::ResolveOffice(std::string_view country, std::string_view office,
                                                 const DocumentContext& context) const {
  const Lexicon& lex = *lexicon_;
  if (!context.date.empty()) {
    auto holders = lex.OfficeHolders(country, office, context.date);
    if (holders.size() == 1) return holders[0];
    if (holders.empty()) return std::nullopt;
  }
  // No date, or several holders that year: the one this document names.
  std::optional<uint32_t> found;
  for (uint32_t p : lex.OfficeHolders(country, office, context.date)) {
    if (context.named_people.count(p)) {
      if (found) return std::nullopt;
      found = p;
    }
  }
  return found;
}

graph::Modality Extractor::ModalityOf(const std::vector<Token>& tokens, const Mention& agent,
                                      const Mention& patient, size_t verb) const {
  // Hypothetical: a modal between the agent (or, in a passive, the patient
  // on the left) and the verb, or a conditional opening the clause.
  const size_t left = std::min(agent.begin, patient.begin);
  const size_t left_end = std::min(agent.end, patient.end);
  for (size_t t = left_end; t < verb; ++t) {
    if (IsModal(tokens[t].norm)) return graph::Modality::kHypothetical;
  }
  for (size_t t = left; t-- > 0;) {
    if (IsConditional(tokens[t].norm)) return graph::Modality::kHypothetical;
    if (In(tokens[t].norm, {",", ";", ":", "(", "-"}) || IsQuote(tokens[t].text)) break;
  }
  // Reported: attributed to a source within the event's own part of the
  // sentence (';' ends a part): "Russia attacked Kyiv, officials said",
  // "Kyiv said that Russia attacked", "according to Kyiv", "reportedly", or
  // the event inside quotation marks. A reporting verb coordinated with the
  // event's own verb ("denounced the reports and insisted") is not a source.
  const size_t right = std::max(agent.end, patient.end);
  size_t part_begin = 0, part_end = tokens.size();
  for (size_t t = left; t-- > 0;) {
    if (tokens[t].norm == ";") {
      part_begin = t + 1;
      break;
    }
  }
  for (size_t t = right; t < tokens.size(); ++t) {
    if (tokens[t].norm == ";") {
      part_end = t;
      break;
    }
  }
  auto near = [&](size_t t, int dir, std::initializer_list<std::string_view> words) {
    for (int k = 1; k <= 4; ++k) {
      const std::ptrdiff_t u = static_cast<std::ptrdiff_t>(t) + dir * k;
      if (u < 0 || u >= static_cast<std::ptrdiff_t>(tokens.size())) return false;
      const Token& tok = tokens[static_cast<size_t>(u)];
      if (In(tok.norm, words) || IsQuote(tok.text)) return true;
    }
    return false;
  };
  int quotes_before = 0;
  for (size_t t = part_begin; t < part_end; ++t) {
    if (t >= left && t < right) continue;
    const std::string& w = tokens[t].norm;
    if (In(w, {"reportedly", "allegedly"})) return graph::Modality::kReported;
    if (w == "according" && t + 1 < tokens.size() && tokens[t + 1].norm == "to") {
      return graph::Modality::kReported;
    }
    if (IsReporting(w)) {
      if (t >= right && near(t, -1, {","})) return graph::Modality::kReported;
      // "X said that ...", "X said: ...", "X said he ...".
      if (t < left && (near(t, +1, {"that", ",", ":"}) || t + 1 == left)) {
        return graph::Modality::kReported;
      }
    }
    if (t < left && IsQuote(tokens[t].text) && tokens[t].text != "’") ++quotes_before;
  }
  if (quotes_before % 2 == 1) return graph::Modality::kReported;
  return graph::Modality::kAsserted;
}

std::optional<uint32_t> Extractor::ResolveCounterpart(uint32_t person, std::string_view country,
                                                      const DocumentContext& context) const {
  std::string office = lexicon_->OfficeOf(person, context.date);
  if (!office.empty()) return ResolveOffice(country, office, context);
  if (!context.date.empty()) return std::nullopt;
  // Undated: any office the person ever held whose holder in `country` the
  // document names, if that picks exactly one person.
  std::optional<uint32_t> found;
  for (const LexiconRole& role : lexicon_->actors()[person].roles) {
    auto holder = ResolveOffice(country, role.office, context);
    if (!holder) continue;
    if (found && *found != *holder) return std::nullopt;
    found = holder;
  }
  return found;
}

std::vector<Extractor::Mention> Extractor::FindMentions(const std::vector<Token>& tokens,
                                                        const DocumentContext& context,
                                                        const Antecedents* antecedents,
                                                        bool* context_sensitive) const {
  bool ignored = false;
  bool& sensitive = context_sensitive != nullptr ? *context_sensitive : ignored;
  std::vector<Mention> mentions;
  const Lexicon& lex = *lexicon_;
  const size_t n = tokens.size();

  // After a title at tokens[i..j): a known person, or up to four capitalised
  // words taken as a person not in the lexicon.
  auto person_after_title = [&](size_t j, size_t begin, std::string_view code,
                                bool allow_ad_hoc) -> std::optional<Mention> {
    if (j >= n) return std::nullopt;
    if (auto m = lex.MatchActor(tokens, j)) {
      const LexiconActor& a = lex.actors()[m->index];
      if (a.actor.type == graph::ActorType::kPerson) {
        return Mention{.begin = begin, .end = j + m->length, .actor = a.actor,
                       .person = static_cast<int>(m->index)};
      }
      return std::nullopt;
    }
    if (!allow_ad_hoc) return std::nullopt;
    size_t k = j;
    while (k < n && k - j < 4 && tokens[k].kind == TokenKind::kWord && tokens[k].capitalized &&
           !lex.MatchActor(tokens, k) && lex.MatchTitle(tokens, k) == 0) {
      ++k;
    }
    if (k == j) return std::nullopt;
    std::string name;
    for (size_t t = j; t < k; ++t) {
      if (t > j) name += ' ';
      name += tokens[t].text;
    }
    graph::Actor actor;
    actor.id = Slug(name);
    if (actor.id.empty()) return std::nullopt;
    actor.name = name;
    actor.type = graph::ActorType::kPerson;
    actor.code = code;
    return Mention{.begin = begin, .end = k, .actor = std::move(actor), .ad_hoc = true};
  };

  // The pronoun at tokens[t] as a mention of `ref`'s actor (if any).
  // Resolved references count less than names.
  auto add_pronoun = [&](const Mention* ref, size_t t) {
    if (ref == nullptr) return;
    Mention pronoun = *ref;
    pronoun.begin = t;
    pronoun.end = t + 1;
    pronoun.kind = MentionKind::kRole;
    pronoun.role = true;
    mentions.push_back(std::move(pronoun));
  };

  size_t i = 0;
  while (i < n) {
    // "He accused them": the first person this sentence names before the
    // pronoun, else the previous sentences' (the usual subject of a news
    // paragraph).
    if (In(tokens[i].norm, {"he", "she"}) && tokens[i].kind == TokenKind::kWord) {
      sensitive = true;
      const Mention* ref = nullptr;
      for (const Mention& m : mentions) {
        if (m.person >= 0 && !m.role) {
          ref = &m;
          break;
        }
      }
      if (ref == nullptr && antecedents != nullptr && antecedents->person.person >= 0) {
        ref = &antecedents->person;
      }
      add_pronoun(ref, i);
      ++i;
      continue;
    }
    // "They accused them": the last group this sentence names before the
    // pronoun (an organisation, an actor's agents, a plural nationality:
    // "the Russians"), else the previous sentence's. Countries by name are
    // "it", people "he" or "she".
    if (In(tokens[i].norm, {"they", "them"}) && tokens[i].kind == TokenKind::kWord) {
      sensitive = true;
      const Mention* ref = nullptr;
      for (const Mention& m : mentions) {
        if (m.IsGroup(tokens)) ref = &m;
      }
      if (ref == nullptr && antecedents != nullptr && !antecedents->group.actor.id.empty()) {
        ref = &antecedents->group;
      }
      add_pronoun(ref, i);
      ++i;
      continue;
    }
    // "Defense Minister Sergey Shoigu", "President Putin". An actor name at
    // least as long as the title wins ("General Assembly" is no general).
    auto m = lex.MatchActor(tokens, i);
    if (size_t tlen = lex.MatchTitle(tokens, i); tlen > 0 && (!m || m->length < tlen)) {
      if (auto m = person_after_title(i + tlen, i, "", tokens[i].capitalized)) {
        i = m->end;
        mentions.push_back(std::move(*m));
        continue;
      }
    }
    // "MSF Arnor", "soldiers from Gondor", "the government of Gondor": agents
    // before the actor they belong to.
    std::vector<uint32_t> before;
    size_t actor_at = i;
    bool of_actor = false;  // "the ambassadors of Arnor, Osgiliath and Gondor"
    if (!m) {
      for (auto g = lex.MatchAgent(tokens, actor_at); g; g = lex.MatchAgent(tokens, actor_at)) {
        before.push_back(g->index);
        actor_at += g->length;
      }
      if (!before.empty() && actor_at < n) {
        m = lex.MatchActor(tokens, actor_at);
        if (!m && actor_at + 1 < n && In(tokens[actor_at].norm, {"of", "in", "from"})) {
          actor_at += tokens[actor_at + 1].norm == "the" ? 2 : 1;
          if (actor_at < n) m = lex.MatchActor(tokens, actor_at);
          of_actor = true;
        }
        if (m && lex.actors()[m->index].actor.type == graph::ActorType::kPerson) m.reset();
      }
    }
    // "a senior official", "students", "the media and government": agents
    // of no named actor. A singular one starts the sentence or stands after
    // a determiner (its adjectives between) or in a coordination; "he said
    // government proposed" names no one.
    size_t bare_end = i;
    if (!m && !before.empty() && options_.bare_agents) {
      for (auto g = lex.MatchAgent(tokens, bare_end); g; g = lex.MatchAgent(tokens, bare_end)) {
        bare_end += g->length;
      }
      const std::string& head = tokens[bare_end - 1].norm;
      bool determined = i == 0 || (head.size() > 3 && head.ends_with("s") && !head.ends_with("ss"));
      for (size_t k = i, steps = 0; !determined && k-- > 0 && steps < 4; ++steps) {
        const Token& tk = tokens[k];
        if (IsDeterminer(tk.norm) || In(tk.norm, {"and", "or", ","})) determined = true;
        if (tk.kind != TokenKind::kWord || tk.capitalized || IsPreposition(tk.norm) ||
            lex.MatchVerb(tokens, k)) {
          break;
        }
      }
      if (!determined) bare_end = i;
    }
    if (bare_end > i) {
      const size_t end = bare_end;
      graph::Actor unknown;
      unknown.id = unknown.code = "---";
      unknown.name = "unnamed";
      mentions.push_back(Mention{.begin = i, .end = end,
                                 .actor = ComposeAgents(lex, unknown, before, {})});
      i = end;
      continue;
    }
    if (!m) {
      ++i;
      continue;
    }
    const LexiconActor& a = lex.actors()[m->index];
    size_t end = actor_at + m->length;
    // "Russian President Vladimir Putin", "NATO Secretary General Jens
    // Stoltenberg": a country or organisation, a title, then the person.
    if (a.actor.type != graph::ActorType::kPerson) {
      if (size_t tlen = lex.MatchTitle(tokens, end); tlen > 0) {
        if (auto p = person_after_title(end + tlen, i, a.actor.code, tokens[end].capitalized)) {
          i = p->end;
          mentions.push_back(std::move(*p));
          continue;
        }
        // No name after the title: the office itself. "the French defence
        // minister" is whoever held it on the document's date; "his
        // Russian counterpart" waits for the subject.
        if (a.actor.type == graph::ActorType::kCountry) {
          sensitive = true;
          const std::string office = Lexicon::TitleOffice(tokens, end, tlen);
          if (office == "counterpart" || office == "counterparts") {
            mentions.push_back(Mention{.begin = i, .end = end + tlen, .actor = a.actor,
                                       .kind = MentionKind::kDemonym, .counterpart = true});
            i = end + tlen;
            continue;
          }
          if (auto holder = ResolveOffice(a.actor.id, office, context)) {
            mentions.push_back(Mention{.begin = i, .end = end + tlen,
                                       .actor = lex.actors()[*holder].actor,
                                       .kind = MentionKind::kRole, .role = true,
                                       .person = static_cast<int>(*holder)});
            i = end + tlen;
            continue;
          }
        }
      }
    }
    // "Russian police", "Gondor's main opposition group", "Danish Islamist
    // media": agents after the actor; "Bree President Romendacil": then a
    // person not in the lexicon, who takes the composite code.
    if (a.actor.type != graph::ActorType::kPerson) {
      std::vector<uint32_t> after;
      const bool possessive = end < n && tokens[end].norm == "'s";
      size_t k = possessive ? end + 1 : end;
      // "Ithilen's awful and evil minister": after a possessive, up to
      // three adjectives (lower-case words that are no verb, determiner or
      // preposition, and "and") may stand before the agent.
      if (possessive && !lex.agents().empty()) {
        size_t a = k;
        while (a < n && a < k + 3 && !lex.MatchAgent(tokens, a) &&
               tokens[a].kind == TokenKind::kWord && !tokens[a].capitalized &&
               !IsDeterminer(tokens[a].norm) && !IsPreposition(tokens[a].norm) &&
               !IsClauseBoundary(tokens[a]) && !lex.MatchVerb(tokens, a)) {
          ++a;
        }
        if (a > k && a < n && lex.MatchAgent(tokens, a)) k = a;
      }
      for (auto g = lex.MatchAgent(tokens, k); g; g = lex.MatchAgent(tokens, k)) {
        after.push_back(g->index);
        k += g->length;
      }
      if (!after.empty()) end = k;
      if (!before.empty() || !after.empty()) {
        graph::Actor composite = ComposeAgents(lex, a.actor, before, after);
        if (!after.empty() && end < n) {
          // A person in the lexicon after any agent; one not in it only
          // after a capitalised one, as after a title.
          if (auto p = person_after_title(end, i, composite.code, tokens[end - 1].capitalized)) {
            i = p->end;
            mentions.push_back(std::move(*p));
            continue;
          }
          // A name the lexicon has but not as a person (PETRARCH's files
          // do not say who is one): the phrase is one actor, the name's if
          // its code is as specific as the composite's ("Russian Foreign
          // Minister Lavrov", RUSGOV), else the composite's ("Bree Prime
          // Minister Romendacil", BRE: BREGOV).
          if (auto named = lex.MatchActor(tokens, end); named && tokens[end].capitalized) {
            const graph::Actor& other = lex.actors()[named->index].actor;
            const size_t name_end = end + named->length;
            if (other.code.size() >= composite.code.size()) composite = other;
            mentions.push_back(Mention{.begin = i, .end = name_end,
                                       .actor = std::move(composite), .kind = m->kind});
            i = name_end;
            continue;
          }
        }
        mentions.push_back(Mention{.begin = i, .end = end, .actor = std::move(composite),
                                   .kind = m->kind});
        i = end;
        // "lawmakers in Fornost and Gondor": the agents are each one's.
        while (of_actor && after.empty() && i < n) {
          size_t j = i;
          bool joined = false;
          while (j < n && j < i + 3 && In(tokens[j].norm, {",", "and", "the"})) {
            joined |= tokens[j].norm != "the";
            ++j;
          }
          if (!joined || j >= n) break;
          auto next = lex.MatchActor(tokens, j);
          if (!next || lex.actors()[next->index].actor.type == graph::ActorType::kPerson) break;
          mentions.push_back(Mention{
              .begin = j, .end = j + next->length,
              .actor = ComposeAgents(lex, lex.actors()[next->index].actor, before, {}),
              .kind = next->kind});
          i = j + next->length;
        }
        continue;
      }
    }
    // "the Budapest Memorandum", "the Minsk Accords", "the US Senate": a
    // name or metonym followed by a capitalised word is part of a larger
    // name that is not this actor. Nationality words are exempt ("the
    // Russian Armed Forces" is Russia's).
    if (m->kind != MentionKind::kDemonym && end < n && tokens[end].kind == TokenKind::kWord &&
        tokens[end].capitalized && !IsCalendarWord(tokens[end].norm) &&
        !lex.MatchActor(tokens, end) && lex.MatchTitle(tokens, end) == 0) {
      i = end;
      continue;
    }
    mentions.push_back(Mention{.begin = i, .end = end, .actor = a.actor, .kind = m->kind,
                               .person = a.actor.type == graph::ActorType::kPerson
                                             ? static_cast<int>(m->index)
                                             : -1});
    i = end;
  }
  // "the European Union (EU)", "the International Atomic Energy Agency
  // (IAEA) said": an acronym in brackets after a mention is part of it,
  // unless it names another actor.
  // Merged in place: most sentences have none, and nothing moves then.
  size_t kept = 0;
  for (size_t k = 0; k < mentions.size(); ++k) {
    if (kept != k) mentions[kept] = std::move(mentions[k]);
    Mention& m = mentions[kept++];
    const size_t e = m.end;
    if (e + 2 < n && tokens[e].norm == "(" && tokens[e + 2].norm == ")" &&
        tokens[e + 1].kind == TokenKind::kWord && tokens[e + 1].text.size() >= 2 &&
        std::all_of(tokens[e + 1].text.begin(), tokens[e + 1].text.end(),
                    [](char c) { return c >= 'A' && c <= 'Z'; })) {
      const bool inner = k + 1 < mentions.size() && mentions[k + 1].begin == e + 1;
      if (!inner || mentions[k + 1].actor.id == m.actor.id) {
        m.end = e + 3;
        if (inner) ++k;
      }
    }
  }
  mentions.resize(kept);
  return mentions;
}

void Extractor::ExtractSentence(const graph::Document& doc, Span span,
                                const std::vector<Token>& tokens, const DocumentContext& context,
                                Antecedents* antecedents, const std::vector<Mention>* known,
                                const Sink& sink) {
  const std::string_view text(doc.text);
  const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
  const size_t n = tokens.size();

  std::vector<Mention> mentions =
      known != nullptr ? *known : FindMentions(tokens, context, antecedents);
  if (antecedents != nullptr) {
    for (const Mention& m : mentions) {
      if (m.person >= 0 && !m.role) {
        antecedents->person = m;
        break;
      }
    }
    // "They" reaches back one sentence only.
    antecedents->group = Mention{};
    for (const Mention& m : mentions) {
      if (m.IsGroup(tokens)) antecedents->group = m;
    }
  }
  // A triple needs two actors, or one when a dyad is not required, or none
  // when noun phrases may be new actors.
  const size_t needed = options_.new_actor_length > 0 ? 0 : options_.require_dyad ? 2 : 1;
  if (n < 3 || mentions.size() < needed) return;
  // Mentions past these are a verb's own (see below): new actors, and the
  // placeholder for a missing side.
  const int found_mentions = static_cast<int>(mentions.size());

  // Which mention (if any) covers each token.
  std::vector<int> mention_at(n, -1);
  for (size_t m = 0; m < mentions.size(); ++m) {
    for (size_t t = mentions[m].begin; t < mentions[m].end; ++t) mention_at[t] = static_cast<int>(m);
  }

  std::vector<Verb> verbs;
  for (size_t i = 0; i < n;) {
    if (mention_at[i] >= 0) {
      ++i;
      continue;
    }
    auto v = lexicon_->MatchVerb(tokens, i);
    // A capitalised verb form mid-sentence is part of a name; after a
    // determiner it is a noun ("the attack"), after a degree adverb an
    // adjective or adverb ("marched very close to the border").
    bool noun_use = i > 0 && (IsDeterminer(tokens[i - 1].norm) ||
                              In(tokens[i - 1].norm, {"very", "too", "quite", "rather",
                                                      "extremely", "fairly"}));
    // "fired two artillery shells at Seoul", "the rebels attacked": after an
    // article or a number and up to two more lower-case words, a verb form
    // is a noun (or its subject is not an actor either), unless that phrase
    // is coordinated with one before ("US officials and the intelligence
    // community accused"). Verb-phrase words stop the look-back ("has to
    // defend", "will not attack").
    if (v && !noun_use) {
      for (size_t k = i, steps = 0; k-- > 0 && steps < 3; ++steps) {
        const Token& tk = tokens[k];
        if (In(tk.norm, {"a", "an", "the", "this", "these", "those", "such", "two", "three",
                         "four", "five", "six", "million", "all", "some"}) ||
            tk.kind == TokenKind::kNumber) {
          noun_use = k == 0 || !In(tokens[k - 1].norm, {"and", ",", "&", "or"});
          break;
        }
        if (tk.kind != TokenKind::kWord || tk.capitalized || mention_at[k] >= 0 ||
            IsBeForm(tk.norm) || IsModal(tk.norm) || IsNegation(tk.norm) ||
            (tk.norm.size() > 3 && tk.norm.ends_with("ly")) ||
            In(tk.norm, {"to", "has", "have", "had", "did", "do", "does", "that", "and", "or",
                         "new", "first", "last", "further", "'s", "of", "another"})) {
          break;
        }
      }
    }
    // "an unusual telephone call": an event noun after a determiner and
    // adjectives is a noun too.
    if (v && !noun_use && lexicon_->MatchNoun(tokens, i)) {
      for (size_t k = i, steps = 0; k-- > 0 && steps < 3; ++steps) {
        if (IsDeterminer(tokens[k].norm)) {
          noun_use = true;
          break;
        }
        if (tokens[k].kind != TokenKind::kWord || tokens[k].capitalized || mention_at[k] >= 0) {
          break;
        }
      }
    }
    bool name_use = i > 0 && tokens[i].capitalized && tokens[i - 1].kind != TokenKind::kPunct;
    // "NATO-backed forces", "a nuclear-armed state": part of a compound.
    bool compound = v && ((i > 0 && tokens[i - 1].norm == "-" &&
                           tokens[i - 1].end == tokens[i].begin) ||
                          (i + v->length < n && tokens[i + v->length].norm == "-" &&
                           tokens[i + v->length].begin == tokens[i + v->length - 1].end));
    if (!v || noun_use || name_use || compound) {
      ++i;
      continue;
    }
    bool overlaps = false;
    for (size_t t = i; t < i + v->length; ++t) overlaps |= mention_at[t] >= 0;
    if (!overlaps) verbs.push_back(Verb{i, i + v->length, v->index});
    i += v->length;
  }
  std::vector<bool> is_verb(n, false);
  for (const Verb& v : verbs) {
    for (size_t t = v.begin; t < v.end; ++t) is_verb[t] = true;
  }

  // The verb being coded was written for PETRARCH's reading of a clause:
  // its object is the first actor of the verb phrase, through any
  // preposition and a "that" or "whether" clause ("allowed that Mordor"),
  // the whole of a coordination that is the subject of a clause after it
  // ("believes Dagolath and Osgiliath can cope"), and its patterns allow
  // wider gaps. Set for each verb below.
  bool petrarch = false;

  // The mentions coordinated with mention `m` towards lower (dir = -1) or
  // higher (dir = +1) positions, `m` included, in text order. Leftwards
  // (subjects) a bare comma joins only after an "and" nearer the verb
  // ("France, Germany and Italy urged"); rightwards (objects) a joined actor
  // must end its phrase ("Ukraine, and Biden told ..." starts a new clause).
  auto coordinated = [&](int m, int dir) {
    std::vector<int> out{m};
    bool seen_and = false;
    if (m >= found_mentions) return out;
    for (int k = m + dir; k >= 0 && k < found_mentions; k += dir) {
      const Mention& near = mentions[out.back()];
      const Mention& far = mentions[k];
      size_t gap_begin = dir > 0 ? near.end : far.end;
      size_t gap_end = dir > 0 ? far.begin : near.begin;
      if (!IsCoordinationGap(tokens, gap_begin, gap_end)) break;
      bool verb_between = false, has_and = false;
      for (size_t t = gap_begin; t < gap_end; ++t) {
        verb_between |= is_verb[t];
        has_and |= In(tokens[t].norm, {"and", "&", "nor", "or"});
      }
      if (verb_between) break;
      if (dir < 0 && !has_and && !seen_and) break;
      if (dir < 0) {
        // "Russia attacked Ukraine and France condemned ...": an earlier
        // verb's object starts no coordination with this subject.
        size_t before = far.begin;
        while (before > 0 && IsSkippable(tokens[before - 1]) && !is_verb[before - 1]) --before;
        if (before > 0 && is_verb[before - 1]) break;
      }
      if (dir > 0) {
        size_t next = far.end;
        bool ends_phrase = next >= n || tokens[next].kind == TokenKind::kPunct ||
                           mention_at[next] >= 0 || IsClauseBoundary(tokens[next]) ||
                           In(tokens[next].norm, {"and", "or", "'s"}) ||
                           IsPreposition(tokens[next].norm) ||
                           (petrarch && (IsModal(tokens[next].norm) || is_verb[next]));
        // PETRARCH reads a noun after the last actor as the head of the
        // whole coordination ("Eriadori and Calenardhon leaders during").
        if (!ends_phrase && petrarch && tokens[next].kind == TokenKind::kWord &&
            !tokens[next].capitalized && !IsSkippable(tokens[next]) &&
            !lexicon_->MatchVerb(tokens, next)) {
          const size_t after = next + 1;
          ends_phrase = after >= n || tokens[after].kind == TokenKind::kPunct ||
                        IsClauseBoundary(tokens[after]) || IsPreposition(tokens[after].norm);
        }
        if (!ends_phrase) break;
      }
      seen_and |= has_and;
      out.push_back(k);
    }
    std::sort(out.begin(), out.end());
    return out;
  };

  // A capitalised word that is no actor, title or date: an unknown name.
  auto unknown_name = [&](size_t t) {
    if (t == 0 || tokens[t].kind != TokenKind::kWord || !tokens[t].capitalized) return false;
    if (tokens[t - 1].kind == TokenKind::kPunct && tokens[t - 1].norm != "," &&
        tokens[t - 1].norm != "-") {
      return false;  // after an opening quote or a colon: capitalised anyway
    }
    return mention_at[t] < 0 && !IsCalendarWord(tokens[t].norm) &&
           lexicon_->MatchTitle(tokens, t) == 0;
  };

  // The nearest mention ending at or before `pos`, within `limit` tokens and
  // not across ';', ':', brackets or an unknown name (then the subject is
  // that unknown name, unless it is an actor's: "Russia's Foreign Ministry").
  auto left_mention = [&](size_t pos, size_t limit) -> int {
    size_t stop = pos > limit ? pos - limit : 0;
    for (size_t t = pos; t-- > stop;) {
      // Skip a relative clause set off by commas: "Lavrov,
      // who represented Moscow at the summit, praised India".
      if (tokens[t].norm == "," && t > 0) {
        // The comma that opens the clause: the nearest earlier one, unless a
        // ';' or ':' comes first.
        std::optional<size_t> open;
        for (size_t c = t; c-- > 0;) {
          if (tokens[c].norm == ",") open = c;
          if (tokens[c].norm == "," || In(tokens[c].norm, {";", ":"})) break;
        }
        if (open && *open + 1 < t &&
            In(tokens[*open + 1].norm, {"who", "which", "whose", "whom"})) {
          const size_t c = *open;
          stop = c > limit ? std::min(stop, c - limit) : 0;
          t = c;
          continue;
        }
      }
      if (mention_at[t] >= 0) return mention_at[t];
      // "..., he said, Russia ...": the speaker is not the subject.
      if (In(tokens[t].norm, {";", ":", "(", ")", "[", "]", "said", "says", "say", "told"})) {
        return -1;
      }
      if (unknown_name(t)) {
        size_t k = t;
        while (k > 0 && unknown_name(k - 1)) --k;
        if (k >= 2 && tokens[k - 1].norm == "'s" && mention_at[k - 2] >= 0) {
          return mention_at[k - 2];
        }
        // "the official news agency WFNA": a phrase whose head is no actor
        // takes the code of an agent of no named actor in it, as PETRARCH
        // codes a noun phrase.
        for (size_t j = k, words = 0; j-- > 0 && words < 3; ++words) {
          if (int a = mention_at[j]; a >= 0) {
            if (mentions[a].actor.code.starts_with("---")) return a;
            break;
          }
          if (tokens[j].kind != TokenKind::kWord || tokens[j].capitalized || is_verb[j] ||
              IsPreposition(tokens[j].norm) || IsDeterminer(tokens[j].norm)) {
            break;
          }
        }
        return -1;
      }
    }
    return -1;
  };

  size_t pattern_gap = kPatternGap;

  // The first mention at or after `pos`, within `limit` tokens, before the
  // clause ends, another relation verb starts, an object pronoun or unknown
  // name takes the object's place, or a preposition that `rel` does not
  // take (any preposition at all once a noun has been passed: "released its
  // response to the US" is not about the US).
  auto right_mention = [&](size_t pos, size_t limit, const LexiconRelation* rel) -> int {
    bool passed_noun = false;
    for (size_t t = pos; t < n && t < pos + limit; ++t) {
      if (mention_at[t] >= 0) return mention_at[t];
      const Token& tok = tokens[t];
      if (petrarch && In(tok.norm, {"that", "whether"})) continue;
      if (is_verb[t] || IsClauseBoundary(tok) || IsObjectPronoun(tok.norm)) return -1;
      if (unknown_name(t)) return -1;
      if (IsPreposition(tok.norm)) {
        // A time phrase is no obstacle: "met on Monday with", "attacked in
        // 2014".
        if (t + 1 < n && (IsCalendarWord(tokens[t + 1].norm) ||
                          tokens[t + 1].kind == TokenKind::kNumber)) {
          ++t;
          continue;
        }
        bool allowed = rel != nullptr &&
                       (std::find(rel->preps.begin(), rel->preps.end(), tok.norm) !=
                            rel->preps.end() ||
                        In(tok.norm, {"with", "to", "against"}));
        if ((passed_noun || !allowed) && !petrarch) return -1;
        continue;
      }
      if (tok.kind == TokenKind::kWord && !IsSkippable(tok)) passed_noun = true;
    }
    return -1;
  };

  // TABARI-style shallow matching of one side of a verb pattern: from the
  // verb outwards (dir +1: rightwards from its end; -1: leftwards from its
  // beginning), each literal item may have up to kPatternGap other tokens
  // before it, a slot binds the next mention; neither crosses a clause
  // boundary. A "%" binds a mention coordinated with others ("Gondor and
  // Osgiliath"). On success records the bound mentions and, rightwards, the
  // token after the match in `*end`, leftwards the first token it used in
  // `*begin`.
  struct Bound {
    int source = -1;
    int target = -1;
    int compound = -1;
    size_t end = 0;
    size_t begin = SIZE_MAX;
    std::vector<std::pair<size_t, size_t>> words;  // token ranges of the literal items
  };
  auto match_side = [&](const std::vector<PatternItem>& items, const Verb& verb, int dir,
                        Bound* bound) -> bool {
    const auto sn = static_cast<std::ptrdiff_t>(n);
    std::ptrdiff_t pos = dir > 0 ? static_cast<std::ptrdiff_t>(verb.end)
                                 : static_cast<std::ptrdiff_t>(verb.begin) - 1;
    size_t gap = pattern_gap;
    for (const PatternItem& item : items) {
      if (item.kind == PatternItem::Kind::kAdjacent) {
        gap = 0;
        continue;
      }
      if (item.kind == PatternItem::Kind::kSkip) {
        // Before a slot, the next actor mention is passed over ("IFTAR IN ^
        // +": "Iftar in Osgiliath with the leaders of Gondor" is about
        // Gondor); otherwise, or with none near, a noun phrase of any kind
        // may stand here: a wider gap ("THEIR ^ ABOUT +").
        const PatternItem* next = &item + 1 < items.data() + items.size() ? &item + 1 : nullptr;
        const bool before_slot = next != nullptr && next->kind != PatternItem::Kind::kWords &&
                                 next->kind != PatternItem::Kind::kSkip &&
                                 next->kind != PatternItem::Kind::kAdjacent;
        bool skipped = false;
        for (size_t k = 0; before_slot && k <= gap + kPatternSkipGap; ++k) {
          const std::ptrdiff_t t = pos + dir * static_cast<std::ptrdiff_t>(k);
          if (t < 0 || t >= sn || IsClauseBoundary(tokens[static_cast<size_t>(t)])) break;
          if (int m = mention_at[static_cast<size_t>(t)]; m >= 0) {
            pos = dir > 0 ? static_cast<std::ptrdiff_t>(mentions[m].end)
                          : static_cast<std::ptrdiff_t>(mentions[m].begin) - 1;
            skipped = true;
            break;
          }
        }
        gap = skipped ? pattern_gap : gap + kPatternSkipGap;
        continue;
      }
      bool found = false;
      if (item.kind == PatternItem::Kind::kWords) {
        for (size_t k = 0; k <= gap && !found; ++k) {
          const std::ptrdiff_t t = pos + dir * static_cast<std::ptrdiff_t>(k);
          if (t < 0 || t >= sn) break;
          for (const auto& alt : item.alternatives) {
            const auto len = static_cast<std::ptrdiff_t>(alt.size());
            const std::ptrdiff_t first = dir > 0 ? t : t - len + 1;
            if (first < 0 || first + len > sn) continue;
            bool same = true;
            for (std::ptrdiff_t w = 0; w < len && same; ++w) {
              same = tokens[static_cast<size_t>(first + w)].norm == alt[static_cast<size_t>(w)];
            }
            if (same) {
              pos = dir > 0 ? first + len : first - 1;
              bound->words.emplace_back(static_cast<size_t>(first),
                                        static_cast<size_t>(first + len));
              found = true;
              break;
            }
          }
          // PETRARCH coding reads on past "that" and past a comma between
          // adjectives ("restore complete, full diplomatic ties").
          const auto u = static_cast<size_t>(t);
          const Token& tok = tokens[u];
          const bool adjective_comma = tok.norm == "," && u > 0 && u + 1 < n && !is_verb[u - 1] &&
                                       tokens[u - 1].kind == TokenKind::kWord &&
                                       !tokens[u - 1].capitalized &&
                                       tokens[u + 1].kind == TokenKind::kWord &&
                                       !tokens[u + 1].capitalized;
          if (!found && IsClauseBoundary(tok) &&
              !(petrarch && (tok.norm == "that" || adjective_comma))) {
            break;
          }
        }
      } else {
        for (size_t k = 0; k < options_.max_object_distance; ++k) {
          const std::ptrdiff_t t = pos + dir * static_cast<std::ptrdiff_t>(k);
          if (t < 0 || t >= sn) break;
          if (int m = mention_at[static_cast<size_t>(t)]; m >= 0) {
            if (item.kind == PatternItem::Kind::kCompound) {
              std::vector<int> group = coordinated(m, dir);
              if (group.size() < 2) break;
              bound->compound = m;
              pos = dir > 0 ? static_cast<std::ptrdiff_t>(mentions[group.back()].end)
                            : static_cast<std::ptrdiff_t>(mentions[group.front()].begin) - 1;
            } else {
              (item.kind == PatternItem::Kind::kTarget ? bound->target : bound->source) = m;
              pos = dir > 0 ? static_cast<std::ptrdiff_t>(mentions[m].end)
                            : static_cast<std::ptrdiff_t>(mentions[m].begin) - 1;
            }
            found = true;
            break;
          }
          if (IsClauseBoundary(tokens[static_cast<size_t>(t)])) break;
        }
      }
      if (!found) return false;
      gap = pattern_gap;
    }
    if (dir > 0) bound->end = static_cast<size_t>(pos);
    if (dir < 0 && !items.empty()) bound->begin = static_cast<size_t>(pos + 1);
    return true;
  };

  // Emits one triple per (subject, object) pair of actors, however often a
  // coordination names them ("Moscow and Russia condemned Kyiv").
  auto emit = [&](const std::vector<int>& subjects, const std::vector<int>& objects,
                  const LexiconRelation& rel, const std::string& cameo,
                  const std::string& verb_text, bool negated, graph::Modality modality,
                  double base_confidence) {
    std::vector<std::pair<std::string, std::string>> emitted;
    for (int s : subjects) {
      for (int o : objects) {
        Mention sm = mentions[s];
        Mention om = mentions[o];
        // "Biden warned his Russian counterpart": the holder of Biden's
        // office in Russia at the time.
        for (auto [self, other] : {std::pair{&om, &sm}, std::pair{&sm, &om}}) {
          if (!self->counterpart || other->person < 0) continue;
          if (auto holder = ResolveCounterpart(static_cast<uint32_t>(other->person),
                                               self->actor.id, context)) {
            self->actor = lexicon_->actors()[*holder].actor;
            self->person = static_cast<int>(*holder);
            self->kind = MentionKind::kRole;
          }
        }
        if (sm.actor.id == om.actor.id) continue;
        std::pair<std::string, std::string> pair(sm.actor.id, om.actor.id);
        if (std::find(emitted.begin(), emitted.end(), pair) != emitted.end()) continue;
        emitted.push_back(pair);
        double confidence = base_confidence;
        for (const Mention* m : {&sm, &om}) {
          if (m->kind != MentionKind::kName) confidence -= 0.1;
          if (m->ad_hoc) confidence -= 0.1;
        }
        if (subjects.size() > 1 || objects.size() > 1) confidence -= 0.05;
        graph::Triple t;
        t.subject = sm.actor;
        t.relation = rel.name;
        t.cameo = cameo;
        t.verb = verb_text;
        t.object = om.actor;
        t.negated = negated;
        t.modality = modality;
        // The relation's own category, unless a pattern gave another code.
        t.plover = !rel.plover.empty() && cameo == rel.cameo
                       ? rel.plover
                       : std::string(PloverCategory(cameo));
        t.doc = doc.id;
        t.sentence = std::string(sentence);
        t.span_begin = span.begin;
        t.span_end = span.end;
        t.date = doc.date;
        t.confidence = std::clamp(confidence, 0.3, 0.95);
        sink(std::move(t));
      }
    }
  };

  // The grammatical subject of the last verb coded in this sentence, for
  // a verb coordinated with it.
  int last_subject = -1;
  // The end of the last verb coded with both its sides, if any.
  std::optional<size_t> dyad_end;
  // Tokens a pattern of an earlier verb matched as its words: "promised
  // raids" (PROMISE's "* RAIDS") codes no raid.
  std::vector<bool> pattern_word(n, false);
  // A noun phrase of at most new_actor_length words and no actor in it,
  // from `begin` towards `dir` (-1: ending before `begin`), as a mention of
  // a new actor named by its words in capitals; -1 if there is none.
  auto new_actor = [&](size_t begin, int dir) -> int {
    size_t b = begin, e = begin;
    if (dir < 0) {
      while (b > 0) {
        const Token& tk = tokens[b - 1];
        if (tk.norm != "'s" && (tk.kind != TokenKind::kWord || IsClauseBoundary(tk))) break;
        if (is_verb[b - 1] || mention_at[b - 1] >= 0) break;
        --b;
      }
    } else {
      while (e < n) {
        const Token& tk = tokens[e];
        if (tk.kind != TokenKind::kWord || IsClauseBoundary(tk) || is_verb[e] ||
            mention_at[e] >= 0 || IsCalendarWord(tk.norm) ||
            (IsPreposition(tk.norm) && tk.norm != "of")) {
          break;
        }
        ++e;
      }
    }
    std::string words;
    size_t count = 0;
    for (size_t t = b; t < e; ++t) {
      if (tokens[t].norm == "'s") continue;
      ++count;
      if (!words.empty()) words += ' ';
      for (char c : tokens[t].text) {
        words += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
    if (count == 0 || count > options_.new_actor_length) return -1;
    graph::Actor actor;
    actor.id = actor.code = '"' + words + '"';
    actor.name = words;
    mentions.push_back(Mention{.begin = b, .end = e, .actor = std::move(actor), .ad_hoc = true});
    return static_cast<int>(mentions.size()) - 1;
  };

  for (const Verb& verb : verbs) {
    if (pattern_word[verb.begin]) continue;
    mentions.resize(found_mentions);  // new actors and missing sides of the last verb
    // Passive: a form of "be" just before the verb (adverbs allowed between)
    // and "by" + agent after it. An agentless passive names no subject.
    bool passive = false;
    bool ing_form = tokens[verb.end - 1].norm.size() > 3 &&
                    tokens[verb.end - 1].norm.ends_with("ing");
    if (!ing_form) {
      for (size_t k = verb.begin, steps = 0; k-- > 0 && steps < 3; ++steps) {
        if (IsBeForm(tokens[k].norm)) {
          passive = true;
          break;
        }
        // Only adverbs may stand between: "was reportedly attacked by".
        const std::string& w = tokens[k].norm;
        bool adverb = (w.size() > 3 && w.ends_with("ly")) ||
                      In(w, {"not", "n't", "also", "already", "never", "then", "just", "again",
                             "twice", "once", "later", "first", "allegedly"});
        if (mention_at[k] >= 0 || !adverb) break;
      }
    }

    // A verb with patterns takes its code from the most specific pattern
    // that matches; with none, from the relation, unless that is the null
    // code. A pattern coded "---" blocks the event.
    const LexiconRelation& verb_rel = lexicon_->relations()[verb.relation];
    petrarch = verb_rel.petrarch_coding;
    pattern_gap = petrarch ? kPetrarchPatternGap : kPatternGap;
    const LexiconPattern* pattern = nullptr;
    Bound bound;
    if (!verb_rel.patterns.empty()) {
      for (const LexiconPattern& p : verb_rel.patterns) {
        if ((passive && !p.passive.empty() ? p.passive : p.cameo).empty() && p.reverse.empty()) {
          continue;
        }
        Bound b;
        b.end = verb.end;
        if (match_side(p.before, verb, -1, &b) && match_side(p.after, verb, +1, &b)) {
          pattern = &p;
          bound = b;
          break;
        }
      }
    }
    std::string pattern_code;
    if (pattern != nullptr) {
      for (auto [b, e] : bound.words) {
        std::fill(pattern_word.begin() + static_cast<std::ptrdiff_t>(b),
                  pattern_word.begin() + static_cast<std::ptrdiff_t>(e), true);
      }
      pattern_code = passive && !pattern->passive.empty() ? pattern->passive : pattern->cameo;
      if (IsNullCode(pattern_code) && IsNullCode(pattern->reverse)) continue;
    } else if (verb_rel.cameo == "---" || (verb_rel.cameo.empty() && !verb_rel.patterns.empty())) {
      continue;
    }

    int subject = -1;
    int object = -1;
    if (passive) {
      size_t by = verb.end;
      while (by < n && by < verb.end + 3 && tokens[by].norm != "by" && mention_at[by] < 0 &&
             !IsClauseBoundary(tokens[by])) {
        ++by;
      }
      if (by < n && tokens[by].norm == "by") {
        subject = right_mention(by + 1, options_.max_object_distance, nullptr);
        object = left_mention(verb.begin, options_.max_subject_distance);
      } else if (pattern != nullptr &&
                 (bound.source >= 0 || bound.target >= 0 || bound.compound >= 0)) {
        // No "by", but the pattern places its actors ("+ WAS * DEAD IN $"):
        // coded as the pattern says, in the active.
        passive = false;
        pattern_code = pattern->cameo;
        if (IsNullCode(pattern_code) && IsNullCode(pattern->reverse)) continue;
      } else {
        continue;  // an agentless passive names no subject
      }
    }
    if (!passive) {
      subject = left_mention(verb.begin, options_.max_subject_distance);
      object = right_mention(verb.end, options_.max_object_distance,
                             &lexicon_->relations()[verb.relation]);
    }
    // "Russia attacked Ukraine and threatened Poland", "France condemned
    // Russia and promised aid to Ukraine": a verb after "and" (adverbs,
    // modals and auxiliaries between) shares the previous verb's subject;
    // the nearest actor to its left is that verb's object.
    {
      size_t k = verb.begin;
      while (k > 0 && (IsModal(tokens[k - 1].norm) || IsBeForm(tokens[k - 1].norm) ||
                       IsNegation(tokens[k - 1].norm) ||
                       (tokens[k - 1].norm.size() > 3 && tokens[k - 1].norm.ends_with("ly")) ||
                       In(tokens[k - 1].norm, {"then", "also", "later", "has", "have", "had",
                                               "did", "does", "do"}))) {
        --k;
      }
      if (last_subject >= 0 && k > 0 && tokens[k - 1].norm == "and" && mention_at[k - 1] < 0) {
        (passive ? object : subject) = last_subject;
      }
    }
    if (int own = passive ? object : subject; own >= 0) last_subject = own;
    if (pattern != nullptr) {
      if (bound.source >= 0) subject = bound.source;
      if (bound.target >= 0) {
        object = bound.target;
        // "Falastur noted that Cirith Ungol regretted" (NOTED + *): a target
        // the pattern binds before the verb, across "that", is the subject of
        // the verb's clause only; the source is the actor before the
        // pattern's words, in the clause above.
        if (bound.source < 0 && subject == object && mentions[object].end <= verb.begin) {
          bool across = false;
          for (size_t t = bound.begin; t < mentions[object].begin; ++t) {
            across |= tokens[t].norm == "that";
          }
          if (across) subject = left_mention(bound.begin, options_.max_subject_distance);
        }
      } else if (object < 0 && !passive) {
        // "restored full diplomatic ties with the US": the first mention
        // after the pattern's words, through any prepositions.
        for (size_t t = bound.end; t < n && t < bound.end + options_.max_object_distance; ++t) {
          if (mention_at[t] >= 0) {
            object = mention_at[t];
            break;
          }
          if (petrarch && In(tokens[t].norm, {"that", "whether"})) continue;
          if (is_verb[t] || IsClauseBoundary(tokens[t]) || IsObjectPronoun(tokens[t].norm)) break;
        }
      }
    }
    // "Gondor and Osgiliath have delayed their meeting" (% * ...): each of
    // the group with each other; "agrees with the Philippines and France"
    // (* ... %): the group is the target.
    std::vector<int> group;
    bool group_acts = false;
    if (pattern != nullptr && bound.compound >= 0) {
      group_acts = mentions[bound.compound].end <= verb.begin;
      group = coordinated(bound.compound, group_acts ? -1 : +1);
      object = bound.compound;
      if (group_acts) subject = bound.compound;
    }
    // PETRARCH's new actors: a short noun phrase with no actor in it is one
    // ("Gryffindor's head Minerva McGonagall left for the Ministry of Magic").
    if (options_.new_actor_length > 0 && !passive) {
      if (subject < 0) {
        size_t k = verb.begin;
        while (k > 0 && (IsModal(tokens[k - 1].norm) || IsBeForm(tokens[k - 1].norm) ||
                         In(tokens[k - 1].norm, {"has", "have", "had"}))) {
          --k;
        }
        subject = new_actor(k, -1);
      }
      if (object < 0) {
        size_t k = verb.end;
        if (petrarch && k < n && IsPreposition(tokens[k].norm)) ++k;
        object = new_actor(k, +1);
      }
    }
    if (subject < 0 && object < 0) continue;
    const bool one_sided = subject < 0 || object < 0;
    if (one_sided) {
      if (options_.require_dyad) continue;
      // One side is missing but the other must still be a noun phrase, as
      // in PETRARCH's reading: "said on Saturday" has one (its parser makes
      // "Saturday" a noun phrase), "said today" none.
      if (object < 0 && !passive) {
        bool noun = false;
        for (size_t t = verb.end; t < n && t < verb.end + options_.max_object_distance; ++t) {
          const Token& tk = tokens[t];
          if (is_verb[t] || IsClauseBoundary(tk)) break;
          if (tk.kind != TokenKind::kWord || IsPreposition(tk.norm) || IsSkippable(tk) ||
              In(tk.norm, {"today", "yesterday", "tonight", "now", "earlier", "later", "again",
                           "also", "too", "down", "up", "out", "off"})) {
            continue;
          }
          noun = true;
          break;
        }
        if (!noun) continue;
      }
      // "restore ties with Gondor almost five years after Calenardhon crowds
      // burned down its embassy": PETRARCH reads a clause subordinate to a
      // verb coded before it as part of that verb's phrase, not as an event
      // of its own.
      if (dyad_end) {
        bool subordinate = false;  // a subordinator, and no comma after it
        for (size_t t = *dyad_end; t < verb.begin; ++t) {
          if (In(tokens[t].norm, {"after", "before", "when", "since", "until", "while",
                                  "because"})) {
            subordinate = true;
          } else if (tokens[t].norm == ",") {
            subordinate = false;
          }
        }
        if (subordinate) continue;
      }
      // The missing side: an actor with empty id and code, placed at the
      // verb so that the rules below see nothing between them.
      const size_t at = subject < 0 ? verb.begin : verb.end;
      mentions.push_back(Mention{.begin = at, .end = at, .actor = {}});
      (subject < 0 ? subject : object) = static_cast<int>(mentions.size()) - 1;
    }
    // A gerund or participle ("sanctioning Russia would ...", "by promising
    // to", "after leaving Eriador") has no subject of its own; "Kiev
    // shelling Donbass" and "Russia is attacking" do.
    const bool pattern_before = pattern != nullptr && !pattern->before.empty();
    if (ing_form && !passive && !pattern_before && mentions[subject].end <= verb.begin) {
      size_t gap = verb.begin - mentions[subject].end;
      bool be_before = verb.begin > 0 && IsBeForm(tokens[verb.begin - 1].norm);
      bool after_preposition = verb.begin > 0 && IsPreposition(tokens[verb.begin - 1].norm);
      if ((gap > 1 && !(be_before && gap <= 3)) || after_preposition) continue;
    }

    // Negation between the subject and the verb: "did not condemn",
    // "refused to defend", "decided not to provoke".
    bool negated = false;
    {
      size_t from = passive ? mentions[object].end : mentions[subject].end;
      from = std::min(from, verb.begin);  // a "$" bound after the verb
      if (verb.begin > from + 8) from = verb.begin - 8;
      // A negation the pattern itself spells out ("DID N'T *") is part of
      // its code, not a denial of it.
      const size_t to = pattern_before ? std::min(verb.begin, bound.begin) : verb.begin;
      for (size_t t = from; t < to; ++t) {
        if (IsNegation(tokens[t].norm) || IsNegatingVerb(tokens[t].norm)) negated = true;
      }
    }

    std::vector<int> subjects = coordinated(subject, passive ? +1 : -1);
    std::vector<int> objects = coordinated(object, passive ? -1 : +1);
    if (!group.empty()) {
      objects = group;
      if (group_acts) subjects = group;
    }
    const graph::Modality modality =
        ModalityOf(tokens, passive ? mentions[object] : mentions[subject],
                   passive ? mentions[subject] : mentions[object], verb.begin);

    std::string verb_text(
        text.substr(tokens[verb.begin].begin, tokens[verb.end - 1].end - tokens[verb.begin].begin));
    uint32_t relation = verb.relation;
    // "called the US out": a particle after the object changes the verb.
    if (!passive) {
      size_t after = mentions[objects.back()].end;
      if (after < n) {
        if (auto p = lexicon_->MatchParticle(tokens, verb.begin, verb.end, tokens[after].norm)) {
          relation = *p;
          verb_text += " … " + tokens[after].text;
        }
      }
    }
    const LexiconRelation& rel = lexicon_->relations()[relation];
    const size_t distance =
        passive || mentions[subject].end > verb.begin ? 0 : verb.begin - mentions[subject].end;

    double base = 0.9;
    if (distance > 8) base -= 0.1;
    if (passive) base -= 0.05;
    // The event, and the reverse one if the code is a pair ("X left for Y":
    // X visits Y, Y hosts X).
    const std::string& code = pattern != nullptr ? pattern_code : rel.cameo;
    const std::string& reverse = pattern != nullptr ? pattern->reverse : rel.reverse;
    if (!IsNullCode(code)) emit(subjects, objects, rel, code, verb_text, negated, modality, base);
    if (!IsNullCode(reverse)) {
      emit(objects, subjects, rel, reverse, verb_text, negated, modality, base);
    }
    if (!one_sided) dyad_end = verb.end;
  }

  // Nominal events: "a telephone call from the Russian war minister to the
  // French defence minister", "Putin's meetings with Lavrov and Shoigu",
  // "Blinken requested a meeting with Lavrov", "talks between Kyiv and
  // Moscow", "a visit by Macron to Beijing".
  for (size_t i = 0; i < n;) {
    auto noun = mention_at[i] < 0 && !is_verb[i] ? lexicon_->MatchNoun(tokens, i) : std::nullopt;
    if (!noun) {
      ++i;
      continue;
    }
    const size_t nb = i, ne = i + noun->length;
    i = ne;
    // The first mention after a word in `words` that follows `pos` within a
    // few tokens; -1 if none. Sets *after to the token after the mention.
    auto after_word = [&](size_t pos, std::initializer_list<std::string_view> words,
                          size_t* after) -> int {
      for (size_t t = pos; t < n && t < pos + 3; ++t) {
        if (!In(tokens[t].norm, words)) {
          if (mention_at[t] >= 0 || IsClauseBoundary(tokens[t])) return -1;
          continue;
        }
        for (size_t u = t + 1; u < n && u < t + 5; ++u) {
          if (mention_at[u] >= 0) {
            *after = mentions[mention_at[u]].end;
            return mention_at[u];
          }
          if (IsClauseBoundary(tokens[u]) || !IsSkippable(tokens[u])) break;
        }
        return -1;
      }
      return -1;
    };
    int agent = -1, patient = -1;
    size_t after = ne;
    graph::Modality modality = graph::Modality::kAsserted;
    if (int from = after_word(ne, {"from", "by"}, &after); from >= 0) {
      agent = from;  // "a call from X to Y", "a visit by X to Y"
      size_t end = after;
      patient = after_word(end, {"to", "with"}, &after);
    } else if (int first = after_word(ne, {"between"}, &after); first >= 0) {
      agent = first;  // "talks between X and Y"
      size_t end = after;
      patient = after_word(end, {"and"}, &after);
    } else {
      patient = after_word(ne, {"with", "to"}, &after);
      if (patient >= 0) {
        // "Putin's meetings with ...": the possessor.
        size_t k = nb;
        while (k > 0 && IsSkippable(tokens[k - 1]) && tokens[k - 1].norm != "'s") --k;
        if (k >= 2 && tokens[k - 1].norm == "'s" && mention_at[k - 2] >= 0) {
          agent = mention_at[k - 2];
        } else {
          // "Blinken requested a meeting with ...": the subject of a light verb.
          while (k > 0 && k + 3 > nb && tokens[k - 1].kind == TokenKind::kWord &&
                 !tokens[k - 1].capitalized && mention_at[k - 1] < 0 &&
                 !In(tokens[k - 1].norm, {"held", "hold", "holds", "had", "has", "have",
                                          "made", "requested", "proposed", "sought", "offered",
                                          "scheduled", "wants", "wanted"})) {
            --k;
          }
          if (k > 0 && In(tokens[k - 1].norm, {"held", "hold", "holds", "had", "has", "have",
                                               "made", "requested", "proposed", "sought",
                                               "offered", "scheduled", "wants", "wanted"})) {
            if (In(tokens[k - 1].norm, {"requested", "proposed", "sought", "offered", "scheduled",
                                        "wants", "wanted"})) {
              modality = graph::Modality::kHypothetical;
            }
            agent = left_mention(k - 1, options_.max_subject_distance);
          }
        }
      }
    }
    if (agent < 0 || patient < 0) continue;
    if (modality == graph::Modality::kAsserted) {
      modality = ModalityOf(tokens, mentions[agent], mentions[patient], nb);
    }
    const LexiconRelation& rel = lexicon_->relations()[noun->index];
    petrarch = rel.petrarch_coding;
    std::string noun_text(text.substr(tokens[nb].begin, tokens[ne - 1].end - tokens[nb].begin));
    emit(coordinated(agent, -1), coordinated(patient, +1), rel, rel.cameo, noun_text,
         /*negated=*/false, modality, 0.8);
  }
}

}  // namespace kg::extract
