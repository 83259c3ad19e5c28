// Numbers as Norwegian users and HR systems write them in cells: decimal comma
// or point ("75,5", "75.5"), an optional percent sign ("75,5 %"), spaces or
// no-break spaces (U+00A0) around the number, and in the whole part between
// groups of three digits ("1 234"). A leading '-' or '+' is allowed, so range
// checks stay with the caller (which can then say "out of range", not "not a
// number").
//
// Every function returns nullopt for anything else: empty text, letters, a
// separator without digits on both sides ("75,", ",5"), groups that are not of
// three ("12 34"), two signs or two separators.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kompetent::io {

// The value in hundredths, exactly: "75,5 %" → 7550, "100" → 10000,
// "75,55" → 7555. At most two decimals ("75,555" → nullopt), since rounding
// would hide a typing mistake. Nullopt also if the value does not fit.
[[nodiscard]] std::optional<std::int64_t> parse_hundredths(std::string_view text) noexcept;

// A whole number: "1 234" → 1234, "-5" → -5. Decimals that are all zero are
// accepted ("10,0" → 10), since Excel writes numeric cells that way; "10,5",
// a percent sign and values beyond int64 give nullopt.
[[nodiscard]] std::optional<std::int64_t> parse_whole_number(std::string_view text) noexcept;

// The nearest double to the decimal written, any number of decimals:
// "0,125" → 0.125, "75,5 %" → 75.5. For counts and amounts prefer the exact
// functions above.
[[nodiscard]] std::optional<double> parse_decimal(std::string_view text) noexcept;

}  // namespace kompetent::io
