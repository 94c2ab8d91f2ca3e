#include "extract/document_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/fold.h"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool HasExtension(const fs::path& p, std::string_view ext) { return p.extension() == ext; }

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
      std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      size_t first = all.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && all[first] == '{') {
        std::istringstream in(std::move(all));
        KG_RETURN_IF_ERROR(ReadJsonLines(in, "<stdin>", on_document, on_error));
        continue;
      }
      StripBom(&all);
      if (auto bad = FindInvalidUtf8(all)) {
        on_error(Status::InvalidArgument("<stdin>: invalid UTF-8 at byte " + std::to_string(*bad)));
        continue;
      }
      graph::Document doc;
      doc.id = "stdin";
      doc.text = std::move(all);
      KG_RETURN_IF_ERROR(on_document(std::move(doc)));
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      on_error(Status::NotFound(path + ": no such file or directory"));
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> files;
      fs::recursive_directory_iterator it(path, fs::directory_options::follow_directory_symlink, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() &&
            (HasExtension(it->path(), ".txt") || HasExtension(it->path(), ".jsonl"))) {
          files.push_back(it->path());
        }
      }
      if (ec) {
        on_error(Status::IOError(path + ": " + ec.message()));
        continue;
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        KG_RETURN_IF_ERROR(ReadFile(f.string(), on_document, on_error));
      }
      continue;
    }
    KG_RETURN_IF_ERROR(ReadFile(path, on_document, on_error));
  }
  return Status::OK();
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
      bool truncated = e.byte >= line.size();
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
