// The canonical form of an entry and its chained hash. The form is written by hand rather than
// by a JSON library so that it is pinned byte for byte (an auditor can re-implement it from the
// header's description) and accepts any bytes (a database error message need not be UTF-8).

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <string>

#include "audit_json.hpp"
#include "migcmd/error.hpp"
#include "migcmd/governance/audit_log.hpp"

namespace migcmd::governance {
namespace {

std::string to_hex(const unsigned char* data, unsigned int size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{size} * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(digits[data[i] >> 4U]);
    out.push_back(digits[data[i] & 0x0fU]);
  }
  return out;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char digits[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (byte < 0x20U) {
          out += "\\u00";
          out.push_back(digits[byte >> 4U]);
          out.push_back(digits[byte & 0x0fU]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

std::string details_json(const std::map<std::string, std::string>& details) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : details) {  // std::map: keys sorted bytewise
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, key);
    out.push_back(':');
    append_json_string(out, value);
  }
  out.push_back('}');
  return out;
}

std::string audit_canonical_json(const AuditEntry& entry) {
  std::string out = "{";
  auto text = [&](std::string_view key, std::string_view value) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(out, key);
    out.push_back(':');
    append_json_string(out, value);
  };
  auto number = [&](std::string_view key, std::int64_t value) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(out, key);
    out.push_back(':');
    out += std::to_string(value);
  };
  number("sequence", entry.sequence);
  text("time", entry.time);
  text("actor", entry.actor);
  text("action", entry.action);
  text("result", entry.result);
  text("environment", entry.environment);
  text("plan_checksum", entry.plan_checksum);
  text("target", entry.target);
  text("message", entry.message);
  number("duration_ms", entry.duration_ms);
  text("host", entry.host);
  number("pid", entry.pid);
  text("tool_version", entry.tool_version);
  out += ",\"details\":";
  out += details_json(entry.details);
  text("previous_hash", entry.previous_hash);
  out.push_back('}');
  return out;
}

std::string audit_entry_hash(const AuditEntry& entry, const std::optional<std::string>& hmac_key) {
  const std::string message = entry.previous_hash + audit_canonical_json(entry);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (hmac_key) {
    if (HMAC(EVP_sha256(), hmac_key->data(), static_cast<int>(hmac_key->size()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data(),
             &size) == nullptr) {
      throw Error(ErrorCode::internal, "HMAC-SHA256 of an audit entry failed");
    }
  } else if (EVP_Digest(message.data(), message.size(), digest.data(), &size, EVP_sha256(),
                        nullptr) != 1) {
    throw Error(ErrorCode::internal, "SHA-256 of an audit entry failed");
  }
  return to_hex(digest.data(), size);
}

}  // namespace migcmd::governance
