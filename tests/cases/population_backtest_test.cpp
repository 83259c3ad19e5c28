// Back-test of the population projection (docs/population-projection.md,
// "Back-test"): project from the registered years 2015–2020 and compare with
// the registered 2021–2026, for all municipalities and the 17 target ones.
// Prints the table the document quotes; the bounds below are a little wider
// than what the method gives today, so a change that makes it clearly worse fails.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cases/case_files.h"
#include "core/forecast/population_projection.h"
#include "io/reference/population_projection_loader.h"

namespace kompetent {
namespace {

namespace fs = std::filesystem;
using forecast::PopulationSeries;

const std::set<std::string> kTargets = {"1804", "1836", "1837", "1838", "1839", "1840",
                                        "1841", "1845", "1848", "1875", "5536", "5538",
                                        "5540", "5542", "5544", "5546", "3232"};

struct Band {
  const char* name;
  int from;
  int to;
};
constexpr Band kBands[] = {{"total", 0, 105}, {"0-5", 0, 5},     {"6-15", 6, 15},
                           {"16-19", 16, 19}, {"20-66", 20, 66}, {"67-79", 67, 79},
                           {"80-89", 80, 89}, {"90+", 90, 105}};

struct Errors {
  double absolute = 0;   // sum of |P - R| / R
  double algebraic = 0;  // sum of (P - R) / R
  int count = 0;
  void add(double projected, double registered) {
    if (registered <= 0) return;  // a band nobody is in has no percentage error
    absolute += std::fabs(projected - registered) / registered;
    algebraic += (projected - registered) / registered;
    ++count;
  }
  [[nodiscard]] double mape() const { return count ? 100 * absolute / count : 0; }
  [[nodiscard]] double malpe() const { return count ? 100 * algebraic / count : 0; }
};

// Errors per band at `year`, over the municipalities in `which` (all if empty).
std::map<std::string, Errors> errors_at(const std::vector<PopulationSeries>& projected,
                                        const std::map<std::string, PopulationSeries>& registered,
                                        int year, bool targets_only) {
  std::map<std::string, Errors> out;
  for (const PopulationSeries& p : projected) {
    if (targets_only && kTargets.count(p.municipality) == 0) continue;
    const PopulationSeries& r = registered.at(p.municipality);
    for (const Band& band : kBands) {
      out[band.name].add(p.sum(year, band.from, band.to), r.sum(year, band.from, band.to));
    }
  }
  return out;
}

TEST(PopulationBacktest, ProjectingFrom2015To2020PredictsTheRegistered2021To2026) {
  auto loaded = io::load_population_inputs(cases::kDataDir);
  ASSERT_TRUE(loaded.ok());
  forecast::PopulationInputs inputs = loaded.value();

  std::vector<std::string> numbers;
  std::map<std::string, PopulationSeries> registered;
  for (const auto& p : inputs.registered) {
    registered[p.municipality] =
        PopulationSeries{p.municipality, {}, p.first_year, p.last_year(), p.persons};
    // 1508 Ålesund and 1580 Haram have no reliable years before 2024 (PROVENANCE.md §2).
    if (p.first_reliable_year <= 2015) numbers.push_back(p.municipality);
  }
  ASSERT_EQ(numbers.size(), 355u);

  forecast::ProjectionOptions pure;
  pure.base_first_year = 2015;
  pure.base_last_year = 2020;
  pure.calibrate = false;
  auto hamilton_perry = forecast::project_population(
      inputs, numbers, forecast::PopulationAlternative::main, 2026, pure);
  ASSERT_TRUE(hamilton_perry.ok());

  // The same, scaled to the registered totals: the error left in the age
  // structure when the total is right (what calibration to SSB's total aims at).
  for (auto& [number, series] : registered) {
    forecast::YearlyTotals totals{series.first_year, {}};
    for (int year = series.first_year; year <= series.last_year(); ++year) {
      totals.by_year.push_back(series.sum(year, 0, 105));
    }
    inputs.municipal_totals[number] = totals;
  }
  forecast::ProjectionOptions calibrated = pure;
  calibrated.calibrate = true;
  auto with_totals = forecast::project_population(
      inputs, numbers, forecast::PopulationAlternative::main, 2026, calibrated);
  ASSERT_TRUE(with_totals.ok());

  std::printf(
      "| band | horizon | all 355: MAPE | MALPE | 17 targets: MAPE | MALPE | "
      "all, total known: MAPE | MALPE |\n|---|---|---|---|---|---|---|---|\n");
  for (int year : {2023, 2026}) {
    auto all = errors_at(hamilton_perry.value(), registered, year, false);
    auto targets = errors_at(hamilton_perry.value(), registered, year, true);
    auto known = errors_at(with_totals.value(), registered, year, false);
    for (const Band& band : kBands) {
      std::printf("| %s | %d (%d y) | %.1f | %+.1f | %.1f | %+.1f | %.1f | %+.1f |\n", band.name,
                  year, year - 2020, all[band.name].mape(), all[band.name].malpe(),
                  targets[band.name].mape(), targets[band.name].malpe(), known[band.name].mape(),
                  known[band.name].malpe());
    }
  }

  auto all_2026 = errors_at(hamilton_perry.value(), registered, 2026, false);
  auto known_2026 = errors_at(with_totals.value(), registered, 2026, false);
  EXPECT_LT(all_2026["total"].mape(), 5.0);
  EXPECT_LT(all_2026["20-66"].mape(), 6.0);
  EXPECT_LT(all_2026["80-89"].mape(), 8.0);
  EXPECT_NEAR(known_2026["total"].mape(), 0.0, 1e-9);  // scaled to the registered total
  EXPECT_LT(known_2026["67-79"].mape(), 5.0);
}

}  // namespace
}  // namespace kompetent
