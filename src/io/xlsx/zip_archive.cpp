#include "io/xlsx/zip_archive.h"
#include "io/xlsx/xlsx_errors.h"

#include <zip.h>

#include <string>
#include <utility>

namespace kompetent::io {
namespace {


std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

}  // namespace

ZipEntryReader::ZipEntryReader(ZipArchive& archive, zip_file* file, std::string name,
                               std::uint64_t compressed_size, std::uint64_t declared_size)
    : archive_(archive),
      file_(file),
      name_(std::move(name)),
      compressed_size_(compressed_size),
      declared_size_(declared_size) {}

ZipEntryReader::~ZipEntryReader() { zip_fclose(file_); }

Result<std::size_t> ZipEntryReader::read(char* out, std::size_t capacity) {
  const zip_int64_t count = zip_fread(file_, out, capacity);
  if (count < 0) {
    return xlsx_invalid("cannot decompress " + name_ + ": " + zip_file_strerror(file_));
  }
  const auto bytes = static_cast<std::uint64_t>(count);
  bytes_read_ += bytes;
  archive_.total_bytes_read_ += bytes;
  const XlsxLimits& limits = archive_.limits_;
  // Divides rather than multiplies: the compressed size comes from the
  // directory and may be crafted to overflow a product.
  const std::uint64_t ratio = limits.max_ratio > 0 ? limits.max_ratio : 1;
  if (bytes_read_ > limits.ratio_free_bytes && bytes_read_ / ratio > compressed_size_) {
    return xlsx_too_large(name_ + " unpacks to over " + std::to_string(limits.max_ratio) +
                     " times its compressed size of " + std::to_string(compressed_size_) +
                     " bytes");
  }
  if (archive_.total_bytes_read_ > limits.max_total_bytes) {
    return xlsx_too_large("the workbook unpacks to over " + std::to_string(limits.max_total_bytes) +
                     " bytes");
  }
  return static_cast<std::size_t>(count);
}

ZipArchive::~ZipArchive() { zip_discard(archive_); }

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const std::filesystem::path& path,
                                                     const XlsxLimits& limits) {
  int error_code = 0;
  // ZIP_CHECKCONS compares the central directory with the local headers, so a
  // crafted archive whose two directories disagree is refused up front.
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error_code);
  if (archive == nullptr)
    return xlsx_invalid("not a readable zip archive: " + zip_error_text(error_code));
  std::unique_ptr<ZipArchive> result(new ZipArchive(archive, limits));
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0) return xlsx_invalid("cannot list the zip archive");
  if (static_cast<std::uint64_t>(entries) > limits.max_entries) {
    return xlsx_too_large("the archive has " + std::to_string(entries) + " entries, over " +
                     std::to_string(limits.max_entries));
  }
  return result;
}

bool ZipArchive::contains(std::string_view name) const {
  const std::string key(name);
  return zip_name_locate(archive_, key.c_str(), ZIP_FL_NOCASE) >= 0;
}

Result<std::unique_ptr<ZipEntryReader>> ZipArchive::open_entry(std::string_view name) {
  const std::string key(name);
  const zip_int64_t index = zip_name_locate(archive_, key.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return xlsx_invalid("the workbook has no part " + key);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
      (stat.valid & ZIP_STAT_COMP_SIZE) == 0) {
    return xlsx_invalid("cannot read the directory entry of " + key);
  }
  // A declared size over the caps is refused before inflating anything; a
  // declared size under them proves nothing, so read() counts real bytes.
  if ((stat.valid & ZIP_STAT_SIZE) != 0) {
    const std::uint64_t ratio = limits_.max_ratio > 0 ? limits_.max_ratio : 1;
    if ((stat.size > limits_.ratio_free_bytes && stat.size / ratio > stat.comp_size) ||
        stat.size > limits_.max_total_bytes) {
      return xlsx_too_large(key + " declares " + std::to_string(stat.size) + " bytes from " +
                       std::to_string(stat.comp_size) + " compressed");
    }
  }
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return xlsx_invalid("cannot open " + key + ": " + zip_strerror(archive_));
  }
  const std::uint64_t declared = (stat.valid & ZIP_STAT_SIZE) != 0 ? stat.size : 0;
  return std::unique_ptr<ZipEntryReader>(
      new ZipEntryReader(*this, file, key, stat.comp_size, declared));
}

}  // namespace kompetent::io
