#include "migcmd/checksum.hpp"

#include <openssl/evp.h>

#include <array>

#include "detail/hex.hpp"
#include "migcmd/error.hpp"

namespace migcmd {

std::string normalize_script(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t')) {
    out.pop_back();
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw Error(ErrorCode::internal, "OpenSSL could not compute a SHA-256 digest");
  }
  return detail::to_hex(Bytes(digest.begin(), digest.begin() + length));
}

std::string script_checksum(std::string_view text) {
  return sha256_hex(normalize_script(text));
}

}  // namespace migcmd
