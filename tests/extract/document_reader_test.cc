#include "extract/document_reader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("kg_reader_test_" + std::to_string(reinterpret_cast<uintptr_t>(this)) + "_" +
            std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string Write(const std::string& name, const std::string& content) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

struct Collected {
  std::vector<graph::Document> docs;
  std::vector<std::string> errors;
};

Collected ReadAll(const std::vector<std::string>& paths) {
  Collected c;
  DocumentReader reader;
  Status s = reader.Read(
      paths,
      [&](graph::Document&& d) {
        c.docs.push_back(std::move(d));
        return Status::OK();
      },
      [&](const Status& e) { c.errors.push_back(e.message()); });
  REQUIRE(s.ok());
  return c;
}

TEST_CASE("Text files are documents named by their file name", "[extract]") {
  TempDir dir;
  std::string p = dir.Write("a/001.txt", "\xEF\xBB\xBFRussia attacked Ukraine.");
  auto c = ReadAll({p});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].id == "001.txt");
  CHECK(c.docs[0].text == "Russia attacked Ukraine.");  // BOM stripped
  CHECK(c.errors.empty());
}

TEST_CASE("Directories are read recursively in path order, .txt and .jsonl only", "[extract]") {
  TempDir dir;
  dir.Write("b.txt", "B");
  dir.Write("a/c.txt", "C");
  dir.Write("notes.md", "ignored");
  dir.Write("z.jsonl", "{\"id\": \"j1\", \"text\": \"J\", \"date\": \"2020-02-29\"}\n");
  auto c = ReadAll({dir.path.string()});
  REQUIRE(c.docs.size() == 3);
  CHECK(c.docs[0].id == "c.txt");
  CHECK(c.docs[1].id == "b.txt");
  CHECK(c.docs[2].id == "j1");
  CHECK(c.docs[2].date == "2020-02-29");
}

TEST_CASE("JSON lines: every field, blank lines skipped", "[extract]") {
  TempDir dir;
  std::string p = dir.Write(
      "c.jsonl",
      "{\"id\": \"x\", \"text\": \"T\", \"date\": \"2019\", \"title\": \"Ti\", \"url\": \"U\"}\r\n"
      "\n"
      "{\"id\": \"y\", \"text\": \"Erdoğan\"}\n");
  auto c = ReadAll({p});
  REQUIRE(c.docs.size() == 2);
  CHECK(c.docs[0].date == "2019");
  CHECK(c.docs[0].title == "Ti");
  CHECK(c.docs[0].url == "U");
  CHECK(c.docs[1].text == "Erdoğan");
}

TEST_CASE("Bad inputs are reported one per line and skipped", "[extract]") {
  TempDir dir;
  std::string jl = dir.Write("bad.jsonl",
                             "{\"id\": \"ok1\", \"text\": \"fine\"}\n"
                             "{\"id\": \"t\", \"text\": \"cut of\n"
                             "{\"id\": \"m\", \"text\": 5}\n"
                             "{\"text\": \"no id\"}\n"
                             "{\"id\": \"d\", \"text\": \"x\", \"date\": \"2021-02-30\"}\n"
                             "[1, 2]\n"
                             "{\"id\": \"u\", \"text\": \"\xFF\"}\n"
                             "{\"id\": \"ok2\", \"text\": \"fine\"}\n"
                             "{\"id\": \"x\", \"text\": \"y\"}}\n"
                             "{\"id\": \"x\", \"text\"\n");
  std::string bin = dir.Write("bin.txt", std::string("abc\xC0\xAF", 5));
  std::string missing = (dir.path / "nope.txt").string();
  auto c = ReadAll({jl, bin, missing});
  REQUIRE(c.docs.size() == 2);
  CHECK(c.docs[0].id == "ok1");
  CHECK(c.docs[1].id == "ok2");
  REQUIRE(c.errors.size() == 10);
  CHECK(c.errors[0] == jl + ":2: truncated JSON line");
  CHECK(c.errors[1] == jl + ":3: \"text\" is not a string");
  CHECK(c.errors[2] == jl + ":4: missing \"id\"");
  CHECK(c.errors[3] == jl + ":5: date '2021-02-30' is not YYYY-MM-DD or YYYY");
  CHECK(c.errors[4] == jl + ":6: not a JSON object");
  CHECK(c.errors[5] == jl + ":7: invalid UTF-8 at column 22");
  CHECK(c.errors[6] == jl + ":9: malformed JSON at column 25");
  CHECK(c.errors[7] == jl + ":10: truncated JSON line");
  CHECK(c.errors[8] == bin + ": invalid UTF-8 at byte 3");
  CHECK(c.errors[9] == missing + ": no such file or directory");
}

TEST_CASE("A directory without documents is reported", "[extract]") {
  TempDir dir;
  dir.Write("notes.md", "not a document");
  auto c = ReadAll({dir.path.string()});
  CHECK(c.docs.empty());
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0] == dir.path.string() + ": no .txt or .jsonl files in this directory");
}

TEST_CASE("Extensions in any case count and directory links are not followed", "[extract]") {
  TempDir dir;
  dir.Write("a/NOTES.TXT", "upper");
  fs::create_directory_symlink("..", dir.path / "a" / "up");  // a loop
  auto c = ReadAll({dir.path.string()});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].id == "NOTES.TXT");
  CHECK(c.errors.empty());
}

TEST_CASE("Dates are YYYY-MM-DD or YYYY", "[extract]") {
  CHECK(DocumentReader::IsValidDate(""));
  CHECK(DocumentReader::IsValidDate("2024"));
  CHECK(DocumentReader::IsValidDate("2024-02-29"));
  CHECK_FALSE(DocumentReader::IsValidDate("2023-02-29"));
  CHECK_FALSE(DocumentReader::IsValidDate("2024-13-01"));
  CHECK_FALSE(DocumentReader::IsValidDate("24-01-01"));
  CHECK_FALSE(DocumentReader::IsValidDate("2024/01/01"));
  CHECK_FALSE(DocumentReader::IsValidDate("April 2024"));
}

}  // namespace
}  // namespace kg::extract
