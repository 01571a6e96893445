#pragma once
// A literal value: a column default or a cell of a data operation. Dialects render it as a
// correctly escaped SQL literal, or bind it as a parameter.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace migcmd {

using Bytes = std::vector<std::uint8_t>;

class Value {
 public:
  using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string, Bytes>;

  Value() = default;  // SQL NULL
  Value(std::nullptr_t) {}
  Value(bool v) : v_(v) {}
  Value(int v) : v_(std::int64_t{v}) {}
  Value(long v) : v_(std::int64_t{v}) {}
  Value(long long v) : v_(std::int64_t{v}) {}
  Value(double v) : v_(v) {}
  Value(std::string v) : v_(std::move(v)) {}
  Value(const char* v) : v_(std::string(v)) {}
  Value(Bytes v) : v_(std::move(v)) {}

  [[nodiscard]] bool is_null() const noexcept { return std::holds_alternative<std::monostate>(v_); }
  [[nodiscard]] const Storage& storage() const noexcept { return v_; }

  template <typename T>
  [[nodiscard]] bool holds() const noexcept {
    return std::holds_alternative<T>(v_);
  }
  template <typename T>
  [[nodiscard]] const T& get() const {
    return std::get<T>(v_);
  }

  friend bool operator==(const Value&, const Value&) = default;

 private:
  Storage v_;
};

// A readable rendering for messages ("NULL", "true", "42", "'text'", "<3 bytes>"); not SQL.
[[nodiscard]] std::string describe(const Value& value);

}  // namespace migcmd
