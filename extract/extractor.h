// Extractor: one document's text -> its triples.
//
// A pure function of (document, lexicon): sentences are split and tokenised
// with ICU, actor mentions found by longest match against the lexicon (with
// titles and nationality words folded into the person they precede: "Russian
// President Vladimir Putin" is one mention), relation verbs matched against
// the lexicon's verb forms, and each verb's subject and object found in a
// plain active or passive clause (see docs/architecture.md for the rules).
// A verb whose relation has patterns takes its code (and may take its
// source and target) from the most specific pattern matching the tokens
// around it (docs/lexicon-format.md, "Verb patterns").
//
//   auto lexicon = extract::Lexicon::LoadDefault();
//   extract::Extractor extractor(*lexicon);
//   Status s = extractor.Extract(doc, [&](graph::Triple t) { sink.Add(t); });
//
// Thread safety: an Extractor is not thread-safe (it owns ICU break
// iterators); use one per thread, all sharing one Lexicon.
#ifndef KG_EXTRACT_EXTRACTOR_H_
#define KG_EXTRACT_EXTRACTOR_H_

#include <functional>
#include <optional>
#include <memory>
#include <string>

#include "extract/lexicon.h"
#include "extract/segmenter.h"
#include "graph/status.h"
#include "graph/triple.h"

namespace kg::extract {

struct ExtractorOptions {
  // A subject is looked for at most this many tokens before its verb. Default 20.
  size_t max_subject_distance = 20;
  // An object is looked for at most this many tokens after its verb (or after
  // "by" in a passive). Default 8.
  size_t max_object_distance = 8;

  // PETRARCH's event coding, which `kg validate` asks for. A graph edge
  // needs two actors that name someone, so kg build and kg extract keep the
  // defaults.
  //
  // An agent word with no actor to belong to ("a senior official",
  // "students") is an actor of its own: id "---~GOV", code "---GOV"
  // (PETRARCH's "unknown country" code followed by the agent's). Default
  // false: such words are not actors.
  bool bare_agents = false;
  // False: a verb with only its subject or only its object found is coded
  // all the same, the missing side an actor with empty id and code ("a
  // senior official said on Saturday"). Default true: both sides or no
  // triple.
  bool require_dyad = true;
  // Above 0: a verb's subject or object that names no actor but is a noun
  // phrase of at most this many words (not counting "'s") is a new actor,
  // id and code its words in capitals within double quotes
  // ("\"THE MINISTRY OF MAGIC\""), as PETRARCH's new_actor_length. Default
  // 0: no new actors.
  size_t new_actor_length = 0;
};

class Extractor {
 public:
  using Sink = std::function<void(graph::Triple&&)>;

  explicit Extractor(std::shared_ptr<const Lexicon> lexicon, ExtractorOptions options = {});

  // Calls `sink` for every triple in `doc`, in text order. Returns
  // InvalidArgument if doc.text is not valid UTF-8 (naming the byte offset);
  // nothing is emitted then.
  Status Extract(const graph::Document& doc, const Sink& sink);

  // Identifies lexicon and algorithm; see Lexicon::fingerprint().
  const std::string& fingerprint() const { return lexicon_->fingerprint(); }

 private:
  struct Mention;
  struct Verb;
  struct DocumentContext;
  struct Antecedents;
  // `antecedents` (may be null): the person "he" or "she" refers to when
  // the sentence names none before the pronoun, and the group "they" or
  // "them" refers to; ExtractSentence updates them from the sentence.
  // `known` (may be null) are the sentence's mentions from the first pass,
  // reused when they did not depend on the document context.
  void ExtractSentence(const graph::Document& doc, Span span, const std::vector<Token>& tokens,
                       const DocumentContext& context, Antecedents* antecedents,
                       const std::vector<Mention>* known, const Sink& sink);
  // Sets *context_sensitive (if given) when a mention depends on the
  // context or antecedent (an office, a counterpart, a pronoun), so that a
  // later pass with more context must find the mentions again.
  std::vector<Mention> FindMentions(const std::vector<Token>& tokens,
                                    const DocumentContext& context,
                                    const Antecedents* antecedents,
                                    bool* context_sensitive = nullptr) const;
  // The one holder of `office` of `country` on the document's date, or, when
  // the date does not decide, the one holder the document names.
  std::optional<uint32_t> ResolveOffice(std::string_view country, std::string_view office,
                                        const DocumentContext& context) const;
  // The holder in `country` of the office `person` held then ("his Russian
  // counterpart"); undated, of any office of theirs, if the document names
  // exactly one such holder.
  // Whether the event between `agent` and `patient` with its verb at
  // tokens[verb] is asserted, reported (attributed, quoted) or
  // hypothetical (modal, conditional).
  graph::Modality ModalityOf(const std::vector<Token>& tokens, const Mention& agent,
                             const Mention& patient, size_t verb) const;
  std::optional<uint32_t> ResolveCounterpart(uint32_t person, std::string_view country,
                                             const DocumentContext& context) const;

  std::shared_ptr<const Lexicon> lexicon_;
  ExtractorOptions options_;
  Segmenter segmenter_;
};

}  // namespace kg::extract

#endif  // KG_EXTRACT_EXTRACTOR_H_
