// A forecast scenario: a name and the levers that turn the seven factors of seed 004 into
// numbers (docs/forecast.md, "Levers"). Plain values; validate() checks the ranges. JSON lives
// in cli/ (and later api/), not here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/forecast/population_series.h"
#include "core/result.h"

namespace kompetent::forecast {

// A value that moves in a straight line from `from` (in the base year) to `to` (reached in
// `to_year` and kept after it).
struct YearPath {
  double from = 0;
  double to = 0;
  int to_year = 2030;
  [[nodiscard]] double at(int year, int base_year) const noexcept;
  bool operator==(const YearPath&) const = default;
};

// The average position size a group reaches by `to_year` (1.0 = full time).
struct PositionSizeTarget {
  double to = 1.0;
  int to_year = 2030;
  // The value in `year` for a group whose base-year average is `base_average`.
  [[nodiscard]] double at(int year, int base_year, double base_average) const noexcept {
    return YearPath{base_average, to, to_year}.at(year, base_year);
  }
  bool operator==(const PositionSizeTarget&) const = default;
};

// A value per key (category or service), with a default for keys not listed.
struct PerKey {
  double default_value = 0;
  std::map<std::string, double> by_key;
  [[nodiscard]] double at(const std::string& key) const {
    auto it = by_key.find(key);
    return it == by_key.end() ? default_value : it->second;
  }
  bool operator==(const PerKey&) const = default;
};

// Move `share` of the demand for `from_category` to `to_category` (in every service, or
// only in `service` when set), one årsverk for one årsverk.
struct TaskShift {
  std::string from_category;
  std::string to_category;
  double share = 0;
  std::string service;  // empty: every service
  bool operator==(const TaskShift&) const = default;
};

struct Scenario {
  std::string name = "basis";
  // Factor 1, tasks and technology: demand falls by this share each year ((1 + p)^-years).
  double productivity_per_year = 0;
  // Factor 1, staffing standards: staff per user changes by this share (+0.1 = 10 % more),
  // per service, phased in linearly until phase_in_until.
  PerKey staffing_change;
  // Factor 1 and 2, the tasks and the role: shares of demand moved between categories,
  // phased in like staffing_change.
  std::vector<TaskShift> task_shifts;
  int phase_in_until = 2030;
  // Factor 3, demography: SSB's alternative; the caller picks the population series by it.
  PopulationAlternative population = PopulationAlternative::main;
  // Factor 4: yearly probability of leaving for other reasons than age, per category.
  PerKey turnover{0.06, {}};
  // Factor 5, part-time: the average position size (fraction of full time) each group moves
  // to, in a straight line from its own base-year average (docs/forecast.md). Recruits are
  // hired at the year's value, and existing staff whose group averages less are raised to
  // it. None: recruits take their group's base-year average and nobody's size changes.
  std::optional<PositionSizeTarget> position_size;
  // Factor 5, sick leave: share of contracted time lost, the same for every category.
  YearPath sick_leave{0.08, 0.08, 2030};
  // Factor 5, retirement pattern: the age-specific exit curves move this many years later.
  double retirement_age_shift = 0;
  // Factors 6 and 7, migration, commuting, attractiveness, local labour market: the share of
  // recruits who come from outside the municipality's own youth cohorts.
  double outside_recruit_share = 0.3;
  bool operator==(const Scenario&) const = default;
};

// Checks every lever's range and that task shifts name different, known categories and do
// not move more than all of one category's demand. Error codes (all `invalid`, args
// {lever, value}): "scenario_value_out_of_range", "task_shift_same_category",
// "unknown_category" (args {category}), "unknown_service" (args {service}),
// "task_shift_over_100_percent" (args {category}).
[[nodiscard]] Status validate(const Scenario& scenario, const std::vector<std::string>& categories,
                              const std::vector<std::string>& services);

// The lever names for --set and JSON, e.g. "turnover", "turnover.sykepleier", "sick_leave.to".
// Sets one lever from text; fails with "unknown_lever" or "invalid_lever_value".
[[nodiscard]] Status set_lever(Scenario& scenario, const std::string& lever, const std::string& value);

// The inverse of set_lever: every lever of the scenario (defaults included, the name not) as
// (lever, value) pairs that set_lever turns back into the same scenario. Numbers are plain
// decimal text ("0.08"), years whole, the population "main|low|high", and each task shift one
// ("task_shift", "from:to:share[:service]") pair. For saving, exporting and showing assumptions.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> levers_of(const Scenario& scenario);

// The range validate() accepts for each numeric lever, for forms and sliders. Per-key levers
// ("turnover.<category>", "staffing_change.<service>") have the range of their head.
struct LeverRange {
  std::string lever;
  double low = 0;
  double high = 0;
};
[[nodiscard]] std::vector<LeverRange> lever_ranges();

}  // namespace kompetent::forecast
