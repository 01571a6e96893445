// Verifying the chain, and saying precisely what happened to the first entry that breaks it.
//
// Each stored entry carries two facts: its own hash (does its content still match it?) and the
// hash of the entry that preceded it when it was written (which entry was before it?). Read in
// sequence order, a sound chain has every entry matching its hash and naming the entry just
// before it. At the first entry that does not, the two facts tell the cases apart:
// - its content no longer matches its hash, and no renumbering explains it: edited (or, when the
//   next entry names the entry before this one, inserted);
// - it names an entry that is not there: the entries between were deleted;
// - it names an entry further back: the entries in between were inserted;
// - it names an entry further on: entries were moved, out of order.
// An entry whose hash matches once its sequence is put back to some other number is intact but
// renumbered, which is how deletions, insertions and reorderings done through SQL look when the
// attacker also fixed the numbering.

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "audit_verify.hpp"

namespace migcmd::governance {
namespace {

const std::string zero_hash(64, '0');

AuditVerification failure(std::int64_t entries, std::int64_t sequence, std::string problem) {
  AuditVerification v;
  v.ok = false;
  v.entries = entries;
  v.first_bad_sequence = sequence;
  v.problem = std::move(problem);
  return v;
}

std::string range(std::int64_t first, std::int64_t last, std::string_view one,
                  std::string_view many) {
  if (first >= last) return fmt::format("entry {} {}", first, one);
  return fmt::format("entries {} to {} {}", first, last, many);
}

class ChainChecker {
 public:
  ChainChecker(const std::vector<AuditEntry>& entries, const std::optional<std::string>& key)
      : entries_(entries), key_(key), count_(static_cast<std::int64_t>(entries.size())) {
    matches_.reserve(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      matches_.push_back(audit_entry_hash(entries_[i], key_) == entries_[i].hash);
      position_.emplace(entries_[i].hash, i);  // the first entry with a hash wins
      follower_.emplace(entries_[i].previous_hash, i);
    }
  }

  AuditVerification run() {
    if (count_ == 0) return {true, 0, std::nullopt, {}};
    if (auto v = wrong_key()) return *v;
    std::string expected_previous = zero_hash;
    std::int64_t expected_sequence = 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const AuditEntry& e = entries_[i];
      if (matches_[i] && e.previous_hash == expected_previous && e.sequence == expected_sequence) {
        expected_previous = e.hash;
        ++expected_sequence;
        continue;
      }
      return diagnose(i, expected_previous, expected_sequence);
    }
    return {true, count_, std::nullopt, {}};
  }

 private:
  // When no entry matches its hash, the key is the likelier culprit than a rewrite of all.
  std::optional<AuditVerification> wrong_key() const {
    if (std::any_of(matches_.begin(), matches_.end(), [](bool m) { return m; })) {
      return std::nullopt;
    }
    const AuditEntry& first = entries_.front();
    if (key_ && audit_entry_hash(first, std::nullopt) == first.hash) {
      return failure(count_, first.sequence,
                     fmt::format("entry {} is not signed with the audit key: its hash is a plain "
                                 "SHA-256, so the chain was written or rewritten without the key",
                                 first.sequence));
    }
    if (count_ < 2) return std::nullopt;
    return failure(
        count_, first.sequence,
        fmt::format("no entry matches its hash, from entry {} on: {}", first.sequence,
                    key_ ? "the log was written with another HMAC key, or every entry was edited"
                         : "the log was written with an HMAC key (set MIGCMD_AUDIT_KEY), or every "
                           "entry was edited"));
  }

  std::optional<std::size_t> position_of(const std::string& hash) const {
    const auto it = position_.find(hash);
    if (it == position_.end()) return std::nullopt;
    return it->second;
  }

