// `lock status` and `lock release --force`: the migration lock of a runner that may be gone.

#include <fmt/format.h>

#include "cli/command.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

nlohmann::json lock_json(const LockInfo& info) {
  return {{"holder", info.holder}, {"host", info.host},   {"pid", info.pid},
          {"user", info.user},     {"since", info.since}, {"session_id", info.session_id}};
}

std::string describe(const LockInfo& info) {
  std::string text = info.holder;
  if (!info.user.empty()) text += fmt::format(", user {}", info.user);
  if (!info.since.empty()) text += fmt::format(", since {} UTC", info.since);
  if (!info.session_id.empty()) text += fmt::format(", database session {}", info.session_id);
  return text;
}

void lock_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("action", po::value<std::string>()->value_name("ACTION"), "status or release")
      ("force", po::bool_switch(),
       "release: end the session holding the lock (needed: it interrupts that runner)");
  // clang-format on
  pos.add("action", 1);
}

int lock_status(Context& context) {
  auto session = context.open();
  const auto info = session.migrator->lock_status();
  Output& out = context.output();
  if (out.json()) {
    out.json_result("lock status",
                    {{"locked", info.has_value()}, {"holder", info ? lock_json(*info) : nullptr}});
  } else if (info) {
    out.line(fmt::format("the migration lock is held by {}", describe(*info)));
  } else {
    out.line("the migration lock is free");
  }
  return 0;
}

int lock_release(Context& context, bool force) {
  if (!force) {
    throw Error(ErrorCode::usage, "lock release needs --force",
                "it ends the database session of the runner holding the lock; check `migcmd lock "
                "status` first, then `migcmd lock release --force`");
  }
  auto session = context.open();
  if (!context.confirm("end the session holding the migration lock?")) {
    throw Error(ErrorCode::usage, "lock release cancelled; nothing was changed");
  }
  const auto released = session.migrator->force_release_lock();
  Output& out = context.output();
  if (out.json()) {
    out.json_result("lock release", {{"released", released ? lock_json(*released) : nullptr}});
  } else if (released) {
    out.line(fmt::format("released the migration lock of {}", describe(*released)));
  } else {
    out.line("no lock information was recorded; nothing to release");
  }
  return 0;
}

int run_lock(Context& context, const po::variables_map& args) {
  const std::string action = args.count("action") ? args["action"].as<std::string>() : "";
  if (action == "status") return lock_status(context);
  if (action == "release") return lock_release(context, args["force"].as<bool>());
  throw Error(ErrorCode::usage,
              action.empty() ? std::string("lock needs an action")
                             : fmt::format("unknown lock action \"{}\"", action),
              "use `migcmd lock status` or `migcmd lock release --force`");
}

}  // namespace

Command lock_command() {
  return {"lock",
          "lock status | lock release --force",
          "show or release the migration lock",
          "`lock status` shows whether a runner holds the migration lock, and who (host, process, "
          "user, since when, database session). `lock release --force` ends the database "
          "session that holds it and clears the record, for a runner that hangs or whose "
          "machine is gone; it asks first unless --yes. SQLite's lock ends with its process.",
          lock_options,
          run_lock,
          "status.view"};
}

}  // namespace migcmd::cli
