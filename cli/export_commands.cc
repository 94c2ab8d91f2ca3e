// kg export and kg stats.
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "rdf/triple_writer.h"

namespace kg::cli {

namespace fs = std::filesystem;

int RunExport(const ExportArgs& args) {
  auto db = OpenForQuery(args.db);
  if (!db.ok()) return Fail(db.status());
  const bool to_stdout = args.output.empty() || args.output == "-";
  // A regular (or new) file is written under a unique temporary name in the
  // same directory and renamed into place at the end, so a failed export
  // never leaves a truncated file under the requested name. Anything else
  // (/dev/null, a pipe) is written directly.
  std::error_code ec;
  const fs::file_status target = fs::status(args.output, ec);
  const bool replace = !to_stdout && (!fs::exists(target) || fs::is_regular_file(target));
  if (!to_stdout && fs::is_directory(target)) {
    return Fail(Status::InvalidArgument(args.output + ": is a directory"));
  }
  std::string tmp;
  std::ofstream file;
  if (replace) {
    fs::path dir = fs::path(args.output).parent_path();
    std::string pattern = (dir.empty() ? fs::path(".") : dir) / ".kg-export-XXXXXX";
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      return Fail(Status::IOError(args.output + ": cannot create a file beside it: " +
                                  std::strerror(errno)));
    }
    ::close(fd);
    tmp = pattern;
    file.open(tmp, std::ios::binary | std::ios::trunc);
  } else if (!to_stdout) {
    file.open(args.output, std::ios::binary);
  }
  if (!to_stdout && !file) {
    if (!tmp.empty()) fs::remove(tmp, ec);
    return Fail(Status::IOError(args.output + ": cannot open for writing"));
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
  if (!out) {  // the writer's own error does not know the file's name
    st = Status::IOError((to_stdout ? "standard output" : args.output) + ": write failed");
  }
  if (file.is_open()) file.close();
  if (!tmp.empty()) {
    if (st.ok()) {
      // mkstemp made the file 0600; give it the permissions a new file gets.
      mode_t mask = ::umask(0);
      ::umask(mask);
      fs::permissions(tmp, static_cast<fs::perms>(0666 & ~mask), ec);
      fs::rename(tmp, args.output, ec);
      if (ec) st = Status::IOError(args.output + ": " + ec.message());
    }
    if (!st.ok()) fs::remove(tmp, ec);
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
    return FinishStdout();
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
  return FinishStdout();
}

}  // namespace kg::cli
