// Numbers as Norwegian users read them: "1 234,5", "33,3 %", "kr 1 234".
// English uses "1,234.5". Formatting only; the figures come from core.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kompetent {

enum class Language { nb, en };

// Parses "nb" or "en" (also "no", "nb-NO", "en-GB", …); nb for anything else.
[[nodiscard]] Language language_from_tag(std::string_view tag) noexcept;

// `value` rounded half away from zero to `decimals` places, with thousands
// grouped: nb "1 234,5", en "1,234.5". The space is a plain U+0020 so terminals
// and CSV readers keep it.
[[nodiscard]] std::string format_decimal(double value, int decimals, Language language);
[[nodiscard]] std::string format_integer(std::int64_t value, Language language);
// A share 0..1 as a percentage with one decimal: nb "33,3 %", en "33.3%".
[[nodiscard]] std::string format_percent(double share, Language language);

}  // namespace kompetent
