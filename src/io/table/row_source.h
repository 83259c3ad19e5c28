// A table read row by row, whatever the file format: the common shape of the
// CSV and XLSX readers, so the importer never knows which it reads.
//
//   std::unique_ptr<RowSource> rows = ...;
//   TableRow row;
//   while (rows->next(row)) use(row);        // row.cells are UTF-8
//   if (rows->failure()) report(*rows->failure());
//
// Readers stream: memory stays bounded by the longest row, never the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kompetent::io {

struct TableRow {
  std::int64_t number = 0;          // the row number a spreadsheet user sees: the header is 1
  std::vector<std::string> cells;   // UTF-8, in column order; trailing empty cells may be absent
};

// A problem that stops reading the whole file (as opposed to a bad value in a
// row, which the importer reports and reads past).
struct FileFailure {
  std::string code;    // stable, e.g. "undecodable_text", "xlsx_too_large"
  std::string detail;  // for the log and the error list: what was found, in plain words (English)
  std::int64_t row = 0;  // where it happened, if known (0: the file as a whole)
  bool operator==(const FileFailure&) const = default;
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // Reads the next non-empty row into `row` and returns true; returns false at
  // the end of input or on a failure (then failure() is set). Blank lines are
  // skipped but still counted in row numbers.
  virtual bool next(TableRow& row) = 0;
  // Set once next() returned false because reading failed.
  [[nodiscard]] virtual const std::optional<FileFailure>& failure() const noexcept = 0;
  // Progress: input bytes consumed so far and in all (0 if unknown).
  [[nodiscard]] virtual std::uint64_t bytes_done() const noexcept = 0;
  [[nodiscard]] virtual std::uint64_t bytes_total() const noexcept = 0;
};

}  // namespace kompetent::io
