#include "io/import/importer.h"

#include <algorithm>
#include <unordered_set>

#include "io/import/column_map.h"
#include "io/table/open_table.h"

namespace kompetent::io {
namespace {

constexpr std::int64_t kProgressEveryRows = 16384;

class ErrorList {
 public:
  explicit ErrorList(ImportReport& report) : report_(report) {}
  void add_all(std::vector<ImportError>& found) {
    for (ImportError& e : found) {
      ++report_.error_count;
      if (report_.errors.size() < kMaxListedErrors) report_.errors.push_back(std::move(e));
    }
    found.clear();
  }

 private:
  ImportReport& report_;
};

// File order: by row, then by the column's place in the header; problems
// about absent columns (not in the header) come last in their row.
void sort_in_file_order(std::vector<ImportError>& errors, const std::vector<std::string>& headers) {
  auto column_index = [&](const ImportError& e) -> std::size_t {
    if (e.column.empty()) return 0;
    auto it = std::find(headers.begin(), headers.end(), e.column);
    return it == headers.end() ? headers.size() + 1 : static_cast<std::size_t>(it - headers.begin()) + 1;
  };
  std::stable_sort(errors.begin(), errors.end(), [&](const ImportError& a, const ImportError& b) {
    if (a.row != b.row) return a.row < b.row;
    return column_index(a) < column_index(b);
  });
}

}  // namespace

ImportReport run_import(RowSource& rows, const ImportContext& context, const RecordSink& sink,
                        const ProgressSink& progress) {
  ImportReport report;
  ErrorList errors(report);
  std::vector<ImportError> found;

  TableRow header;
  if (!rows.next(header)) {
    if (const auto& failure = rows.failure()) {
      found.push_back({failure->row, "", failure->code, ""});
    } else {
      found.push_back({0, "", "empty_file", ""});
    }
    errors.add_all(found);
    return report;
  }

  const ColumnMap columns = map_columns(header, context.profile, found);
  const bool header_ok = found.empty();
  errors.add_all(found);
  for (std::size_t column : columns.ignored) {
    if (!columns.headers[column].empty()) report.ignored_columns.push_back(columns.headers[column]);
  }
  std::vector<bool> ignored_refused(columns.headers.size(), false);

  std::unordered_set<std::string> seen_keys;
  TableRow row;
  while (rows.next(row)) {
    ++report.data_rows;
    if (progress && report.data_rows % kProgressEveryRows == 0) {
      progress(rows.bytes_done(), rows.bytes_total(), report.data_rows);
    }
    // A fødselsnummer in a column we would otherwise ignore: refuse the column.
    for (std::size_t column : columns.ignored) {
      if (column < row.cells.size() && !ignored_refused[column] &&
          looks_like_fodselsnummer(row.cells[column])) {
        ignored_refused[column] = true;
        found.push_back({1, columns.headers[column], "personal_data_column", ""});
      }
    }
    if (!header_ok) {
      errors.add_all(found);
      continue;  // rows cannot be read without their columns; the header problems say why
    }
    std::optional<PositionRecord> record = validate_row(row, columns, context, found);
    if (record) {
      std::string key = record->employee_id;
      key.push_back('\x1f');
      key += record->position_number;
      if (!seen_keys.insert(std::move(key)).second) {
        const std::size_t id_column = *columns.column(Field::employee_id);
        found.push_back({row.number, columns.headers[id_column], "duplicate_employee_id",
                         record->employee_id});
        record.reset();
      }
    }
    if (!found.empty()) {
      errors.add_all(found);
    } else if (report.error_count == 0 && !report.sink_failure) {
      if (Status stored = sink(std::move(*record)); !stored.ok()) {
        report.sink_failure = stored.error();
        break;
      }
      ++report.records;
    }
  }
  if (const auto& failure = rows.failure()) {
    found.push_back({failure->row, "", failure->code, ""});
  } else if (report.data_rows == 0 && header_ok) {
    found.push_back({0, "", "no_rows", ""});
  }
  errors.add_all(found);
  if (progress) progress(rows.bytes_done(), rows.bytes_total(), report.data_rows);
  sort_in_file_order(report.errors, columns.headers);
  return report;
}

Result<ImportReport> import_file(const std::filesystem::path& path, const ImportContext& context,
                                 const RecordSink& sink, const ProgressSink& progress) {
  auto table = open_table(path);
  if (!table.ok()) {
    if (table.error().kind != ErrorKind::invalid) return table.error();
    ImportReport report;
    report.errors.push_back({0, "", table.error().code, ""});
    report.error_count = 1;
    return report;
  }
  return run_import(*table.value().rows, context, sink, progress);
}

}  // namespace kompetent::io
