#include "io/xlsx/shared_strings.h"

#include <string>
#include <utility>

#include "io/xlsx/cell_text.h"
#include "io/xlsx/xml_parser.h"

namespace kompetent::io {

class SharedStringsHandler final : public XmlHandler {
 public:
  explicit SharedStringsHandler(const XlsxLimits& limits) : limits_(limits) {}

  void start_element(XmlParser&, std::string_view name, XmlAttributes) override {
    if (name == "si") {
      in_item_ = true;
      current_.clear();
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t") {
      in_text_ = in_item_ && !in_phonetic_;
    }
  }

  void end_element(XmlParser& parser, std::string_view name) override {
    if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "si" && in_item_) {
      in_item_ = false;
      unescape_xstring(current_);
      if (table.size() >= limits_.max_shared_strings) {
        return parser.fail(too_large("more than " + std::to_string(limits_.max_shared_strings) +
                                     " shared strings"));
      }
      if (table.text_.size() + current_.size() > limits_.max_shared_string_bytes) {
        return parser.fail(too_large("shared strings over " +
                                     std::to_string(limits_.max_shared_string_bytes) + " bytes"));
      }
      table.text_ += current_;
      table.offsets_.push_back(table.text_.size());
    }
  }

  void text(XmlParser& parser, std::string_view text) override {
    if (!in_text_) return;
    if (current_.size() + text.size() > limits_.max_cell_bytes) {
      return parser.fail(
          too_large("a shared string over " + std::to_string(limits_.max_cell_bytes) + " bytes"));
    }
    current_ += text;
  }

  SharedStrings table;

 private:
  static Error too_large(std::string detail) {
    return Error::invalid("xlsx_too_large", {std::move(detail)});
  }

  const XlsxLimits& limits_;
  std::string current_;
  bool in_item_ = false;
  bool in_phonetic_ = false;
  bool in_text_ = false;
};

Result<SharedStrings> SharedStrings::read(ZipArchive& archive, std::string_view name,
                                          const XlsxLimits& limits) {
  SharedStringsHandler handler(limits);
  if (Status parsed = parse_part(archive, name, handler); !parsed.ok()) return parsed.error();
  return std::move(handler.table);
}

}  // namespace kompetent::io
