// PETRARCH / TABARI dictionaries: readers for the actor, agent, verb, discard
// and issue files of the PETRARCH-1 event coder (and the TABARI dictionaries
// they descend from), and a conversion of actors and verbs into kg's own
// lexicon JSON (docs/lexicon-format.md). Formats and mappings:
// docs/petrarch-dictionaries.md.
//
// The readers keep everything a pattern-matching coder needs (synonyms,
// date-restricted codes, agent plurals, verb synsets, structured verb
// patterns, transformations); the conversion keeps what kg's coder uses
// (names, verb forms with a CAMEO code, and verb patterns as word sequences
// around the verb).
//
//   namespace petr = kg::extract::petrarch;
//   auto dicts = petr::LoadDirectory("../shared/petrarch/dictionaries",
//                                    petr::FileNames::Phoenix());
//   if (!dicts.ok()) return dicts.status();
//   petr::ConvertStats stats;
//   auto json = petr::ToLexiconJson(*dicts, petr::ConvertOptions{}, &stats);
//   if (!json.ok()) return json.status();
//   auto lexicon = kg::extract::Lexicon::FromJson(json->first, json->second,
//                                                 "phoenix");
//
// Errors: a line the reader cannot place at all (a synonym with no entry above
// it, an unterminated '[', an agent without a code, ...) fails the whole file
// with ParseError "FILE:LINE: problem". Lines that are recognisably damaged but
// can be skipped without changing the meaning of the rest (a malformed date, an
// unparsable pattern, an undefined substitution marker, Latin-1 bytes) are kept
// out of the result and reported as Warnings instead: the real Phoenix files
// have a few dozen of them.
//
// All functions are pure (no global state) and thread-safe; results are plain
// values.
#ifndef KG_EXTRACT_PETRARCH_DICTIONARIES_H_
#define KG_EXTRACT_PETRARCH_DICTIONARIES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/status.h"

namespace kg::extract::petrarch {

// A line that was read but not (fully) used, or text that was repaired.
struct Warning {
  std::string origin;  // the file name given to the reader
  size_t line = 0;     // 1-based
  std::string message;
  // "FILE:LINE: message".
  std::string ToString() const;
};

// A phrase: words as written in the file (case kept; '_' and blanks removed).
struct Phrase {
  std::vector<std::string> words;
  // loose[i] is true when words[i] and words[i+1] were separated by a blank
  // rather than '_'. In agent phrases this means other words may stand between
  // them; in actor, synset, discard and issue phrases the docs treat both
  // separators alike and the flag is only informative. Size words.size() - 1.
  std::vector<bool> loose;
  // Written with a trailing '_' (AFGHANISTAN_): the match must end at a word
  // boundary and no plural is formed from the last word.
  bool closed = false;

  // The words joined by single blanks ("UNITED NATIONS").
  std::string Text() const;
  bool operator==(const Phrase& o) const {
    return words == o.words && loose == o.loose && closed == o.closed;
  }
};

// ---------------------------------------------------------------- actors

// One code of an actor, possibly restricted to a period. Dates are normalised
// to YYYY-MM-DD; six-digit dates YYMMDD get the century 20 for YY < 30 and 19
// otherwise (see the doc). Limits are inclusive.
struct DatedCode {
  enum class Kind : uint8_t {
    kAlways,   // [CODE]: the default when no restriction applies
    kBefore,   // [CODE <date]: on or before `to`
    kAfter,    // [CODE >date]: on or after `from`
    kBetween,  // [CODE date-date]: from `from` to `to`
  };
  std::string code;  // as written: "AFGGOV", "---" (the null code), "ELR/GAL"
  Kind kind = Kind::kAlways;
  std::string from;  // YYYY-MM-DD for kAfter and kBetween, else empty
  std::string to;    // YYYY-MM-DD for kBefore and kBetween, else empty

