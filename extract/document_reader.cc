#include "extract/document_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/fold.h"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Extensions compare without case: "NOTES.TXT" is a text document.
bool HasExtension(const fs::path& p, std::string_view ext) {
  std::string e = p.extension().string();
  if (e.size() != ext.size()) return false;
  for (size_t i = 0; i < e.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(e[i])) != ext[i]) return false;
  }
  return true;
}

bool IsDocumentFile(const fs::path& p) {
  return HasExtension(p, ".txt") || HasExtension(p, ".jsonl");
}

void StripBom(std::string* s) {
  if (s->size() >= 3 && s->compare(0, 3, "\xEF\xBB\xBF") == 0) s->erase(0, 3);
}

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool DocumentReader::IsValidDate(std::string_view d) {
  if (d.empty()) return true;
  if (d.size() == 4) return Digits(d);
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  if (!Digits(d.substr(0, 4)) || !Digits(d.substr(5, 2)) || !Digits(d.substr(8, 2))) return false;
  int year = std::stoi(std::string(d.substr(0, 4)));
  int month = std::stoi(std::string(d.substr(5, 2)));
  int day = std::stoi(std::string(d.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

Status DocumentReader::Read(const std::vector<std::string>& paths, const DocumentFn& on_document,
                            const ErrorFn& on_error) {
  for (const std::string& path : paths) {
    if (path == "-") {
      KG_RETURN_IF_ERROR(ReadStdin(on_document, on_error));
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      on_error(Status::NotFound(path + ": no such file or directory"));
      continue;
    }
    if (!fs::is_directory(st)) {
      KG_RETURN_IF_ERROR(ReadFile(path, on_document, on_error));
      continue;
    }
    // Symbolic links to directories are not followed (a link back up the
    // tree would loop); links to files are read. An unreadable entry is
    // reported and the rest of the directory still read.
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    fs::recursive_directory_iterator end;
    while (!ec && it != end) {
      std::error_code fec;
      if (it->is_regular_file(fec) && IsDocumentFile(it->path())) files.push_back(it->path());
      it.increment(ec);
      if (ec) {
        on_error(Status::IOError(path + ": " + ec.message()));
        break;
      }
    }
    if (ec && files.empty()) continue;
    if (files.empty()) {
      on_error(Status::NotFound(path + ": no .txt or .jsonl files in this directory"));
      continue;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      KG_RETURN_IF_ERROR(ReadFile(f.string(), on_document, on_error));
    }
  }
  return Status::OK();
}

Status DocumentReader::ReadStdin(const DocumentFn& on_document, const ErrorFn& on_error) {
  // Skip a byte-order mark and leading blank space, then decide: JSON lines
  // if the first byte is '{' (streamed line by line), else one text document.
  std::istream& in = std::cin;
  if (in.peek() == 0xEF) {
    char bom[3];
    in.read(bom, 3);
    if (in.gcount() != 3 || std::string_view(bom, 3) != "\xEF\xBB\xBF") {
      on_error(Status::InvalidArgument("<stdin>: invalid UTF-8 at byte 0"));
      return Status::OK();
    }
  }
  std::string lead;
  while (in.peek() == ' ' || in.peek() == '\t' || in.peek() == '\r' || in.peek() == '\n') {
    lead += static_cast<char>(in.get());
  }
  if (in.peek() == '{') return ReadJsonLines(in, "<stdin>", on_document, on_error);
  std::string all = lead + std::string((std::istreambuf_iterator<char>(in)),
                                       std::istreambuf_iterator<char>());
  if (all.find_first_not_of(" \t\r\n") == std::string::npos) {
    on_error(Status::InvalidArgument("<stdin>: no input"));
    return Status::OK();
  }
  if (auto bad = FindInvalidUtf8(all)) {
    on_error(Status::InvalidArgument("<stdin>: invalid UTF-8 at byte " + std::to_string(*bad)));
    return Status::OK();
  }
  graph::Document doc;
  doc.id = "stdin";
  doc.text = std::move(all);
  return on_document(std::move(doc));
}

Status DocumentReader::ReadFile(const std::string& path, const DocumentFn& on_document,
                                const ErrorFn& on_error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    on_error(Status::IOError(path + ": cannot open for reading"));
    return Status::OK();
  }
  if (HasExtension(path, ".jsonl")) return ReadJsonLines(in, path, on_document, on_error);

  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    on_error(Status::IOError(path + ": read error"));
    return Status::OK();
  }
  StripBom(&text);
  if (auto bad = FindInvalidUtf8(text)) {
    on_error(Status::InvalidArgument(path + ": invalid UTF-8 at byte " + std::to_string(*bad)));
    return Status::OK();
  }
  graph::Document doc;
  doc.id = fs::path(path).filename().string();
  doc.text = std::move(text);
  return on_document(std::move(doc));
}

Status DocumentReader::ReadJsonLines(std::istream& in, const std::string& name,
                                     const DocumentFn& on_document, const ErrorFn& on_error) {
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 1) StripBom(&line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::string where = name + ":" + std::to_string(line_no);
    if (auto bad = FindInvalidUtf8(line)) {
      on_error(Status::InvalidArgument(where + ": invalid UTF-8 at column " + std::to_string(*bad + 1)));
      continue;
    }
    Json j;
    try {
      j = Json::parse(line);
    } catch (const Json::parse_error& e) {
      // Cut off mid-object or mid-string; not extra text after an object.
      const std::string_view what = e.what();
      bool truncated = what.find("unexpected end of input") != std::string_view::npos ||
                       what.find("missing closing quote") != std::string_view::npos;
      on_error(Status::ParseError(where + (truncated ? ": truncated JSON line"
                                                     : ": malformed JSON at column " +
                                                           std::to_string(e.byte))));
      continue;
    }
    if (!j.is_object()) {
      on_error(Status::ParseError(where + ": not a JSON object"));
      continue;
    }
    auto str = [&](const char* key, std::string* out, bool required) -> bool {
      auto it = j.find(key);
      if (it == j.end() || it->is_null()) {
        if (required) on_error(Status::ParseError(where + ": missing \"" + key + "\""));
        return !required;
      }
      if (!it->is_string()) {
        on_error(Status::ParseError(where + ": \"" + key + "\" is not a string"));
        return false;
      }
      *out = it->get<std::string>();
      return true;
    };
    graph::Document doc;
    if (!str("id", &doc.id, true) || !str("text", &doc.text, true) ||
        !str("date", &doc.date, false) || !str("title", &doc.title, false) ||
        !str("url", &doc.url, false)) {
      continue;
    }
    if (doc.id.empty()) {
      on_error(Status::ParseError(where + ": \"id\" is empty"));
      continue;
    }
    if (!IsValidDate(doc.date)) {
      on_error(Status::ParseError(where + ": date '" + doc.date + "' is not YYYY-MM-DD or YYYY"));
      continue;
    }
    KG_RETURN_IF_ERROR(on_document(std::move(doc)));
  }
  if (in.bad()) on_error(Status::IOError(name + ": read error"));
  return Status::OK();
}

}  // namespace kg::extract
