#pragma once
// What the lock tests of every database share: timing a wait that must end in
// Error(lock_timeout), child processes competing for a lock, and temporary directories.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "migcmd/provider.hpp"

namespace migcmd::test::locks {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How much later than its timeout a lock wait may end on a loaded machine.
inline constexpr milliseconds timeout_margin{1500};

// A unique name (process id, counter, random) with this prefix, for locks and tables that other
// test processes running at the same time must not share.
[[nodiscard]] std::string unique_name(const std::string& prefix);

// Runs `wait`, which must throw Error(lock_timeout) naming `lock_name`; CHECKs that and returns
// how long it took.
milliseconds time_lock_timeout(const std::function<void()>& wait, const std::string& lock_name);

// Keeps a lock whose connection has been closed from being destroyed: its destructor would use
// the dead connection. The object stays reachable, so leak checkers do not report it.
void abandon(std::unique_ptr<MigrationLock> lock);

// Forks `children` processes that each run `work` and exit (true: success; an exception counts
// as failure and is printed); waits for all of them and returns how many succeeded. No
// connection may be open in the calling process: a child must not share its socket or file
// locks.
[[nodiscard]] int run_in_children(int children, const std::function<bool()>& work);

// A fresh directory under the system's temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace migcmd::test::locks
