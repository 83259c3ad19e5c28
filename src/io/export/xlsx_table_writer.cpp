#include "io/export/xlsx_table_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <utility>

#include "core/i18n/number_format.h"

namespace kompetent::io {
namespace {

constexpr std::size_t kMaxSheetNameChars = 31;  // Excel's limit, in characters
constexpr std::size_t kMaxRows = 1'048'576;
constexpr std::size_t kMaxColumns = 16'384;
constexpr std::size_t kMaxStringBytes = 32'767;  // libxlsxwriter refuses longer strings
constexpr lxw_row_t kRowsPerChart = 16;          // a default chart is 288 px; a row 20 px

// libxlsxwriter (1.1.4) formats the workbook's created date with gmtime(), whose result lives
// in one static buffer per process, while closing the workbook. Two exports closing at once on
// server threads race there (ThreadSanitizer saw it in the load test) and one workbook could
// carry the other's date. Closing is the only call into the library that touches shared state,
// so only it is serialised; building the sheets stays parallel.
std::mutex workbook_close_mutex;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

// The first `chars` characters of `text`, never splitting one.
std::string utf8_prefix(std::string_view text, std::size_t chars) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_continuation(text[i]) && seen++ == chars) return std::string(text.substr(0, i));
  }
  return std::string(text);
}

// The longest prefix of `text` of at most `bytes` bytes that ends on a character.
std::string_view utf8_cut_bytes(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && is_continuation(text[end])) --end;
  return text.substr(0, end);
}

