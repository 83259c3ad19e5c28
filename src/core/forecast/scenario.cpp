#include "core/forecast/scenario.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace kompetent::forecast {
namespace {

// Ranges wide enough for any plausible plan, narrow enough to catch a percent typed where a
// fraction belongs (8 instead of 0.08).
constexpr double kMaxProductivity = 0.05;
constexpr double kMinStaffingChange = -0.5;
constexpr double kMaxStaffingChange = 1.0;
constexpr double kMaxTurnover = 0.5;
constexpr double kMinPositionSize = 0.1;
constexpr double kMaxSickLeave = 0.5;
constexpr double kMaxRetirementShift = 5;
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

std::string text_of(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

Status in_range(const std::string& lever, double value, double low, double high) {
  if (!std::isfinite(value) || value < low || value > high) {
    return Error::invalid("scenario_value_out_of_range", {lever, text_of(value)});
  }
  return ok_status();
}

Status year_in_range(const std::string& lever, int year) {
  return in_range(lever, year, kFirstYear, kLastYear);
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  std::string copy(text);
  std::replace(copy.begin(), copy.end(), ',', '.');  // a Norwegian decimal comma
  auto [end, ec] = std::from_chars(copy.data(), copy.data() + copy.size(), value);
  if (ec != std::errc() || end != copy.data() + copy.size() || copy.empty()) return std::nullopt;
  return value;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (true) {
    const std::size_t at = text.find(separator);
    parts.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

double YearPath::at(int year, int base_year) const noexcept {
  if (year >= to_year || to_year <= base_year) return to;
  if (year <= base_year) return from;
  const double progress = static_cast<double>(year - base_year) / static_cast<double>(to_year - base_year);
  return from + (to - from) * progress;
}

Status validate(const Scenario& scenario, const std::vector<std::string>& categories,
                const std::vector<std::string>& services) {
  std::vector<Status> checks{
      in_range("productivity_per_year", scenario.productivity_per_year, -kMaxProductivity, kMaxProductivity),
      in_range("staffing_change", scenario.staffing_change.default_value, kMinStaffingChange, kMaxStaffingChange),
      year_in_range("phase_in_until", scenario.phase_in_until),
      in_range("turnover", scenario.turnover.default_value, 0, kMaxTurnover),
      in_range("sick_leave.from", scenario.sick_leave.from, 0, kMaxSickLeave),
      in_range("sick_leave.to", scenario.sick_leave.to, 0, kMaxSickLeave),
      year_in_range("sick_leave.to_year", scenario.sick_leave.to_year),
      in_range("retirement_age_shift", scenario.retirement_age_shift, -kMaxRetirementShift, kMaxRetirementShift),
      in_range("outside_recruit_share", scenario.outside_recruit_share, 0, 1),
  };
  if (scenario.position_size) {
    checks.push_back(in_range("position_size", scenario.position_size->to, kMinPositionSize, 1));
    checks.push_back(year_in_range("position_size.to_year", scenario.position_size->to_year));
  }
  for (const Status& check : checks) {
    if (!check.ok()) return check;
  }
  for (const auto& [service, value] : scenario.staffing_change.by_key) {
    if (!contains(services, service)) return Error::invalid("unknown_service", {service});
    if (auto s = in_range("staffing_change." + service, value, kMinStaffingChange, kMaxStaffingChange); !s.ok()) return s;
  }
  for (const auto& [category, value] : scenario.turnover.by_key) {
    if (!contains(categories, category)) return Error::invalid("unknown_category", {category});
    if (auto s = in_range("turnover." + category, value, 0, kMaxTurnover); !s.ok()) return s;
  }
  for (const TaskShift& shift : scenario.task_shifts) {
    for (const std::string* category : {&shift.from_category, &shift.to_category}) {
      if (!contains(categories, *category)) return Error::invalid("unknown_category", {*category});
    }
    if (!shift.service.empty() && !contains(services, shift.service)) {
      return Error::invalid("unknown_service", {shift.service});
    }
    if (shift.from_category == shift.to_category) {
      return Error::invalid("task_shift_same_category", {"task_shift", shift.from_category});
    }
    if (auto s = in_range("task_shift", shift.share, 0, 1); !s.ok()) return s;
  }
  // The shares moved out of one category (in one service) must leave something to move.
  for (const std::string& service : services) {
    for (const std::string& category : categories) {
      double moved = 0;
      for (const TaskShift& shift : scenario.task_shifts) {
        if (shift.from_category == category && (shift.service.empty() || shift.service == service)) {
          moved += shift.share;
        }
      }
      if (moved > 1 + 1e-12) return Error::invalid("task_shift_over_100_percent", {category});
    }
  }
  return ok_status();
}

Status set_lever(Scenario& scenario, const std::string& lever, const std::string& value) {
  const std::size_t dot = lever.find('.');
  const std::string head = lever.substr(0, dot);
  const std::string key = dot == std::string::npos ? "" : lever.substr(dot + 1);
  auto bad_value = [&] { return Error::invalid("invalid_lever_value", {lever, value}); };

  if (lever == "name") {
    scenario.name = value;
    return ok_status();
  }
  if (lever == "population") {
    if (value == "main" || value == "MMMM") scenario.population = PopulationAlternative::main;
    else if (value == "low" || value == "LLML") scenario.population = PopulationAlternative::low;
    else if (value == "high" || value == "HHMH") scenario.population = PopulationAlternative::high;
    else return bad_value();
    return ok_status();
  }
  if (lever == "task_shift") {  // from:to:share[:service]
    const std::vector<std::string> parts = split(value, ':');
    if (parts.size() < 3 || parts.size() > 4) return bad_value();
    const auto share = parse_number(parts[2]);
    if (!share) return bad_value();
    scenario.task_shifts.push_back({parts[0], parts[1], *share, parts.size() == 4 ? parts[3] : ""});
    return ok_status();
  }
  const auto number = parse_number(value);
  if (!number) return bad_value();
  const double v = *number;
  auto whole_year = [&](int& target) -> Status {
    if (v != std::floor(v) || std::abs(v) > 1e6) return bad_value();
    target = static_cast<int>(v);
    return ok_status();
  };
  if (lever == "productivity_per_year") scenario.productivity_per_year = v;
  else if (lever == "staffing_change") scenario.staffing_change.default_value = v;
  else if (head == "staffing_change" && !key.empty()) scenario.staffing_change.by_key[key] = v;
  else if (lever == "phase_in_until") return whole_year(scenario.phase_in_until);
  else if (lever == "turnover") scenario.turnover.default_value = v;
  else if (head == "turnover" && !key.empty()) scenario.turnover.by_key[key] = v;
  else if (lever == "position_size" || lever == "position_size.to") {
    if (!scenario.position_size) scenario.position_size = PositionSizeTarget{};
    scenario.position_size->to = v;
  } else if (lever == "position_size.to_year") {
    if (!scenario.position_size) scenario.position_size = PositionSizeTarget{};
    return whole_year(scenario.position_size->to_year);
  } else if (lever == "sick_leave") scenario.sick_leave.from = scenario.sick_leave.to = v;
  else if (lever == "sick_leave.from") scenario.sick_leave.from = v;
  else if (lever == "sick_leave.to") scenario.sick_leave.to = v;
  else if (lever == "sick_leave.to_year") return whole_year(scenario.sick_leave.to_year);
  else if (lever == "retirement_age_shift") scenario.retirement_age_shift = v;
  else if (lever == "outside_recruit_share") scenario.outside_recruit_share = v;
  else return Error::invalid("unknown_lever", {lever});
  return ok_status();
}

std::vector<std::pair<std::string, std::string>> levers_of(const Scenario& scenario) {
  std::vector<std::pair<std::string, std::string>> levers;
  auto add = [&](std::string lever, double value) { levers.emplace_back(std::move(lever), text_of(value)); };
  add("productivity_per_year", scenario.productivity_per_year);
  add("staffing_change", scenario.staffing_change.default_value);
  for (const auto& [service, value] : scenario.staffing_change.by_key) add("staffing_change." + service, value);
  add("phase_in_until", scenario.phase_in_until);
  levers.emplace_back("population", scenario.population == PopulationAlternative::low    ? "low"
                                    : scenario.population == PopulationAlternative::high ? "high"
                                                                                         : "main");
  add("turnover", scenario.turnover.default_value);
  for (const auto& [category, value] : scenario.turnover.by_key) add("turnover." + category, value);
  if (scenario.position_size) {
    add("position_size", scenario.position_size->to);
    add("position_size.to_year", scenario.position_size->to_year);
  }
  add("sick_leave.from", scenario.sick_leave.from);
  add("sick_leave.to", scenario.sick_leave.to);
  add("sick_leave.to_year", scenario.sick_leave.to_year);
  add("retirement_age_shift", scenario.retirement_age_shift);
  add("outside_recruit_share", scenario.outside_recruit_share);
  for (const TaskShift& shift : scenario.task_shifts) {
    std::string text = shift.from_category + ":" + shift.to_category + ":" + text_of(shift.share);
    if (!shift.service.empty()) text += ":" + shift.service;
    levers.emplace_back("task_shift", std::move(text));
  }
  return levers;
}

std::vector<LeverRange> lever_ranges() {
  return {
      {"productivity_per_year", -kMaxProductivity, kMaxProductivity},
      {"staffing_change", kMinStaffingChange, kMaxStaffingChange},
      {"phase_in_until", kFirstYear, kLastYear},
      {"turnover", 0, kMaxTurnover},
      {"position_size", kMinPositionSize, 1},
      {"position_size.to_year", kFirstYear, kLastYear},
      {"sick_leave.from", 0, kMaxSickLeave},
      {"sick_leave.to", 0, kMaxSickLeave},
      {"sick_leave.to_year", kFirstYear, kLastYear},
      {"retirement_age_shift", -kMaxRetirementShift, kMaxRetirementShift},
      {"outside_recruit_share", 0, 1},
      {"task_shift", 0, 1},
  };
}

}  // namespace kompetent::forecast
