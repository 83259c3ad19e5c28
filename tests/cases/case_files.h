// Reading a case folder of tests/cases (see tests/cases/README.md): where the
// folders are, what their tests are called, and the small parsers the runner
// needs, kept apart from the runner so it reads as the spec.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace kompetent::cases {

inline const std::filesystem::path kCasesDir =
    std::filesystem::path(KOMPETENT_SOURCE_DIR) / "tests" / "cases";
inline const std::filesystem::path kDataDir = std::filesystem::path(KOMPETENT_SOURCE_DIR) / "data";

// `text` as a GoogleTest name: every character that is not a letter or digit made '_'.
inline std::string test_name_of(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return text;
}

// The test name of a case folder: its name, as a GoogleTest name.
inline std::string case_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  return test_name_of(info.param.filename().string());
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Splits an expected-*.csv (plain UTF-8, `;`, no quoting needed) into rows of
// fields, dropping a BOM, CR and the header row.
inline std::vector<std::vector<std::string>> read_expected_rows(const std::filesystem::path& path) {
  std::string text = read_text(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (header) {
      header = false;
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      std::size_t semi = line.find(';', start);
      fields.push_back(line.substr(start, semi == std::string::npos ? semi : semi - start));
      if (semi == std::string::npos) break;
      start = semi + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

// The input file of a case: the one named input.<anything>.
inline std::optional<std::filesystem::path> find_input(const std::filesystem::path& dir,
                                                       const std::string& stem = "input") {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().stem() == stem) return entry.path();
  }
  return std::nullopt;
}

}  // namespace kompetent::cases
