// Lexicon: the actors and relations the extractor recognises.
//
// Loaded from two JSON files in kg's own format (docs/lexicon-format.md):
// actors (countries with names, demonyms and capital metonyms;
// organisations; people with titles and roles; places; groups; and discard
// phrases that mark a sentence or story as not to be coded) and relations
// (verb forms -> a relation name and a CAMEO code). The default lexicon is
// compiled into the binary.
//
//   auto lexicon = extract::Lexicon::LoadDefault();
//   if (!lexicon.ok()) return lexicon.status();
//   extract::Extractor extractor(*lexicon);
//   if ((*lexicon)->Discard(tokens) == extract::DiscardScope::kStory) ...
//
// A Lexicon is immutable after loading and safe to share between threads.
#ifndef KG_EXTRACT_LEXICON_H_
#define KG_EXTRACT_LEXICON_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/actor.h"
#include "graph/status.h"

namespace kg::extract {

struct Token;

// An agent: a word for a kind of people or body ("police", "government",
// "human rights activists") that, next to an actor, makes a composite actor
// whose code is the actor's with the agent's added: "Russian police" is
// RUS + COP = RUSCOP, "MSF Arnor" is NGO + ARN (PETRARCH's agents).
struct LexiconAgent {
  std::string code;     // "COP", "GOVFRM"
  bool prefix = false;  // the code goes before the actor's code, not after
  std::string name;     // its first phrase, folded: "police"
};

// How a phrase names its actor; mentions by metonym or demonym are less
// certain than by name ("Moscow said" is usually, not always, Russia).
// kRole: an office resolved to its holder ("the French defence minister").
enum class MentionKind : uint8_t { kName, kMetonym, kDemonym, kRole };

// An office a person held: "defence minister" of RUS from 2012-11-06 to
// 2024-05-12 (`to` empty while in office). Dates are YYYY-MM-DD.
struct LexiconRole {
  std::string role;     // folded, as written in the lexicon
  std::string office;   // RoleOffice(role): the class the role belongs to
  std::string country;  // country id
  std::string from;
  std::string to;
};

struct LexiconActor {
  graph::Actor actor;   // with aliases: every name, metonym and demonym
  std::string country;  // for people, places and groups: the country id
  std::vector<LexiconRole> roles;
};

// The office a role or title names, so that different words for one office
// meet: "war minister", "defense minister", "armed forces minister" and
// "secretary of defense" are all "defence minister"; "leader", "king" and
// "president" are "head of state". Input is folded; unknown roles are
// their own office.
std::string RoleOffice(std::string_view folded_role);

// One element of a verb pattern (docs/lexicon-format.md, "patterns").
struct PatternItem {
  enum class Kind : uint8_t {
    kWords,   // one of `alternatives`, each a run of consecutive folded words
    kTarget,  // "+": the next actor mention is the event's target
    kSource,  // "$": the next actor mention is the event's source
    kSkip,    // "^": a noun phrase: before a slot, the next actor is passed over; else a wider gap
    kCompound,  // "%": the next mention and those coordinated with it
    kAdjacent,  // "_": the next item stands right after the previous one (or the verb)
  };
  Kind kind = Kind::kWords;
  std::vector<std::vector<std::string>> alternatives;  // kWords only
};

// A verb pattern: words and slots around the verb that give the event its
// code ("RESTORE ... TIES WITH +" -> 064).
struct LexiconPattern {
  // Items before the verb, nearest the verb first (the order they are
  // matched in), and items after it, in text order.
  std::vector<PatternItem> before;
  std::vector<PatternItem> after;
  std::string cameo;    // active code; "---": a match codes nothing; "": not active
  std::string passive;  // code when the verb is passive; "" = `cameo`
  std::string reverse;  // also an event from target to source with this code ("" none)
  size_t words = 0;     // literal words and slots: more is more specific, tried first
};

struct LexiconRelation {
  std::string name;   // "accuse"
  std::string cameo;  // "112"; "---" (or empty, with patterns): the bare verb codes nothing
  std::string plover; // PLOVER category, may be empty
  // Also an event from the object to the subject with this code ("X left
  // for Y": X visits Y, 032, and Y hosts X, 033); "" if none.
  std::string reverse;
  // Prepositions that may stand between the verb and its object ("met with").
  std::vector<std::string> preps;
  // Most specific first; empty for plain verbs.
  std::vector<LexiconPattern> patterns;
  // "coding": "petrarch" (the relation's, else its document's): the verb was
  // written for PETRARCH's reading of a clause, not kg's
  // (docs/lexicon-format.md, "Coding conventions").
  bool petrarch_coding = false;
};

// What a discard phrase found in a sentence rules out, narrowest first so
// that a wider scope compares greater (PETRARCH's discard list; sports
// results, film plots, historical chronologies).
enum class DiscardScope : uint8_t {
  kNone,      // no discard phrase in the sentence
  kSentence,  // do not code this sentence
  kStory,     // do not code any sentence of the document
};

// A phrase matched at a token position.
struct PhraseMatch {
  size_t length = 0;  // in tokens
  uint32_t index = 0; // into actors() or relations()
  MentionKind kind = MentionKind::kName;
};

class Lexicon {
 public:
  // The lexicon compiled into kg (extract/data/*.json).
  static Result<std::shared_ptr<const Lexicon>> LoadDefault();
  // Parses the two JSON documents; `origin` names them in error messages.
  static Result<std::shared_ptr<const Lexicon>> FromJson(std::string_view actors_json,
                                                         std::string_view relations_json,
                                                         std::string_view origin);

