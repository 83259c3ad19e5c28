#include "core/indicators/workforce_view.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/indicators/workforce_indicators.h"

namespace kompetent {
namespace {

std::int16_t clamp_age(int age) {
  return static_cast<std::int16_t>(std::clamp<int>(age, std::numeric_limits<std::int16_t>::min(),
                                                   std::numeric_limits<std::int16_t>::max()));
}

}  // namespace

// Builds the dictionary and rows of one or two views (sides) together, one
// municipality at a time, so that every municipality's sectors and units get
// contiguous indices in report order.
class ViewBuilder {
 public:
  ViewBuilder(std::vector<std::span<const MunicipalityWorkforce>> sides,
              const CategoryTable& categories)
      : sides_(std::move(sides)), views_(sides_.size()), staged_(sides_.size()) {
    for (const PositionCategory& category : categories.all()) {
      intern_category(category.key, category.retirement_age);
    }
  }

  std::vector<WorkforceView> build() && {
    for (const std::string& number : municipality_numbers()) add_municipality(number);
    for (std::size_t side = 0; side < sides_.size(); ++side) {
      views_[side].dictionary_ = dictionary_;
      order_by_person(side);
    }
    return std::move(views_);
  }

 private:
  struct StagedRow {
    std::uint32_t person;
    WorkforceView::Row row;
  };

