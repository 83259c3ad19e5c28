#include "io/export/csv_writer.h"

namespace kompetent::io {

Result<CsvWriter> CsvWriter::open(const std::filesystem::path& path) {
  CsvWriter writer;
  writer.file_ = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*writer.file_) return Error::io("file_not_writable", {path.string()});
  writer.out_ = writer.file_.get();
  *writer.out_ << "\xEF\xBB\xBF";
  return writer;
}

CsvWriter::CsvWriter(std::ostream& out, bool bom) : out_(&out) {
  if (bom) *out_ << "\xEF\xBB\xBF";
}

std::string CsvWriter::escape(std::string_view cell) {
  std::string text;
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    // A negative number is data, not a formula: keep "-1,5" as it is.
    bool numeric = cell[0] == '-' && cell.size() > 1 &&
                   cell.find_first_not_of("0123456789, .", 1) == std::string_view::npos;
    if (!numeric) text.push_back('\'');
  }
  text.append(cell);
  if (text.find_first_of(";\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

void CsvWriter::row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) *out_ << ';';
    *out_ << escape(cells[i]);
  }
  *out_ << "\r\n";
}

bool CsvWriter::good() const {
  out_->flush();
  return out_->good();
}

}  // namespace kompetent::io