// Case folding for Excel's sheet-name clash rule: ASCII and Latin-1 letters
// (Æ Ø Å and the other accented capitals), which covers bokmål names.
std::string fold_case(std::string_view text) {
  std::string folded(text);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const auto c = static_cast<unsigned char>(folded[i]);
    if (c >= 'A' && c <= 'Z') {
      folded[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < folded.size()) {
      const auto next = static_cast<unsigned char>(folded[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        folded[i + 1] = static_cast<char>(next + 32);
      ++i;
    }
  }
  return folded;
}

std::string clean_sheet_name(std::string_view name) {
  std::string spaced;
  for (char c : name) {
    const bool forbidden = std::string_view("[]:*?/\\").find(c) != std::string_view::npos;
    const char out = forbidden ? ' ' : c;
    if (out == ' ' && !spaced.empty() && spaced.back() == ' ') continue;
    spaced.push_back(out);
  }
  const std::size_t first = spaced.find_first_not_of(" '");
  if (first == std::string::npos) return "";
  const std::size_t last = spaced.find_last_not_of(" '");
  std::string cut = utf8_prefix(spaced.substr(first, last - first + 1), kMaxSheetNameChars);
  // Cutting may leave a trailing space or apostrophe, which Excel also refuses.
  while (!cut.empty() && (cut.back() == ' ' || cut.back() == '\'')) cut.pop_back();
  return cut;
}

time_t parse_created(const std::string& iso) {
  std::tm parts{};
  std::istringstream in(iso);
  in >> std::get_time(&parts, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return 0;  // libxlsxwriter then stamps the current time
  return timegm(&parts);
}

std::string number_format(ColumnKind kind, int decimals) {
  const std::string fraction =
      decimals > 0 ? "." + std::string(static_cast<std::size_t>(std::min(decimals, 10)), '0') : "";
  switch (kind) {
    case ColumnKind::text:
      return "";
    case ColumnKind::integer:
      return "#,##0";
    case ColumnKind::decimal:
      return "#,##0" + fraction;
    // Norwegian Excel's own percent style has the space: "65,7 %".
    case ColumnKind::percent:
      return "0" + fraction + " %";
  }
  return "";
}

// The formats one workbook shares between its sheets, made once each.
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {
    title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_font_size(title, 14);
    footnote = workbook_add_format(workbook);
    format_set_italic(footnote);
    header_text = workbook_add_format(workbook);
    format_set_bold(header_text);
    format_set_bottom(header_text, LXW_BORDER_THIN);
    header_number = workbook_add_format(workbook);
    format_set_bold(header_number);
    format_set_bottom(header_number, LXW_BORDER_THIN);
    format_set_align(header_number, LXW_ALIGN_RIGHT);
    right = workbook_add_format(workbook);
    format_set_align(right, LXW_ALIGN_RIGHT);
  }

  lxw_format* number(ColumnKind kind, int decimals) {
    const std::string code = number_format(kind, decimals);
    if (code.empty()) return nullptr;
    auto [it, added] = numbers_.try_emplace(code, nullptr);
    if (added) {
      it->second = workbook_add_format(workbook_);
      format_set_num_format(it->second, code.c_str());
    }
    return it->second;
  }

  lxw_format* title;
  lxw_format* footnote;
  lxw_format* header_text;
  lxw_format* header_number;
  lxw_format* right;  // ":" and other text in number columns line up with the numbers

 private:
  lxw_workbook* workbook_;
  std::map<std::string, lxw_format*> numbers_;
};

// Where a table's parts go on its sheet (zero-based rows).
struct Layout {
  explicit Layout(const ExportTable& table)
      : header_row(static_cast<lxw_row_t>(table.notes.size() + 2)),
        footnote_row(static_cast<lxw_row_t>(header_row + table.rows.size() + 2)) {}
  [[nodiscard]] lxw_row_t data_row(std::size_t index) const {
    return static_cast<lxw_row_t>(header_row + 1 + index);
  }
  lxw_row_t header_row;  // title, notes, one blank row, then the header
  lxw_row_t footnote_row;
};

lxw_error write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, std::string_view text,
                     lxw_format* format) {
  if (text.empty()) return worksheet_write_blank(sheet, row, col, format);
  const std::string cut(utf8_cut_bytes(text, kMaxStringBytes));
  return worksheet_write_string(sheet, row, col, cut.c_str(), format);
}

// How wide the cell looks in characters, for fitting the column.
std::size_t shown_width(const ExportCell& cell, const ExportColumn& column) {
  if (!cell) return 1;
  if (const auto* text = std::get_if<std::string>(&*cell)) return utf8_length(*text);
  const double value = std::holds_alternative<double>(*cell)
                           ? std::get<double>(*cell)
                           : static_cast<double>(std::get<std::int64_t>(*cell));
  switch (column.kind) {
    case ColumnKind::integer:
      return format_decimal(value, 0, Language::nb).size();
    case ColumnKind::percent:
      return format_decimal(value * 100, column.decimals, Language::nb).size() + 2;
    case ColumnKind::text:
    case ColumnKind::decimal:
      return format_decimal(value, column.decimals, Language::nb).size();
  }
  return 1;
}

lxw_error write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const ExportCell& cell,
                     const ExportColumn& column, Formats& formats) {
  const bool numeric = column.kind != ColumnKind::text;
  if (!cell) return worksheet_write_string(sheet, row, col, ":", numeric ? formats.right : nullptr);
  if (const auto* text = std::get_if<std::string>(&*cell)) {
    return write_text(sheet, row, col, *text, numeric ? formats.right : nullptr);
  }
  const double value = std::holds_alternative<double>(*cell)
                           ? std::get<double>(*cell)
                           : static_cast<double>(std::get<std::int64_t>(*cell));
  // NaN and infinity have no cell form; libxlsxwriter would write a corrupt file.
  if (!std::isfinite(value)) return LXW_NO_ERROR;
  return worksheet_write_number(sheet, row, col, value,
                                formats.number(column.kind, column.decimals));
}

uint8_t chart_type(ExportChart::Type type) {
  switch (type) {
    case ExportChart::Type::bar:
      return LXW_CHART_BAR;
    case ExportChart::Type::column:
      return LXW_CHART_COLUMN;
    case ExportChart::Type::stacked_column:
      return LXW_CHART_COLUMN_STACKED;
    case ExportChart::Type::line:
      return LXW_CHART_LINE;
  }
  return LXW_CHART_COLUMN;
}

