#include "core/demo/nord_troms.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/demo/category_profiles.h"
#include "core/demo/demo_rng.h"
#include "core/demo/person_draw.h"
#include "core/demo/salten.h"

namespace kompetent::demo {
namespace {

// Age profile of the region's health and care staff. Mean age 48 with under
// 40 % aged 50+ means the under-50s are mostly in their forties; the 50+ group
// reaches past the retirement age of 65 of the nursing categories, as the
// report's "går av med pensjon eller går ned i stilling" suggests.
//                               18  20  25  30  35  40  45 | 50  55  60  65
constexpr AgeProfile kNordTromsAges{{1, 3, 5, 8, 15, 28, 40, 25, 30, 35, 10}};

struct Person {
  std::size_t municipality = 0;
  std::size_t slot = 0;
  const CategoryProfile* profile = nullptr;
  PersonFlags flags;
};

int published_positions(const DemoMunicipality& municipality) {
  for (const PublishedPositions& row : kNordTromsTable1) {
    if (row.municipality == municipality.number.digits) return row.positions;
  }
  return health_positions_for_population(municipality.population);
}

int share_of(double share, std::size_t total) {
  return static_cast<int>(std::lround(share * static_cast<double>(total)));
}

// Picks exactly `count` of `candidates` (indices into people) by
// `weight_of` and returns them. Candidates of weight kAlways come first; if
// they alone exceed the count, a uniform subset of them is taken.
std::vector<std::size_t> fill_quota(DemoRng& rng, const std::vector<std::size_t>& candidates,
                                    const std::function<int(const Person&)>& weight_of,
                                    const std::vector<Person>& people, int count) {
  std::vector<std::size_t> forced;
  std::vector<std::size_t> others;
  for (std::size_t index : candidates) {
    (weight_of(people[index]) >= kAlways ? forced : others).push_back(index);
  }
  const auto wanted = static_cast<std::size_t>(std::max(count, 0));
  if (forced.size() >= wanted) {
    rng.shuffle(forced);
    forced.resize(wanted);
    return forced;
  }
  std::vector<std::int64_t> weights;
  for (std::size_t index : others) weights.push_back(weight_of(people[index]));
  for (std::size_t picked : sample_weighted(rng, weights, wanted - forced.size())) {
    forced.push_back(others[picked]);
  }
  return forced;
}

void assign_age_quotas(DemoRng& rng, std::vector<Person>& people) {
  const NordTromsTargets& targets = kNordTromsTargets;
  // The three groups the report names get their own quota; the others share
  // what is left of the region's total, weighted by their usual 50+ share.
  const std::pair<std::string_view, double> named[] = {
      {"helsefagarbeider", targets.helsefagarbeider_aged_50_plus},
      {"spesialsykepleier", targets.spesialsykepleier_aged_50_plus},
      {"leder", targets.leder_aged_50_plus},
  };
  int remaining = share_of(targets.aged_50_plus, people.size());
  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < people.size(); ++i) rest.push_back(i);
  for (const auto& [category, share] : named) {
    std::vector<std::size_t> group;
    std::vector<std::size_t> outside;
    for (std::size_t index : rest) {
      (people[index].profile->key == category ? group : outside).push_back(index);
    }
    const int quota = share_of(share, group.size());
    for (std::size_t index : fill_quota(rng, group, [](const Person&) { return 1; }, people, quota)) {
      people[index].flags.aged_50_plus = true;
    }
    remaining -= quota;
    rest = std::move(outside);
  }
  auto weight = [](const Person& person) { return person.profile->aged_50_plus_per_mille; };
  for (std::size_t index : fill_quota(rng, rest, weight, people, remaining)) {
    people[index].flags.aged_50_plus = true;
  }
}

void assign_flag_quota(DemoRng& rng, std::vector<Person>& people,
                       const std::vector<std::size_t>& candidates, int count,
                       const std::function<int(const Person&)>& weight,
                       bool PersonFlags::*flag) {
  for (std::size_t index : fill_quota(rng, candidates, weight, people, count)) {
    people[index].flags.*flag = true;
  }
}

}  // namespace

std::vector<MunicipalityStaff> generate_nord_troms(std::span<const DemoMunicipality> members,
                                                   std::uint64_t seed) {
  DemoRng rng(stream_seed(seed, "nord-troms"));
  std::vector<MunicipalityStaff> staff;
  std::vector<Person> people;
  for (std::size_t m = 0; m < members.size(); ++m) {
    const SectorStaff sectors[] = {{kHelseOmsorg, published_positions(members[m])}};
    staff.push_back({plan_municipality(members[m], sectors, rng), {}});
    const auto& slots = staff.back().plan.slots;
    for (std::size_t s = 0; s < slots.size(); ++s) {
      people.push_back({m, s, &category_profile(slots[s].category), {}});
    }
  }
  const NordTromsTargets& targets = kNordTromsTargets;
  const std::size_t total = people.size();
  std::vector<std::size_t> everyone;
  for (std::size_t i = 0; i < total; ++i) everyone.push_back(i);

  assign_age_quotas(rng, people);

  assign_flag_quota(rng, people, everyone, share_of(targets.unskilled, total),
                    [](const Person& p) { return p.profile->unskilled_per_mille; },
                    &PersonFlags::unskilled);

  // Further education: the region's share, split so the 50+ part matches too.
  // The unskilled are left out: credits build on a formal education.
  const int further = share_of(targets.further_education, total);
  const int further_old = share_of(targets.further_educated_aged_50_plus, static_cast<std::size_t>(further));
  std::vector<std::size_t> skilled_old;
  std::vector<std::size_t> skilled_young;
  for (std::size_t i = 0; i < total; ++i) {
    if (people[i].flags.unskilled) continue;
    (people[i].flags.aged_50_plus ? skilled_old : skilled_young).push_back(i);
  }
  auto further_weight = [](const Person& p) { return p.profile->further_education_per_mille; };
  assign_flag_quota(rng, people, skilled_old, further_old, further_weight,
                    &PersonFlags::further_education);
  assign_flag_quota(rng, people, skilled_young, further - further_old, further_weight,
                    &PersonFlags::further_education);

  assign_flag_quota(rng, people, everyone, share_of(targets.part_time, total),
                    [](const Person& p) { return p.profile->part_time_per_mille; },
                    &PersonFlags::part_time);

  for (const Person& person : people) {
    MunicipalityStaff& owner = staff[person.municipality];
    const StaffSlot& slot = owner.plan.slots[person.slot];
    const int age = draw_age_for(rng, kNordTromsAges, *person.profile, person.flags.aged_50_plus);
    owner.positions.push_back(draw_person(rng, slot, person.flags, age, kCurrentSnapshotDate,
                                          year_of(kCurrentSnapshotDate) - 1));
  }
  return staff;
}

}  // namespace kompetent::demo
