// Header names reduced to a form in which the ways people write one header
// compare equal: "Fødselsår", " FODSELSAR ", "Foedselsaar" and "Fodselsar" all
// become "fodselsar" (docs/import-format.md, "Header names are matched ...").
#pragma once

#include <string>
#include <string_view>

namespace kompetent::io {

// Returns `header` (UTF-8) lower-cased (ASCII and the Latin-1 letters À..Þ,
// so Æ Ø Å become æ ø å), trimmed, with each run of inner whitespace (space,
// tab, CR, LF, U+00A0) made one space, and with æ → ae, ø → o, å → a, then
// "oe" → o and "aa" → a, since keyboards without æøå write these. ä and ö are
// folded like æ and ø, because they are what Swedish and German keyboards offer.
// Only for comparing: the header as written is what error messages show.
[[nodiscard]] std::string normalize_header_name(std::string_view header);

}  // namespace kompetent::io
