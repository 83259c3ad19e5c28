#include "io/reference/scenario_json.h"

#include <charconv>

namespace kompetent::io {

Status apply_levers(forecast::Scenario& scenario, const nlohmann::json& levers) {
  if (!levers.is_object()) return Error::invalid("invalid_scenario");
  for (const auto& [lever, value] : levers.items()) {
    std::vector<std::string> texts;
    if (value.is_array()) {
      for (const auto& item : value) texts.push_back(item.is_string() ? item.get<std::string>() : item.dump());
    } else {
      texts.push_back(value.is_string() ? value.get<std::string>() : value.dump());
    }
    for (const std::string& text : texts) {
      if (auto set = forecast::set_lever(scenario, lever, text); !set.ok()) return set;
    }
  }
  return ok_status();
}

nlohmann::ordered_json levers_json(const forecast::Scenario& scenario) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  nlohmann::ordered_json shifts = nlohmann::ordered_json::array();
  for (const auto& [lever, text] : forecast::levers_of(scenario)) {
    if (lever == "task_shift") {
      shifts.push_back(text);
      continue;
    }
    double number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec == std::errc() && end == text.data() + text.size()) {
      object[lever] = number;
    } else {
      object[lever] = text;
    }
  }
  if (!shifts.empty()) object["task_shift"] = shifts;
  return object;
}

}  // namespace kompetent::io
