#include "connection/soci_connection.hpp"

#include <fmt/format.h>

#include <soci/soci.h>
#include <cctype>
#include <ctime>
#include <regex>

#include "detail/hex.hpp"
#include "migcmd/error.hpp"

namespace migcmd::detail {
namespace {

// SOCI cannot bind a std::variant; each value is bound through a holder of its own type.
struct BoundValues {
  std::vector<std::string> strings;
  std::vector<long long> integers;
  std::vector<double> doubles;
  std::vector<soci::indicator> indicators;
};

std::string cell_text(const soci::row& row, std::size_t i) {
  const auto& props = row.get_properties(i);
  switch (props.get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
    case soci::dt_blob:
      return row.get<std::string>(i);
    case soci::dt_double:
      return fmt::format("{}", row.get<double>(i));
    case soci::dt_integer:
      return fmt::format("{}", row.get<int>(i));
    case soci::dt_long_long:
      return fmt::format("{}", row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return fmt::format("{}", row.get<unsigned long long>(i));
    case soci::dt_date: {
      std::tm tm = row.get<std::tm>(i);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
      return buf;
    }
  }
  return row.get<std::string>(i);
}

class SociConnection final : public Connection {
 public:
  SociConnection(std::unique_ptr<soci::session> session, std::string dialect, std::string url,
                 DirectExecute direct, DirectQuery direct_query,
                 DirectBoundQuery direct_bound_query)
      : session_(std::move(session)),
        dialect_(std::move(dialect)),
        url_(std::move(url)),
        direct_(std::move(direct)),
        direct_query_(std::move(direct_query)),
        direct_bound_query_(std::move(direct_bound_query)) {}

  std::string_view dialect_name() const noexcept override { return dialect_; }
  std::string redacted_url() const override { return url_; }

  void execute(const std::string& sql, const std::vector<Value>& parameters) override {
    if (parameters.empty()) {
      direct_(*session_, sql);  // see DirectExecute: no placeholder rewriting
      return;
    }
    guarded(sql, [&] {
      BoundValues holder;
      soci::statement st = prepare(sql, parameters, holder);
      st.define_and_bind();
      st.execute(true);
    });
  }

  QueryResult query(const std::string& sql, const std::vector<Value>& parameters) override {
    if (parameters.empty() && direct_query_) return direct_query_(*session_, sql);
    if (!parameters.empty() && direct_bound_query_) {
      return direct_bound_query_(*session_, sql, parameters);
    }
    QueryResult result;
    guarded(sql, [&] {
      BoundValues holder;
      soci::row row;
      soci::statement st = prepare(sql, parameters, holder);
      st.exchange(soci::into(row));
      st.define_and_bind();
      st.execute(false);
      bool first = true;
      while (st.fetch()) {
        if (first) {
          for (std::size_t i = 0; i < row.size(); ++i) {
            result.columns.push_back(row.get_properties(i).get_name());
          }
          first = false;
        }
        Row out;
        for (std::size_t i = 0; i < row.size(); ++i) {
          if (row.get_indicator(i) == soci::i_null)
            out.emplace_back(std::nullopt);
          else
            out.emplace_back(cell_text(row, i));
        }
        result.rows.push_back(std::move(out));
      }
    });
    return result;
  }

  void begin() override {
    guarded("BEGIN", [&] { session_->begin(); });
  }
  void commit() override {
    guarded("COMMIT", [&] { session_->commit(); });
  }
  void rollback() override {
    guarded("ROLLBACK", [&] { session_->rollback(); });
  }

 private:
  soci::statement prepare(const std::string& sql, const std::vector<Value>& parameters,
                          BoundValues& holder) {
    // Reserve so that the addresses SOCI keeps stay valid while binding.
    holder.strings.reserve(parameters.size());
    holder.integers.reserve(parameters.size());
    holder.doubles.reserve(parameters.size());
    holder.indicators.reserve(parameters.size());
    soci::statement st(*session_);
    for (const auto& p : parameters) {
      holder.indicators.push_back(p.is_null() ? soci::i_null : soci::i_ok);
      soci::indicator& ind = holder.indicators.back();
      if (p.holds<bool>()) {
        holder.integers.push_back(p.get<bool>() ? 1 : 0);
        st.exchange(soci::use(holder.integers.back(), ind));
      } else if (p.holds<std::int64_t>()) {
        holder.integers.push_back(p.get<std::int64_t>());
        st.exchange(soci::use(holder.integers.back(), ind));
      } else if (p.holds<double>()) {
        holder.doubles.push_back(p.get<double>());
        st.exchange(soci::use(holder.doubles.back(), ind));
      } else if (p.holds<std::string>()) {
        holder.strings.push_back(p.get<std::string>());
        st.exchange(soci::use(holder.strings.back(), ind));
      } else if (p.holds<Bytes>()) {
        throw Error(ErrorCode::unsupported_operation,
                    "binary values cannot be bound as parameters; render them as literals",
                    "generate without RenderOptions::bind_values");
      } else {
        holder.strings.emplace_back();
        st.exchange(soci::use(holder.strings.back(), ind));
      }
    }
    st.alloc();
    st.prepare(sql);
    return st;
  }

  template <typename F>
  void guarded(const std::string& sql, F&& f) {
    try {
      f();
    } catch (const soci::soci_error& e) {
      std::string message = e.get_error_message();
      if (message.empty()) message = e.what();
      throw DatabaseError(fmt::format("{} failed: {}", sql_excerpt(sql), message), sql);
    }
  }

  static std::string sql_excerpt(const std::string& sql) {
    constexpr std::size_t limit = 200;
    return sql.size() <= limit ? sql : sql.substr(0, limit) + "...";
  }

  std::unique_ptr<soci::session> session_;
  std::string dialect_;
  std::string url_;
  DirectExecute direct_;
  DirectQuery direct_query_;
  DirectBoundQuery direct_bound_query_;
};

}  // namespace

std::string scrub_secrets(std::string message, const std::string& connect_string) {
  if (!connect_string.empty()) {
    for (auto pos = message.find(connect_string); pos != std::string::npos;
         pos = message.find(connect_string, pos)) {
      message.replace(pos, connect_string.size(), "<connection string>");
    }
  }
  static const std::regex secret(
      R"re(((?:password|pwd|passwd)\s*=\s*)('(?:[^'\\]|\\.)*'|"[^"]*"|\{(?:[^}]|\}\})*\}|[^\s;]*))re",
      std::regex::icase);
  message = std::regex_replace(message, secret, "$1***");
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) {
    message.pop_back();
  }
  return message;
}

std::unique_ptr<Connection> open_soci_connection(const soci::backend_factory& backend,
                                                 const std::string& connect_string,
                                                 std::string dialect_name, std::string redacted_url,
                                                 DirectExecute direct_execute,
                                                 DirectQuery direct_query,
                                                 DirectBoundQuery direct_bound_query) {
  try {
    auto session = std::make_unique<soci::session>(backend, connect_string);
    return std::make_unique<SociConnection>(std::move(session), std::move(dialect_name),
                                            std::move(redacted_url), std::move(direct_execute),
                                            std::move(direct_query), std::move(direct_bound_query));
  } catch (const soci::soci_error& e) {
    // The driver's reason is worth keeping ("password authentication failed for user x"), but a
    // driver or SOCI may echo the connect string: secrets in it are masked.
    std::string message = scrub_secrets(e.get_error_message(), connect_string);
    throw Error(ErrorCode::connection_error,
                fmt::format("cannot connect to {}: {}", redacted_url, message),
                "check that the server is running and the URL is right");
  }
}

}  // namespace migcmd::detail
