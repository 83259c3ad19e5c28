#include "api/forecast_workbook.h"

#include "core/calendar/date.h"
#include "core/forecast/forecast_figures.h"
#include "io/reference/scenario_json.h"

namespace kompetent::api {
namespace {

using io::ColumnKind;
using io::ExportCell;

// The cumulative sheet's parts of the need, as figures of core/forecast/forecast_figures.h.
constexpr std::size_t kDecompositionParts[] = {
    forecast::figure_index("retirements"),   forecast::figure_index("turnover"),
    forecast::figure_index("demand_growth"), forecast::figure_index("demand_levers"),
    forecast::figure_index("supply_levers"), forecast::figure_index("surplus")};

// The label of a figure's column: the message catalogue's text for its name.
std::string figure_label(const forecast::FigureField& field, const MessageCatalogue& m) {
  return m.text("forecast.figure." + std::string(field.name));
}

void add_figure_columns(io::ExportTable& sheet, const MessageCatalogue& m) {
  for (const forecast::FigureField& field : forecast::kForecastFigureFields) {
    sheet.columns.push_back(
        {std::string(field.name), figure_label(field, m), ColumnKind::decimal, 2});
  }
}

void add_figure_cells(std::vector<ExportCell>& cells, const forecast::ForecastFigures* figures) {
  for (const forecast::FigureField& field : forecast::kForecastFigureFields) {
    if (figures) {
      cells.emplace_back(field.value(*figures));
    } else {
      cells.emplace_back(std::nullopt);
    }
  }
}

// "Turnover (turnover.sykepleier)": the head lever's explanation serves its per-key forms.
std::string lever_explanation(const std::string& lever, const MessageCatalogue& m) {
  const std::string head = lever.substr(0, lever.find('.'));
  const std::string exact = "forecast.lever." + lever;
  if (m.has(exact)) return m.text(exact);
  const std::string of_head = "forecast.lever." + head;
  return m.has(of_head) ? m.text(of_head) : std::string();
}

io::ExportTable assumptions_sheet(const ForecastAnswer& answer, const MessageCatalogue& m) {
  const ForecastQuery& query = answer.query;
  io::ExportTable sheet;
  sheet.sheet_name = "Forutsetninger";  // the contract's names, in every language
  sheet.title = m.text("forecast.export.title", {query.label, query.scenario.name});
  sheet.columns = {{"item", m.text("forecast.export.item"), ColumnKind::text},
                   {"value", m.text("forecast.export.value"), ColumnKind::text},
                   {"explanation", m.text("forecast.export.explanation"), ColumnKind::text}};
  auto row = [&](std::string item, std::string value, std::string explanation) {
    sheet.rows.push_back({ExportCell(std::move(item)), ExportCell(std::move(value)),
                          ExportCell(std::move(explanation))});
  };
  row(m.text("forecast.export.scope"), query.label,
      query.scope.region.empty() ? query.scope.municipality : query.scope.region);
  row(m.text("forecast.export.scenario"), query.scenario.name,
      query.scenario_id ? std::to_string(*query.scenario_id) : std::string());
  for (const SnapshotInfo& info : answer.run.snapshots) {
    row(m.text("forecast.export.snapshot"), to_iso(info.date), info.municipality.digits);
  }
  row(m.text("forecast.export.base_year"), std::to_string(answer.run.forecast.base_year), "");
  row(m.text("forecast.export.to_year"), std::to_string(answer.run.to_year), "");
  row(m.text("forecast.export.population_source"), answer.run.population_source,
      m.text("forecast.export.population_source." + answer.run.population_source));
  if (answer.presentation.suppressed) {
    row(m.text("forecast.export.suppressed"), std::to_string(answer.presentation.min_group),
        m.text("export.suppression_rule", {std::to_string(answer.presentation.min_group)}));
  }
  for (const auto& [lever, value] : forecast::levers_of(query.scenario)) {
    row(lever, value, lever_explanation(lever, m));
  }
  return sheet;
}

io::ExportTable years_sheet(const ForecastAnswer& answer, const MessageCatalogue& m) {
  const forecast::WorkforceForecast& result = answer.run.forecast;
  io::ExportTable sheet;
  sheet.sheet_name = "År";  // the contract's names, in every language
  sheet.title = m.text("forecast.export.title", {answer.query.label, answer.query.scenario.name});
  sheet.notes.push_back(m.text("forecast.footer"));
  sheet.columns.push_back({"year", m.text("forecast.year"), ColumnKind::integer});
  add_figure_columns(sheet, m);
  sheet.columns.push_back(
      {"support_ratio", m.text("forecast.support_ratio"), ColumnKind::decimal, 2});
  sheet.columns.push_back(
      {"youth_cohort_share", m.text("forecast.youth_share"), ColumnKind::percent, 1});
  sheet.columns.push_back(
      {"population_20_66", m.text("forecast.figure.population_20_66"), ColumnKind::decimal, 0});
  sheet.columns.push_back(
      {"population_80_plus", m.text("forecast.figure.population_80_plus"), ColumnKind::decimal, 0});
  sheet.columns.push_back(
      {"population_19", m.text("forecast.figure.population_19"), ColumnKind::decimal, 0});
  sheet.columns.push_back(
      {"local_recruits", m.text("forecast.figure.local_recruits"), ColumnKind::decimal, 2});
  auto add = [&](const forecast::ForecastYear& year) {
    std::vector<ExportCell> cells{ExportCell(static_cast<std::int64_t>(year.year))};
    add_figure_cells(cells, &year.total);
    const auto ratio = year.support_ratio();
    const auto youth = year.youth_cohort_share();
    for (const std::optional<double>& value : {ratio, youth}) {
      if (value) {
        cells.emplace_back(*value);
      } else {
        cells.emplace_back(std::string("–"));  // none: no one aged 80+ (or 19)
      }
    }
    cells.push_back(ExportCell(year.population_20_66));
    cells.push_back(ExportCell(year.population_80_plus));
    cells.push_back(ExportCell(year.population_19));
    cells.push_back(ExportCell(year.local_recruits));
    sheet.rows.push_back(std::move(cells));
  };
  add(result.base);
  for (const forecast::ForecastYear& year : result.years) add(year);
  if (sheet.rows.size() > 1) {
    io::ExportChart chart;
    chart.type = io::ExportChart::Type::line;
    chart.title = m.text("forecast.figure.need_fte");
    chart.value_columns = {1 + forecast::figure_index("need_fte")};  // after the year
    chart.category_column = 0;
    chart.first_row = 1;
    sheet.charts.push_back(chart);
  }
  return sheet;
}

io::ExportTable groups_sheet(const ForecastAnswer& answer, const MessageCatalogue& m,
                             const std::vector<std::string>& labels) {
  const forecast::WorkforceForecast& result = answer.run.forecast;
  const std::vector<bool>& withheld = answer.presentation.withheld;
  io::ExportTable sheet;
  sheet.sheet_name = "Grupper";  // the contract's names, in every language
  sheet.title = m.text("forecast.export.title", {answer.query.label, answer.query.scenario.name});
  sheet.columns = {{"year", m.text("forecast.year"), ColumnKind::integer},
                   {"group", m.text("label.group"), ColumnKind::text},
                   {"category", m.text("label.category"), ColumnKind::text},
                   {"service", m.text("forecast.service"), ColumnKind::text}};
  add_figure_columns(sheet, m);
  bool any_withheld = false;
  auto add = [&](const forecast::ForecastYear& year) {
    for (std::size_t g = 0; g < result.groups.size(); ++g) {
      const bool hidden = g < withheld.size() && withheld[g];
      any_withheld = any_withheld || hidden;
      std::vector<ExportCell> cells{ExportCell(static_cast<std::int64_t>(year.year)),
                                    ExportCell(labels[g]), ExportCell(result.groups[g].category),
                                    ExportCell(result.groups[g].service)};
      add_figure_cells(cells, hidden ? nullptr : &year.groups[g]);
      sheet.rows.push_back(std::move(cells));
    }
  };
  add(result.base);
  for (const forecast::ForecastYear& year : result.years) add(year);
  if (any_withheld) {
    sheet.notes.push_back(
        m.text("export.suppression_rule", {std::to_string(answer.presentation.min_group)}));
    sheet.suppressed_note =
        m.text("export.suppressed_note", {std::to_string(answer.presentation.min_group)});
  }
  return sheet;
}

io::ExportTable cumulative_sheet(const ForecastAnswer& answer, const MessageCatalogue& m,
                                 const std::vector<std::string>& labels) {
  const forecast::WorkforceForecast& result = answer.run.forecast;
  const std::vector<bool>& withheld = answer.presentation.withheld;
  const std::vector<int> throughs = app::cumulative_years(result.base_year, answer.run.to_year);
  io::ExportTable sheet;
  sheet.sheet_name = "Kumulativt";  // the contract's names, in every language
  sheet.title = m.text("forecast.export.title", {answer.query.label, answer.query.scenario.name});
  sheet.notes.push_back(
      m.text("forecast.export.cumulative_note", {std::to_string(answer.run.to_year)}));
  sheet.columns.push_back({"group", m.text("label.group"), ColumnKind::text});
  for (int through : throughs) {
    sheet.columns.push_back({"need_fte_" + std::to_string(through),
                             m.text("forecast.export.fte_through", {std::to_string(through)}),
                             ColumnKind::decimal, 1});
  }
  for (int through : throughs) {
    sheet.columns.push_back({"need_persons_" + std::to_string(through),
                             m.text("forecast.persons_through", {std::to_string(through)}),
                             ColumnKind::decimal, 1});
  }
  for (std::size_t part : kDecompositionParts) {
    const forecast::FigureField& field = forecast::kForecastFigureFields[part];
    sheet.columns.push_back(
        {std::string(field.name), figure_label(field, m), ColumnKind::decimal, 1});
  }
  bool any_withheld = false;
  auto add = [&](const std::string& label, bool hidden, auto figures_of) {
    std::vector<ExportCell> cells{ExportCell(label)};
    auto sum_through = [&](int through, const forecast::FigureField& field) {
      double sum = 0;
      for (const forecast::ForecastYear& year : result.years) {
        if (year.year <= through) sum += field.value(figures_of(year));
      }
      return sum;
    };
    auto number = [&](double value) {
      if (hidden) {
        cells.emplace_back(std::nullopt);
      } else {
        cells.emplace_back(value);
      }
    };
    constexpr auto& fields = forecast::kForecastFigureFields;
    for (int through : throughs)
      number(sum_through(through, fields[forecast::figure_index("need_fte")]));
    for (int through : throughs)
      number(sum_through(through, fields[forecast::figure_index("need_persons")]));
    forecast::ForecastFigures parts;  // only its decomposition is summed
    for (const forecast::ForecastYear& year : result.years)
      parts.decomposition += figures_of(year).decomposition;
    for (std::size_t part : kDecompositionParts) number(fields[part].value(parts));
    any_withheld = any_withheld || hidden;
    sheet.rows.push_back(std::move(cells));
  };
  add(m.text("label.total"), false,
      [](const forecast::ForecastYear& y) -> const forecast::ForecastFigures& { return y.total; });
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    add(labels[g], g < withheld.size() && withheld[g],
        [g](const forecast::ForecastYear& y) -> const forecast::ForecastFigures& {
          return y.groups[g];
        });
  }
  if (any_withheld) {
    sheet.suppressed_note =
        m.text("export.suppressed_note", {std::to_string(answer.presentation.min_group)});
  }
  return sheet;
}

}  // namespace

io::ExportWorkbook forecast_workbook(const ForecastAnswer& answer,
                                     const MessageCatalogue& messages) {
  std::vector<std::string> labels;
  for (const forecast::ForecastGroupKey& key : answer.run.forecast.groups) {
    labels.push_back(app::forecast_group_label(key, *answer.setup, answer.presentation.language));
  }
  io::ExportWorkbook workbook;
  workbook.sheets.push_back(assumptions_sheet(answer, messages));
  workbook.sheets.push_back(years_sheet(answer, messages));
  workbook.sheets.push_back(groups_sheet(answer, messages, labels));
  workbook.sheets.push_back(cumulative_sheet(answer, messages, labels));
  workbook.author = "kompetent";
  return workbook;
}

}  // namespace kompetent::api
