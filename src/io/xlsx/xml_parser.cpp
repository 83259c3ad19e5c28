#include "io/xlsx/xml_parser.h"

#include <expat.h>

#include <cstring>
#include <string>
#include <utility>

namespace kompetent::io {
namespace {

std::string_view local_name(const char* name) noexcept {
  const char* colon = std::strrchr(name, ':');
  return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

constexpr std::size_t kXmlReadChunk = 64 * 1024;

}  // namespace

const char* find_attribute(XmlAttributes attributes, std::string_view name) noexcept {
  for (; attributes[0] != nullptr; attributes += 2) {
    if (local_name(attributes[0]) == name) return attributes[1];
  }
  return nullptr;
}

struct XmlCallbacks {
  static XmlParser& self(void* data) { return *static_cast<XmlParser*>(data); }

  static void start(void* data, const XML_Char* name, const XML_Char** attributes) {
    XmlParser& parser = self(data);
    parser.handler_.start_element(parser, local_name(name), attributes);
  }
  static void end(void* data, const XML_Char* name) {
    XmlParser& parser = self(data);
    parser.handler_.end_element(parser, local_name(name));
  }
  static void text(void* data, const XML_Char* text, int length) {
    XmlParser& parser = self(data);
    parser.handler_.text(parser, std::string_view(text, static_cast<std::size_t>(length)));
  }
  static void forbid(XmlParser& parser, const char* what) {
    parser.fail(Error::invalid("xlsx_forbidden_xml", {parser.part_name_ + " " + what}));
  }
  static void doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    forbid(self(data), "declares a DOCTYPE");
  }
  static void entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                     const XML_Char*, const XML_Char*, const XML_Char*) {
    forbid(self(data), "declares an entity");
  }
  static int external_entity(XML_Parser parser, const XML_Char*, const XML_Char*, const XML_Char*,
                             const XML_Char*) {
    forbid(self(XML_GetUserData(parser)), "refers to an external entity");
    return XML_STATUS_ERROR;
  }
};

XmlParser::XmlParser(XmlHandler& handler, std::string_view part_name)
    : parser_(XML_ParserCreate(nullptr)), handler_(handler), part_name_(part_name) {
  if (parser_ == nullptr) return;  // reported by buffer() returning nullptr
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlCallbacks::start, &XmlCallbacks::end);
  XML_SetCharacterDataHandler(parser_, &XmlCallbacks::text);
  XML_SetStartDoctypeDeclHandler(parser_, &XmlCallbacks::doctype);
  XML_SetEntityDeclHandler(parser_, &XmlCallbacks::entity);
  XML_SetExternalEntityRefHandler(parser_, &XmlCallbacks::external_entity);
  XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlParser::~XmlParser() {
  if (parser_ != nullptr) XML_ParserFree(parser_);
}

char* XmlParser::buffer(std::size_t size) {
  if (parser_ == nullptr) return nullptr;
  return static_cast<char*>(XML_GetBuffer(parser_, static_cast<int>(size)));
}

XmlParser::Outcome XmlParser::parse_buffer(std::size_t length, bool is_final) {
  finishing_ = is_final;
  return outcome_of(XML_ParseBuffer(parser_, static_cast<int>(length), is_final ? 1 : 0));
}

XmlParser::Outcome XmlParser::resume() { return outcome_of(XML_ResumeParser(parser_)); }

void XmlParser::suspend() { XML_StopParser(parser_, XML_TRUE); }

void XmlParser::fail(Error error) {
  if (!error_) error_ = std::move(error);
  XML_StopParser(parser_, XML_FALSE);
}

XmlParser::Outcome XmlParser::outcome_of(int status) {
  switch (status) {
    case XML_STATUS_SUSPENDED:
      return Outcome::suspended;
    case XML_STATUS_OK:
      return finishing_ ? Outcome::finished : Outcome::need_input;
    default:
      if (!error_) {
        error_ = Error::invalid(
            "xlsx_invalid",
            {part_name_ + " is not well-formed XML: " + XML_ErrorString(XML_GetErrorCode(parser_)) +
             " at line " + std::to_string(XML_GetCurrentLineNumber(parser_))});
      }
      return Outcome::failed;
  }
}

Status parse_part(ZipArchive& archive, std::string_view name, XmlHandler& handler) {
  Result<std::unique_ptr<ZipEntryReader>> entry = archive.open_entry(name);
  if (!entry.ok()) return entry.error();
  XmlParser parser(handler, name);
  for (;;) {
    char* buffer = parser.buffer(kXmlReadChunk);
    if (buffer == nullptr) return Error::internal("out_of_memory", {std::string(name)});
    const Result<std::size_t> count = entry.value()->read(buffer, kXmlReadChunk);
    if (!count.ok()) return count.error();
    XmlParser::Outcome outcome = parser.parse_buffer(count.value(), count.value() == 0);
    // Whole-part handlers never suspend; resume defensively so a stray
    // suspend() cannot end the loop early.
    while (outcome == XmlParser::Outcome::suspended) outcome = parser.resume();
    if (outcome == XmlParser::Outcome::failed) return *parser.error();
    if (outcome == XmlParser::Outcome::finished) return ok_status();
  }
}

}  // namespace kompetent::io
