// The cells of an indicator row and of a turnover row, and the masks read back
// from suppress_breakdown(). docs/privacy.md ("What becomes a cell") explains
// the choices.
//
// Positions, FTE, averages and the FTE of each retirement year are not cells:
// they are shown or withheld with their row (or with that year's count) and
// add up over the same rows as persons (or that count), so the pattern that
// protects persons protects them too.
#include "core/privacy/indicator_suppression.h"

#include "core/privacy/breakdown_suppression.h"
#include "core/privacy/figure_table.h"

namespace kompetent::privacy {
namespace {

using detail::RowLayout;

// Slots of an indicator row. A share n/d is n (published) and its rest d − n (hidden).
constexpr std::size_t kPersons = 0;
constexpr std::size_t kBand0 = 1;  // kAgeBandCount bands
constexpr std::size_t kUnder25 = kBand0 + kAgeBandCount;
constexpr std::size_t kAged50 = kUnder25 + 2;
constexpr std::size_t kAged60 = kAged50 + 2;
constexpr std::size_t kPartTime = kAged60 + 2;
constexpr std::size_t kSmall = kPartTime + 2;
constexpr std::size_t kKnownEducation = kSmall + 2;  // the unskilled share's denominator
constexpr std::size_t kUnskilled = kKnownEducation + 1;
constexpr std::size_t kRelevant = kUnskilled + 2;
constexpr std::size_t kFurther = kRelevant + 2;
constexpr std::size_t kAged50Further = kFurther + 2;
constexpr std::size_t kFemale = kAged50Further + 2;
constexpr std::size_t kMale = kFemale + 2;
constexpr std::size_t kOther = kMale + 2;
constexpr std::size_t kRetirement0 = kOther + 2;  // kRetirementYears counts
constexpr std::size_t kPyramid0 = kRetirement0 + kRetirementYears;  // gender group × age band
constexpr std::size_t kSize0 = kPyramid0 + kGenderGroupCount * kAgeBandCount;  // size bands
constexpr std::size_t kIndicatorSlots = kSize0 + kPositionSizeBandCount;

// The numerators of female, male and other, in gender group order (gender_group_of).
constexpr std::size_t kGenderSlots[kGenderGroupCount] = {kFemale, kMale, kOther};

constexpr std::size_t pyramid_slot(std::size_t gender_group, std::size_t band) {
  return kPyramid0 + gender_group * kAgeBandCount + band;
}

// Bands 0 (<20) and 1 (20–24) are under 25; from band 7 (50–54) 50+; from band 9 (60–64) 60+.
constexpr std::size_t kFirstBand50 = 7;
constexpr std::size_t kFirstBand60 = 9;

std::vector<std::size_t> bands(std::size_t first, std::size_t end) {
  std::vector<std::size_t> out;
  for (std::size_t band = first; band < end; ++band) out.push_back(kBand0 + band);
  return out;
}

std::vector<std::size_t> size_bands(std::size_t first, std::size_t end) {
  std::vector<std::size_t> out;
  for (std::size_t band = first; band < end; ++band) out.push_back(kSize0 + band);
  return out;
}

RowLayout indicator_layout() {
  RowLayout layout;
  layout.slots.assign(kIndicatorSlots, CellKind::published);
  layout.anchors = {kPersons};
  layout.constraints.push_back({kPersons, bands(0, kAgeBandCount)});
  const auto share = [&](std::size_t numerator, std::size_t denominator) {
    layout.slots[numerator + 1] = CellKind::hidden;
    layout.constraints.push_back({denominator, {numerator, numerator + 1}});
  };
  layout.constraints.push_back({kUnder25, bands(0, 2)});
  share(kUnder25, kPersons);
  layout.constraints.push_back({kAged50, bands(kFirstBand50, kAgeBandCount)});
  share(kAged50, kPersons);
  layout.constraints.push_back({kAged60, bands(kFirstBand60, kAgeBandCount)});
  share(kAged60, kPersons);
  share(kPartTime, kPersons);
  share(kSmall, kPersons);
  share(kUnskilled, kKnownEducation);
  share(kRelevant, kPersons);
  share(kFurther, kPersons);
  share(kAged50Further, kFurther);
  layout.constraints.push_back({kPersons, {kFemale, kMale, kOther}});
  share(kFemale, kPersons);
  share(kMale, kPersons);
  share(kOther, kPersons);
  // A share over a sub-group goes with its denominator: 0 % or 100 % of a withheld group of 3
  // would tell about all three.
  // The age pyramid splits each age band by gender group, and each gender
  // count by age band; the size bands split persons, and their first four
  // are the part-time persons, their first two the small positions.
  for (std::size_t band = 0; band < kAgeBandCount; ++band) {
    std::vector<std::size_t> parts;
    for (std::size_t group = 0; group < kGenderGroupCount; ++group) parts.push_back(pyramid_slot(group, band));
    layout.constraints.push_back({kBand0 + band, parts});
  }
  for (std::size_t group = 0; group < kGenderGroupCount; ++group) {
    std::vector<std::size_t> parts;
    for (std::size_t band = 0; band < kAgeBandCount; ++band) parts.push_back(pyramid_slot(group, band));
    layout.constraints.push_back({kGenderSlots[group], parts});
  }
  // The shares' rests are size bands too: persons minus part-time is "100+", so
  // with persons and part-time shown a withheld "100+" would be one subtraction
  // away; the engine learns only through constraints, so these say it.
  layout.constraints.push_back({kPersons, size_bands(0, kPositionSizeBandCount)});
  layout.constraints.push_back({kPartTime, size_bands(0, kPositionSizeBandCount - 1)});
  layout.constraints.push_back({kPartTime + 1, size_bands(kPositionSizeBandCount - 1, kPositionSizeBandCount)});
  layout.constraints.push_back({kSmall, size_bands(0, 2)});
  layout.constraints.push_back({kSmall + 1, size_bands(2, kPositionSizeBandCount)});
  layout.groups.push_back({kKnownEducation, {kUnskilled, kUnskilled + 1}});
  layout.groups.push_back({kFurther, {kAged50Further, kAged50Further + 1}});
  layout.aliases.push_back({kKnownEducation, kPersons});
  return layout;
}

std::vector<std::int64_t> indicator_values(const WorkforceIndicators& in) {
  std::vector<std::int64_t> values(kIndicatorSlots, 0);
  values[kPersons] = in.persons;
  for (std::size_t band = 0; band < kAgeBandCount; ++band)
    values[kBand0 + band] = in.age_bands[band];
  const auto share = [&](std::size_t numerator, const Share& s) {
    values[numerator] = s.count;
    values[numerator + 1] = s.total - s.count;
  };
  share(kUnder25, in.under_25);
  share(kAged50, in.aged_50_plus);
  share(kAged60, in.aged_60_plus);
  share(kPartTime, in.part_time);
  share(kSmall, in.small_positions);
  values[kKnownEducation] = in.unskilled.total;
  share(kUnskilled, in.unskilled);
  share(kRelevant, in.relevant_education);
  share(kFurther, in.further_education);
  share(kAged50Further, in.aged_50_plus_among_further_educated);
  share(kFemale, in.female);
  share(kMale, in.male);
  share(kOther, in.other_or_unknown_gender);
  for (std::size_t year = 0; year < kRetirementYears; ++year) {
    values[kRetirement0 + year] = in.retirements_by_year[year];
  }
  for (std::size_t group = 0; group < kGenderGroupCount; ++group) {
    for (std::size_t band = 0; band < kAgeBandCount; ++band) {
      values[pyramid_slot(group, band)] = in.age_pyramid[group][band];
    }
  }
  for (std::size_t band = 0; band < kPositionSizeBandCount; ++band) {
    values[kSize0 + band] = in.position_size_bands[band];
  }
  return values;
}

// Slots of a turnover row: persons after and before carry the row; stayers are the rest of
// both (before = leavers + stayers, after = joiners + stayers), and turnover is leavers/before.
constexpr std::size_t kAfter = 0;
constexpr std::size_t kBefore = 1;
constexpr std::size_t kJoiners = 2;
constexpr std::size_t kLeavers = 3;
constexpr std::size_t kStayers = 4;

RowLayout turnover_layout() {
  RowLayout layout;
  layout.slots = {CellKind::published, CellKind::published, CellKind::published,
                  CellKind::published, CellKind::hidden};
  layout.anchors = {kAfter, kBefore};
  layout.constraints = {{kBefore, {kLeavers, kStayers}}, {kAfter, {kJoiners, kStayers}}};
  return layout;
}

template <class Row>
std::vector<GroupKey> keys_of(std::span<const Row> rows) {
  std::vector<GroupKey> keys;
  keys.reserve(rows.size());
  for (const Row& row : rows) keys.push_back(row.key);
  return keys;
}

// What is withheld, per row and slot.
class Withheld {
 public:
  Withheld(const RowLayout& layout, std::span<const std::vector<std::int64_t>> values,
           const std::vector<GroupKey>& keys, std::span<const Dimension> by,
           const SuppressionRules& rules)
      : withheld_(detail::suppress_breakdown(layout, keys, values, by, rules)) {}

