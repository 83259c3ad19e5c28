#include "io/xlsx/sheet_parser.h"

#include <charconv>
#include <cstring>
#include <utility>

#include "io/xlsx/cell_text.h"
#include "io/xlsx/xlsx_errors.h"

namespace kompetent::io {
namespace {

// Excel's last row.
constexpr std::int64_t kMaxRows = 1'048'576;

template <class Number>
bool parse_whole(std::string_view text, Number& value) {
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && stop == end;
}


}  // namespace

SheetParser::SheetParser(const SharedStrings& shared_strings, const DateStyles& styles,
                         DateSystem date_system, const XlsxLimits& limits)
    : shared_strings_(shared_strings),
      styles_(styles),
      date_system_(date_system),
      limits_(limits) {}

bool SheetParser::take_row(TableRow& row) {
  if (!row_ready_) return false;
  row_ready_ = false;
  row.number = ready_row_.number;
  // Swapping hands the caller's old vector back for reuse by a later row.
  std::swap(row.cells, ready_row_.cells);
  return true;
}

void SheetParser::start_element(XmlParser& parser, std::string_view name,
                                XmlAttributes attributes) {
  // Ordered by frequency: cells and values dominate a sheet.
  if (in_cell_) {
    if (name == "v") {
      capturing_ = true;
    } else if (name == "is") {
      in_inline_string_ = true;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t") {
      capturing_ = in_inline_string_ && !in_phonetic_;
    }
    return;
  }
  if (name == "c" && in_row_) {
    in_cell_ = true;
    value_.clear();
    column_ = next_column_;
    type_ = CellType::number;
    style_ = 0;
    for (XmlAttributes attribute = attributes; attribute[0] != nullptr; attribute += 2) {
      const std::string_view key = attribute[0];
      const std::string_view value = attribute[1];
      if (key == "r") {
        const std::optional<int> column = column_of_reference(value);
        if (!column)
          return parser.fail(xlsx_invalid("bad cell reference \"" + std::string(value) + "\""));
        column_ = *column;
      } else if (key == "t") {
        if (value == "s")
          type_ = CellType::shared_string;
        else if (value == "inlineStr")
          type_ = CellType::inline_string;
        else if (value == "str")
          type_ = CellType::formula_string;
        else if (value == "b")
          type_ = CellType::boolean;
        else if (value == "e")
          type_ = CellType::error;
        else if (value == "d")
          type_ = CellType::date;
      } else if (key == "s") {
        // A damaged style index only loses the date format, like in Excel.
        if (!parse_whole(value, style_)) style_ = 0;
      }
    }
    if (column_ >= kMaxColumns) {
      return parser.fail(xlsx_invalid("a row has more than " + std::to_string(kMaxColumns) + " cells"));
    }
  } else if (name == "row" && in_sheet_data_) {
    in_row_ = true;
    cells_.clear();
    row_bytes_ = 0;
    next_column_ = 0;
    std::int64_t number = row_number_ + 1;  // rows without r follow the previous one
    if (const char* given = find_attribute(attributes, "r")) {
      if (!parse_whole(std::string_view(given), number) || number < 1 || number > kMaxRows) {
        return parser.fail(xlsx_invalid("bad row number \"" + std::string(given) + "\""));
      }
    }
    row_number_ = number;
  } else if (name == "sheetData") {
    in_sheet_data_ = true;
  }
}

void SheetParser::text(XmlParser& parser, std::string_view text) {
  if (!capturing_) return;
  if (value_.size() + text.size() > limits_.max_cell_bytes) {
    return parser.fail(
        xlsx_too_large("a cell over " + std::to_string(limits_.max_cell_bytes) + " bytes"));
  }
  value_ += text;
}

void SheetParser::end_element(XmlParser& parser, std::string_view name) {
  if (in_cell_) {
    if (name == "v" || name == "t") {
      capturing_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "is") {
      in_inline_string_ = false;
    } else if (name == "c") {
      in_cell_ = false;
      capturing_ = in_inline_string_ = in_phonetic_ = false;
      finish_cell(parser);
    }
    return;
  }
  if (name == "row" && in_row_) {
    in_row_ = false;
    if (cells_.empty()) return;  // blank rows are skipped, still counted
    ready_row_.number = row_number_;
    std::swap(ready_row_.cells, cells_);
    row_ready_ = true;
    parser.suspend();
  } else if (name == "sheetData") {
    in_sheet_data_ = false;
  }
}

void SheetParser::finish_cell(XmlParser& parser) {
  next_column_ = column_ + 1;
  if (!convert_value(parser) || cell_text_.empty()) return;
  row_bytes_ += cell_text_.size();
  if (row_bytes_ > limits_.max_row_bytes) {
    return parser.fail(xlsx_too_large("row " + std::to_string(row_number_) + " holds over " +
                                 std::to_string(limits_.max_row_bytes) + " bytes"));
  }
  const auto column = static_cast<std::size_t>(column_);
  if (column < cells_.size()) {  // out of order or repeated: the later cell wins
    cells_[column] = std::move(cell_text_);
  } else {
    cells_.resize(column);
    cells_.push_back(std::move(cell_text_));
  }
  cell_text_.clear();
}

bool SheetParser::convert_value(XmlParser& parser) {
  cell_text_.clear();
  if (value_.empty()) return true;
  switch (type_) {
    case CellType::shared_string: {
      std::size_t index = 0;
      if (!parse_whole(value_, index) || index >= shared_strings_.size()) {
        parser.fail(xlsx_invalid("shared string \"" + value_ + "\" does not exist"));
        return false;
      }
      cell_text_ = shared_strings_.at(index);
      return true;
    }
    case CellType::inline_string:
    case CellType::formula_string:
      cell_text_ = value_;
      unescape_xstring(cell_text_);
      return true;
    case CellType::boolean:
      cell_text_ = value_ == "1" || value_ == "true" ? "1" : value_ == "false" ? "0" : value_;
      return true;
    case CellType::error:
      cell_text_ = value_;
      return true;
    case CellType::date:
      // ISO 8601 as written by t="d" cells (Strict OOXML): keep the date part.
      cell_text_ = std::string_view(value_).substr(0, value_.find('T'));
      return true;
    case CellType::number:
      if (styles_.is_date(style_)) {
        double serial = 0;
        if (parse_whole(value_, serial)) {
          if (const std::optional<Date> date = date_from_serial(serial, date_system_)) {
            cell_text_ = to_iso(*date);
            return true;
          }
        }
      }
      // Text in a number cell is damaged but readable: keep it as written.
      if (!append_number_text(value_, cell_text_)) {
        cell_text_ = value_;
      } else if (styles_.is_percent(style_)) {
        cell_text_ = percent_text(cell_text_);
      }
      return true;
  }
  return true;
}

}  // namespace kompetent::io
