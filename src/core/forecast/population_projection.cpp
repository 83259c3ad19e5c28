#include "core/forecast/population_projection.h"

#include <algorithm>
#include <cstddef>
#include <optional>

namespace kompetent::forecast {
namespace {

constexpr int kFertileFrom = 15;
constexpr int kFertileTo = 49;

double sum_ages(const AgeProfile& ages, int from, int to) noexcept {
  double total = 0;
  for (int age = from; age <= to; ++age) total += ages[static_cast<std::size_t>(age)];
  return total;
}

const AgeProfile& persons_in(const RegisteredPopulation& p, int year) {
  return p.persons[static_cast<std::size_t>(year - p.first_year)];
}
const AgeProfile& women_in(const RegisteredPopulation& p, int year) {
  return p.women[static_cast<std::size_t>(year - p.first_year)];
}

// The sum of several municipalities over [first_year, last_year], for the
// county's and the country's ratios. Years a municipality lacks add nothing.
RegisteredPopulation aggregate(const std::vector<const RegisteredPopulation*>& parts,
                               int first_year, int last_year) {
  RegisteredPopulation sum;
  sum.first_year = first_year;
  sum.first_reliable_year = first_year;
  const auto years = static_cast<std::size_t>(last_year - first_year + 1);
  sum.persons.assign(years, AgeProfile{});
  sum.women.assign(years, AgeProfile{});
  for (const RegisteredPopulation* part : parts) {
    for (int year = first_year; year <= last_year; ++year) {
      if (year < part->first_year || year > part->last_year()) continue;
      const auto i = static_cast<std::size_t>(year - first_year);
      const AgeProfile& persons = persons_in(*part, year);
      const AgeProfile& women = women_in(*part, year);
      for (std::size_t a = 0; a < kAgeCount; ++a) {
        sum.persons[i][a] += persons[a];
        sum.women[i][a] += women[a];
      }
    }
  }
  return sum;
}

// The factor that turns the main alternative into `alternative` in `year`,
// relative to the base year so the series does not jump where it starts.
double alternative_factor(const CountyProjection& county, PopulationAlternative alternative,
                          int year, int base_year) {
  if (alternative == PopulationAlternative::main) return 1.0;
  const YearlyTotals& alt = alternative == PopulationAlternative::low ? county.low : county.high;
  auto ratio = [&](int y) {
    if (!alt.has_year(y) || !county.main.has_year(y) || county.main.at(y) <= 0) return 1.0;
    return alt.at(y) / county.main.at(y);
  };
  return ratio(year) / ratio(base_year);
}

}  // namespace

CohortChangeRatios cohort_change_ratios(const RegisteredPopulation& population, int first_year,
                                        int last_year) {
  CohortChangeRatios out;
  AgeProfile numerator{};
  for (int t = first_year; t < last_year; ++t) {
    const AgeProfile& now = persons_in(population, t);
    const AgeProfile& next = persons_in(population, t + 1);
    for (int a = 1; a < kOldestAge; ++a) {
      numerator[static_cast<std::size_t>(a)] += next[static_cast<std::size_t>(a)];
      out.base_persons[static_cast<std::size_t>(a)] += now[static_cast<std::size_t>(a - 1)];
    }
    numerator[kOldestAge] += next[kOldestAge];
    out.base_persons[kOldestAge] += now[kOldestAge - 1] + now[kOldestAge];
  }
  for (std::size_t a = 1; a < kAgeCount; ++a) {
    out.ccr[a] = out.base_persons[a] > 0 ? numerator[a] / out.base_persons[a] : 0.0;
  }
  double births = 0;
  double persons_15_49 = 0;
  for (int t = first_year; t <= last_year; ++t) {
    births += persons_in(population, t)[0];
    out.base_women_15_49 += sum_ages(women_in(population, t), kFertileFrom, kFertileTo);
    persons_15_49 += sum_ages(persons_in(population, t), kFertileFrom, kFertileTo);
  }
  if (out.base_women_15_49 > 0) {
    out.child_woman_ratio = births / out.base_women_15_49;
    out.women_share_15_49 = out.base_women_15_49 / persons_15_49;
  }
  return out;
}

CohortChangeRatios fill_missing_ratios(const CohortChangeRatios& own,
                                       const CohortChangeRatios& fallback,
                                       double min_base_persons) {
  CohortChangeRatios out = own;
  for (std::size_t a = 1; a < kAgeCount; ++a) {
    if (own.base_persons[a] < min_base_persons) {
      out.ccr[a] = fallback.ccr[a];
      out.base_persons[a] = fallback.base_persons[a];
    }
  }
  if (own.base_women_15_49 < min_base_persons) {
    out.child_woman_ratio = fallback.child_woman_ratio;
    out.women_share_15_49 = fallback.women_share_15_49;
    out.base_women_15_49 = fallback.base_women_15_49;
  }
  return out;
}

AgeProfile project_one_year(const AgeProfile& previous, const CohortChangeRatios& ratios) {
  AgeProfile next{};
  for (std::size_t a = 1; a < kOldestAge; ++a) next[a] = ratios.ccr[a] * previous[a - 1];
  next[kOldestAge] = ratios.ccr[kOldestAge] * (previous[kOldestAge - 1] + previous[kOldestAge]);
  // Women 15–49 of the new year, from its persons 15–49 (we project persons,
  // not each sex; the base share of women stands in for a female projection).
  const double women = ratios.women_share_15_49 * sum_ages(next, kFertileFrom, kFertileTo);
  next[0] = ratios.child_woman_ratio * women;
  return next;
}

AgeProfile scale_to_total(const AgeProfile& ages, double total) {
  const double sum = sum_ages(ages, 0, kOldestAge);
  if (sum <= 0) return ages;
  AgeProfile out{};
  const double factor = total / sum;
  for (std::size_t a = 0; a < kAgeCount; ++a) out[a] = ages[a] * factor;
  return out;
}

Result<std::vector<PopulationSeries>> project_population(
    const PopulationInputs& inputs, std::span<const std::string> municipalities,
    PopulationAlternative alternative, int last_year, const ProjectionOptions& options) {
  std::map<std::string, const RegisteredPopulation*, std::less<>> by_number;
  std::map<std::string, std::vector<const RegisteredPopulation*>, std::less<>> by_county;
  std::vector<const RegisteredPopulation*> everyone;
  for (const RegisteredPopulation& p : inputs.registered) {
    by_number.emplace(p.municipality, &p);
    by_county[p.county].push_back(&p);
    everyone.push_back(&p);
  }

  // The country's and each county's pooled ratios, computed once per call for
  // the municipalities that need them (cheap next to reading the files).
  std::map<std::string, CohortChangeRatios, std::less<>> county_ratios;
  std::optional<CohortChangeRatios> national_ratios;
  auto base_last_of = [&](const RegisteredPopulation& p) {
    return options.base_last_year != 0 ? std::min(options.base_last_year, p.last_year())
                                       : p.last_year();
  };

  std::vector<PopulationSeries> out;
  out.reserve(municipalities.size());
  for (const std::string& number : municipalities) {
    auto found = by_number.find(number);
    if (found == by_number.end()) return Error::not_found("unknown_municipality", {number});
    const RegisteredPopulation& registered = *found->second;
    const int base_last = base_last_of(registered);
    const int base_first =
        std::max({options.base_first_year, registered.first_year, registered.first_reliable_year});
    if (base_last - base_first < 1) return Error::invalid("no_base_period", {number});

    CohortChangeRatios ratios = cohort_change_ratios(registered, base_first, base_last);
    const int pooled_first = std::max(options.base_first_year, registered.first_year);
    if (!national_ratios) {
      national_ratios = cohort_change_ratios(aggregate(everyone, pooled_first, base_last),
                                             pooled_first, base_last);
    }
    auto county = county_ratios.find(registered.county);
    if (county == county_ratios.end()) {
      CohortChangeRatios own =
          cohort_change_ratios(aggregate(by_county[registered.county], pooled_first, base_last),
                               pooled_first, base_last);
      county = county_ratios
                   .emplace(registered.county,
                            fill_missing_ratios(own, *national_ratios, options.min_base_persons))
                   .first;
    }
    ratios = fill_missing_ratios(ratios, county->second, options.min_base_persons);

    const YearlyTotals* totals = nullptr;
    if (options.calibrate) {
      auto t = inputs.municipal_totals.find(number);
      if (t == inputs.municipal_totals.end()) {
        return Error::not_found("unknown_municipality", {number});
      }
      totals = &t->second;
      if (!totals->has_year(base_last) || (last_year > base_last && !totals->has_year(last_year))) {
        return Error::invalid("projection_year_out_of_range", {std::to_string(last_year)});
      }
    }
    const CountyProjection* county_projection = nullptr;
    if (alternative != PopulationAlternative::main) {
      auto c = inputs.counties.find(registered.county);
      if (c == inputs.counties.end())
        return Error::not_found("unknown_county", {registered.county});
      county_projection = &c->second;
      if (last_year > base_last && !c->second.main.has_year(last_year)) {
        return Error::invalid("projection_year_out_of_range", {std::to_string(last_year)});
      }
    }

    PopulationSeries series;
    series.municipality = number;
    series.alternative = alternative;
    series.first_year = registered.first_year;
    const int registered_until = std::min(base_last, last_year);
    series.last_registered_year = registered_until;
    series.by_year.reserve(
        static_cast<std::size_t>(std::max(last_year, base_last) - registered.first_year + 1));
    for (int year = registered.first_year; year <= registered_until; ++year) {
      series.by_year.push_back(persons_in(registered, year));
    }
    const AgeProfile& base = persons_in(registered, base_last);
    const double base_total = sum_ages(base, 0, kOldestAge);
    AgeProfile current = base;
    for (int year = base_last + 1; year <= last_year; ++year) {
      current = project_one_year(current, ratios);
      if (totals != nullptr && totals->at(base_last) > 0) {
        current = scale_to_total(current, base_total * totals->at(year) / totals->at(base_last));
      }
      if (county_projection == nullptr) {
        series.by_year.push_back(current);
      } else {
        const double factor = alternative_factor(*county_projection, alternative, year, base_last);
        AgeProfile scaled{};
        for (std::size_t a = 0; a < kAgeCount; ++a) scaled[a] = current[a] * factor;
        series.by_year.push_back(scaled);
      }
    }
    out.push_back(std::move(series));
  }
  return out;
}

double support_ratio(const PopulationSeries& series, int year) noexcept {
  const double old = series.sum(year, 80, kOldestAge);
  return old > 0 ? series.sum(year, 20, 66) / old : 0.0;
}

double youth_cohort(const PopulationSeries& series, int year) noexcept {
  return series.sum(year, kYouthCohortAge, kYouthCohortAge);
}

}  // namespace kompetent::forecast
