// User-visible text by key, in one language. Messages may hold {0}, {1}, …
// which are replaced by the arguments in order. A missing key shows as the
// key itself, so a gap in a catalogue is visible but never fatal.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kompetent {

class MessageCatalogue {
 public:
  MessageCatalogue() = default;
  MessageCatalogue(std::string language, std::map<std::string, std::string, std::less<>> messages)
      : language_(std::move(language)), messages_(std::move(messages)) {}

  [[nodiscard]] const std::string& language() const noexcept { return language_; }
  [[nodiscard]] bool has(std::string_view key) const { return messages_.find(key) != messages_.end(); }
  [[nodiscard]] std::string text(std::string_view key, const std::vector<std::string>& args = {}) const;
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& all() const noexcept {
    return messages_;
  }

 private:
  std::string language_;
  std::map<std::string, std::string, std::less<>> messages_;
};

}  // namespace kompetent
