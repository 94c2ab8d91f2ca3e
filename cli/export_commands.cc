// kg export and kg stats.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "rdf/triple_writer.h"

namespace kg::cli {

int RunExport(const ExportArgs& args) {
  auto db = OpenForQuery(args.db);
  if (!db.ok()) return Fail(db.status());
  const bool to_stdout = args.output.empty() || args.output == "-";
  // Write to a temporary file renamed into place at the end, so a failed
  // export never leaves a truncated file under the requested name.
  const std::string tmp = args.output + ".tmp";
  std::ofstream file;
  if (!to_stdout) {
    file.open(tmp, std::ios::binary | std::ios::trunc);
    if (!file) return Fail(Status::IOError(args.output + ": cannot open for writing"));
  }
  std::ostream& out = to_stdout ? std::cout : file;
  auto writer = rdf::MakeTripleWriter(args.format, out);
  if (!writer.ok()) return Fail(writer.status());
  Status write_status;
  Status st = (*db)->ScanTriples({}, [&](store::TripleId, const graph::Triple& t) {
    write_status = (*writer)->Write(t);
    return write_status.ok();
  });
  if (st.ok()) st = write_status;
  if (st.ok()) st = (*writer)->Finish();
  if (st.ok()) out.flush();
  if (st.ok() && !out) st = Status::IOError((to_stdout ? "standard output" : args.output) + ": write failed");
  if (!to_stdout) {
    file.close();
    std::error_code ec;
    if (st.ok()) {
      std::filesystem::rename(tmp, args.output, ec);
      if (ec) st = Status::IOError(args.output + ": " + ec.message());
    }
    if (!st.ok()) std::filesystem::remove(tmp, ec);
  }
  if (!st.ok()) return Fail(st);
  return kExitOk;
}

int RunStats(const StatsArgs& args) {
  auto db = OpenForQuery(args.db);
  if (!db.ok()) return Fail(db.status());
  auto stats = (*db)->Stats();
  if (!stats.ok()) return Fail(stats.status());
  if (args.json) {
    nlohmann::ordered_json j;
    j["format_version"] = stats->format_version;
    j["documents"] = stats->documents;
    j["triples"] = stats->triples;
    j["actors"] = stats->actors;
    j["relations"] = stats->relations;
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& [name, n] : stats->relation_counts) counts[name] = n;
    j["relation_counts"] = std::move(counts);
    std::cout << j.dump() << '\n';
    return kExitOk;
  }
  std::cout << "store:      " << args.db << " (format " << stats->format_version << ")\n"
            << "documents:  " << stats->documents << "\n"
            << "triples:    " << stats->triples << "\n"
            << "actors:     " << stats->actors << "\n"
            << "relations:  " << stats->relations << "\n";
  if (!stats->relation_counts.empty()) {
    std::cout << "top relations:";
    for (size_t i = 0; i < stats->relation_counts.size() && i < 10; ++i) {
      std::cout << (i ? ", " : " ") << stats->relation_counts[i].first << " "
                << stats->relation_counts[i].second;
    }
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace kg::cli
