// The tables the export tests write: staffing per unit in Nord-Troms, with a
// suppressed group, a formula-looking text, Norwegian letters and a total row.
#pragma once

#include <string>

#include "io/export/table_export.h"

namespace kompetent::io::testing {

inline ExportTable staffing_table() {
  using std::string;
  ExportTable table;
  table.sheet_name = "Bemanning";
  table.title = "Bemanning per enhet, Nord-Troms";
  table.notes = {"Kilde: HR-uttrekk per 31.12.2025", "Grupper med færre enn 5 personer er skjult."};
  table.columns = {{"unit", "Enhet"},
                   {"positions", "Ansatte", ColumnKind::integer},
                   {"fte", "Årsverk", ColumnKind::decimal, 1},
                   {"part_time", "Deltid", ColumnKind::percent, 1},
                   {"remark", "Merknad"}};
  table.rows = {
      {string("Skjervøy sykehjem"), std::int64_t{42}, 31.5, 0.657, string("Ærlig øl på Åsen")},
      {string("Nordreisa hjemmetjeneste"), std::int64_t{1234}, 1023.25, 0.5,
       string(R"(=HYPERLINK("http://evil";"klikk"))")},
      {string("Kåfjord legekontor"), std::nullopt, std::nullopt, std::nullopt, string()},
      {string("Totalt"), std::int64_t{1280}, 1058.75, 0.518},  // short row: no remark
  };
  table.charts = {
      {ExportChart::Type::column, "Ansatte per enhet", {1}, 0, 0, 3},  // without the total
      {ExportChart::Type::line, "Deltid", {3}, 0, 0, 0},               // every row
  };
  table.suppressed_note = "Skjult fordi gruppen er for liten.";
  return table;
}

inline ExportTable age_gender_table() {
  using std::string;
  ExportTable table;
  table.sheet_name = "Alder/kjønn: 2025";
  table.title = "Alder og kjønn";
  table.columns = {{"age", "Aldersgruppe"},
                   {"women", "Kvinner", ColumnKind::integer},
                   {"men", "Menn", ColumnKind::integer},
                   {"women_share", "Andel kvinner", ColumnKind::percent, 0}};
  table.rows = {
      {string("Under 30"), std::int64_t{10}, std::int64_t{3}, 10.0 / 13.0},
      {string("30–49"), std::int64_t{40}, std::int64_t{10}, 0.8},
      {string("50+"), std::int64_t{25}, std::nullopt, std::nullopt},
  };
  table.charts = {
      {ExportChart::Type::stacked_column, "Kjønn per aldersgruppe", {1, 2}, 0, 0, 0},
      {ExportChart::Type::bar, "Andel kvinner", {3}, 0, 0, 2},
  };
  table.suppressed_note = "Skjult fordi gruppen er for liten.";
  return table;
}

}  // namespace kompetent::io::testing
