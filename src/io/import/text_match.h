// Loose text matching for what users type: unit names, titles, coded values.
#pragma once

#include <string>
#include <string_view>

namespace kompetent::io {

// `text` without surrounding ASCII space, tab and no-break space (U+00A0).
[[nodiscard]] std::string_view trim_view(std::string_view text) noexcept;

// Lower case for ASCII and the Norwegian letters Æ Ø Å (and É, Ö, Ä, Ü) in
// UTF-8; other bytes unchanged. Enough for comparing headers and titles.
[[nodiscard]] std::string fold_case(std::string_view text);

}  // namespace kompetent::io

