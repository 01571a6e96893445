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

namespace {

// OpenSSL 3 looks the algorithm up by name (locks, a hash table) on every EVP_sha256() digest:
// with a thousand small migration files that was half the time spent checksumming them. The
// algorithm is fetched once, and each thread keeps one context to reinitialise.
const EVP_MD& sha256_algorithm() {
  static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (algorithm == nullptr) {
    throw Error(ErrorCode::internal, "OpenSSL has no SHA-256 implementation available");
  }
  return *algorithm;
}

struct DigestContext {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  ~DigestContext() { EVP_MD_CTX_free(context); }
};

}  // namespace

std::string sha256_hex(std::string_view data) {
  thread_local DigestContext digest_context;
  EVP_MD_CTX* context = digest_context.context;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (context == nullptr || EVP_DigestInit_ex2(context, &sha256_algorithm(), nullptr) != 1 ||
      EVP_DigestUpdate(context, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context, digest.data(), &length) != 1) {
    throw Error(ErrorCode::internal, "OpenSSL could not compute a SHA-256 digest");
  }
  return detail::to_hex(Bytes(digest.begin(), digest.begin() + length));
}

std::string script_checksum(std::string_view text) {
  return sha256_hex(normalize_script(text));
}

}  // namespace migcmd
