// DocumentReader: the corpus on disk -> Documents, one at a time.
//
// Inputs are files, directories (searched recursively, in byte order of
// their paths, for *.txt and *.jsonl in any letter case; links to
// directories are not followed) or "-" for standard input. A .txt file
// is one document whose id is its file name; a .jsonl file holds one
// document per line: {"id", "text", "date"?, "title"?, "url"?} with date
// YYYY-MM-DD or YYYY. Standard input is JSON lines if its first non-blank
// byte is '{', else one text document with id "stdin".
//
//   extract::DocumentReader reader;
//   Status s = reader.Read({"corpus/"}, [](graph::Document doc) { ...; return Status::OK(); },
//                          [](const Status& bad) { report(bad); });
//
// Documents stream: memory holds one file's current line or one text file.
#ifndef KG_EXTRACT_DOCUMENT_READER_H_
#define KG_EXTRACT_DOCUMENT_READER_H_

#include <functional>
#include <string>
#include <vector>

#include "graph/status.h"
#include "graph/triple.h"

namespace kg::extract {

class DocumentReader {
 public:
  // Called for each document; a non-OK return stops reading and is returned.
  using DocumentFn = std::function<Status(graph::Document&&)>;
  // Called for each input that is bad (missing file, a directory without
  // documents, empty standard input, invalid UTF-8, a truncated or malformed
  // JSON line, a bad date); reading goes on with the
  // next document. The message names the file (and line) and the problem.
  using ErrorFn = std::function<void(const Status&)>;

  // Reads every document under `paths` in order.
  Status Read(const std::vector<std::string>& paths, const DocumentFn& on_document,
              const ErrorFn& on_error);

  // Validates a date field: "" or YYYY-MM-DD or YYYY, with a real month/day.
  static bool IsValidDate(std::string_view date);

 private:
  Status ReadStdin(const DocumentFn& on_document, const ErrorFn& on_error);
  Status ReadFile(const std::string& path, const DocumentFn& on_document, const ErrorFn& on_error);
  Status ReadJsonLines(std::istream& in, const std::string& name, const DocumentFn& on_document,
                       const ErrorFn& on_error);
};

}  // namespace kg::extract

#endif  // KG_EXTRACT_DOCUMENT_READER_H_
