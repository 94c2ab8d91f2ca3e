#include "extract/petrarch_records.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <pugixml.hpp>

namespace kg::extract::petrarch {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Collapses runs of ASCII whitespace to one space and trims the ends.
std::string NormaliseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : s) {
    if (IsSpace(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

// The file's YYYYMMDD as YYYY-MM-DD, or "" if it is not 8 digits of a
// plausible date.
std::string IsoDate(std::string_view d) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (d.size() != 8 || !std::all_of(d.begin(), d.end(), digit)) return "";
  int month = (d[4] - '0') * 10 + (d[5] - '0');
  int day = (d[6] - '0') * 10 + (d[7] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
         std::string(d.substr(6, 2));
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Parsing state: the source for line numbers and the origin for messages.
class RecordsParser {
 public:
  RecordsParser(std::string_view xml, std::string_view origin) : xml_(xml), origin_(origin) {}

  Result<RecordsFile> Parse() {
    pugi::xml_document doc;
    // parse_default drops comments and processing instructions, decodes
    // entities and normalises line ends. load_buffer parses a copy of
    // `xml_` in place, so error and node offsets are offsets into `xml_`.
    pugi::xml_parse_result parsed =
        doc.load_buffer(xml_.data(), xml_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      return Error(static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0)),
                   std::string("malformed XML: ") + parsed.description());
    }
    pugi::xml_node root = doc.document_element();
    if (std::strcmp(root.name(), "Validation") != 0) {
      return Error(root, std::string("the root element is <") + root.name() +
                             ">, expected <Validation>");
    }
    RecordsFile file;
    bool seen_sentences = false;
    for (pugi::xml_node node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      std::string_view name = node.name();
      if (name == "Environment") {
        Status s = ReadEnvironment(node, &file.environment);
        if (!s.ok()) return s;
      } else if (name == "Config") {
        Status s = ReadConfig(node, &file.environment.config);
        if (!s.ok()) return s;
      } else if (name == "Sentences") {
        if (seen_sentences) return Error(node, "a second <Sentences>");
        seen_sentences = true;
        Status s = ReadSentences(node, file.environment, &file.records);
        if (!s.ok()) return s;
      } else {
        return Error(node, "unexpected <" + std::string(name) + "> in <Validation>");
      }
    }
    if (!seen_sentences) return Error(root, "no <Sentences> in <Validation>");
    return file;
  }

 private:
  size_t LineOf(size_t offset) const {
    offset = std::min(offset, xml_.size());
    return 1 + static_cast<size_t>(std::count(xml_.begin(), xml_.begin() + offset, '\n'));
  }
  Status Error(size_t offset, const std::string& problem) const {
    return Status::ParseError(std::string(origin_) + ": line " + std::to_string(LineOf(offset)) +
                              ": " + problem);
  }
  Status Error(pugi::xml_node node, const std::string& problem) const {
    return Error(static_cast<size_t>(std::max<ptrdiff_t>(node.offset_debug(), 0)), problem);
  }

  Status ReadEnvironment(pugi::xml_node env, Environment* out) {
    for (pugi::xml_node node : env.children()) {
      if (node.type() != pugi::node_element) continue;
      std::string_view name = node.name();
      std::string value = NormaliseSpace(node.child_value());
      if (name == "Verbfile") {
        out->verb_file = value;
      } else if (name == "Actorfile") {
        out->actor_file = value;
      } else if (name == "Agentfile") {
        out->agent_file = value;
      } else if (name == "Discardfile") {
        out->discard_file = value;
      } else if (name == "Issuefile") {
        out->issue_file = value;
      } else if (name == "Errorfile") {
        out->error_file = value;
      } else if (name == "Pause") {
        out->pause = value;
      } else if (name == "Include") {
        out->has_include = true;
        std::istringstream words(value);
        for (std::string w; words >> w;) out->include.push_back(w);
      } else if (name == "Config") {
        KG_RETURN_IF_ERROR(ReadConfig(node, &out->config));
      } else {
        return Error(node, "unexpected <" + std::string(name) + "> in <Environment>");
      }
    }
    return Status::OK();
  }

  Status ReadConfig(pugi::xml_node node, ConfigOptions* out) {
    pugi::xml_attribute option = node.attribute("option");
    pugi::xml_attribute value = node.attribute("value");
    if (!option || !value) return Error(node, "<Config> without option and value attributes");
    (*out)[option.value()] = value.value();
    return Status::OK();
  }

  Status ReadSentences(pugi::xml_node sentences, const Environment& env,
                       std::vector<Record>* out) {
    ConfigOptions in_effect;
    for (pugi::xml_node node : sentences.children()) {
      if (node.type() != pugi::node_element) continue;
      std::string_view name = node.name();
      if (name == "Sentence") {
        Record r;
        KG_RETURN_IF_ERROR(ReadSentence(node, in_effect, &r));
        out->push_back(std::move(r));
      } else if (name == "Config") {
        KG_RETURN_IF_ERROR(ReadConfig(node, &in_effect));
      } else if (!env.pause.empty() && name == env.pause) {
        break;
      } else {
        return Error(node, "unexpected <" + std::string(name) + "> in <Sentences>");
      }
    }
    return Status::OK();
  }

  Status ReadSentence(pugi::xml_node s, const ConfigOptions& in_effect, Record* r) {
    r->line = LineOf(static_cast<size_t>(std::max<ptrdiff_t>(s.offset_debug(), 0)));
    r->config = in_effect;
    r->id = NormaliseSpace(s.attribute("id").value());
    r->category = NormaliseSpace(s.attribute("category").value());
    if (r->id.empty()) return Error(s, "<Sentence> without an id");
    const std::string where = "<Sentence id=\"" + r->id + "\">";
    if (r->category.empty()) return Error(s, where + " without a category");
    pugi::xml_attribute date = s.attribute("date");
    if (!date) return Error(s, where + " without a date");
    r->date = IsoDate(date.value());
    if (r->date.empty()) {
      return Error(s, where + ": date '" + date.value() + "' is not YYYYMMDD");
    }
    bool has_text = false;
    for (pugi::xml_node node : s.children()) {
      if (node.type() != pugi::node_element) continue;
      std::string_view name = node.name();
      if (name == "Text") {
        if (has_text) return Error(node, where + " has a second <Text>");
        has_text = true;
        std::string raw;
        for (pugi::xml_node part : node.children()) {
          if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata)
            raw += part.value();
        }
        r->text = NormaliseSpace(raw);
      } else if (name == "EventCoding") {
        KG_RETURN_IF_ERROR(ReadEventCoding(node, where, r));
      } else if (name == "Config") {
        KG_RETURN_IF_ERROR(ReadConfig(node, &r->config));
      } else if (name == "Parse") {
        // Not used: kg parses the text itself.
      } else {
        return Error(node, "unexpected <" + std::string(name) + "> in " + where);
      }
    }
    if (!has_text) return Error(s, where + " without <Text>");
    return Status::OK();
  }

  Status ReadEventCoding(pugi::xml_node e, const std::string& where, Record* r) {
    pugi::xml_attribute source = e.attribute("sourcecode");
    pugi::xml_attribute target = e.attribute("targetcode");
    pugi::xml_attribute event = e.attribute("eventcode");
    pugi::xml_attribute noevents = e.attribute("noevents");
    pugi::xml_attribute error = e.attribute("error");
    const int kinds = (source || target || event) + static_cast<bool>(noevents) +
                      static_cast<bool>(error);
    if (kinds != 1) {
      return Error(e, "<EventCoding> in " + where +
                          " must have either sourcecode, targetcode and eventcode, or "
                          "noevents, or error");
    }
    if (noevents) {
      if (!EqualsIgnoreCase(NormaliseSpace(noevents.value()), "true")) {
        return Error(e, "<EventCoding noevents=\"" + std::string(noevents.value()) + "\"> in " +
                            where + ": expected noevents=\"True\"");
      }
      r->expects_no_event = true;
    } else if (error) {
      r->expects_error = true;
      r->error_kind = NormaliseSpace(error.value());
    } else {
      if (!source || !target || !event) {
        return Error(e, "<EventCoding> in " + where +
                            " needs all of sourcecode, targetcode and eventcode");
      }
      CodeTriple code{NormaliseSpace(source.value()), NormaliseSpace(target.value()),
                     NormaliseSpace(event.value())};
      if (code.source.empty() || code.target.empty() || code.event.empty()) {
        return Error(e, "<EventCoding> in " + where + " has an empty code");
      }
      r->expected.push_back(std::move(code));
    }
    if ((r->expects_no_event || r->expects_error) && !r->expected.empty()) {
      return Error(e, where + " expects both events and " +
                          (r->expects_error ? "an error" : "no events"));
    }
    if (r->expects_no_event && r->expects_error) {
      return Error(e, where + " expects both no events and an error");
    }
    return Status::OK();
  }

  std::string_view xml_;
  std::string_view origin_;
};

}  // namespace

bool Environment::Includes(std::string_view category) const {
  if (!has_include) return true;
  return std::find(include.begin(), include.end(), category) != include.end();
}

Result<RecordsFile> ParseRecords(std::string_view xml, std::string_view origin) {
  return RecordsParser(xml, origin).Parse();
}

Result<RecordsFile> ReadRecordsFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::IOError(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return ParseRecords(buf.str(), path);
}

}  // namespace kg::extract::petrarch
