// The small text conversions of a worksheet cell: its column from an A1-style
// reference, a stored number as the text a user expects, and OOXML's escapes
// for characters XML cannot hold.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kompetent::io {

// Excel's last column is XFD; no cell lies beyond it.
inline constexpr int kMaxColumns = 16'384;

// The 0-based column of a reference such as "C7" (→ 2) or "AA10" (→ 26); also
// accepts a bare "C". nullopt without leading letters or beyond XFD.
[[nodiscard]] std::optional<int> column_of_reference(std::string_view reference) noexcept;

// Appends the text of a number as stored in <v> ("75", "75.5", "1E-3") to
// `out`: whole numbers as integers ("75", never "75.0" or "7.5E1"), others in
// the shortest form that reads back to the same double, with a '.'.
// Returns false, appending nothing, when `stored` is not a number.
bool append_number_text(std::string_view stored, std::string& out);

// A number as append_number_text writes it ("0.755", "1", "-0.5"), shown as a
// percentage the way Excel shows a percent-formatted cell: "75.5%", "100%".
// The decimal point is moved in the text, so no rounding creeps in; a number in
// exponent form is scaled in floating point instead.
[[nodiscard]] std::string percent_text(std::string_view number);

// Replaces OOXML's "_xHHHH_" escapes (ECMA-376 ST_Xstring: how Excel stores
// a carriage return, "_x000D_", or other characters XML forbids) by the
// character's UTF-8 bytes; "_x005F_" escapes a literal underscore.
void unescape_xstring(std::string& text);

}  // namespace kompetent::io
