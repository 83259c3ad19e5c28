// The import pipeline: rows from a RowSource → header mapping → row
// validation and duplicate detection → a sink that stores records.
//
//   ImportReport report = run_import(rows, context, sink, progress);
//   if (report.accepted()) writer.commit(); // else roll back: nothing is stored
//
// All-or-nothing is the caller's transaction; run_import makes it possible by
// calling the sink only while no problem has been seen, and by reading the
// whole file anyway so the report lists every problem.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "io/import/import_error.h"
#include "io/import/row_validator.h"
#include "io/table/row_source.h"

namespace kompetent::io {

inline constexpr std::size_t kMaxListedErrors = 10000;

struct ImportReport {
  std::int64_t data_rows = 0;          // non-empty rows after the header
  std::int64_t records = 0;            // valid records handed to the sink
  std::vector<ImportError> errors;     // at most kMaxListedErrors, in file order
  std::int64_t error_count = 0;        // all problems, listed or not
  std::vector<std::string> ignored_columns;  // unknown headers that were skipped
  std::optional<Error> sink_failure;   // the sink failed (e.g. the database): nothing stored

  [[nodiscard]] bool accepted() const noexcept { return error_count == 0 && !sink_failure; }
};

// Receives each valid record while the import is still clean. A failing sink
// stops the import.
using RecordSink = std::function<Status(PositionRecord&&)>;
// Called now and then with bytes done, bytes in all and rows read.
using ProgressSink = std::function<void(std::uint64_t done, std::uint64_t total, std::int64_t rows)>;

[[nodiscard]] ImportReport run_import(RowSource& rows, const ImportContext& context,
                                      const RecordSink& sink, const ProgressSink& progress = {});

// Opens `path` (CSV or XLSX, by content) and runs the import over it. A file
// that is no table at all (empty, a PDF, an old .xls) is a problem with the
// file like any other: a report with that one problem on row 0. Fails only
// when the file cannot be read (io "file_not_readable").
[[nodiscard]] Result<ImportReport> import_file(const std::filesystem::path& path,
                                               const ImportContext& context, const RecordSink& sink,
                                               const ProgressSink& progress = {});

}  // namespace kompetent::io
