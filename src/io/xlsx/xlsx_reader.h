// Reads the first worksheet of an XLSX workbook as a table, row by row.
//
//   Result<std::unique_ptr<XlsxReader>> opened = XlsxReader::open(path);
//   if (!opened.ok()) return opened.error();    // only when the file cannot be read
//   XlsxReader& rows = *opened.value();
//   TableRow row;
//   while (rows.next(row)) use(row);            // row.number is Excel's row number
//   if (rows.failure()) report(*rows.failure()); // e.g. "xlsx_too_large"
//
// open() fails only when the path cannot be opened for reading (Error::io,
// code "file_unreadable"). Every problem with the file's content — an empty
// file, a damaged zip, a missing sheet, forbidden or malformed XML, a zip bomb
// — comes later, as failure() after the first next() that returns false, so a
// caller handles CSV and XLSX problems in one place. Failure codes, from
// docs/import-format.md: "empty_file" (no bytes, or a sheet without a
// non-empty row), "xlsx_invalid", "xlsx_too_large", "xlsx_forbidden_xml".
//
// Streaming: the sheet part is decompressed in 64 KiB pieces and parsed as it
// comes, and next() holds one row. Shared strings and styles are read whole
// at open(), within XlsxLimits. Cell values: see sheet_parser.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/result.h"
#include "io/table/row_source.h"
#include "io/xlsx/xlsx_limits.h"

namespace kompetent::io {

class XlsxReader final : public RowSource {
 public:
  [[nodiscard]] static Result<std::unique_ptr<XlsxReader>> open(const std::filesystem::path& path,
                                                                XlsxLimits limits = {});
  ~XlsxReader() override;

  bool next(TableRow& row) override;
  [[nodiscard]] const std::optional<FileFailure>& failure() const noexcept override;
  // Decompressed bytes of the sheet part parsed so far, and its size as the
  // zip directory declares it (done never exceeds total, even if that lies).
  [[nodiscard]] std::uint64_t bytes_done() const noexcept override;
  [[nodiscard]] std::uint64_t bytes_total() const noexcept override;

 private:
  struct State;
  explicit XlsxReader(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace kompetent::io