void add_chart(lxw_workbook* workbook, lxw_worksheet* sheet, const std::string& sheet_name,
               const ExportTable& table, const ExportChart& spec, const Layout& layout,
               lxw_row_t at_row, lxw_col_t at_col) {
  lxw_chart* chart = workbook_add_chart(workbook, chart_type(spec.type));
  const std::size_t count =
      spec.row_count == 0 ? table.rows.size() - spec.first_row : spec.row_count;
  const lxw_row_t first = layout.data_row(spec.first_row);
  const lxw_row_t last = layout.data_row(spec.first_row + count - 1);
  const auto category = static_cast<lxw_col_t>(spec.category_column);
  bool all_percent = true;
  for (std::size_t column : spec.value_columns) {
    const auto col = static_cast<lxw_col_t>(column);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, sheet_name.c_str(), first, category, last, category);
    chart_series_set_values(series, sheet_name.c_str(), first, col, last, col);
    chart_series_set_name_range(series, sheet_name.c_str(), layout.header_row, col);
    all_percent = all_percent && table.columns[column].kind == ColumnKind::percent;
  }
  if (!spec.title.empty()) {
    // libxlsxwriter reads a title starting with "=" as a cell reference.
    const std::string title = spec.title.front() == '=' ? " " + spec.title : spec.title;
    chart_title_set_name(chart, title.c_str());
  }
  if (all_percent) {
    // In a bar chart libxlsxwriter's x axis is the (horizontal) value axis.
    lxw_chart_axis* values = spec.type == ExportChart::Type::bar ? chart->x_axis : chart->y_axis;
    chart_axis_set_num_format(values, "0 %");
  }
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  worksheet_insert_chart(sheet, at_row, at_col, chart);
}

lxw_error write_sheet(lxw_workbook* workbook, const std::string& sheet_name,
                      const ExportTable& table, Formats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  if (sheet == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  const Layout layout(table);
  lxw_error error = write_text(sheet, 0, 0, table.title, formats.title);
  for (std::size_t i = 0; i < table.notes.size() && error == LXW_NO_ERROR; ++i) {
    error = write_text(sheet, static_cast<lxw_row_t>(i + 1), 0, table.notes[i], nullptr);
  }

  bool suppressed = false;
  for (std::size_t c = 0; c < table.columns.size() && error == LXW_NO_ERROR; ++c) {
    const ExportColumn& column = table.columns[c];
    const auto col = static_cast<lxw_col_t>(c);
    error =
        write_text(sheet, layout.header_row, col, column.label,
                   column.kind == ColumnKind::text ? formats.header_text : formats.header_number);
    std::size_t width = utf8_length(column.label) + 1;  // bold is wider
    for (std::size_t r = 0; r < table.rows.size() && error == LXW_NO_ERROR; ++r) {
      if (c >= table.rows[r].size()) continue;  // a short row: the rest stays empty
      const ExportCell& cell = table.rows[r][c];
      suppressed = suppressed || !cell;
      error = write_cell(sheet, layout.data_row(r), col, cell, column, formats);
      width = std::max(width, shown_width(cell, column));
    }
    worksheet_set_column(sheet, col, col,
                         static_cast<double>(std::clamp<std::size_t>(width + 2, 6, 60)), nullptr);
  }
  if (error != LXW_NO_ERROR) return error;
  if (suppressed && !table.suppressed_note.empty()) {
    error =
        write_text(sheet, layout.footnote_row, 0, ": " + table.suppressed_note, formats.footnote);
  }

  if (!table.columns.empty()) {
    const auto last_col = static_cast<lxw_col_t>(table.columns.size() - 1);
    worksheet_freeze_panes(sheet, layout.header_row + 1, 0);
    worksheet_autofilter(sheet, layout.header_row, 0, layout.data_row(table.rows.size()) - 1,
                         last_col);
  }
  // Charts sit one empty column to the right of the table, stacked downwards.
  const auto chart_col = static_cast<lxw_col_t>(table.columns.size() + 1);
  for (std::size_t i = 0; i < table.charts.size(); ++i) {
    add_chart(workbook, sheet, sheet_name, table, table.charts[i], layout,
              static_cast<lxw_row_t>(layout.header_row + i * kRowsPerChart), chart_col);
  }
  return error;
}

struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};

}  // namespace

