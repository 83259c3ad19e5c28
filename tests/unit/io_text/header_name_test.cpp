#include "io/text/header_name.h"

#include <gtest/gtest.h>

#include <string_view>

namespace kompetent::io {
namespace {

struct HeaderCase {
  std::string_view header;
  std::string_view normalized;
};

constexpr HeaderCase kHeaderCases[] = {
    {"F\xC3\xB8" "dsels\xC3\xA5r", "fodselsar"},   // Fødselsår
    {"F\xC3\x98" "DSELS\xC3\x85R", "fodselsar"},   // FØDSELSÅR
    {"Fodselsar", "fodselsar"},
    {"Foedselsaar", "fodselsar"},
    {"  Fodselsar \t", "fodselsar"},
    {"Kj\xC3\xB8nn", "kjonn"},                     // Kjønn
    {"Kjoenn", "kjonn"},
    {"Utdanningsniv\xC3\xA5", "utdanningsniva"},   // Utdanningsnivå
    {"Stillingsst\xC3\xB8rrelse", "stillingsstorrelse"},
    {"Stilling  %", "stilling %"},
    {"Stilling\xC2\xA0%", "stilling %"},           // no-break space
    {"Ansatt\r\ndato", "ansatt dato"},             // a line break inside a quoted header
    // "oe" → "o" also hits words that never had an ø; harmless, as both sides fold alike.
    {"Videreutdanning (studiepoeng)", "videreutdanning (studiepong)"},
    {"\xC3\x86rend", "aerend"},                    // Ærend
    {"aerend", "aerend"},
    {"F\xC3\xB6" "delse", "fodelse"},              // ö folds like ø
    {"\xC3\x89" "tage", "\xC3\xA9" "tage"},        // É lower-cases, is not folded
    {"", ""},
    {"   ", ""},
};

TEST(HeaderNameTest, Normalizes) {
  for (const HeaderCase& c : kHeaderCases) {
    SCOPED_TRACE(c.header);
    EXPECT_EQ(normalize_header_name(c.header), c.normalized);
  }
}

TEST(HeaderNameTest, SpellingsOfOneHeaderCompareEqual) {
  EXPECT_EQ(normalize_header_name("Fodselsar"), normalize_header_name("F\xC3\xB8" "dsels\xC3\xA5r"));
  EXPECT_EQ(normalize_header_name("Foedselsaar"), normalize_header_name("F\xC3\xB8" "dsels\xC3\xA5r"));
  EXPECT_NE(normalize_header_name("Enhet"), normalize_header_name("Enhetskode"));
}

}  // namespace
}  // namespace kompetent::io
