// Finding a file of the built web app (web/dist) for a request path. The
// files are read per request rather than cached at start, so `vite build`
// can replace them under a running server; hashed assets are cached by the
// browser for a year anyway, so the disk is rarely asked twice.
//
//   auto found = find_web_file(root, request.path_segments);
//   if (found.outcome == WebFileOutcome::found) serve(found.path);
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kompetent::api {

enum class WebFileOutcome {
  found,    // a regular file inside the root
  missing,  // nothing there (or a directory): the caller may fall back to index.html
  refused,  // a name we never serve (dot files, separators) or a file that resolves
            // outside the root, e.g. through a symlink: the caller answers 404
};

struct WebFile {
  WebFileOutcome outcome = WebFileOutcome::missing;
  std::filesystem::path path;  // canonical; set when found
};

// `root` must be canonical (see canonical_web_root). `segments` are decoded
// path segments; parse_target has already refused "." and "..", but a segment
// may still hold an encoded '/' or '\', which is refused here.
[[nodiscard]] WebFile find_web_file(const std::filesystem::path& root, const std::vector<std::string>& segments);

// The canonical form of `dir` if it is a directory holding index.html, else nullopt.
[[nodiscard]] std::optional<std::filesystem::path> canonical_web_root(const std::filesystem::path& dir);

// Content-Type by file extension (lower case): text types say charset=utf-8;
// unknown extensions are application/octet-stream, which nosniff keeps inert.
[[nodiscard]] std::string_view web_content_type(const std::filesystem::path& file);

// The whole file, or nullopt if it cannot be read.
[[nodiscard]] std::optional<std::string> read_web_file(const std::filesystem::path& file);

}  // namespace kompetent::api
