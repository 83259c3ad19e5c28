// The shared-string table of a workbook (xl/sharedStrings.xml): cells with
// t="s" hold an index into it. It is the one part held in memory, as the format
// requires, and its size is capped by XlsxLimits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "io/xlsx/xlsx_limits.h"
#include "io/xlsx/zip_archive.h"

namespace kompetent::io {

class SharedStrings {
 public:
  // An empty table.
  SharedStrings() = default;

  // Reads the part `name`. Each <si> is one string: its <t>, or the <t>s of
  // its rich-text runs <r> joined, without phonetic guides (<rPh>); text is
  // kept exactly as written (xml:space only tells other tools not to trim it)
  // with "_xHHHH_" escapes decoded. Fails with "xlsx_too_large" beyond
  // limits.max_shared_strings strings, max_shared_string_bytes bytes in all,
  // or max_cell_bytes in one string; otherwise with the codes of parse_part().
  [[nodiscard]] static Result<SharedStrings> read(ZipArchive& archive, std::string_view name,
                                                  const XlsxLimits& limits);

  [[nodiscard]] std::size_t size() const noexcept { return offsets_.size() - 1; }
  // Precondition: index < size(). Valid as long as this table lives.
  [[nodiscard]] std::string_view at(std::size_t index) const noexcept {
    return std::string_view(text_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }

 private:
  friend class SharedStringsHandler;
  // One buffer and a table of offsets: a million short strings would cost
  // 32 bytes each as std::string, and far more when each needs the heap.
  std::string text_;
  std::vector<std::uint64_t> offsets_ = {0};  // string i is [offsets_[i], offsets_[i + 1])
};

}  // namespace kompetent::io