std::vector<std::string> sheet_names(const ExportWorkbook& workbook) {
  std::vector<std::string> names;
  std::set<std::string> taken{"history"};  // Excel keeps "History" for change tracking
  for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
    std::string base = clean_sheet_name(workbook.sheets[i].sheet_name);
    if (base.empty()) base = "Ark" + std::to_string(i + 1);
    std::string name = base;
    for (int n = 2; taken.contains(fold_case(name)); ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      name = utf8_prefix(base, kMaxSheetNameChars - suffix.size()) + suffix;
    }
    taken.insert(fold_case(name));
    names.push_back(name);
  }
  return names;
}

Status write_xlsx(const ExportWorkbook& workbook, const std::filesystem::path& path) {
  for (const ExportTable& table : workbook.sheets) {
    if (Status checked = check_table(table); !checked.ok()) return checked;
    const Layout layout(table);
    if (layout.footnote_row >= kMaxRows || table.columns.size() + 1 >= kMaxColumns) {
      return Error::invalid("export_too_large", {table.sheet_name});
    }
  }
  const std::vector<std::string> names = sheet_names(workbook);

  // Charts need the whole sheet in memory, so constant_memory stays off; the
  // tables are small.
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  std::unique_ptr<lxw_workbook, WorkbookFree> book(workbook_new_opt(path.c_str(), &options));
  if (!book) return Error::internal("xlsx_write_failed", {"workbook_new_opt"});

  lxw_doc_properties properties{};
  std::string title = workbook.sheets.empty() ? "" : workbook.sheets.front().title;
  std::string author = workbook.author;
  properties.title = title.data();
  properties.author = author.data();
  properties.created = parse_created(workbook.created_iso);
  workbook_set_properties(book.get(), &properties);

  Formats formats(book.get());
  for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
    const lxw_error error = write_sheet(book.get(), names[i], workbook.sheets[i], formats);
    if (error != LXW_NO_ERROR) return Error::internal("xlsx_write_failed", {lxw_strerror(error)});
  }
  // Excel refuses a workbook without sheets.
  if (workbook.sheets.empty()) workbook_add_worksheet(book.get(), nullptr);

  // workbook_close frees the workbook whatever it returns.
  const lxw_error closed = [&book] {
    std::lock_guard lock(workbook_close_mutex);
    return workbook_close(book.release());
  }();
  if (closed == LXW_NO_ERROR) return ok_status();
  if (closed == LXW_ERROR_CREATING_XLSX_FILE || closed == LXW_ERROR_CREATING_TMPFILE ||
      closed == LXW_ERROR_ZIP_FILE_OPERATION || closed == LXW_ERROR_ZIP_CLOSE) {
    return Error::io("file_not_writable", {path.string()});
  }
  return Error::internal("xlsx_write_failed", {lxw_strerror(closed)});
}

Result<std::string> xlsx_bytes(const ExportWorkbook& workbook) {
  std::string pattern = (std::filesystem::temp_directory_path() / "kompetent-XXXXXX.xlsx").string();
  const int descriptor = mkstemps(pattern.data(), 5);
  if (descriptor < 0) return Error::io("file_not_writable", {pattern});
  close(descriptor);
  const std::filesystem::path path = pattern;
  Status written = write_xlsx(workbook, path);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream content;
      content << in.rdbuf();
      bytes = std::move(content).str();
    } else {
      written = Error::io("file_not_readable", {path.string()});
    }
  }
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  if (!written.ok()) return written.error();
  return bytes;
}

}  // namespace kompetent::io
