#pragma once
// Checksums of migration scripts: SHA-256 (OpenSSL) of the text with line endings normalised, so
// that a checkout with CRLF endings or a trailing newline added by an editor does not look like a
// changed migration, while any change of content does.

#include <string>
#include <string_view>

namespace migcmd {

// CRLF and lone CR become LF; trailing whitespace at the end of the text is dropped.
[[nodiscard]] std::string normalize_script(std::string_view text);

// Lower-case hex SHA-256 of `data` as given.
[[nodiscard]] std::string sha256_hex(std::string_view data);

// sha256_hex(normalize_script(text)): the checksum recorded in the history table.
[[nodiscard]] std::string script_checksum(std::string_view text);

}  // namespace migcmd
