#include "io/csv/input_file.h"

#include <algorithm>
#include <system_error>

namespace kompetent::io {

Result<InputFile> InputFile::open(const std::filesystem::path& path) {
  std::error_code ignored;
  // fopen succeeds on a directory on Linux; only the first read would fail.
  if (std::filesystem::is_directory(path, ignored)) {
    return Error::io("file_not_readable", {path.string()});
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Error::io("file_not_readable", {path.string()});
  std::setvbuf(file, nullptr, _IONBF, 0);
  return InputFile(file);
}

std::size_t InputFile::read(char* out, std::size_t max_bytes) noexcept {
  if (failed_ || position_ >= limit_) return 0;
  const std::size_t wanted =
      static_cast<std::size_t>(std::min<std::uint64_t>(max_bytes, limit_ - position_));
  const std::size_t got = std::fread(out, 1, wanted, file_.get());
  if (got < wanted && std::ferror(file_.get())) failed_ = true;
  position_ += got;
  return got;
}

bool InputFile::seek(std::uint64_t offset, std::uint64_t limit) noexcept {
  if (std::fseek(file_.get(), static_cast<long>(offset), SEEK_SET) != 0) {
    failed_ = true;
    return false;
  }
  std::clearerr(file_.get());
  position_ = offset;
  limit_ = limit;
  return true;
}

}  // namespace kompetent::io
