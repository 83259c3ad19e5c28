// Fuzzes the CSV reader: any bytes, written to a file, must read to an end or
// a FileFailure without a crash, and the same way whatever the buffer size.
// Also checks what must hold for every file: cells are valid UTF-8, row
// numbers rise, progress stays within the file, and the number parsers agree
// with each other on every cell.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "io/csv/csv_reader.h"
#include "io/text/header_name.h"
#include "io/text/norwegian_number.h"
#include "io/text/utf8.h"

namespace {

using kompetent::io::CsvReader;
using kompetent::io::CsvReaderOptions;
using kompetent::io::FileFailure;
using kompetent::io::TableRow;

struct Outcome {
  std::vector<TableRow> rows;
  std::optional<FileFailure> failure;
  char delimiter = 0;
};

void check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "csv_fuzz: %s\n", what);
    std::abort();
  }
}

void check_numbers(const std::string& cell) {
  const auto hundredths = kompetent::io::parse_hundredths(cell);
  const auto whole = kompetent::io::parse_whole_number(cell);
  const auto decimal = kompetent::io::parse_decimal(cell);
  if (hundredths) {
    check(decimal.has_value(), "hundredths parsed but decimal did not");
    check(std::fabs(*decimal * 100 - static_cast<double>(*hundredths)) <=
              1e-6 * std::fabs(*decimal * 100) + 1e-6,
          "hundredths and decimal disagree");
  }
  // "10,000" is whole but has too many decimals for hundredths: compare only
  // when both read the cell.
  if (whole && hundredths) {
    check(*hundredths == *whole * 100, "whole number and hundredths disagree");
  }
  if (kompetent::io::is_valid_utf8(cell)) {
    check(kompetent::io::is_valid_utf8(kompetent::io::normalize_header_name(cell)),
          "header normalising broke UTF-8");
  }
}

Outcome read_all(const std::filesystem::path& path, std::size_t read_bytes, bool check_cells) {
  Outcome outcome;
  auto opened = CsvReader::open(path, CsvReaderOptions{.read_bytes = read_bytes});
  check(opened.ok(), "a written file could not be opened");
  CsvReader& reader = *opened.value();
  TableRow row;
  std::int64_t last_number = 0;
  while (reader.next(row)) {
    check(row.number > last_number, "row numbers do not rise");
    last_number = row.number;
    check(reader.bytes_done() <= reader.bytes_total(), "progress beyond the file");
    for (const std::string& cell : row.cells) {
      check(kompetent::io::is_valid_utf8(cell), "a cell is not UTF-8");
      if (check_cells) check_numbers(cell);
    }
    outcome.rows.push_back(row);
  }
  check(!reader.next(row), "next() after the end returned a row");
  outcome.failure = reader.failure();
  outcome.delimiter = reader.delimiter();
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One file per process, removed at exit.
  struct ScratchFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("kompetent_csv_fuzz_" + std::to_string(::getpid()));
    ~ScratchFile() {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  };
  static const ScratchFile scratch;
  const std::filesystem::path& path = scratch.path;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  // Larger than the inputs libFuzzer makes (-max_len=4096), so one read
  // holds the whole file; a 1 MiB buffer would only slow the search.
  const Outcome big = read_all(path, 8192, true);
  // The smallest buffer puts read boundaries inside fields, quotes, "" and CR LF.
  const Outcome small = read_all(path, 64, false);
  check(big.failure == small.failure, "the failure depends on the buffer size");
  check(big.delimiter == small.delimiter, "the delimiter depends on the buffer size");
  check(big.rows.size() == small.rows.size(), "the row count depends on the buffer size");
  for (std::size_t i = 0; i < big.rows.size(); ++i) {
    check(big.rows[i].number == small.rows[i].number && big.rows[i].cells == small.rows[i].cells,
          "a row depends on the buffer size");
  }
  return 0;
}
