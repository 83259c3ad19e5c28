#include "io/xlsx/xlsx_reader.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <utility>

#include "io/xlsx/date_styles.h"
#include "io/xlsx/shared_strings.h"
#include "io/xlsx/sheet_parser.h"
#include "io/xlsx/workbook_parts.h"
#include "io/xlsx/xml_parser.h"
#include "io/xlsx/zip_archive.h"

namespace kompetent::io {
namespace {

constexpr std::size_t kSheetReadChunk = 64 * 1024;

FileFailure failure_of(const Error& error) {
  return {error.code, error.args.empty() ? std::string() : error.args.front(), 0};
}

}  // namespace

// Everything the reader holds, in the order it must be destroyed in reverse:
// the parser refers to the tables and the entry reader to the archive.
struct XlsxReader::State {
  XlsxLimits limits;
  std::unique_ptr<ZipArchive> archive;
  SharedStrings shared_strings;
  DateStyles styles;
  std::unique_ptr<ZipEntryReader> sheet;
  std::unique_ptr<SheetParser> handler;
  std::unique_ptr<XmlParser> parser;
  std::optional<FileFailure> failure;
  bool suspended = false;
  bool finished = false;
  bool any_row = false;

  // Opens the archive and reads everything the sheet needs; false with
  // `failure` set when the workbook cannot be read.
  bool prepare(const std::filesystem::path& path) {
    Result<std::unique_ptr<ZipArchive>> opened = ZipArchive::open(path, limits);
    if (!opened.ok()) return fail(opened.error());
    archive = std::move(opened).value();
    Result<WorkbookParts> parts = locate_workbook_parts(*archive);
    if (!parts.ok()) return fail(parts.error());
    if (!parts.value().shared_strings.empty()) {
      Result<SharedStrings> read =
          SharedStrings::read(*archive, parts.value().shared_strings, limits);
      if (!read.ok()) return fail(read.error());
      shared_strings = std::move(read).value();
    }
    if (!parts.value().styles.empty()) {
      Result<DateStyles> read = DateStyles::read(*archive, parts.value().styles);
      if (!read.ok()) return fail(read.error());
      styles = std::move(read).value();
    }
    Result<std::unique_ptr<ZipEntryReader>> entry =
        archive->open_entry(parts.value().first_worksheet);
    if (!entry.ok()) return fail(entry.error());
    sheet = std::move(entry).value();
    handler =
        std::make_unique<SheetParser>(shared_strings, styles, parts.value().date_system, limits);
    parser = std::make_unique<XmlParser>(*handler, sheet->name());
    return true;
  }

  bool fail(const Error& error) {
    failure = failure_of(error);
    return false;
  }

  // Parses until a row is complete, the sheet ends, or reading fails.
  bool next(TableRow& row) {
    if (failure || finished) return false;
    for (;;) {
      XmlParser::Outcome outcome;
      if (suspended) {
        outcome = parser->resume();
      } else {
        char* buffer = parser->buffer(kSheetReadChunk);
        if (buffer == nullptr) return fail(Error::internal("out_of_memory"));
        const Result<std::size_t> count = sheet->read(buffer, kSheetReadChunk);
        if (!count.ok()) return fail(count.error());
        outcome = parser->parse_buffer(count.value(), count.value() == 0);
      }
      suspended = outcome == XmlParser::Outcome::suspended;
      if (outcome == XmlParser::Outcome::failed) return fail(*parser->error());
      if (handler->take_row(row)) {
        any_row = true;
        return true;
      }
      if (outcome == XmlParser::Outcome::finished) {
        finished = true;
        if (!any_row) {
          failure = FileFailure{"empty_file", "the first worksheet has no rows", 0};
        }
        return false;
      }
    }
  }
};

XlsxReader::XlsxReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
XlsxReader::~XlsxReader() = default;

Result<std::unique_ptr<XlsxReader>> XlsxReader::open(const std::filesystem::path& path,
                                                     XlsxLimits limits) {
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(path, size_error);
  if (size_error || !std::ifstream(path, std::ios::binary)) {
    return Error::io("file_unreadable", {path.string()});
  }
  auto state = std::make_unique<State>();
  state->limits = limits;
  if (size == 0) {
    state->failure = FileFailure{"empty_file", "the file has no bytes", 0};
  } else {
    state->prepare(path);
  }
  return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(state)));
}

bool XlsxReader::next(TableRow& row) { return state_->next(row); }

const std::optional<FileFailure>& XlsxReader::failure() const noexcept { return state_->failure; }

std::uint64_t XlsxReader::bytes_done() const noexcept {
  if (!state_->sheet) return 0;
  return std::min(state_->sheet->bytes_read(), bytes_total());
}

std::uint64_t XlsxReader::bytes_total() const noexcept {
  return state_->sheet ? state_->sheet->declared_size() : 0;
}

}  // namespace kompetent::io
