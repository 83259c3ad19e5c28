// Caps that keep a hostile workbook from exhausting memory or time. Every cap
// counts bytes actually decompressed, never the sizes a zip directory declares,
// because those are written by whoever made the file.
#pragma once

#include <cstdint>

namespace kompetent::io {

struct XlsxLimits {
  // Decompressed bytes across every part we read (sheet, shared strings, styles, …).
  std::uint64_t max_total_bytes = std::uint64_t{1} << 30;
  // An entry is a zip bomb when it unpacks to more than `max_ratio` times its
  // compressed size *and* more than `ratio_free_bytes`: small parts compress
  // extremely well (a sheet of blank styled cells) and are harmless.
  std::uint64_t max_ratio = 100;
  std::uint64_t ratio_free_bytes = std::uint64_t{1} << 20;
  // Entries in the archive's directory; a workbook has a few dozen.
  std::uint64_t max_entries = 10'000;
  // The shared-string table is the one part held in memory.
  std::uint64_t max_shared_strings = 5'000'000;
  std::uint64_t max_shared_string_bytes = std::uint64_t{256} << 20;
  // One cell's text. Excel itself stops at 32 767 characters.
  std::uint64_t max_cell_bytes = std::uint64_t{1} << 20;
  // One row's text: a tiny sheet could otherwise repeat one long shared
  // string in 16 384 cells of a row.
  std::uint64_t max_row_bytes = std::uint64_t{16} << 20;
};

}  // namespace kompetent::io
