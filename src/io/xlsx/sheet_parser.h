// Turns the SAX events of one worksheet part into table rows, one at a time:
// after each non-empty <row> it suspends the parser, so memory holds one row
// however large the sheet.
//
// Cell values become the text a user sees in Excel's formula bar, roughly:
//   shared (t="s") and inline (t="inlineStr") strings: the text;
//   formula results (t="str"): the cached value; errors (t="e"): "#N/A" etc.;
//   booleans (t="b"): "1" or "0";
//   numbers: "75", "75.5"; with a date style, the ISO date "2025-12-31".
// A cell lands at the column of its reference ("C7" → index 2), with empty
// strings before it; cells without a reference follow the previous one.
// Trailing empty cells are not added.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/table/row_source.h"
#include "io/xlsx/date_styles.h"
#include "io/xlsx/excel_date.h"
#include "io/xlsx/shared_strings.h"
#include "io/xlsx/xlsx_limits.h"
#include "io/xlsx/xml_parser.h"

namespace kompetent::io {

class SheetParser final : public XmlHandler {
 public:
  // All references must outlive the parser.
  SheetParser(const SharedStrings& shared_strings, const DateStyles& styles, DateSystem date_system,
              const XlsxLimits& limits);

  void start_element(XmlParser& parser, std::string_view name, XmlAttributes attributes) override;
  void end_element(XmlParser& parser, std::string_view name) override;
  void text(XmlParser& parser, std::string_view text) override;

  // Moves the row completed by the last parse into `row` and returns true;
  // false when none is waiting.
  bool take_row(TableRow& row);

 private:
  enum class CellType {
    number,
    shared_string,
    inline_string,
    formula_string,
    boolean,
    error,
    date
  };

  void finish_cell(XmlParser& parser);
  // Sets cell_text_ from value_; false after failing the parser.
  bool convert_value(XmlParser& parser);

  const SharedStrings& shared_strings_;
  const DateStyles& styles_;
  DateSystem date_system_;
  XlsxLimits limits_;

  bool in_sheet_data_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_inline_string_ = false;
  bool in_phonetic_ = false;
  bool capturing_ = false;

  std::int64_t row_number_ = 0;
  std::vector<std::string> cells_;
  std::uint64_t row_bytes_ = 0;
  int next_column_ = 0;

  int column_ = 0;
  CellType type_ = CellType::number;
  std::size_t style_ = 0;
  std::string value_;      // the raw text of <v>, or of <is><t>
  std::string cell_text_;  // what the user sees

  bool row_ready_ = false;
  TableRow ready_row_;
};

}  // namespace kompetent::io
