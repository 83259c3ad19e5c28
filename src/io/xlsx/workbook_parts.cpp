#include "io/xlsx/workbook_parts.h"

#include <string>
#include <utility>
#include <vector>

#include "io/xlsx/xml_parser.h"

namespace kompetent::io {
namespace {

constexpr std::string_view kDefaultWorkbook = "xl/workbook.xml";

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The relationships part of `part`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string relationships_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(folder) + "_rels/" + std::string(file) + ".rels";
}

struct Relationship {
  std::string id;
  std::string type;    // a URI; only its last segment matters ("…/worksheet")
  std::string target;  // already resolved to an entry name
};

class RelationshipsHandler final : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::string source_part) : source_part_(std::move(source_part)) {}

  void start_element(XmlParser&, std::string_view name, XmlAttributes attributes) override {
    if (name != "Relationship") return;
    const char* id = find_attribute(attributes, "Id");
    const char* type = find_attribute(attributes, "Type");
    const char* target = find_attribute(attributes, "Target");
    const char* mode = find_attribute(attributes, "TargetMode");
    if (id == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    relationships.push_back(
        {id, type == nullptr ? "" : type, resolve_part_name(source_part_, target)});
  }
  void end_element(XmlParser&, std::string_view) override {}
  void text(XmlParser&, std::string_view) override {}

  std::vector<Relationship> relationships;

 private:
  std::string source_part_;
};

class WorkbookHandler final : public XmlHandler {
 public:
  void start_element(XmlParser&, std::string_view name, XmlAttributes attributes) override {
    if (name == "sheet") {
      if (const char* id = find_attribute(attributes, "id")) sheet_ids.emplace_back(id);
    } else if (name == "workbookPr") {
      const char* date1904 = find_attribute(attributes, "date1904");
      if (date1904 != nullptr) {
        const std::string_view value(date1904);
        uses_1904 = value == "1" || value == "true";
      }
    }
  }
  void end_element(XmlParser&, std::string_view) override {}
  void text(XmlParser&, std::string_view) override {}

  std::vector<std::string> sheet_ids;  // in workbook order: the order of the tabs
  bool uses_1904 = false;
};

Result<std::vector<Relationship>> read_relationships(ZipArchive& archive, std::string_view part) {
  RelationshipsHandler handler{std::string(part)};
  const std::string name = relationships_of(part);
  if (!archive.contains(name)) return std::vector<Relationship>{};
  if (Status parsed = parse_part(archive, name, handler); !parsed.ok()) return parsed.error();
  return std::move(handler.relationships);
}

const Relationship* find_by_type(const std::vector<Relationship>& relationships,
                                 std::string_view type_suffix) {
  for (const Relationship& relationship : relationships) {
    if (ends_with(relationship.type, type_suffix)) return &relationship;
  }
  return nullptr;
}

}  // namespace

std::string resolve_part_name(std::string_view source_part, std::string_view target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    const std::size_t slash = source_part.rfind('/');
    if (slash != std::string_view::npos) path = source_part.substr(0, slash + 1);
    path += target;
  }
  std::vector<std::string_view> segments;
  const std::string_view whole(path);
  std::size_t start = 0;
  while (start <= whole.size()) {
    std::size_t end = whole.find('/', start);
    if (end == std::string_view::npos) end = whole.size();
    const std::string_view segment = whole.substr(start, end - start);
    if (segment == "..") {
      if (segments.empty()) return "";
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string result;
  for (const std::string_view segment : segments) {
    if (!result.empty()) result += '/';
    result += segment;
  }
  return result;
}

Result<WorkbookParts> locate_workbook_parts(ZipArchive& archive) {
  // Relationships at the package root name the workbook; files from some
  // tools lack them, and then the conventional name is the only clue.
  Result<std::vector<Relationship>> root = read_relationships(archive, "");
  if (!root.ok()) return root.error();
  std::string workbook(kDefaultWorkbook);
  if (const Relationship* office = find_by_type(root.value(), "/officeDocument")) {
    workbook = office->target;
  }
  if (!archive.contains(workbook)) {
    // An Office package without its workbook is a damaged workbook; a ZIP
    // without even the package's content types is some other archive.
    if (!archive.contains("[Content_Types].xml")) {
      return Error::invalid("not_csv_or_xlsx", {"the archive is not an Office document"});
    }
    return Error::invalid("xlsx_invalid", {"the archive has no workbook part"});
  }

  WorkbookHandler book;
  if (Status parsed = parse_part(archive, workbook, book); !parsed.ok()) return parsed.error();
  Result<std::vector<Relationship>> links = read_relationships(archive, workbook);
  if (!links.ok()) return links.error();

  WorkbookParts parts;
  parts.date_system = book.uses_1904 ? DateSystem::from_1904 : DateSystem::from_1900;
  // The first *worksheet*: a chart sheet before it holds no table.
  for (const std::string& id : book.sheet_ids) {
    for (const Relationship& link : links.value()) {
      if (link.id == id && ends_with(link.type, "/worksheet")) {
        parts.first_worksheet = link.target;
        break;
      }
    }
    if (!parts.first_worksheet.empty()) break;
  }
  if (parts.first_worksheet.empty()) {
    return Error::invalid("xlsx_invalid", {"the workbook lists no worksheet"});
  }
  if (!archive.contains(parts.first_worksheet)) {
    return Error::invalid("xlsx_invalid",
                          {"the first worksheet's part " + parts.first_worksheet + " is missing"});
  }
  if (const Relationship* strings = find_by_type(links.value(), "/sharedStrings")) {
    if (archive.contains(strings->target)) parts.shared_strings = strings->target;
  }
  if (const Relationship* styles = find_by_type(links.value(), "/styles")) {
    if (archive.contains(styles->target)) parts.styles = styles->target;
  }
  return parts;
}

}  // namespace kompetent::io