  // Whether the restriction covers `date` (YYYY-MM-DD); kAlways covers all.
  bool Covers(std::string_view date) const;
};

// One record: a primary phrase, '+' synonyms and its codes.
struct ActorEntry {
  Phrase phrase;                 // the primary phrase
  std::vector<Phrase> synonyms;  // the '+' lines under it, in order
  std::vector<DatedCode> codes;  // from the primary line and the tab-indented
                                 // code lines, in file order; may be empty
                                 // (the null code)
  uint32_t file = 0;             // index into ActorDictionary::files
  uint32_t line = 0;             // line of the primary phrase

  // The code PETRARCH would assign on `date` (YYYY-MM-DD): the first dated
  // restriction in file order that covers it, else the first undated code,
  // else "" (no code). With an empty `date`: the first undated code, else the
  // dated code that ends last (open-ended '>' restrictions count as ending
  // last), else "".
  std::string CodeOn(std::string_view date) const;
};

struct ActorDictionary {
  std::vector<std::string> files;  // origins, in the order they were read
  std::vector<ActorEntry> entries;
  std::vector<Warning> warnings;
};

// Reads one .actors file. `origin` names it in errors and warnings.
Result<ActorDictionary> ReadActors(std::string_view text, std::string_view origin);
// Appends `more` (entries, files, warnings) to `into`, renumbering files.
void AppendActors(ActorDictionary* into, ActorDictionary more);

// ---------------------------------------------------------------- agents

struct AgentEntry {
  Phrase phrase;  // the singular form, after substitution
  // Plural forms: the regular plural of the last word (see the doc), or the
  // {..} form, or none for {} and for entries made by substitution.
  std::vector<Phrase> plurals;
  std::string code;  // without the '~': "GOV", "NGO"
  // Where the code goes relative to the actor's code: [~GOV] after it
  // (USA + GOV = USAGOV), [NGO~] before it.
  enum class Placement : uint8_t { kSuffix, kPrefix } placement = Placement::kSuffix;
  std::string marker;  // "PERSON" if made from CONGRESS!PERSON!, else ""
  uint32_t line = 0;
};

struct AgentDictionary {
  // The !NAME! = A, B, ... substitution sets, name without the '!'.
  std::vector<std::pair<std::string, std::vector<std::string>>> substitutions;
  std::vector<AgentEntry> entries;  // one per substituted variant
  std::vector<Warning> warnings;
};

Result<AgentDictionary> ReadAgents(std::string_view text, std::string_view origin);

// ---------------------------------------------------------------- verbs

// A CAMEO event code as written in [..]: "042", "1124", "---" (null code);
// "[042:043]" codes a pair of events, source to target and back ("X rushed
// to Y": X visits Y, 042, and Y hosts X, 043), as PETRARCH-1 reads it.
struct EventCode {
  std::string active;   // source -> target; empty in "[:173]" (only the reverse event)
  std::string reverse;  // target -> source; empty unless written after ':'
  bool operator==(const EventCode& o) const { return active == o.active && reverse == o.reverse; }
};

// &NAME with its '+' members.
struct Synset {
  std::string name;         // without '&' and the trailing '_': "CURRENCY"
  bool no_plurals = false;  // the label ended with '_'
  struct Member {
    Phrase phrase;                // empty when `synset` is set
    std::string synset;           // "+&TIETYPES": a nested synset, by name
    std::vector<Phrase> plurals;  // regular plural unless closed or no_plurals
  };
  std::vector<Member> members;
  uint32_t line = 0;
};

// A verb of a block: "SHOW {SHOWS SHOWING SHOWED SHOWN}", "+BREAK_DOWN {...}",
// "WIRE_+TAP", "FAIL [120]".
struct Verb {
  Phrase phrase;    // the base form, '+' removed: {"BREAK", "DOWN"}
  size_t head = 0;  // index of the inflected word (the one marked '+'; the
                    // first word when none is marked)
  // The {..} forms, each with its own head; empty when the file gives none
  // (then the regular forms are generated, see RegularVerbForms).
  std::vector<std::pair<Phrase, size_t>> irregular;
  EventCode code;  // its own [..] code; empty active = the block's code
  uint32_t line = 0;
};

// One element of a pattern.
struct PatternElement {
  enum class Kind : uint8_t {
    kWord,          // a literal word: text
    kSynset,        // &NAME: text = NAME
    kSource,        // $ : the source actor slot
    kTarget,        // + : the target actor slot
    kVerb,          // * : where the block's verb stands
    kSkip,          // ^ : skip one noun phrase (TABARI)
    kCompound,      // % : a compound actor (TABARI)
    kNounPhrase,    // {FINANCIAL AID}: children, the last one is the head
    kPrepPhrase,    // (FOR AID): children[0] the preposition, then its object
    kAlternatives,  // {A B | C}: children are kNounPhrase, one per alternative
  };
  Kind kind = Kind::kWord;
  std::string text;
  std::vector<PatternElement> children;
  // Joined to the next element by '_' (IN_* : IN must stand right before
  // the verb); false when separated by a blank.
  bool joined = false;
};

// "- PROTESTERS * &OPPOSITION [141] # SHOW"
struct Pattern {
  std::vector<PatternElement> elements;
  EventCode code;
  std::string comment;  // the text after '#', trimmed (often the verb it came from)
  uint32_t line = 0;
};

// "--- FAIL [---] ---" with its verbs and patterns.
struct VerbBlock {
  std::string name;  // "FAIL"
  EventCode code;    // "---" when the header has no code
  std::vector<Verb> verbs;
  std::vector<Pattern> patterns;
  uint32_t line = 0;
};

// "~ a (b . ATTACK) SAY = a b 112": when verb SAY with source a has a
// complement coded (source, target, ATTACK), emit (a, b, 112). Letters are
// variables, '.' an unspecified actor, '_' an absent one, Q any verb.
struct Transformation {
  std::string source;  // outer source
  std::string inner_source;
  std::string inner_target;
  std::string inner_verb;
  std::string verb;  // outer verb
  std::string result_source;
  std::string result_target;
  std::string result_code;
  uint32_t line = 0;
};

struct VerbDictionary {
  std::vector<Synset> synsets;
  std::vector<VerbBlock> blocks;
  std::vector<Transformation> transformations;
  // Pattern and transformation lines that were skipped (each also has a
  // Warning): unknown syntax, undefined synsets.
  size_t skipped_patterns = 0;
  std::vector<Warning> warnings;
};

Result<VerbDictionary> ReadVerbs(std::string_view text, std::string_view origin);

// The regular forms of `verb` with the word at `head` inflected: base, -s,
// -ed, -ing (ACCUSE -> ACCUSES ACCUSED ACCUSING; STOP -> STOPPED; CARRY ->
// CARRIES CARRIED). Letter case follows the word.
std::vector<Phrase> RegularVerbForms(const Phrase& verb, size_t head);
// Every form of a verb: the base and its irregular forms if the file gives
// any, else the regular forms.
std::vector<Phrase> VerbForms(const Verb& verb);
// The regular plural of the last word (docs: +S, Y -> IES, SS -> SSES; we
// also use S for a vowel before Y: AIRWAY -> AIRWAYS).
Phrase RegularPlural(const Phrase& phrase);

// ---------------------------------------------------------------- discards

struct DiscardEntry {
  Phrase phrase;       // words as written ("World Golf Championships")
  bool story = false;  // '+': discard the whole story, else the sentence
  // phrase.closed: must end at a blank or punctuation; otherwise a stem.
  uint32_t line = 0;
};

struct DiscardList {
  std::vector<DiscardEntry> entries;
  std::vector<Warning> warnings;
};

Result<DiscardList> ReadDiscards(std::string_view text, std::string_view origin);

// ---------------------------------------------------------------- issues

struct IssueEntry {
  std::string category;  // CATEGORY of the enclosing <ISSUE>, "" if none
  std::string text;      // the phrase as written, markers included
  std::string code;      // "ID_ATROCITY"; empty for ignore phrases
  // 0: a coding phrase; 1: '~' and 2: '~~' ignore phrases (both cancel issue
  // coding for the sentence; the docs do not say how they differ).
  int ignore = 0;
  uint32_t line = 0;

