// The cohort model of workforce_forecast.h. Every formula here is written out in
// docs/forecast.md ("The model"); keep the two in step.
#include "core/forecast/workforce_forecast.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace kompetent::forecast {
namespace {

constexpr int kLastForecastYear = 2100;

// A group's cohorts as dense arrays over birth years first_birth_year ... (shared by all groups
// of one run so the step is a flat loop).
struct GroupState {
  std::vector<double> persons;
  std::vector<double> fte;  // contracted
  double base_demand = 0;   // effective årsverk in the base year
  double base_average_size = 1;
  double previous_demand = 0;
  double previous_demand_without_levers = 0;
  double previous_supply_after_recruitment = 0;  // effective, at the previous year's sick leave
  std::size_t first_used = 0, end_used = 0;      // cohorts outside [first_used, end_used) are empty
  // The scenario's levers for this group, looked up once instead of every year.
  double turnover = 0;
  double staffing_change = 0;
  std::size_t exit_table = 0;  // index into the exit rates per category and age
};

std::vector<std::string> category_keys(const ForecastParameters& parameters) {
  std::vector<std::string> keys;
  for (const auto& [key, curve] : parameters.exit_curves) keys.push_back(key);
  return keys;
}

std::vector<std::string> service_keys(const ForecastParameters& parameters) {
  std::vector<std::string> keys;
  for (const Service& service : parameters.services) keys.push_back(service.key);
  return keys;
}

// The share of a phased lever in effect in `year`: 0 in the base year, 1 from phase_in_until.
double phase(int year, int base_year, int phase_in_until) {
  return YearPath{0, 1, phase_in_until}.at(year, base_year);
}

}  // namespace

std::vector<AgeBandWeight> ForecastParameters::default_recruit_ages() {
  // Assumption (docs/forecast.md): most recruits are young, but municipalities also hire
  // experienced staff. Weights per band, spread evenly over its ages.
  return {{20, 29, 0.40}, {30, 39, 0.30}, {40, 49, 0.20}, {50, 59, 0.10}};
}

Result<PreparedWorkforce> prepare_workforce(std::span<const StaffMember> staff, int base_year,
                                            const ForecastParameters& parameters) {
  PreparedWorkforce prepared;
  prepared.base_year = base_year;
  // (category, service) → index of its group, for the members met so far: a member of a known
  // group needs no more checks (they passed when the group was made).
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> group_of;
  for (const StaffMember& member : staff) {
    auto known = group_of.find({member.category, member.service});
    if (known == group_of.end()) {
      if (!parameters.exit_curves.count(member.category)) return Error::invalid("no_exit_rates", {member.category});
      std::optional<std::size_t> service;
      for (std::size_t i = 0; i < parameters.services.size(); ++i) {
        if (parameters.services[i].key == member.service) service = i;
      }
      if (!service) return Error::invalid("unknown_service", {member.service});
      prepared.groups.push_back({member.category, member.service, *service, 0, 0, {}, {}});
      known = group_of.emplace(std::pair<std::string_view, std::string_view>{member.category, member.service},
                               prepared.groups.size() - 1).first;
    }
    auto group = prepared.groups.begin() + static_cast<std::ptrdiff_t>(known->second);
    group->base_fte += member.fte;
    group->base_persons += 1;
    // A birth year after the snapshot is a data error; such a person counts as aged 0.
    const int birth_year = std::min(member.birth_year, base_year);
    group->persons_by_birth_year[birth_year] += 1;
    group->fte_by_birth_year[birth_year] += member.fte;
  }
  std::stable_sort(prepared.groups.begin(), prepared.groups.end(),
                   [](const auto& a, const auto& b) { return a.category < b.category; });
  return prepared;
}

