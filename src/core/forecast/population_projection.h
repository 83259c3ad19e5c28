// Projects a municipality's population by single-year age from its registered
// years (Hamilton–Perry cohort-change ratios, births by child–woman ratio),
// scaled each year to a given municipal total, with SSB's low/high alternatives
// taken from the county. Pure: no files; io/reference/population_projection_loader.h
// reads the shipped SSB tables into PopulationInputs. Method, formulas and the
// back-test: docs/population-projection.md.
//
//   Result<std::vector<PopulationSeries>> r =
//       project_population(inputs, {{"5546"}}, PopulationAlternative::main, 2050);
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/forecast/population_series.h"
#include "core/result.h"

namespace kompetent::forecast {

// Registered population of one municipality (current borders) on 1 January of
// first_year, first_year + 1, ...: persons and, for the child–woman ratio, women.
struct RegisteredPopulation {
  std::string municipality;  // 4-digit number
  std::string county;        // 2-digit county number, 2024 structure
  int first_year = 0;
  // Years before this are not used as a base (csdata's 50/50 split of Ålesund
  // and Haram before 2024 is wrong; data/reference/PROVENANCE.md §2).
  int first_reliable_year = 0;
  std::vector<AgeProfile> persons;  // index: year - first_year
  std::vector<AgeProfile> women;    // same shape as persons
  [[nodiscard]] int last_year() const noexcept {
    return first_year + static_cast<int>(persons.size()) - 1;
  }
};

// A total per year: a municipality's (SSB's projected total) or a county's.
struct YearlyTotals {
  int first_year = 0;
  std::vector<double> by_year;  // index: year - first_year
  [[nodiscard]] bool has_year(int year) const noexcept {
    return year >= first_year && year < first_year + static_cast<int>(by_year.size());
  }
  [[nodiscard]] double at(int year) const noexcept {
    return by_year[static_cast<std::size_t>(year - first_year)];
  }
};

// SSB's county projection under its three alternatives (table 14288).
struct CountyProjection {
  std::string county;  // 2-digit number
  YearlyTotals main, low, high;
};

struct PopulationInputs {
  std::vector<RegisteredPopulation> registered;          // every municipality of the country
  std::map<std::string, YearlyTotals> municipal_totals;  // number → SSB main-alternative totals
  std::map<std::string, CountyProjection> counties;      // county number → alternatives
};

// What the projection assumes; the defaults are what the program uses.
struct ProjectionOptions {
  // The base period: ratios are pooled over the transitions base_first_year →
  // base_first_year + 1, ..., base_last_year - 1 → base_last_year, and the
  // projection starts from base_last_year. 0 means the last registered year.
  int base_first_year = 2021;
  int base_last_year = 0;
  // A ratio whose pooled denominator (persons summed over the base period) is
  // below this is taken from the county, and from the country when the county's
  // is too. 1 would mean "only when there is nobody to take a ratio of"; 50
  // also replaces ratios of a handful of very old persons, which the back-test
  // shows to be noise (90+ error 15.6 % → 13.3 % at 6 years, docs/population-projection.md).
  double min_base_persons = 50.0;
  // Scale each projected year to the municipal total (SSB main alternative),
  // anchored at the base year: target(t) = registered(base) × SSB(t) / SSB(base),
  // so SSB's growth is followed without a jump where SSB's 2024 projection and
  // later registrations disagree. false: pure Hamilton–Perry (for the back-test).
  bool calibrate = true;
};

// Pooled ratios of one population (docs/population-projection.md, "Method").
struct CohortChangeRatios {
  // ccr[a] for a = 1..kOldestAge - 1: P(a, t+1) / P(a-1, t), as ratio of sums
  // over the base period. ccr[kOldestAge] is the open age:
  // P(105+, t+1) / (P(104, t) + P(105+, t)). ccr[0] is unused (0).
  AgeProfile ccr{};
  AgeProfile base_persons{};     // the pooled denominator of each ccr[a]
  double child_woman_ratio = 0;  // Σ P(0, t) / Σ W15–49(t) over the base years t
  double women_share_15_49 = 0;  // Σ W15–49(t) / Σ P15–49(t) over the base years t
  double base_women_15_49 = 0;   // denominator of child_woman_ratio
};

// Ratios of `population` over [first_year, last_year]. Ages with no one in the
// base get ratio 0 and base_persons 0 (fill_missing_ratios replaces them).
[[nodiscard]] CohortChangeRatios cohort_change_ratios(const RegisteredPopulation& population,
                                                      int first_year, int last_year);

// Ratios whose base is below `min_base_persons` come from `fallback`.
[[nodiscard]] CohortChangeRatios fill_missing_ratios(const CohortChangeRatios& own,
                                                     const CohortChangeRatios& fallback,
                                                     double min_base_persons);

// One year on: ages 1..104 from the cohort one year younger, 105+ from 104 and
// 105+, age 0 from the child–woman ratio times women 15–49 of the new year
// (the base share of women among persons 15–49 times the new persons 15–49).
[[nodiscard]] AgeProfile project_one_year(const AgeProfile& previous,
                                          const CohortChangeRatios& ratios);

// Scales every age by total / sum(ages). Unchanged when the sum is 0.
[[nodiscard]] AgeProfile scale_to_total(const AgeProfile& ages, double total);

// The series for each of `municipalities` (current numbers), registered years
// as they are and projected years to `last_year`. Errors: not_found
// "unknown_municipality" {number}; invalid "projection_year_out_of_range"
// {year} when last_year is beyond the municipal or county totals;
// invalid "no_base_period" {number} when the municipality has fewer than two
// reliable registered years in the base period.
[[nodiscard]] Result<std::vector<PopulationSeries>> project_population(
    const PopulationInputs& inputs, std::span<const std::string> municipalities,
    PopulationAlternative alternative, int last_year, const ProjectionOptions& options = {});

// Persons 20–66 per person 80+ on 1 January of `year` (seed 003, "support
// ratio"); 0 when nobody is 80+. The year must be in the series.
[[nodiscard]] double support_ratio(const PopulationSeries& series, int year) noexcept;

// The size of one youth cohort: persons aged 19 on 1 January of `year`, the
// age at which most finish upper secondary school and choose an education
// (F2's lever "share of a youth cohort"). The year must be in the series.
inline constexpr int kYouthCohortAge = 19;
[[nodiscard]] double youth_cohort(const PopulationSeries& series, int year) noexcept;

}  // namespace kompetent::forecast