  const std::vector<LexiconActor>& actors() const { return actors_; }
  const std::vector<LexiconRelation>& relations() const { return relations_; }
  const std::vector<LexiconAgent>& agents() const { return agents_; }

  // The longest actor phrase starting at tokens[i], honouring capitalisation
  // (a lexicon word written with a capital matches only a capitalised token,
  // an all-capitals acronym only an all-capitals token: "US" is not "us").
  std::optional<PhraseMatch> MatchActor(const std::vector<Token>& tokens, size_t i) const;
  // The longest verb form starting at tokens[i].
  std::optional<PhraseMatch> MatchVerb(const std::vector<Token>& tokens, size_t i) const;
  // The longest event noun ("telephone call", "meetings") starting at
  // tokens[i], from the relations' "nouns"; index into relations().
  std::optional<PhraseMatch> MatchNoun(const std::vector<Token>& tokens, size_t i) const;
  // Separable phrasal verbs, written "call * out" in the lexicon: the
  // relation when the verb tokens [begin, end) have their object followed by
  // `particle` ("Russia called the US out" is criticism, not a phone call).
  std::optional<uint32_t> MatchParticle(const std::vector<Token>& tokens, size_t begin,
                                        size_t end, std::string_view particle) const;
  // The longest agent phrase ("police", "main opposition group") starting
  // at tokens[i], in any capitalisation; index into agents().
  std::optional<PhraseMatch> MatchAgent(const std::vector<Token>& tokens, size_t i) const;
  // Length in tokens of the longest title ("defence minister") at tokens[i],
  // 0 if none.
  size_t MatchTitle(const std::vector<Token>& tokens, size_t i) const;
  // The widest scope of any discard phrase (the actors JSON's "discards")
  // found anywhere in `tokens`, one sentence; kNone if none is, or the
  // lexicon has no discards. Matching ignores case and is on folded whole
  // tokens, except that a phrase marked "stem" may end inside a token
  // ("typhoon" stem matches "Typhoons"). Several phrases may match; a kStory
  // phrase wins over a kSentence one wherever either stands. Cost: a few
  // hash lookups per token (more per byte of the last token for stems).
  DiscardScope Discard(const std::vector<Token>& tokens) const;
  // Number of discard phrases loaded (both scopes, stems and whole words).
  size_t discard_count() const { return discard_count_; }
  // The actor with this id, or nullptr.
  const LexiconActor* FindActor(std::string_view id) const;
  // The title phrase of `length` tokens at tokens[i] as an office
  // (RoleOffice of its folded words).
  static std::string TitleOffice(const std::vector<Token>& tokens, size_t i, size_t length);
  // The people who held `office` of `country` on `date` (YYYY-MM-DD, or
  // YYYY: at any time that year), as indexes into actors(). Empty date: all
  // who ever held it.
  std::vector<uint32_t> OfficeHolders(std::string_view country, std::string_view office,
                                      std::string_view date) const;
  // The office `person` held on `date` (as OfficeHolders), or "" if none or
  // more than one.
  std::string OfficeOf(uint32_t person, std::string_view date) const;

