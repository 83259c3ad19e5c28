#include "cli/output.h"

#include <algorithm>
#include <iostream>

#include "cli/exit_codes.h"
#include "core/calendar/date.h"
#include "io/export/csv_writer.h"

namespace kompetent::cli {
namespace {

std::size_t display_width(const std::string& text) {
  // Count UTF-8 lead bytes: æøå and "–" are one column each.
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

Result<OutputFormat> parse_output_format(std::string_view text) {
  if (text == "table") return OutputFormat::table;
  if (text == "json") return OutputFormat::json;
  if (text == "csv") return OutputFormat::csv;
  return Error::invalid("unknown_format", {std::string(text)});
}

void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows, std::size_t text_columns) {
  std::vector<std::size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  };
  measure(header);
  for (const auto& row : rows) measure(row);

  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : std::string();
      const std::string pad(widths[i] - display_width(cell), ' ');
      if (i > 0) line += "  ";
      line += i < text_columns ? cell + pad : pad + cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row(header);
  std::size_t total = 0;
  for (std::size_t w : widths) total += w;
  out << std::string(total + 2 * (widths.empty() ? 0 : widths.size() - 1), '-') << '\n';
  for (const auto& row : rows) print_row(row);
}

void print_rows(std::ostream& out, OutputFormat format, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, std::size_t text_columns) {
  if (format == OutputFormat::csv) {
    io::CsvWriter csv(out, false);
    csv.row(header);
    for (const auto& row : rows) csv.row(row);
    return;
  }
  print_table(out, header, rows, text_columns);
}

void print_problems(std::ostream& out, const std::vector<io::ImportError>& problems,
                    const Environment& env, std::size_t at_most) {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < problems.size() && i < at_most; ++i) {
    const io::ImportError& e = problems[i];
    rows.push_back({e.row == 0 ? "–" : std::to_string(e.row), e.column, e.value,
                    env.messages.text("problem." + e.code)});
  }
  const bool en = env.language == Language::en;
  print_table(out,
              en ? std::vector<std::string>{"Row", "Column", "Value", "Problem"}
                 : std::vector<std::string>{"Rad", "Kolonne", "Verdi", "Problem"},
              rows);
}

int report_error(const Error& error, const MessageCatalogue& messages) {
  const std::string key = "error." + error.code;
  // Lower layers carry dates as ISO text; users read them as 31.12.2025.
  std::vector<std::string> args = error.args;
  for (std::string& arg : args) {
    if (auto date = parse_iso_date(arg)) arg = to_norwegian(*date);
  }
  std::string text = messages.has(key) ? messages.text(key, args) : error.code;
  if (!messages.has(key)) {
    for (const std::string& arg : error.args) text += " " + arg;
  }
  std::cerr << (messages.language() == "en" ? "error: " : "feil: ") << text << '\n';
  return exit_code_for(error.kind);
}

}  // namespace kompetent::cli
