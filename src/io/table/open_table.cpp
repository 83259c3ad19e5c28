#include "io/table/open_table.h"

#include <fstream>

#include "io/csv/csv_reader.h"
#include "io/xlsx/xlsx_reader.h"

namespace kompetent::io {
namespace {

constexpr std::size_t kSniffBytes = 4096;

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

}  // namespace

Sniffed sniff_table_format(std::string_view bytes, std::uint64_t file_size) {
  if (file_size == 0) return {std::nullopt, "empty_file"};
  if (starts_with(bytes, std::string_view("PK\x03\x04", 4))) return {TableFormat::xlsx, {}};
  // Formats people mistake for an export: old Excel (.xls, an OLE container), PDF.
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") || starts_with(bytes, "%PDF")) {
    return {std::nullopt, "not_csv_or_xlsx"};
  }
  // UTF-16 text: the CSV reader refuses it with the more helpful "undecodable_text".
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) return {TableFormat::csv, {}};
  std::size_t nul_at_odd = 0;
  std::size_t nul_at_even = 0;
  std::size_t control = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      (i % 2 ? nul_at_odd : nul_at_even)++;
    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      ++control;
    }
  }
  // BOM-less UTF-16 has a NUL in every other byte of Latin text.
  const std::size_t half = bytes.size() / 2;
  if (half > 0 && (nul_at_odd * 10 >= half * 9 || nul_at_even * 10 >= half * 9)) {
    return {TableFormat::csv, {}};
  }
  if (nul_at_odd + nul_at_even > 0 || control * 20 > bytes.size()) {
    return {std::nullopt, "not_csv_or_xlsx"};
  }
  return {TableFormat::csv, {}};
}

Result<OpenedTable> open_table(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!in || ec || std::filesystem::is_directory(path)) {
    return Error::io("file_not_readable", {path.string()});
  }
  std::string head(kSniffBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));

  Sniffed sniffed = sniff_table_format(head, size);
  if (!sniffed.format) return Error::invalid(sniffed.failure_code, {path.string()});
  if (*sniffed.format == TableFormat::xlsx) {
    auto reader = XlsxReader::open(path);
    if (!reader.ok()) return reader.error();
    return OpenedTable{TableFormat::xlsx, std::move(reader).value()};
  }
  auto reader = CsvReader::open(path);
  if (!reader.ok()) return reader.error();
  return OpenedTable{TableFormat::csv, std::move(reader).value()};
}

}  // namespace kompetent::io