Result<WorkforceForecast> forecast_workforce(const PreparedWorkforce& prepared, const PopulationSeries& population,
                                             const ForecastParameters& parameters, const Scenario& scenario,
                                             int to_year) {
  const int base_year = prepared.base_year;
  if (auto valid = validate(scenario, category_keys(parameters), service_keys(parameters)); !valid.ok()) {
    return valid.error();
  }
  if (to_year <= base_year || to_year > kLastForecastYear) {
    return Error::invalid("invalid_horizon", {std::to_string(to_year)});
  }
  if (population.by_year.empty() || to_year > population.last_year()) {
    return Error::invalid("population_too_short", {population.municipality, std::to_string(to_year)});
  }
  // A snapshot older than the series uses the series' first year as its base population.
  auto population_year = [&](int year) { return std::max(year, population.first_year); };

  // Groups: the base staff's, plus any a task shift moves demand into.
  struct GroupSpec {
    std::string category;
    std::size_t service_index;
    const PreparedWorkforce::Group* base;
  };
  std::vector<GroupSpec> specs;
  for (const auto& group : prepared.groups) specs.push_back({group.category, group.service_index, &group});
  for (const TaskShift& shift : scenario.task_shifts) {
    for (const auto& group : prepared.groups) {
      if (group.category != shift.from_category) continue;
      if (!shift.service.empty() && group.service != shift.service) continue;
      const bool exists = std::any_of(specs.begin(), specs.end(), [&](const GroupSpec& s) {
        return s.category == shift.to_category && s.service_index == group.service_index;
      });
      if (!exists) specs.push_back({shift.to_category, group.service_index, nullptr});
    }
  }
  for (const GroupSpec& spec : specs) {
    if (!parameters.exit_curves.count(spec.category)) return Error::invalid("no_exit_rates", {spec.category});
  }

  // Birth years any cohort can have: the base staff's and every recruit's.
  int first_birth_year = base_year + 1 - kOldestAge;
  int last_birth_year = to_year;
  for (const auto& group : prepared.groups) {
    if (!group.persons_by_birth_year.empty()) {
      first_birth_year = std::min(first_birth_year, group.persons_by_birth_year.begin()->first);
      last_birth_year = std::max(last_birth_year, group.persons_by_birth_year.rbegin()->first);
    }
  }
  const auto width = static_cast<std::size_t>(last_birth_year - first_birth_year + 1);
  auto index_of_birth_year = [&](int birth_year) { return static_cast<std::size_t>(birth_year - first_birth_year); };

  // Recruits' ages as shares summing to 1.
  std::vector<std::pair<int, double>> recruit_shares;
  double recruit_weight = 0;
  for (const AgeBandWeight& band : parameters.recruit_ages) {
    if (band.from_age < 0 || band.to_age > kOldestAge || band.from_age > band.to_age || !(band.weight >= 0)) {
      return Error::invalid("invalid_recruit_ages");
    }
    const int ages = band.to_age - band.from_age + 1;
    for (int age = band.from_age; age <= band.to_age; ++age) {
      recruit_shares.emplace_back(age, band.weight / ages);
      recruit_weight += band.weight / ages;
    }
  }
  if (recruit_weight <= 0) return Error::invalid("invalid_recruit_ages");
  for (auto& [age, share] : recruit_shares) share /= recruit_weight;
  const auto [youngest_recruit, oldest_recruit] = std::minmax_element(
      recruit_shares.begin(), recruit_shares.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const int youngest_recruit_age = youngest_recruit->first, oldest_recruit_age = oldest_recruit->first;
  // The same shares by birth-year offset from the oldest recruit: share_by_offset[k] is the
  // share of recruits born (year − oldest_recruit_age) + k. Only when no age is listed twice:
  // then every cohort receives at most one addition, and a cohort of an age not in the profile
  // receives + 0, which changes nothing, so one pass over the range gives exactly the figures
  // of adding age by age. Otherwise the recruits are added age by age, in order.
  std::vector<double> share_by_offset(static_cast<std::size_t>(oldest_recruit_age - youngest_recruit_age + 1), 0.0);
  bool recruit_ages_unique = true;
  {
    std::vector<bool> listed(share_by_offset.size(), false);
    for (const auto& [age, share] : recruit_shares) {
      const auto k = static_cast<std::size_t>(oldest_recruit_age - age);
      if (listed[k]) recruit_ages_unique = false;
      listed[k] = true;
      share_by_offset[k] = share;
    }
  }

  const double base_sick_leave = scenario.sick_leave.at(base_year, base_year);
  double all_fte = 0, all_persons = 0;
  for (const auto& group : prepared.groups) {
    all_fte += group.base_fte;
    all_persons += group.base_persons;
  }
  const double overall_average_size = all_persons > 0 ? all_fte / all_persons : 1.0;

  std::vector<GroupState> states(specs.size());
  for (std::size_t g = 0; g < specs.size(); ++g) {
    GroupState& state = states[g];
    state.persons.assign(width, 0);
    state.fte.assign(width, 0);
    state.first_used = width;
    if (const auto* base = specs[g].base) {
      for (const auto& [birth_year, persons] : base->persons_by_birth_year) state.persons[index_of_birth_year(birth_year)] = persons;
      for (const auto& [birth_year, fte] : base->fte_by_birth_year) state.fte[index_of_birth_year(birth_year)] = fte;
      if (!base->persons_by_birth_year.empty()) {
        state.first_used = index_of_birth_year(base->persons_by_birth_year.begin()->first);
        state.end_used = index_of_birth_year(base->persons_by_birth_year.rbegin()->first) + 1;
      }
      state.base_demand = base->base_fte * (1 - base_sick_leave);
      state.base_average_size = base->base_persons > 0 ? base->base_fte / base->base_persons : overall_average_size;
    } else {
      // A category new to the service: its recruits take the category's average elsewhere.
      double fte = 0, persons = 0;
      for (const auto& group : prepared.groups) {
        if (group.category == specs[g].category) {
          fte += group.base_fte;
          persons += group.base_persons;
        }
      }
      state.base_average_size = persons > 0 ? fte / persons : overall_average_size;
    }
    state.previous_demand = state.base_demand;
    state.previous_demand_without_levers = state.base_demand;
    state.previous_supply_after_recruitment = state.base_demand;
  }

  std::vector<double> base_users(parameters.services.size());
  for (std::size_t s = 0; s < parameters.services.size(); ++s) {
    base_users[s] = service_users(parameters.services[s], population, population_year(base_year));
  }

  WorkforceForecast forecast;
  forecast.municipalities = {population.municipality};
  forecast.scenario = scenario.name;
  forecast.base_year = base_year;
  for (const GroupSpec& spec : specs) forecast.groups.push_back({spec.category, parameters.services[spec.service_index].key});

  auto population_figures = [&](ForecastYear& year, int calendar_year) {
    const int y = population_year(calendar_year);
    year.population_20_66 = population.sum(y, 20, 66);
    year.population_80_plus = population.sum(y, 80, kOldestAge);
    year.population_19 = population.sum(y, 19, 19);
  };
  forecast.base.year = base_year;
  population_figures(forecast.base, base_year);
  for (std::size_t g = 0; g < specs.size(); ++g) {
    ForecastFigures figures;
    figures.demand_fte = figures.supply_fte = states[g].base_demand;
    figures.staff_persons = specs[g].base ? specs[g].base->base_persons : 0;
    forecast.base.groups.push_back(figures);
    forecast.base.total += figures;
  }

  // The exit rates of the scenario per category and age, looked up once, for every age a
  // cohort can reach (past the curve's end its last rate holds). Groups of one category share
  // a table.
  const auto oldest_reachable = static_cast<std::size_t>(to_year - first_birth_year);
  std::vector<const std::string*> table_categories;
  std::vector<std::vector<double>> exit_by_age;
  for (std::size_t g = 0; g < specs.size(); ++g) {
    const std::string& category = specs[g].category;
    auto known = std::find_if(table_categories.begin(), table_categories.end(),
                              [&](const std::string* c) { return *c == category; });
    states[g].exit_table = static_cast<std::size_t>(known - table_categories.begin());
    states[g].turnover = scenario.turnover.at(category);
    states[g].staffing_change = scenario.staffing_change.at(parameters.services[specs[g].service_index].key);
    if (known != table_categories.end()) continue;
    table_categories.push_back(&category);
    const ExitCurve& curve = parameters.exit_curves.at(category);
    std::vector<double>& rates = exit_by_age.emplace_back(oldest_reachable + 1);
    for (std::size_t age = 0; age <= kOldestAge && age <= oldest_reachable; ++age) {
      rates[age] = shifted_rate(curve, static_cast<int>(age), scenario.retirement_age_shift);
    }
    // Ages past kOldestAge are counted as kOldestAge.
    for (std::size_t age = kOldestAge + 1; age <= oldest_reachable; ++age) rates[age] = rates[kOldestAge];
  }

  // Task shifts resolved to groups once: for each shift in order, each group it moves demand
  // from (in group order) and the groups that receive it.
  struct ShiftMove {
    double share;
    std::size_t from;
    std::vector<std::size_t> to;
  };
  std::vector<ShiftMove> shift_moves;
  for (const TaskShift& shift : scenario.task_shifts) {
    for (std::size_t from = 0; from < specs.size(); ++from) {
      const std::string& service = parameters.services[specs[from].service_index].key;
      if (specs[from].category != shift.from_category || (!shift.service.empty() && service != shift.service)) continue;
      ShiftMove& move = shift_moves.emplace_back(ShiftMove{shift.share, from, {}});
      for (std::size_t to = 0; to < specs.size(); ++to) {
        if (specs[to].category == shift.to_category && specs[to].service_index == specs[from].service_index) {
          move.to.push_back(to);
        }
      }
    }
  }
  forecast.years.reserve(static_cast<std::size_t>(to_year - base_year));

  double previous_sick_leave = base_sick_leave;
  std::vector<double> population_factor(parameters.services.size()), demand_base_scaled(specs.size()), demand;
  for (int year = base_year + 1; year <= to_year; ++year) {
    const double sick_leave = scenario.sick_leave.at(year, base_year);
    const double at_work = 1 - sick_leave;
    const double phased = phase(year, base_year, scenario.phase_in_until);
    const double productivity = std::pow(1 + scenario.productivity_per_year, -(year - base_year));

    // Demand: base × population factor, then the levers.
    for (std::size_t s = 0; s < parameters.services.size(); ++s) {
      const double users = service_users(parameters.services[s], population, population_year(year));
      population_factor[s] = base_users[s] > 0 ? users / base_users[s] : 1.0;
    }
    for (std::size_t g = 0; g < specs.size(); ++g) {
      demand_base_scaled[g] = states[g].base_demand * population_factor[specs[g].service_index];
    }
    demand = demand_base_scaled;
    for (const ShiftMove& move : shift_moves) {
      const double moved = demand_base_scaled[move.from] * move.share * phased;
      demand[move.from] -= moved;
      for (std::size_t to : move.to) demand[to] += moved;
    }
    for (std::size_t g = 0; g < specs.size(); ++g) {
      demand[g] *= (1 + states[g].staffing_change * phased) * productivity;
    }

    ForecastYear out;
    out.year = year;
    out.groups.reserve(specs.size());
    population_figures(out, year);
    for (std::size_t g = 0; g < specs.size(); ++g) {
      GroupState& state = states[g];
      const double turnover = state.turnover;
      const double size = scenario.position_size
                              ? scenario.position_size->at(year, base_year, state.base_average_size)
                              : state.base_average_size;

      // Exits during the year, at the age reached in it: the age-specific rate first, then
      // turnover among those who stay.
      double contracted_before = 0, retired = 0, quit = 0, raised = 0, persons_after = 0;
      // rate_at[-i] is the rate at the age the cohort at index i reaches this year.
      const double* rate_at = exit_by_age[state.exit_table].data() + (year - first_birth_year);
      double* persons = state.persons.data();
      double* fte = state.fte.data();
      const double stays = 1 - turnover;
      auto step = [&](std::size_t i) {
        const double exit_rate = rate_at[-static_cast<std::ptrdiff_t>(i)];
        const double before = fte[i];
        const double kept = before * (1 - exit_rate);
        contracted_before += before;
        retired += before * exit_rate;
        quit += kept * turnover;
        fte[i] = kept * stays;
        persons[i] *= (1 - exit_rate) * stays;
        persons_after += persons[i];
      };
      if (scenario.position_size) {
        // Position sizes: a cohort averaging less than the year's size is raised to it. Done in
        // the same pass; `raised` still sums the cohorts in order, so the result is the same as
        // a second pass.
        for (std::size_t i = state.first_used; i < state.end_used; ++i) {
          step(i);
          // max, not a branch the processor would mispredict: a cohort not raised adds
          // fte − fte = +0, which leaves the (non-negative) sum exactly as it was.
          const double raised_to = std::max(fte[i], persons[i] * size);
          raised += raised_to - fte[i];
          fte[i] = raised_to;
        }
      } else {
        for (std::size_t i = state.first_used; i < state.end_used; ++i) step(i);
      }
      // The oldest cohorts have left for good (their rate reached 1): skip them from now on.
      // An empty cohort adds exactly 0 to every sum, so this changes no figure.
      while (state.first_used < state.end_used && persons[state.first_used] == 0 && fte[state.first_used] == 0) {
        ++state.first_used;
      }
      const double contracted_after = contracted_before - retired - quit + raised;

      ForecastFigures figures;
      figures.demand_fte = demand[g];
      figures.supply_fte = contracted_after * at_work;
      figures.gap_fte = figures.demand_fte - figures.supply_fte;
      figures.need_fte = std::max(0.0, figures.gap_fte);
      figures.need_contracted_fte = figures.need_fte / at_work;
      figures.need_persons = size > 0 ? figures.need_contracted_fte / size : 0;
      figures.staff_persons = persons_after + figures.need_persons;

      NeedDecomposition& parts = figures.decomposition;
      parts.retirements = retired * at_work;
      parts.turnover = quit * at_work;
      parts.demand_growth = demand_base_scaled[g] - state.previous_demand_without_levers;
      parts.demand_levers = (demand[g] - demand_base_scaled[g]) - (state.previous_demand - state.previous_demand_without_levers);
      parts.supply_levers = -(contracted_before * (previous_sick_leave - sick_leave) + raised * at_work);
      parts.surplus = -(state.previous_supply_after_recruitment - state.previous_demand) + std::max(0.0, -figures.gap_fte);

      // Recruits join at the year's position size and the recruit age profile.
      if (figures.need_fte > 0) {
        const std::size_t first = index_of_birth_year(year - oldest_recruit_age);
        if (recruit_ages_unique) {
          const double need_persons = figures.need_persons, need_contracted = figures.need_contracted_fte;
          for (std::size_t k = 0; k < share_by_offset.size(); ++k) {
            persons[first + k] += need_persons * share_by_offset[k];
            fte[first + k] += need_contracted * share_by_offset[k];
          }
        } else {
          for (const auto& [age, share] : recruit_shares) {
            const std::size_t i = index_of_birth_year(year - age);
            persons[i] += figures.need_persons * share;
            fte[i] += figures.need_contracted_fte * share;
          }
        }
        state.first_used = std::min(state.first_used, first);
        state.end_used = std::max(state.end_used, index_of_birth_year(year - youngest_recruit_age) + 1);
      }
      state.previous_demand = demand[g];
      state.previous_demand_without_levers = demand_base_scaled[g];
      state.previous_supply_after_recruitment = figures.supply_fte + figures.need_fte;

      out.total += figures;
      out.groups.push_back(figures);
    }
    out.local_recruits = out.total.need_persons * (1 - scenario.outside_recruit_share);
    forecast.years.push_back(std::move(out));
    previous_sick_leave = sick_leave;
  }
  return forecast;
}

}  // namespace kompetent::forecast
