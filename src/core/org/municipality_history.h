// Which current municipality numbers an old kommunenummer became. Numbers were
// retired in 2017–2020 and again on 1 January 2024; an HR export from 2016 says
// "1943", while today Kvænangen is 5546 (1943 → 5429 in 2020 → 5546 in 2024).
// Pure: built from values, reads no files. The shipped table is
// data/municipality_numbers.csv (sources in data/reference/PROVENANCE.md).
//
//   MunicipalityHistory history(changes, current_numbers);
//   history.current_numbers_for("1943");  // {5546}
//   history.current_numbers_for("1850");  // {1806, 1875}: Tysfjord was split
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/org/municipality.h"

namespace kompetent {

// One retired number and what replaced it.
struct MunicipalityNumberChange {
  MunicipalityNumber number;           // the retired number, e.g. "1943"
  std::optional<int> valid_from_year;  // first year in use; empty when the source does not say
  int valid_to_year = 0;               // last year in use (31 December)
  std::vector<MunicipalityNumber> successors;  // several when the municipality was split
  bool operator==(const MunicipalityNumberChange&) const = default;
};

class MunicipalityHistory {
 public:
  MunicipalityHistory() = default;

  // `changes` may list direct successors (1943 → 5429, 5429 → 5546) or final
  // ones (1943 → 5546); both give the same answers. `current` are the numbers
  // in use now. If a number occurs twice in `changes`, the first one wins.
  MunicipalityHistory(std::vector<MunicipalityNumberChange> changes,
                      std::vector<MunicipalityNumber> current);

  // The current numbers that `number` became, following chains through every
  // retired number, in the order of the successors and without duplicates.
  // A current number gives itself, even if `changes` also lists it (the
  // question is always asked about today's numbers). A number that is neither current nor
  // retired (or is not four digits) gives an empty vector, and so does a chain
  // that ends in such a number. Cycles in the data are cut, never followed twice.
  [[nodiscard]] std::vector<MunicipalityNumber> current_numbers_for(std::string_view number) const;

  // The change that retired `number`, or nullopt if it was never retired here
  // (a current number, or one this history does not know).
  [[nodiscard]] std::optional<MunicipalityNumberChange> change_of(std::string_view number) const;

  [[nodiscard]] bool is_current(std::string_view number) const;
  [[nodiscard]] std::size_t change_count() const noexcept { return changes_.size(); }

 private:
  void collect(std::string_view number, std::set<std::string, std::less<>>& visited,
               std::vector<MunicipalityNumber>& out) const;

  std::map<std::string, MunicipalityNumberChange, std::less<>> changes_;
  std::set<std::string, std::less<>> current_;
};

}  // namespace kompetent
