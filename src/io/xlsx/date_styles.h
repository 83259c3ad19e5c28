// Which cell styles of a workbook show numbers as dates or percentages, read
// from its styles part (xl/styles.xml): a cell's s="N" picks the N-th <xf> of
// <cellXfs>, whose numFmtId is a built-in format or a custom <numFmt>.
// Percent matters because a user who types "75,5 %" in Excel stores 0.755, but
// means what the sheet shows.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "io/xlsx/zip_archive.h"

namespace kompetent::io {

class DateStyles {
 public:
  // No styles: every number is a number.
  DateStyles() = default;

  // Reads the styles part `name` of `archive`. Fails with the codes of
  // parse_part() when it is damaged or forbidden.
  [[nodiscard]] static Result<DateStyles> read(ZipArchive& archive, std::string_view name);

  // Whether style index `style` (a cell's s attribute) formats a date. False
  // for an index the workbook does not define.
  [[nodiscard]] bool is_date(std::size_t style) const noexcept {
    return style < date_by_style_.size() && date_by_style_[style];
  }
  // Whether style index `style` shows its number as a percentage ("0%",
  // "0.00%" or a custom code with % outside quotes).
  [[nodiscard]] bool is_percent(std::size_t style) const noexcept {
    return style < percent_by_style_.size() && percent_by_style_[style];
  }

 private:
  std::vector<bool> date_by_style_;
  std::vector<bool> percent_by_style_;
};

}  // namespace kompetent::io