  std::vector<std::string> municipality_numbers() const {
    std::vector<std::string> numbers;
    for (const auto& side : sides_) {
      for (const MunicipalityWorkforce& member : side) {
        if (member.snapshot) numbers.push_back(member.snapshot->municipality.digits);
        if (member.tree) numbers.push_back(member.tree->municipality().digits);
      }
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    return numbers;
  }

  static bool belongs_to(const MunicipalityWorkforce& member, const std::string& number) {
    return member.snapshot ? member.snapshot->municipality.digits == number
                           : member.tree && member.tree->municipality().digits == number;
  }

  // The first tree of `number` in `side`, or null.
  const OrgTree* tree_of(std::size_t side, const std::string& number) const {
    for (const MunicipalityWorkforce& member : sides_[side]) {
      if (member.tree && belongs_to(member, number)) return member.tree;
    }
    return nullptr;
  }

  void add_municipality(const std::string& number) {
    const auto municipality = static_cast<std::uint32_t>(dictionary_.municipalities.size());
    dictionary_.municipalities.push_back(number);
    const std::uint32_t first_sector = static_cast<std::uint32_t>(dictionary_.sector_codes.size());

    std::vector<const OrgTree*> trees;
    for (std::size_t side = 0; side < sides_.size(); ++side) trees.push_back(tree_of(side, number));

    // Sectors of every side's tree, the first side's order first.
    for (const OrgTree* tree : trees) {
      if (!tree) continue;
      for (const Sector& sector : tree->sectors()) find_or_add_sector(municipality, first_sector,
                                                                      sector.code);
    }
    // Units sector by sector, so a sector's units are contiguous.
    const auto last_sector = static_cast<std::uint32_t>(dictionary_.sector_codes.size());
    for (std::uint32_t sector = first_sector; sector < last_sector; ++sector) {
      for (const OrgTree* tree : trees) {
        if (!tree) continue;
        for (const Unit& unit : tree->units()) {
          if (unit.sector_code == dictionary_.sector_codes[sector]) find_or_add_unit(sector, unit.code);
        }
      }
    }
    unknown_sector_ = std::nullopt;
    std::unordered_map<std::string_view, std::uint32_t> persons;
    for (std::size_t side = 0; side < sides_.size(); ++side) {
      std::unordered_map<std::string_view, std::uint32_t> unit_of_code;
      for (const MunicipalityWorkforce& member : sides_[side]) {
        if (!member.snapshot || !belongs_to(member, number)) continue;
        const int snapshot_year = year_of(member.snapshot->date);
        for (const PositionRecord& record : member.snapshot->positions) {
          auto [person, new_person] = persons.try_emplace(
              record.employee_id, static_cast<std::uint32_t>(person_count_));
          if (new_person) ++person_count_;
          auto unit = unit_of_code.find(record.unit_code);
          if (unit == unit_of_code.end()) {
            unit = unit_of_code
                       .emplace(record.unit_code,
                                resolve_unit(trees[side], municipality, first_sector, record.unit_code))
                       .first;
          }
          const std::uint32_t category = intern_category(record.category, kDefaultRetirementAge);
          WorkforceView::Row row;
          row.unit = unit->second;
          row.category = category;
          row.percent = record.percent.hundredths;
          row.age = clamp_age(snapshot_year - record.birth_year);
          row.age_band = static_cast<std::uint8_t>(age_band_of(row.age));
          row.gender = static_cast<std::uint8_t>(record.gender);
          row.education = static_cast<std::uint8_t>(record.education);
          row.retirement_age = retirement_ages_[category];
          row.relevant_education = record.relevant_education;
          row.further_education = record.further_education_credits > 0;
          staged_[side].push_back({person->second, row});
        }
      }
    }
  }

  std::uint32_t find_or_add_sector(std::uint32_t municipality, std::uint32_t first_sector,
                                   std::string_view code) {
    for (auto sector = first_sector; sector < dictionary_.sector_codes.size(); ++sector) {
      if (dictionary_.sector_codes[sector] == code) return sector;
    }
    dictionary_.sector_codes.emplace_back(code);
    dictionary_.sector_municipality.push_back(municipality);
    return static_cast<std::uint32_t>(dictionary_.sector_codes.size() - 1);
  }

  // Units are few per sector, so a linear search is cheap; it runs once per
  // distinct unit code of a snapshot, not per record.
  std::uint32_t find_or_add_unit(std::uint32_t sector, std::string_view code) {
    for (std::size_t unit = dictionary_.unit_codes.size(); unit-- > 0;) {
      if (dictionary_.unit_sector[unit] < sector) break;
      if (dictionary_.unit_sector[unit] == sector && dictionary_.unit_codes[unit] == code) {
        return static_cast<std::uint32_t>(unit);
      }
    }
    dictionary_.unit_codes.emplace_back(code);
    dictionary_.unit_sector.push_back(sector);
    return static_cast<std::uint32_t>(dictionary_.unit_codes.size() - 1);
  }

  // The unit a record's unit code names in `tree` (exact code, else the
  // tree's lenient match), or a unit under sector "?" keeping the code.
  std::uint32_t resolve_unit(const OrgTree* tree, std::uint32_t municipality,
                             std::uint32_t first_sector, std::string_view code) {
    if (tree) {
      if (auto index = tree->find_unit(code)) {
        const Unit& unit = tree->units()[*index];
        const std::uint32_t sector = find_or_add_sector(municipality, first_sector, unit.sector_code);
        return find_or_add_unit(sector, unit.code);
      }
    }
    if (!unknown_sector_) {
      // Appended after every known sector and unit of this municipality.
      dictionary_.sector_codes.emplace_back(kUnknownOrgCode);
      dictionary_.sector_municipality.push_back(municipality);
      unknown_sector_ = static_cast<std::uint32_t>(dictionary_.sector_codes.size() - 1);
    }
    return find_or_add_unit(*unknown_sector_, code.empty() ? kUnknownOrgCode : code);
  }

  std::uint32_t intern_category(std::string_view key, int retirement_age) {
    // Heterogeneous lookup: no string is made for the common case, a known key.
    if (auto it = category_index_.find(key); it != category_index_.end()) return it->second;
    const auto index = static_cast<std::uint32_t>(dictionary_.categories.size());
    category_index_.emplace(std::string(key), index);
    dictionary_.categories.emplace_back(key);
    retirement_ages_.push_back(static_cast<std::uint8_t>(std::clamp(retirement_age, 0, 255)));
    return index;
  }

  // Stable counting sort by person: a person's rows stay in record order,
  // which the "first record" and "ties: first record" rules rely on.
  void order_by_person(std::size_t side) {
    WorkforceView& view = views_[side];
    std::vector<std::uint32_t> begin(person_count_ + 1, 0);
    for (const StagedRow& staged : staged_[side]) ++begin[staged.person + 1];
    for (std::size_t person = 0; person < person_count_; ++person) begin[person + 1] += begin[person];
    view.rows_.resize(staged_[side].size());
    std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
    for (const StagedRow& staged : staged_[side]) view.rows_[next[staged.person]++] = staged.row;
    view.person_begin_ = std::move(begin);
    staged_[side] = {};
  }

  std::vector<std::span<const MunicipalityWorkforce>> sides_;
  std::vector<WorkforceView> views_;
  std::vector<std::vector<StagedRow>> staged_;
  ViewDictionary dictionary_;
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> category_index_;
  std::vector<std::uint8_t> retirement_ages_;  // per category index
  std::optional<std::uint32_t> unknown_sector_;  // of the municipality being added
  std::size_t person_count_ = 0;
};

WorkforceView WorkforceView::build(std::span<const MunicipalityWorkforce> members,
                                   const CategoryTable& categories) {
  return std::move(std::move(ViewBuilder({members}, categories)).build()[0]);
}

WorkforceViewPair WorkforceViewPair::build(std::span<const MunicipalityWorkforce> before,
                                           std::span<const MunicipalityWorkforce> after,
                                           const CategoryTable& categories) {
  // The later snapshots go first, so their trees set the report order.
  std::vector<WorkforceView> views = std::move(ViewBuilder({after, before}, categories)).build();
  return {std::move(views[1]), std::move(views[0])};
}

}  // namespace kompetent
