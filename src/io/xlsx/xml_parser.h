// A hardened SAX parser (expat) for the XML parts of a workbook.
//
//   class Counter final : public XmlHandler { ... };
//   Counter counter;
//   Status parsed = parse_part(*archive, "xl/styles.xml", counter);
//
// Hardening: an XLSX part never needs a DTD, so any DOCTYPE or entity
// declaration stops the parse at once with "xlsx_forbidden_xml", before an
// entity can be expanded (billion laughs) or an external one fetched (XXE).
// Expat never resolves external entities by itself; this makes the refusal
// explicit and independent of expat's version.
//
// Element and attribute names reach handlers without their namespace prefix
// ("x:row" → "row"): producers differ in the prefixes they use, never in the
// local names. Text reaches handlers as UTF-8 whatever the part's encoding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "io/xlsx/zip_archive.h"

struct XML_ParserStruct;

namespace kompetent::io {

// Attributes as expat gives them: name, value, name, value, …, nullptr.
using XmlAttributes = const char* const*;

// The value of the attribute whose local name is `local_name`, or nullptr.
[[nodiscard]] const char* find_attribute(XmlAttributes attributes,
                                         std::string_view local_name) noexcept;

class XmlParser;

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start_element(XmlParser& parser, std::string_view name,
                             XmlAttributes attributes) = 0;
  virtual void end_element(XmlParser& parser, std::string_view name) = 0;
  // Character data, in pieces of any size; called between start and end.
  virtual void text(XmlParser& parser, std::string_view text) = 0;
};

class XmlParser {
 public:
  enum class Outcome {
    need_input,  // the buffer is consumed; parse more (or finish)
    suspended,   // a handler called suspend(); call resume() to go on
    finished,    // the final buffer is parsed and the document is complete
    failed,      // see error()
  };

  // `handler` must outlive the parser. `part_name` names the part in errors.
  XmlParser(XmlHandler& handler, std::string_view part_name);
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;
  ~XmlParser();

  // A buffer of `size` bytes owned by the parser to read input into, then
  // pass to parse_buffer(); nullptr when memory runs out.
  [[nodiscard]] char* buffer(std::size_t size);
  // Parses the first `length` bytes of buffer(); `is_final` on the last one.
  [[nodiscard]] Outcome parse_buffer(std::size_t length, bool is_final);
  // Goes on after suspended.
  [[nodiscard]] Outcome resume();

  // From a handler: return from parse_buffer()/resume() after this callback.
  void suspend();
  // From a handler: stop for good with this error.
  void fail(Error error);

  // Set once an Outcome was failed: "xlsx_forbidden_xml", "xlsx_invalid", or
  // whatever a handler passed to fail().
  [[nodiscard]] const std::optional<Error>& error() const noexcept { return error_; }

 private:
  friend struct XmlCallbacks;
  Outcome outcome_of(int status);

  XML_ParserStruct* parser_;
  XmlHandler& handler_;
  std::string part_name_;
  std::optional<Error> error_;
  bool finishing_ = false;
};

// Streams the whole entry `name` through a parser with `handler`.
[[nodiscard]] Status parse_part(ZipArchive& archive, std::string_view name, XmlHandler& handler);

}  // namespace kompetent::io
