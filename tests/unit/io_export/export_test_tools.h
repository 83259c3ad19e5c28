// Helpers for the export tests: a temporary folder, and the independent
// readers (openpyxl through tests/tools/read_xlsx.py, pandas) run as
// processes whose JSON output the tests compare with hand-worked values.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <string>

namespace kompetent::io::testing {

// A fresh folder under the system's temporary folder, removed at the end.
class TempFolder {
 public:
  TempFolder() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("kompetent_export_" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  [[nodiscard]] std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Runs `command` in a shell and returns its standard output; throws (failing
// the test with the output) if it exits with anything but 0.
inline std::string run(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string output;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    output.append(buffer, n);
  if (pclose(pipe) != 0) throw std::runtime_error(command + " failed:\n" + output);
  return output;
}

// What openpyxl sees in the workbook at `path` (format: tests/tools/read_xlsx.py).
inline nlohmann::json read_xlsx(const std::filesystem::path& path) {
  return nlohmann::json::parse(run("/usr/bin/python3 " KOMPETENT_SOURCE_DIR
                                   "/tests/tools/read_xlsx.py '" +
                                   path.string() + "'"));
}

// What pandas reads from the CSV at `path` with the given decimal mark and
// ":" as missing: {"columns": [...], "data": [[...], ...]}, missing as null.
inline nlohmann::json read_csv_with_pandas(const std::filesystem::path& path, char decimal) {
  const std::string script =
      "import sys, pandas\n"
      "frame = pandas.read_csv(sys.argv[1], sep=';', decimal=sys.argv[2], encoding='utf-8-sig',\n"
      "                        na_values=[':'], keep_default_na=False)\n"
      "print(frame.to_json(orient='split', index=False, force_ascii=False))\n";
  setenv("KOMPETENT_PANDAS_SCRIPT", script.c_str(), 1);
  return nlohmann::json::parse(run("/usr/bin/python3 -c \"$KOMPETENT_PANDAS_SCRIPT\" '" +
                                   path.string() + "' '" + std::string(1, decimal) + "'"));
}

}  // namespace kompetent::io::testing
