#include "cli/schema_source.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "migcmd/migrator/replay.hpp"
#include "migcmd/snapshot.hpp"
#include "migcmd/sql_migrations.hpp"
#include "migcmd/url.hpp"

namespace fs = std::filesystem;

namespace migcmd::cli {
namespace {

LoadedSchema from_url(const Context& context, const std::string& url) {
  const Provider& provider = context.providers().for_url(url);
  auto connection = provider.connect(url);
  LoadedSchema out;
  out.schema = provider.read_schema(*connection, context.read_options());
  out.provider = &provider;
  out.dialect = std::string(provider.name());
  out.description = connection->redacted_url();
  return out;
}

LoadedSchema from_snapshot(const std::string& path) {
  Snapshot snapshot = read_snapshot(path);
  LoadedSchema out;
  out.schema = std::move(snapshot.schema);
  out.dialect = snapshot.dialect;
  out.description = fmt::format("snapshot {}", path);
  out.last_version = snapshot.last_version;
  return out;
}

// The kind of database a directory is replayed on: --dev-url's, else the caller's guess.
const Provider& replay_provider_for(const Context& context, const std::string& dir,
                                    const Provider* fallback) {
  if (const auto& given = context.options().dev_url) return context.providers().for_url(*given);
  if (fallback) return *fallback;
  throw Error(ErrorCode::usage,
              fmt::format("replaying the migrations in {} needs a development database", dir),
              "pass --dev-url (or set MIGCMD_DEV_URL): a database of the migrations' kind where "
              "migcmd may make and drop a scratch schema, or sqlite: for SQLite migrations");
}

LoadedSchema from_directory(const Context& context, const std::string& dir,
                            const Provider* fallback) {
  auto migrations = load_sql_migrations(dir);
  const Provider& provider = replay_provider_for(context, dir, fallback);
  const std::string dev_url =
      dev_url_for(context, provider, fmt::format("the migrations in {}", dir));
  LoadedSchema out;
  for (const auto& m : migrations) {
    if (m.kind == MigrationKind::versioned) out.last_version = m.version;
  }
  ReplayOptions options;
  options.history_table = context.read_options().history_table;
  out.schema = replay_migrations(provider, dev_url, std::move(migrations), options);
  out.provider = &provider;
  out.dialect = std::string(provider.name());
  out.description = fmt::format("the migrations in {}", dir);
  return out;
}

}  // namespace

std::string dev_url_for(const Context& context, const Provider& provider, const std::string& what) {
  if (const auto& given = context.options().dev_url) {
    const Provider& dev = context.providers().for_url(*given);
    if (&dev != &provider) {
      throw Error(ErrorCode::usage,
                  fmt::format("--dev-url is a {} database, but {} are replayed on {}", dev.name(),
                              what, provider.name()),
                  fmt::format("give a {} development database", provider.name()));
    }
    return *given;
  }
  if (provider.name() == "sqlite") return {};
  throw Error(ErrorCode::usage, fmt::format("replaying {} needs a development database", what),
              fmt::format("pass --dev-url (or set MIGCMD_DEV_URL) with a {} database migcmd may "
                          "make and drop a scratch schema in",
                          provider.name()));
}

bool is_database_url(const Context& context, const std::string& spec) {
  const auto colon = spec.find(':');
  if (colon == std::string::npos || colon < 2) return false;  // "C:\..." is a path
  const std::string scheme = spec.substr(0, colon);
  for (const auto& provider : context.providers().providers()) {
    for (const auto& s : provider->url_schemes()) {
      if (s == scheme) return true;
    }
  }
  return false;
}

LoadedSchema load_schema(const Context& context, const std::string& spec,
                         const Provider* replay_provider) {
  if (is_database_url(context, spec)) return from_url(context, spec);
  std::error_code ec;
  if (fs::is_directory(spec, ec)) return from_directory(context, spec, replay_provider);
  if (fs::is_regular_file(spec, ec)) return from_snapshot(spec);
  throw Error(ErrorCode::usage,
              fmt::format("\"{}\" is neither a database URL, nor a snapshot file, nor a directory "
                          "of migrations",
                          redact_url(spec)),
              "give a URL (sqlite:app.db, postgres://...), a snapshot (migcmd.snapshot.json) or a "
              "migrations directory");
}

}  // namespace migcmd::cli
