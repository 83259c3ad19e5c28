// A block of consecutive positions of one snapshot, as the JSON text kept in
// one row of the position_blocks table. Column by column, so each field name
// is written once per block rather than once per position:
//
//   {"employee_id":["100001","100002"],"position_number":["",""],...,
//    "start_date":["2001-02-28",null],...,"relevant_education":[true,false],...,
//    "certifications":[[{"name":"HLR","expires":"2026-12-31"}],[]]}
//
// Every array has one element per position, in import order. The columns are
// the fields of PositionRecord; enumerations are their keys from core/, dates
// ISO text or null, a certification without "expires" does not expire.
//
// Why blocks: SQLite spends 1.5-3 µs of CPU on every row it inserts, so one
// row per position made a 500,000-row import cost over a second in SQLite alone.
// A few thousand rows of JSON cost a fraction of that and stay queryable in SQL
// (json_each(positions, '$.unit_code')). Internal to store/sqlite.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/workforce/position_record.h"

namespace kompetent::store::sqlite {

// Collects records and writes the JSON of their block. Its buffers keep their
// capacity across clear(), so a writer that reuses one allocates only while
// the first blocks grow them.
class PositionBlockWriter {
 public:
  static constexpr std::size_t kColumnCount = 15;

  void add(const PositionRecord& record);
  // Records added since the last clear().
  [[nodiscard]] std::int64_t size() const noexcept { return size_; }
  // The JSON text of the block; valid until the next add() or clear().
  [[nodiscard]] std::string_view text();
  void clear() noexcept;

 private:
  // Each column's elements, comma-separated, without the brackets.
  std::array<std::string, kColumnCount> columns_;
  std::string text_;
  std::int64_t size_ = 0;
};

// Appends the `count` records of block `text` to `out`. false if `text` is not
// a block of exactly `count` records (any JSON spacing and key order is
// accepted); `out` then holds partly read records, and the caller reports the
// block as corrupt.
[[nodiscard]] bool read_position_block(std::string_view text, std::int64_t count,
                                       std::vector<PositionRecord>& out);

}  // namespace kompetent::store::sqlite
