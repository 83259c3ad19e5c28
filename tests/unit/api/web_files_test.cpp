// Which request paths reach a file of the web app, and which never may: the
// checks behind serving web/dist, on a real directory with a symlink out of it.
#include "api/web_files.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace kompetent::api {
namespace {

namespace fs = std::filesystem;

class WebFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("kompetent-web-" + std::to_string(std::random_device{}()));
    fs::create_directories(base_ / "dist" / "assets");
    fs::create_directories(base_ / "dist-old");
    write(base_ / "dist" / "index.html", "<!doctype html>");
    write(base_ / "dist" / "assets" / "index-abc123.js", "console.log(1)");
    write(base_ / "dist" / ".env", "SECRET=1");
    write(base_ / "dist-old" / "old.js", "old");
    write(base_ / "secret.txt", "secret");
    fs::create_symlink(base_ / "secret.txt", base_ / "dist" / "assets" / "out.txt");
    fs::create_directory_symlink(base_ / "dist-old", base_ / "dist" / "old");
    fs::create_symlink(base_ / "dist" / "index.html", base_ / "dist" / "assets" / "inside.html");
    root_ = *canonical_web_root(base_ / "dist");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

  fs::path base_;
  fs::path root_;
};

TEST_F(WebFilesTest, FindsFilesInsideTheRootAndNothingElse) {
  struct Case {
    std::vector<std::string> segments;
    WebFileOutcome expected;
  };
  const Case cases[] = {
      {{"index.html"}, WebFileOutcome::found},
      {{"assets", "index-abc123.js"}, WebFileOutcome::found},
      {{"assets", "inside.html"}, WebFileOutcome::found},  // a symlink that stays inside
      {{"assets", "nope.js"}, WebFileOutcome::missing},
      {{"oversikt"}, WebFileOutcome::missing},             // a client route
      {{"assets"}, WebFileOutcome::missing},               // a directory is no file
      {{}, WebFileOutcome::missing},
      {{"assets", "out.txt"}, WebFileOutcome::refused},    // symlink to a file outside
      {{"old", "old.js"}, WebFileOutcome::refused},        // directory symlink to a sibling "dist-old"
      {{".env"}, WebFileOutcome::refused},                 // dot files are never served
      {{"assets", "..%2F..%2Fsecret.txt"}, WebFileOutcome::refused},  // still encoded, but a dot name
      {{"assets", "../../secret.txt"}, WebFileOutcome::refused},      // %2F decoded inside one segment
      {{"assets", "..\\..\\secret.txt"}, WebFileOutcome::refused},
      {{"..", "secret.txt"}, WebFileOutcome::refused},     // parse_target refuses this first anyway
  };
  for (const Case& c : cases) {
    std::string where;
    for (const std::string& s : c.segments) where += "/" + s;
    const WebFile found = find_web_file(root_, c.segments);
    EXPECT_EQ(found.outcome, c.expected) << where;
    if (found.outcome == WebFileOutcome::found) {
      EXPECT_EQ(found.path.string().rfind(root_.string() + "/", 0), 0u) << where << " → " << found.path;
    }
  }
}

TEST_F(WebFilesTest, ReadsTheWholeFile) {
  const WebFile found = find_web_file(root_, {"assets", "index-abc123.js"});
  ASSERT_EQ(found.outcome, WebFileOutcome::found);
  EXPECT_EQ(read_web_file(found.path), "console.log(1)");
  EXPECT_EQ(read_web_file(root_ / "nope"), std::nullopt);
}

TEST_F(WebFilesTest, ARootMustHoldIndexHtml) {
  EXPECT_EQ(canonical_web_root(base_ / "dist-old"), std::nullopt);
  EXPECT_EQ(canonical_web_root(base_ / "missing"), std::nullopt);
  EXPECT_EQ(canonical_web_root(base_ / "secret.txt"), std::nullopt);
  // The canonical form: "dist/assets/.." is "dist".
  EXPECT_EQ(canonical_web_root(base_ / "dist" / "assets" / ".."), root_);
}

TEST(WebContentType, ByExtension) {
  const std::pair<const char*, const char*> cases[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"assets/index-abc.js", "text/javascript; charset=utf-8"},
      {"assets/index-abc.css", "text/css; charset=utf-8"},
      {"logo.svg", "image/svg+xml"},
      {"logo.PNG", "image/png"},
      {"font.woff2", "font/woff2"},
      {"data.json", "application/json; charset=utf-8"},
      {"favicon.ico", "image/x-icon"},
      {"assets/index-abc.js.map", "application/json; charset=utf-8"},
      {"robots.txt", "text/plain; charset=utf-8"},
      {"archive.tar.gz", "application/octet-stream"},
      {"README", "application/octet-stream"},
  };
  for (const auto& [file, type] : cases) EXPECT_EQ(web_content_type(file), type) << file;
}

}  // namespace
}  // namespace kompetent::api
