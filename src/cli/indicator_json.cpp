#include "cli/indicator_json.h"

namespace kompetent::cli {
namespace {

nlohmann::ordered_json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json to_json(const Share& share) {
  return {{"count", share.count}, {"total", share.total}, {"share", optional_number(share.value())}};
}

nlohmann::ordered_json to_json(const WorkforceIndicators& w, int snapshot_year) {
  nlohmann::ordered_json out;
  out["positions"] = w.positions;
  out["persons"] = w.persons;
  out["fte"] = w.fte();
  out["average_age"] = optional_number(w.average_age);
  nlohmann::ordered_json bands = nlohmann::ordered_json::object();
  for (int band = 0; band < kAgeBandCount; ++band) bands[age_band_label(band)] = w.age_bands[band];
  out["age_bands"] = bands;
  out["under_25"] = to_json(w.under_25);
  out["aged_50_plus"] = to_json(w.aged_50_plus);
  out["aged_60_plus"] = to_json(w.aged_60_plus);
  nlohmann::ordered_json retirements = nlohmann::ordered_json::array();
  for (int i = 0; i < kRetirementYears; ++i) {
    retirements.push_back({{"year", snapshot_year + 1 + i},
                           {"persons", w.retirements_by_year[i]},
                           {"fte", w.retirement_fte_hundredths_by_year[i] / 10000.0}});
  }
  out["retirements_by_year"] = retirements;
  out["part_time"] = to_json(w.part_time);
  out["average_position_percent"] = optional_number(w.average_position_percent);
  out["small_positions"] = to_json(w.small_positions);
  out["unskilled"] = to_json(w.unskilled);
  out["relevant_education"] = to_json(w.relevant_education);
  out["further_education"] = to_json(w.further_education);
  out["aged_50_plus_among_further_educated"] = to_json(w.aged_50_plus_among_further_educated);
  out["female"] = to_json(w.female);
  out["male"] = to_json(w.male);
  out["other_or_unknown_gender"] = to_json(w.other_or_unknown_gender);
  return out;
}

nlohmann::ordered_json to_json(const TurnoverIndicators& t) {
  return {{"persons_before", t.persons_before},
          {"persons_after", t.persons_after},
          {"joiners", t.joiners},
          {"leavers", t.leavers},
          {"turnover", to_json(t.turnover)}};
}

}  // namespace kompetent::cli
