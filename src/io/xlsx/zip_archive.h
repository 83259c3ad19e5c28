// Read-only access to the entries of a zip archive (libzip), with the caps of
// XlsxLimits enforced on the bytes actually decompressed.
//
//   Result<std::unique_ptr<ZipArchive>> zip = ZipArchive::open(path, limits);
//   Result<std::unique_ptr<ZipEntryReader>> entry = zip.value()->open_entry("xl/workbook.xml");
//   while ((n = entry.value()->read(buffer, size).value()) > 0) use(buffer, n);
//
// Entry names are only ever looked up in the archive's directory, never joined
// to a file-system path, so a name like "../../etc/x" can do no harm.
// Errors carry the import codes of docs/import-format.md: "xlsx_invalid",
// "xlsx_too_large"; args[0] is a detail in plain English for the log.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "io/xlsx/xlsx_limits.h"

struct zip;
struct zip_file;

namespace kompetent::io {

class ZipArchive;

// Streams one entry's decompressed bytes. Owned by the caller; must not outlive
// the ZipArchive that opened it.
class ZipEntryReader {
 public:
  ZipEntryReader(const ZipEntryReader&) = delete;
  ZipEntryReader& operator=(const ZipEntryReader&) = delete;
  ~ZipEntryReader();

  // Reads up to `capacity` bytes into `out`; returns how many, 0 at the end of
  // the entry. Fails with "xlsx_too_large" once a cap is crossed (the bytes
  // beyond it are never handed out) and "xlsx_invalid" on damaged data (bad
  // deflate stream, CRC mismatch, encryption).
  [[nodiscard]] Result<std::size_t> read(char* out, std::size_t capacity);

  [[nodiscard]] std::uint64_t bytes_read() const noexcept { return bytes_read_; }
  // As the directory says; only good for progress reports.
  [[nodiscard]] std::uint64_t declared_size() const noexcept { return declared_size_; }
  [[nodiscard]] const std::string& name() const noexcept { return name_; }

 private:
  friend class ZipArchive;
  ZipEntryReader(ZipArchive& archive, zip_file* file, std::string name,
                 std::uint64_t compressed_size, std::uint64_t declared_size);

  ZipArchive& archive_;
  zip_file* file_;
  std::string name_;
  std::uint64_t compressed_size_;
  std::uint64_t declared_size_;
  std::uint64_t bytes_read_ = 0;
};

class ZipArchive {
 public:
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  // Opens the archive at `path`. Fails with "xlsx_invalid" when it is not a
  // consistent zip archive, "xlsx_too_large" when it has more than
  // limits.max_entries entries.
  [[nodiscard]] static Result<std::unique_ptr<ZipArchive>> open(const std::filesystem::path& path,
                                                                const XlsxLimits& limits);

  // True when an entry of that name exists (ASCII case ignored, as OPC part
  // names are case-insensitive).
  [[nodiscard]] bool contains(std::string_view name) const;
  // Opens an entry for streaming. Fails with "xlsx_invalid" when it is missing
  // or cannot be decompressed, "xlsx_too_large" when its declared size is
  // already over the caps.
  [[nodiscard]] Result<std::unique_ptr<ZipEntryReader>> open_entry(std::string_view name);

  // Decompressed bytes handed out so far, across all entries.
  [[nodiscard]] std::uint64_t total_bytes_read() const noexcept { return total_bytes_read_; }

 private:
  friend class ZipEntryReader;
  ZipArchive(zip* archive, XlsxLimits limits) : archive_(archive), limits_(limits) {}

  zip* archive_;
  XlsxLimits limits_;
  std::uint64_t total_bytes_read_ = 0;
};

}  // namespace kompetent::io