  [[nodiscard]] bool operator()(std::size_t row, std::size_t slot) const {
    return withheld_[row][slot];
  }

 private:
  detail::SlotMask withheld_;
};

}  // namespace

std::vector<IndicatorMask> suppress_indicator_rows(std::span<const IndicatorRow> rows,
                                                   std::span<const Dimension> by,
                                                   const SuppressionRules& rules) {
  std::vector<std::vector<std::int64_t>> values;
  values.reserve(rows.size());
  for (const IndicatorRow& row : rows) values.push_back(indicator_values(row.indicators));
  const Withheld withheld(indicator_layout(), values, keys_of(rows), by, rules);

  std::vector<IndicatorMask> masks(rows.size());
  for (std::size_t row = 0; row < rows.size(); ++row) {
    IndicatorMask& mask = masks[row];
    const auto is = [&](std::size_t slot) { return withheld(row, slot); };
    mask.row = is(kPersons);
    mask.under_25 = is(kUnder25);
    mask.aged_50_plus = is(kAged50);
    mask.aged_60_plus = is(kAged60);
    mask.part_time = is(kPartTime);
    mask.small_positions = is(kSmall);
    mask.unskilled = is(kUnskilled);
    mask.relevant_education = is(kRelevant);
    mask.further_education = is(kFurther);
    mask.aged_50_plus_among_further_educated = is(kAged50Further);
    mask.female = is(kFemale);
    mask.male = is(kMale);
    mask.other_or_unknown_gender = is(kOther);
    for (std::size_t band = 0; band < kAgeBandCount; ++band)
      mask.age_bands[band] = is(kBand0 + band);
    for (std::size_t year = 0; year < kRetirementYears; ++year) {
      mask.retirements[year] = is(kRetirement0 + year);
    }
    for (std::size_t group = 0; group < kGenderGroupCount; ++group) {
      for (std::size_t band = 0; band < kAgeBandCount; ++band) {
        mask.age_pyramid[group][band] = is(pyramid_slot(group, band));
      }
    }
    for (std::size_t band = 0; band < kPositionSizeBandCount; ++band) {
      mask.position_size_bands[band] = is(kSize0 + band);
    }
  }
  return masks;
}

std::vector<TurnoverMask> suppress_turnover_rows(std::span<const TurnoverRow> rows,
                                                 std::span<const Dimension> by,
                                                 const SuppressionRules& rules) {
  std::vector<std::vector<std::int64_t>> values;
  values.reserve(rows.size());
  for (const TurnoverRow& row : rows) {
    const TurnoverIndicators& t = row.turnover;
    values.push_back(
        {t.persons_after, t.persons_before, t.joiners, t.leavers, t.persons_before - t.leavers});
  }
  const Withheld withheld(turnover_layout(), values, keys_of(rows), by, rules);

  std::vector<TurnoverMask> masks(rows.size());
  for (std::size_t row = 0; row < rows.size(); ++row) {
    masks[row].row = withheld(row, kAfter) || withheld(row, kBefore);
    masks[row].joiners = withheld(row, kJoiners);
    masks[row].leavers = withheld(row, kLeavers);
    masks[row].turnover = withheld(row, kLeavers);
  }
  return masks;
}

}  // namespace kompetent::privacy
