#include "io/xlsx/date_styles.h"

#include <charconv>
#include <cstring>
#include <unordered_map>

#include "io/xlsx/excel_date.h"
#include "io/xlsx/xml_parser.h"

namespace kompetent::io {
namespace {

int parse_id(const char* text) {
  int value = -1;
  if (text == nullptr) return -1;
  std::from_chars(text, text + std::strlen(text), value);
  return value;
}

class StylesHandler final : public XmlHandler {
 public:
  void start_element(XmlParser&, std::string_view name, XmlAttributes attributes) override {
    if (name == "numFmt") {
      const int id = parse_id(find_attribute(attributes, "numFmtId"));
      const char* code = find_attribute(attributes, "formatCode");
      if (id >= 0 && code != nullptr) {
        custom_is_date_[id] = is_date_format_code(code);
        custom_is_percent_[id] = is_percent_format_code(code);
      }
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      // numFmtId may be absent: then it is 0, "General".
      format_ids.push_back(parse_id(find_attribute(attributes, "numFmtId")));
    }
  }
  void end_element(XmlParser&, std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void text(XmlParser&, std::string_view) override {}

  // A custom <numFmt> may redefine a built-in id; it then wins.
  [[nodiscard]] bool is_date(int format_id) const {
    const auto custom = custom_is_date_.find(format_id);
    if (custom != custom_is_date_.end()) return custom->second;
    return is_builtin_date_format(format_id);
  }

  [[nodiscard]] bool is_percent(int format_id) const {
    const auto custom = custom_is_percent_.find(format_id);
    if (custom != custom_is_percent_.end()) return custom->second;
    return format_id == 9 || format_id == 10;  // the built-in "0%" and "0.00%"
  }

  std::vector<int> format_ids;  // by style index

 private:
  // A "%" outside quoted text and backslash escapes.
  static bool is_percent_format_code(std::string_view code) {
    bool quoted = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
      if (code[i] == '"') quoted = !quoted;
      else if (code[i] == '\\') ++i;
      else if (code[i] == '%' && !quoted) return true;
    }
    return false;
  }

  std::unordered_map<int, bool> custom_is_date_;
  std::unordered_map<int, bool> custom_is_percent_;
  bool in_cell_xfs_ = false;
};

}  // namespace

Result<DateStyles> DateStyles::read(ZipArchive& archive, std::string_view name) {
  StylesHandler handler;
  if (Status parsed = parse_part(archive, name, handler); !parsed.ok()) return parsed.error();
  DateStyles styles;
  styles.date_by_style_.reserve(handler.format_ids.size());
  styles.percent_by_style_.reserve(handler.format_ids.size());
  for (const int id : handler.format_ids) {
    styles.date_by_style_.push_back(handler.is_date(id));
    styles.percent_by_style_.push_back(handler.is_percent(id));
  }
  return styles;
}

}  // namespace kompetent::io