  // The literal strings the phrase stands for: "n:" gives singular and
  // plural, "v:" the regular verb forms, '+' inside a word a blank and a
  // hyphen ("al+qaeda" -> "al qaeda", "al-qaeda").
  std::vector<std::string> Variants() const;
};

struct IssueDictionary {
  std::vector<IssueEntry> entries;
  std::vector<Warning> warnings;
};

Result<IssueDictionary> ReadIssues(std::string_view text, std::string_view origin);

// ---------------------------------------------------------------- all

struct Dictionaries {
  ActorDictionary actors;
  AgentDictionary agents;
  VerbDictionary verbs;
  DiscardList discards;
  IssueDictionary issues;
};

// The files LoadDirectory reads; an empty name (or list) skips that
// dictionary.
struct FileNames {
  std::vector<std::string> actors;  // read in order and appended
  std::string agents;
  std::string verbs;
  std::string discards;
  std::string issues;

  // Phoenix.{Countries,International,MilNonState}.actors.txt,
  // Phoenix.agents.txt, CAMEO.2.0.txt, Phoenix.discards.txt,
  // Phoenix.IssueCoding.txt.
  static FileNames Phoenix();
  // PETR.Validate.{actors,agents,verbs,discards}.txt, no issues.
  static FileNames Validate();
};

// Reads the named files from `dir`. NotFound "DIR/X.txt: no such file" for a
// missing file, IOError if one cannot be read, else the readers' errors.
Result<Dictionaries> LoadDirectory(const std::string& dir, const FileNames& files);

// ---------------------------------------------------------------- to kg

struct ConvertOptions {
  // "YYYY-MM-DD": give each actor the code valid that day
  // (ActorEntry::CodeOn). Default "": the undated code, else the latest.
  std::string as_of;
};

// What ToLexiconJson kept and dropped.
struct ConvertStats {
  size_t actors = 0;                 // kg actors written
  size_t actor_entries_merged = 0;   // entries identical in phrase and code to
                                     // an earlier one, merged into it
  size_t actor_entries_no_code = 0;  // entries with no code or the null code
                                     // "---" on the chosen date: not written
  size_t names = 0;                  // names written, over all actors
  size_t names_dropped = 0;          // phrases with no letters or with U+FFFD
  size_t relations = 0;              // kg relations written (one per code and reverse)
  size_t forms = 0;                  // verb forms written
  size_t forms_shared = 0;           // forms already taken by an earlier code
  size_t pattern_blocks_merged = 0;  // later blocks whose patterns joined an earlier one's relation
  size_t verbs_no_code = 0;          // verbs whose code is "---" or no event code,
                                     // in a block without usable patterns
  size_t patterns = 0;               // patterns written, over all relations (a
                                     // block's patterns go to each of its relations)
  size_t patterns_dropped = 0;       // patterns kg cannot represent: no or
                                     // several "*", a code that is no event code
                                     // or "---", an undefined synset, too many
                                     // alternatives
  size_t transformations_dropped = 0;
  size_t synsets_dropped = 0;
  size_t discards = 0;        // discard phrases written, over both scopes
  size_t agents = 0;          // kg agents written (one per code and placement)
  size_t agent_names = 0;     // their phrases, plurals included
  size_t issues_dropped = 0;  // issues are not converted
};

// Converts actors, agents, verbs and discards into kg's lexicon JSON: the
// first string is a kg-actors/1 document (actors; agents as its "agents",
// one per code and placement; and discards as its "discards":
// '+' gives scope "story", else "sentence"; a phrase without a trailing '_'
// gets "stem": true), the second a kg-relations/1 document; both load with
// Lexicon::FromJson. InvalidArgument for a malformed options.as_of. `stats`
// may be null.
Result<std::pair<std::string, std::string>> ToLexiconJson(const Dictionaries& d,
                                                          const ConvertOptions& options,
                                                          ConvertStats* stats = nullptr);

}  // namespace kg::extract::petrarch

#endif  // KG_EXTRACT_PETRARCH_DICTIONARIES_H_
