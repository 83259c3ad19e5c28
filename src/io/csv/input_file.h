// A file read front to back in pieces the caller sizes, with the OS's own
// buffering off (the reader has its own buffer; stdio's would copy twice).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "core/result.h"

namespace kompetent::io {

class InputFile {
 public:
  // Opens `path` for reading. Error::io("file_not_readable", {path}) if it
  // cannot be opened or is a directory.
  static Result<InputFile> open(const std::filesystem::path& path);

  // Reads up to `max_bytes` into `out` and returns how many were read: fewer
  // only at the end of the file (or the limit), 0 when nothing is left. On a
  // read error returns 0 and failed() becomes true.
  std::size_t read(char* out, std::size_t max_bytes) noexcept;

  // Goes to `offset`, and makes `limit` the end: later reads stop there even
  // if the file has grown since. Returns false if the file cannot seek.
  bool seek(std::uint64_t offset, std::uint64_t limit) noexcept;

  [[nodiscard]] bool failed() const noexcept { return failed_; }

 private:
  struct Closer {
    void operator()(std::FILE* file) const noexcept { std::fclose(file); }
  };
  explicit InputFile(std::FILE* file) : file_(file) {}

  std::unique_ptr<std::FILE, Closer> file_;
  std::uint64_t position_ = 0;
  std::uint64_t limit_ = UINT64_MAX;
  bool failed_ = false;
};

}  // namespace kompetent::io
