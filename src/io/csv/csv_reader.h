// Reads a CSV file as Excel and HR systems write it, one row at a time
// (docs/import-format.md, "Files we read").
//
//   Result<std::unique_ptr<CsvReader>> reader = CsvReader::open(path);
//   if (!reader.ok()) return reader.error();          // cannot open the file
//   TableRow row;
//   while ((*reader)->next(row)) use(row);            // row.cells are UTF-8
//   if ((*reader)->failure()) report(*(*reader)->failure());
//
// What it accepts:
// - UTF-8 (a BOM is skipped) or Windows-1252, told apart by a first pass over
//   the whole file: valid UTF-8 is UTF-8, else Windows-1252 if every byte is
//   defined there, else failure "undecodable_text" at the first row where
//   neither reads (UTF-16 and NUL bytes always fail so).
// - Separator ';' or ',', from the header line: the one that occurs more often
//   outside quotes, ';' on a tie. A header with neither but with a tab or '|'
//   fails with "wrong_delimiter" at the header row.
// - RFC 4180 quoting: "..." with "" for a quote, separators and line breaks
//   inside quotes. A quote is special only at the start of a field; elsewhere
//   it is an ordinary character, and text after a closing quote is appended
//   (`"a"b` is `ab`), as Excel reads them. A quote that never closes fails with
//   "unterminated_quote" at the row where the field started.
// - Line ends LF, CRLF, or a lone CR (old Mac exports).
//
// Rows: numbered as a spreadsheet shows them, the first line being row 1, so
// a quoted line break does not start a new row. Blank rows (every cell empty
// or only spaces and tabs, e.g. ";;;") are skipped but counted. Cells are
// delivered as written, not trimmed; a row has as many cells as it has fields.
// A file with no bytes, only whitespace, or only blank rows fails with
// "empty_file" (row 0).
//
// Memory: one buffer of about `CsvReaderOptions::read_bytes` (three times that
// for Windows-1252), doubled only while one row does not fit. So memory is
// bounded by the longest row, not the file. A failure to read the file midway
// fails with "file_not_readable".
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "core/result.h"
#include "io/csv/input_file.h"
#include "io/table/row_source.h"
#include "io/text/encoding_detector.h"

namespace kompetent::io {

struct CsvReaderOptions {
  // How much of the file one read takes. Values below 64 are raised to 64.
  std::size_t read_bytes = std::size_t{1} << 20;
};

class CsvReader final : public RowSource {
 public:
  // Opens `path` and reads it once to detect the encoding, then reads up to the
  // end of the header line to detect the separator. Error::io("file_not_readable",
  // {path}) if the file cannot be opened or read. Problems with the content
  // (empty, undecodable, wrong separator) do not fail open(): they are reported
  // by failure() after the first next() returns false.
  static Result<std::unique_ptr<CsvReader>> open(const std::filesystem::path& path,
                                                 CsvReaderOptions options = {});

  // RowSource. next() reuses the strings already in `row.cells`, so passing the
  // same row each time avoids allocating per cell.
  bool next(TableRow& row) override;
  [[nodiscard]] const std::optional<FileFailure>& failure() const noexcept override {
    return failure_;
  }
  // Exact for UTF-8 files; for Windows-1252 files, behind by at most one read.
  [[nodiscard]] std::uint64_t bytes_done() const noexcept override { return bytes_done_; }
  [[nodiscard]] std::uint64_t bytes_total() const noexcept override { return bytes_total_; }

  // ';' or ','. Meaningful unless the file is empty.
  [[nodiscard]] char delimiter() const noexcept { return delimiter_; }
  // The detected encoding; utf8 when the file is empty or undecodable.
  [[nodiscard]] TextEncoding encoding() const noexcept { return encoding_; }
  // Bytes the read buffer holds now: for checking that memory stays bounded.
  [[nodiscard]] std::size_t buffer_capacity() const noexcept { return buffer_.capacity(); }

  // Public for std::make_unique; only open() can make the key.
  class Key {
    friend class CsvReader;
    Key() = default;
  };
  CsvReader(Key, InputFile file, std::size_t read_bytes);

 private:
  enum class RecordStatus { complete, need_more, unterminated };

  void start(const EncodingVerdict& verdict, std::uint64_t total_bytes);
  void fill();
  RecordStatus parse_record(TableRow& row);
  void fail_at_undecodable_row();
  void fail(std::string code, std::string detail, std::int64_t row);
  void update_progress() noexcept;

  InputFile file_;
  std::size_t read_bytes_;
  // Unread text is buffer_[pos_, end_), in UTF-8 (or raw while looking for an
  // undecodable row); buffer_[end_] is always '\n', a sentinel that ends every
  // scan for a separator without a bounds check.
  std::vector<char> buffer_;
  std::vector<char> raw_;  // Windows-1252 bytes before transcoding into buffer_
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t buffer_file_offset_ = 0;  // file offset of buffer_[0], when not transcoding
  std::uint64_t file_read_ = 0;           // file bytes read (or skipped) so far
  std::uint64_t bytes_total_ = 0;
  std::uint64_t bytes_done_ = 0;
  bool at_eof_ = false;
  bool done_ = false;
  bool transcode_ = false;
  bool header_seen_ = false;
  TextEncoding encoding_ = TextEncoding::utf8;
  char delimiter_ = ';';
  std::array<bool, 256> ends_field_{};  // the separator, CR and LF
  std::int64_t next_row_ = 1;
  std::optional<std::uint64_t> undecodable_offset_;
  std::optional<FileFailure> failure_;
};

}  // namespace kompetent::io