  // The sequence an intact entry had when it was written, if only its number changed. Tried
  // nearest first, and only so far: the numbers are the attacker's, and could send a search to
  // the end of the 64-bit range.
  std::optional<std::int64_t> original_sequence(const AuditEntry& e) const {
    constexpr std::int64_t max_distance = 100'000;
    const std::int64_t limit = count_ + max_distance;  // no original lies further on
    const std::int64_t center = std::clamp<std::int64_t>(e.sequence, 1, limit);
    AuditEntry copy = e;
    const auto matches = [&](std::int64_t s) {
      if (s < 1 || s > limit || s == e.sequence) return false;
      copy.sequence = s;
      return audit_entry_hash(copy, key_) == e.hash;
    };
    for (std::int64_t d = 0; d <= max_distance; ++d) {
      if (center - d < 1 && center + d > limit) break;
      if (matches(center - d)) return center - d;
      if (matches(center + d)) return center + d;
    }
    return std::nullopt;
  }

  // Entry i names the entry at position j (or none) as its predecessor instead of i - 1.
  std::optional<AuditVerification> misplaced(std::size_t i, const std::string& expected_previous,
                                             std::int64_t expected_sequence,
                                             std::int64_t original) const {
    const AuditEntry& e = entries_[i];
    const auto j = position_of(e.previous_hash);
    if (j && *j > i) {
      // The entry that belongs here is the one that names the last sound entry before it.
      const auto it = follower_.find(expected_previous);
      const std::size_t other = it != follower_.end() && it->second > i ? it->second : *j;
      return failure(
          count_, e.sequence,
          fmt::format("entries {} and {} are out of order", e.sequence, entries_[other].sequence));
    }
    if (j && *j + 1 < i) {
      const std::int64_t first = entries_[*j + 1].sequence;
      return failure(count_, first,
                     range(first, entries_[i - 1].sequence, "was inserted", "were inserted"));
    }
    if (!j && e.previous_hash != zero_hash) {
      return failure(
          count_, expected_sequence,
          original > expected_sequence
              ? range(expected_sequence, original - 1, "is missing (deleted)",
                      "are missing (deleted)")
              : fmt::format("the entry before entry {} is missing (deleted)", e.sequence));
    }
    return std::nullopt;
  }

  AuditVerification diagnose(std::size_t i, const std::string& expected_previous,
                             std::int64_t expected_sequence) const {
    const AuditEntry& e = entries_[i];
    if (matches_[i]) {
      if (e.previous_hash != expected_previous) {
        if (auto v = misplaced(i, expected_previous, expected_sequence, e.sequence)) return *v;
      }
      return failure(count_, e.sequence,
                     fmt::format("entry {} was edited: it should be entry {} and follow the "
                                 "entry before it, and its hash was recomputed",
                                 e.sequence, expected_sequence));
    }
    if (key_ && audit_entry_hash(e, std::nullopt) == e.hash) {
      return failure(count_, e.sequence,
                     fmt::format("entry {} was edited and rehashed without the audit key (its "
                                 "hash is a plain SHA-256)",
                                 e.sequence));
    }
    if (const auto original = original_sequence(e)) {
      if (e.previous_hash != expected_previous) {
        if (auto v = misplaced(i, expected_previous, expected_sequence, *original)) return *v;
      }
      return failure(
          count_, e.sequence,
          fmt::format("entry {} was edited: it was written as entry {}", e.sequence, *original));
    }
    if (i + 1 < entries_.size() && entries_[i + 1].previous_hash == expected_previous) {
      return failure(count_, e.sequence, fmt::format("entry {} was inserted", e.sequence));
    }
    return failure(
        count_, e.sequence,
        fmt::format("entry {} was edited: its content no longer matches its hash", e.sequence));
  }

  const std::vector<AuditEntry>& entries_;
  const std::optional<std::string>& key_;
  std::int64_t count_;
  std::vector<bool> matches_;
  std::unordered_map<std::string, std::size_t> position_;  // by hash
  std::unordered_map<std::string, std::size_t> follower_;  // by previous_hash
};

}  // namespace

AuditVerification verify_audit_chain(const std::vector<AuditEntry>& entries,
                                     const std::optional<std::string>& hmac_key) {
  return ChainChecker(entries, hmac_key).run();
}

AuditVerification AuditLog::verify() {
  return verify_audit_chain(store_->read({}), options_.hmac_key);
}

}  // namespace migcmd::governance
