#include "api/web_files.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

namespace kompetent::api {
namespace {

namespace fs = std::filesystem;

// A name we serve: not empty, no separator of any platform, not hidden
// (".env", ".git"): the build writes no dot files, so none is asked for.
bool servable_name(const std::string& segment) {
  return !segment.empty() && segment.front() != '.' && segment.find('/') == std::string::npos &&
         segment.find('\\') == std::string::npos;
}

// Component-wise, so "/srv/dist-old" is not inside "/srv/dist".
bool inside(const fs::path& path, const fs::path& root) {
  return std::mismatch(root.begin(), root.end(), path.begin(), path.end()).first == root.end();
}

}  // namespace

WebFile find_web_file(const fs::path& root, const std::vector<std::string>& segments) {
  if (segments.empty()) return {WebFileOutcome::missing, {}};
  fs::path candidate = root;
  for (const std::string& segment : segments) {
    if (!servable_name(segment)) return {WebFileOutcome::refused, {}};
    candidate /= segment;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(candidate, ec);  // follows symlinks
  if (ec || !fs::exists(status)) return {WebFileOutcome::missing, {}};
  // A symlink (anywhere on the way) may lead out of the root: judge where it
  // really ends up, not the name it was asked by.
  const fs::path resolved = fs::weakly_canonical(candidate, ec);
  if (ec || !inside(resolved, root)) return {WebFileOutcome::refused, {}};
  if (!fs::is_regular_file(status)) return {WebFileOutcome::missing, {}};
  return {WebFileOutcome::found, resolved};
}

std::optional<fs::path> canonical_web_root(const fs::path& dir) {
  std::error_code ec;
  const fs::path root = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(root, ec) || !fs::is_regular_file(root / "index.html", ec)) return std::nullopt;
  return root;
}

std::string_view web_content_type(const fs::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
  }};
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return type;
  }
  return "application/octet-stream";
}

std::optional<std::string> read_web_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

}  // namespace kompetent::api
