#include "core/org/municipality_history.h"

#include <utility>

namespace kompetent {

MunicipalityHistory::MunicipalityHistory(std::vector<MunicipalityNumberChange> changes,
                                         std::vector<MunicipalityNumber> current) {
  for (MunicipalityNumberChange& change : changes) {
    std::string key = change.number.digits;
    changes_.emplace(std::move(key), std::move(change));
  }
  for (MunicipalityNumber& number : current) current_.insert(std::move(number.digits));
}

bool MunicipalityHistory::is_current(std::string_view number) const {
  return current_.find(number) != current_.end();
}

std::vector<MunicipalityNumber> MunicipalityHistory::current_numbers_for(
    std::string_view number) const {
  std::vector<MunicipalityNumber> out;
  if (!is_valid_municipality_number(number)) return out;
  std::set<std::string, std::less<>> visited;
  collect(number, visited, out);
  return out;
}

void MunicipalityHistory::collect(std::string_view number,
                                  std::set<std::string, std::less<>>& visited,
                                  std::vector<MunicipalityNumber>& out) const {
  if (!visited.emplace(number).second) return;
  if (is_current(number)) {
    out.push_back(MunicipalityNumber{std::string(number)});  // `visited` keeps it unique
    return;
  }
  auto change = changes_.find(number);
  if (change == changes_.end()) return;
  for (const MunicipalityNumber& successor : change->second.successors) {
    collect(successor.digits, visited, out);
  }
}

std::optional<MunicipalityNumberChange> MunicipalityHistory::change_of(
    std::string_view number) const {
  auto change = changes_.find(number);
  if (change == changes_.end()) return std::nullopt;
  return change->second;
}

}  // namespace kompetent
