// Appending to the chain, and where a project's log lives.

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <string>

#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/audit_scrub.hpp"
#include "migcmd/version.hpp"

namespace migcmd::governance {
namespace {

const std::string zero_hash(64, '0');

std::string this_host() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0) return "unknown";
  return name.data();
}

// Stores that check encodings (PostgreSQL, MySQL) refuse invalid UTF-8 and NUL; text is made
// valid before it is hashed so that what is stored reads back byte for byte. Each invalid byte
// becomes U+FFFD.
std::string valid_utf8(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto continuation = [&](std::size_t i) {
    return i < text.size() && (byte(i) & 0xc0U) == 0x80U;
  };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char b = byte(i);
    std::size_t length = 0;
    if (b >= 0x01U && b < 0x80U) {
      length = 1;
    } else if (b >= 0xc2U && b < 0xe0U) {
      length = 2;
    } else if (b >= 0xe0U && b < 0xf0U) {
      length = 3;
    } else if (b >= 0xf0U && b < 0xf5U) {
      length = 4;
    }
    bool ok = length > 0;
    for (std::size_t k = 1; ok && k < length; ++k) ok = continuation(i + k);
    if (ok && length == 3) {  // no overlong forms, no surrogates
      const unsigned char c = byte(i + 1);
      ok = !(b == 0xe0U && c < 0xa0U) && !(b == 0xedU && c >= 0xa0U);
    }
    if (ok && length == 4) {  // no overlong forms, nothing above U+10FFFF
      const unsigned char c = byte(i + 1);
      ok = !(b == 0xf0U && c < 0x90U) && !(b == 0xf4U && c >= 0x90U);
    }
    if (ok) {
      out.append(text, i, length);
      i += length;
    } else {
      out += "\xef\xbf\xbd";
      ++i;
    }
  }
  return out;
}

AuditEntry clean(AuditEntry entry) {
  entry = scrub_secrets(std::move(entry));
  for (std::string* field :
       {&entry.time, &entry.actor, &entry.action, &entry.result, &entry.environment,
        &entry.plan_checksum, &entry.target, &entry.message, &entry.host, &entry.tool_version}) {
    *field = valid_utf8(*field);
  }
  std::map<std::string, std::string> details;
  for (const auto& [key, value] : entry.details) details[valid_utf8(key)] = valid_utf8(value);
  entry.details = std::move(details);
  return entry;
}

}  // namespace

AuditLog::AuditLog(std::unique_ptr<AuditStore> store, AuditOptions options)
    : store_(std::move(store)), options_(std::move(options)) {
  if (!store_) throw Error(ErrorCode::usage, "an AuditLog needs a store");
  if (options_.hmac_key && options_.hmac_key->empty()) {
    throw Error(ErrorCode::usage, "the audit HMAC key is empty",
                "set a key of at least 32 random bytes, or none for a plain SHA-256 chain");
  }
  if (!options_.clock) options_.clock = [] { return std::chrono::system_clock::now(); };
  if (options_.host.empty()) options_.host = this_host();
  if (options_.pid == 0) options_.pid = static_cast<int>(getpid());
  if (options_.tool_version.empty()) options_.tool_version = library_version;
}

AuditEntry AuditLog::append(AuditEntry entry) {
  entry.time = entry.time.empty() ? format_audit_time(options_.clock())
                                  : format_audit_time(parse_audit_time(entry.time));
  if (entry.host.empty()) entry.host = options_.host;
  if (entry.pid == 0) entry.pid = options_.pid;
  if (entry.tool_version.empty()) entry.tool_version = options_.tool_version;
  entry = clean(std::move(entry));
  return store_->append([&](const std::optional<AuditEntry>& last) {
    AuditEntry chained = entry;
    chained.sequence = last ? last->sequence + 1 : 1;
    chained.previous_hash = last ? last->hash : zero_hash;
    chained.hash = audit_entry_hash(chained, options_.hmac_key);
    return chained;
  });
}

std::vector<AuditEntry> AuditLog::entries(const AuditFilter& filter) {
  return store_->read(filter);
}

std::filesystem::path default_audit_path() {
  if (const char* env = std::getenv("MIGCMD_AUDIT"); env != nullptr && *env != '\0') return env;
  return std::filesystem::path(".migcmd") / "audit.db";
}

std::optional<std::string> audit_key_from_environment() {
  if (const char* env = std::getenv("MIGCMD_AUDIT_KEY"); env != nullptr && *env != '\0') {
    return std::string(env);
  }
  return std::nullopt;
}

AuditLog open_audit_log(const std::filesystem::path& file, std::optional<std::string> hmac_key) {
  AuditOptions options;
  options.hmac_key = std::move(hmac_key);
  return AuditLog(open_sqlite_audit_store(file), std::move(options));
}

}  // namespace migcmd::governance
