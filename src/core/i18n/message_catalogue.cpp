#include "core/i18n/message_catalogue.h"

namespace kompetent {

std::string MessageCatalogue::text(std::string_view key, const std::vector<std::string>& args) const {
  auto it = messages_.find(key);
  if (it == messages_.end()) return std::string(key);
  const std::string& pattern = it->second;
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '0');
      out += n < args.size() ? args[n] : std::string();
      i += 2;
    } else {
      out.push_back(pattern[i]);
    }
  }
  return out;
}

}  // namespace kompetent
