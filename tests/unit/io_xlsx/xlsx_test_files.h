// Helpers for the XLSX tests: a temporary folder, reading every row, and
// hand-made archives (libzip) for workbooks no well-behaved writer produces.
#pragma once

#include <zip.h>

#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "io/xlsx/xlsx_reader.h"

namespace kompetent::io::testing {

// A fresh folder under the system's temporary folder, removed at the end.
class TempFolder {
 public:
  TempFolder() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("kompetent_xlsx_" + std::to_string(random()) + std::to_string(random()));
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

struct ReadResult {
  std::vector<TableRow> rows;
  std::optional<FileFailure> failure;
};

inline ReadResult read_all(const std::filesystem::path& path, XlsxLimits limits = {}) {
  Result<std::unique_ptr<XlsxReader>> opened = XlsxReader::open(path, limits);
  if (!opened.ok()) throw std::runtime_error("cannot open " + path.string());
  ReadResult result;
  TableRow row;
  while (opened.value()->next(row)) result.rows.push_back(row);
  result.failure = opened.value()->failure();
  return result;
}

struct ZipEntry {
  std::string name;
  std::string content;
};

// Writes `entries` as a zip archive to `path` (deflated, unless tiny).
inline void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open failed");
  for (const ZipEntry& entry : entries) {
    // libzip reads the buffers at zip_close, so they must stay alive until then.
    zip_source_t* source =
        zip_source_buffer(archive, entry.content.data(), entry.content.size(), 0);
    const zip_int64_t index =
        source == nullptr ? -1
                          : zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("zip_file_add failed");
    }
    // Storing tiny entries keeps archives of thousands of them fast to write:
    // each deflated entry costs a compressor's worth of memory.
    if (entry.content.size() < 64) {
      zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
}

inline const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>)";

inline const char* kRootRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

inline const char* kOneSheetWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>)";

inline const char* kWorkbookRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

// A sheet part around `rows` (the <row> elements).
inline std::string sheet_xml(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// A shared-string part around `items` (the <si> elements).
inline std::string shared_strings_xml(const std::string& items) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
         items + "</sst>";
}

// Styles where s="1" is dd.mm.yyyy (custom 164) and s="2" is built-in 14.
inline const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\.mm\.yyyy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>)";

// A complete one-sheet workbook with the given sheet and shared strings.
inline std::vector<ZipEntry> workbook_entries(
    const std::string& sheet, const std::string& shared_strings = shared_strings_xml(""),
    const std::string& workbook = kOneSheetWorkbook) {
  return {{"[Content_Types].xml", kContentTypes},
          {"_rels/.rels", kRootRelationships},
          {"xl/workbook.xml", workbook},
          {"xl/_rels/workbook.xml.rels", kWorkbookRelationships},
          {"xl/styles.xml", kStyles},
          {"xl/sharedStrings.xml", shared_strings},
          {"xl/worksheets/sheet1.xml", sheet}};
}

}  // namespace kompetent::io::testing
