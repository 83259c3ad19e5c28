// The code table: KS stillingskoder (and a municipality's own local codes)
// mapped to position categories. Ships with verified codes only
// (data/position_codes.csv); users add and edit codes with `kompetent codes`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kompetent {

struct PositionCode {
  std::string code;      // e.g. "9451"; local codes may be any short text without spaces
  std::string category;  // PositionCategory::key
  std::string title;     // hovedbenevnelse, e.g. "Leder/Virksomhetsleder"
  std::string source;    // where it was verified, or "lokal" for a municipality's own code
  bool operator==(const PositionCode&) const = default;
};

class PositionCodeTable {
 public:
  PositionCodeTable() = default;
  explicit PositionCodeTable(std::vector<PositionCode> codes) : codes_(std::move(codes)) {}
  [[nodiscard]] const std::vector<PositionCode>& all() const noexcept { return codes_; }
  // Exact match on the code after trimming spaces, or nullptr.
  [[nodiscard]] const PositionCode* find(std::string_view code) const noexcept;

 private:
  std::vector<PositionCode> codes_;
};

}  // namespace kompetent
