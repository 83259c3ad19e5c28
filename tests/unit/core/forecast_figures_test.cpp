// The list of a forecast year's figures (core/forecast/forecast_figures.h), which the JSON, the
// XLSX export and the CLI's CSV all loop over: unique names, and each name reads its own field.
#include "core/forecast/forecast_figures.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kompetent::forecast {
namespace {

// Every field a different value, so a reader of the wrong field gives a wrong number.
ForecastFigures distinct_figures() {
  ForecastFigures figures;
  figures.demand_fte = 1.5;
  figures.supply_fte = 2.5;
  figures.gap_fte = 3.5;
  figures.need_fte = 4.5;
  figures.need_contracted_fte = 5.5;
  figures.need_persons = 6.5;
  figures.staff_persons = 7.5;
  figures.decomposition.retirements = 8.5;
  figures.decomposition.turnover = 9.5;
  figures.decomposition.demand_growth = -10.5;
  figures.decomposition.demand_levers = 11.5;
  figures.decomposition.supply_levers = -12.5;
  figures.decomposition.surplus = 13.5;
  return figures;
}

TEST(ForecastFigures, NamesAreUniqueAndNotEmpty) {
  std::set<std::string_view> names;
  for (const FigureField& field : kForecastFigureFields) {
    EXPECT_FALSE(field.name.empty());
    EXPECT_TRUE(names.insert(field.name).second) << field.name;
  }
}

TEST(ForecastFigures, AreTheThirteenInTheirOrder) {
  // The order is the JSON's key order and the export's column order; a new figure goes in here.
  const std::vector<std::string_view> expected{
      "demand_fte",    "supply_fte",    "gap_fte",     "need_fte", "need_contracted_fte",
      "need_persons",  "staff_persons", "retirements", "turnover", "demand_growth",
      "demand_levers", "supply_levers", "surplus"};
  std::vector<std::string_view> names;
  for (const FigureField& field : kForecastFigureFields) names.push_back(field.name);
  EXPECT_EQ(names, expected);
}

TEST(ForecastFigures, EachReadsItsOwnField) {
  const std::map<std::string_view, double> expected{
      {"demand_fte", 1.5},      {"supply_fte", 2.5},          {"gap_fte", 3.5},
      {"need_fte", 4.5},        {"need_contracted_fte", 5.5}, {"need_persons", 6.5},
      {"staff_persons", 7.5},   {"retirements", 8.5},         {"turnover", 9.5},
      {"demand_growth", -10.5}, {"demand_levers", 11.5},      {"supply_levers", -12.5},
      {"surplus", 13.5}};
  const ForecastFigures figures = distinct_figures();
  for (const FigureField& field : kForecastFigureFields) {
    ASSERT_TRUE(expected.contains(field.name)) << field.name;
    EXPECT_EQ(field.value(figures), expected.at(field.name)) << field.name;
  }
}

TEST(ForecastFigures, ADefaultYearReadsZeroEverywhere) {
  for (const FigureField& field : kForecastFigureFields) {
    EXPECT_EQ(field.value(ForecastFigures{}), 0.0) << field.name;
  }
}

TEST(ForecastFigures, IndexFindsTheNamedFigure) {
  static_assert(figure_index("demand_fte") == 0);
  static_assert(figure_index("need_fte") == 3);
  static_assert(figure_index("surplus") == 12);
  EXPECT_EQ(kForecastFigureFields[figure_index("staff_persons")].value(distinct_figures()), 7.5);
}

}  // namespace
}  // namespace kompetent::forecast
