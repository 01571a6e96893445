// `dump`: the live schema as a deterministic SQL file, like dbmate's schema.sql.

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "cli/command.hpp"
#include "migcmd/file_write.hpp"
#include "migcmd/schema_dump.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace migcmd::cli {
namespace {

void dump_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write the dump to FILE (replaced only when its content changes) instead of stdout");
  // clang-format on
}

// Rewrites the file only when the text differs, so its timestamp says when the schema changed.
bool write_if_changed(const fs::path& path, const std::string& text) {
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      const std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (old == text) return false;
    }
  }
  write_file_atomically(path, text);
  return true;
}

int run_dump(Context& context, const po::variables_map& args) {
  const Provider& provider = context.provider();
  auto connection = context.connect();
  const Schema schema = provider.read_schema(*connection, context.read_options());
  const std::string text = dump_schema(schema, provider.dialect());
  if (args.count("output")) {
    const fs::path path = args["output"].as<std::string>();
    const bool changed = write_if_changed(path, text);
    if (context.output().json()) {
      context.output().json_result(
          "dump",
          {{"path", path.string()}, {"changed", changed}, {"tables", schema.tables.size()}});
    } else {
      context.output().line(fmt::format("{} {} ({} tables)", changed ? "wrote" : "unchanged",
                                        path.string(), schema.tables.size()));
    }
  } else if (context.output().json()) {
    context.output().json_result("dump", {{"schema", text}, {"tables", schema.tables.size()}});
  } else {
    context.output().out_stream() << text << std::flush;
  }
  return 0;
}

}  // namespace

Command dump_command() {
  return {"dump",
          "dump [--output FILE]",
          "write the database's schema as SQL",
          "Reads the database's schema from its catalog and prints the SQL that creates it, for "
          "version control (like dbmate's schema.sql): tables, keys, constraints and indexes "
          "sorted by name, no timestamps, so the same schema always gives the same bytes. "
          "migcmd's history table is left out.",
          dump_options,
          run_dump,
          "plan.view"};
}

}  // namespace migcmd::cli
