// Writes CSV the way Norwegian Excel reads it without a wizard: `;` between
// fields, UTF-8 with a byte-order mark, CRLF line ends, and quotes where a
// field needs them. Cells beginning with = + - @ tab or CR are prefixed with an
// apostrophe so a spreadsheet never runs them as formulas (CSV injection).
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kompetent::io {

class CsvWriter {
 public:
  // Opens `path` for writing (truncating it). Error io "file_not_writable".
  static Result<CsvWriter> open(const std::filesystem::path& path);
  // Writes to an existing stream (e.g. std::cout), still with the BOM if `bom`.
  explicit CsvWriter(std::ostream& out, bool bom = true);

  CsvWriter(CsvWriter&&) = default;

  void row(const std::vector<std::string>& cells);
  // False if any write failed (disk full, closed pipe).
  [[nodiscard]] bool good() const;

  // The cell as written: quoted if needed, formula-neutralised.
  [[nodiscard]] static std::string escape(std::string_view cell);

 private:
  CsvWriter() = default;
  std::unique_ptr<std::ofstream> file_;
  std::ostream* out_ = nullptr;
};

}  // namespace kompetent::io
