// Feeds arbitrary bytes to XlsxReader as a file and reads every row: whatever
// the input, reading must end in rows or a FileFailure, never a crash, a hang
// or a sanitizer report. XlsxReader reads from a path (libzip needs one), so
// each input goes through a temporary file.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/xlsx/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const char* folder = std::getenv("TMPDIR");
  std::string path = std::string(folder != nullptr ? folder : "/tmp") + "/xlsx_fuzz_XXXXXX";
  const int descriptor = mkstemp(path.data());
  if (descriptor < 0) return 0;
  std::size_t written = 0;
  while (written < size) {
    const ssize_t count = write(descriptor, data + written, size - written);
    if (count <= 0) break;
    written += static_cast<std::size_t>(count);
  }
  close(descriptor);

  // Small caps keep each run fast while still exercising every limit.
  kompetent::io::XlsxLimits limits;
  limits.max_total_bytes = 64 << 20;
  limits.max_shared_string_bytes = 8 << 20;
  auto opened = kompetent::io::XlsxReader::open(path, limits);
  if (opened.ok()) {
    kompetent::io::TableRow row;
    while (opened.value()->next(row)) {
    }
    (void)opened.value()->failure();
    (void)opened.value()->bytes_done();
  }
  std::remove(path.c_str());
  return 0;
}