  // Changes whenever the lexicon's content changes; stored with each
  // document so that a new lexicon re-codes documents on rebuild.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  struct Entry {
    uint32_t index;
    MentionKind kind;
    // Per token: 0 any case, 1 must be capitalised, 2 must be all capitals.
    std::vector<uint8_t> case_rules;
  };
  // A phrase: its folded token norms and what it names.
  struct Phrase {
    std::vector<std::string> words;
    std::vector<Entry> entries;
  };
  // Phrases keyed by PhraseKey over their tokens' hashes, so a lookup
  // builds no string; a hit is confirmed word by word (64-bit keys of
  // different phrases could collide, so each key holds a list).
  struct PhraseTable {
    std::unordered_map<uint64_t, std::vector<Phrase>> phrases;
    // The key of every proper prefix (in whole tokens) of a longer phrase,
    // so a match stops as soon as no phrase can continue. A collision here
    // only costs a lookup.
    std::unordered_set<uint64_t> prefixes;
    size_t max_tokens = 0;
    // Bit b set: some phrase's last word has b bytes (bit 63: 63 or more),
    // so a stem lookup tries only the prefix lengths that can match.
    uint64_t last_word_bytes = 0;
    // A filter of the one-token keys that start a phrase (FirstWordBit):
    // most tokens start none, and this answers without a hash lookup.
    std::vector<uint64_t> first_words = std::vector<uint64_t>(kFirstWordBits / 64);
    bool MayStart(uint64_t key) const {
      const uint64_t bit = key >> (64 - kFirstWordShift);
      return (first_words[bit / 64] >> (bit % 64)) & 1;
    }
  };
  static constexpr int kFirstWordShift = 16;
  static constexpr size_t kFirstWordBits = size_t{1} << kFirstWordShift;
  // The key of a phrase of one more token, `token_hash`, after `key`.
  static uint64_t PhraseKey(uint64_t key, uint64_t token_hash);
  static constexpr uint64_t kEmptyPhraseKey = 0x9e3779b97f4a7c15ULL;
  // The phrase of `table` under `key` whose words are tokens[i, i + len),
  // the last compared on its first `last_bytes` bytes only; nullptr if none.
  static const Phrase* Find(const PhraseTable& table, uint64_t key,
                            const std::vector<Token>& tokens, size_t i, size_t len,
                            size_t last_bytes);

  std::optional<PhraseMatch> Match(const PhraseTable& table, const std::vector<Token>& tokens,
                                   size_t i) const;
  // The widest DiscardScope (as Entry::index) of any phrase of `table`
  // starting at tokens[i], of any length; `stem`: the phrase's last word may
  // be a prefix of the text's token.
  static DiscardScope DiscardAt(const PhraseTable& table, const std::vector<Token>& tokens,
                                size_t i, bool stem);

  std::vector<LexiconActor> actors_;
  std::vector<LexiconRelation> relations_;
  std::vector<LexiconAgent> agents_;
  std::unordered_map<std::string, uint32_t> actor_by_id_;
  // country + '\n' + office -> people who held it.
  std::unordered_map<std::string, std::vector<uint32_t>> office_holders_;
  PhraseTable actor_phrases_;
  PhraseTable verb_phrases_;
  PhraseTable noun_phrases_;
  PhraseTable titles_;
  PhraseTable agent_phrases_;
  // Discard phrases, case-insensitive; Entry::index is the DiscardScope.
  PhraseTable discard_words_;  // match whole tokens
  PhraseTable discard_stems_;  // the last word may be a token's prefix
  size_t discard_count_ = 0;
  // Folded verb words + '\n' + folded particle -> relation index.
  std::unordered_map<std::string, uint32_t> particles_;
  std::string fingerprint_;

  friend class LexiconBuilder;
};

}  // namespace kg::extract

#endif  // KG_EXTRACT_LEXICON_H_
