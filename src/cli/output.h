// Printing results: aligned text tables for people, JSON and CSV for programs
// and spreadsheets, and errors in the user's language.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/environment.h"
#include "core/result.h"
#include "io/import/import_error.h"

namespace kompetent::cli {

// Parses "table", "json" or "csv".
[[nodiscard]] Result<OutputFormat> parse_output_format(std::string_view text);

// Rows of text cells under a header. The first `text_columns` columns are
// left-aligned, the rest right-aligned (they hold numbers). Widths count UTF-8
// characters, not bytes.
void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows, std::size_t text_columns = 1);

// Rows as an aligned table or as CSV (`;`, no BOM on a terminal), by `format`.
// JSON is each command's own business: its shape is the API.
void print_rows(std::ostream& out, OutputFormat format, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, std::size_t text_columns = 1);

// A list of problems (row, column, value, message) as a table, in the user's language.
void print_problems(std::ostream& out, const std::vector<io::ImportError>& problems,
                    const Environment& env, std::size_t at_most = SIZE_MAX);

// "feil: <message>" on stderr; returns the exit code for the error.
int report_error(const Error& error, const MessageCatalogue& messages);

}  // namespace kompetent::cli
