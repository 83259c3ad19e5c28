#include "app/forecast_setup.h"

#include "io/reference/forecast_parameters.h"

namespace kompetent::app {

Result<ForecastSetup> load_forecast_setup(const std::filesystem::path& data_dir,
                                          const CategoryTable& categories) {
  const auto dir = data_dir / "forecast";
  auto services = io::load_forecast_services(dir / "services.csv", categories);
  if (!services.ok()) {
    const auto& e = services.errors.front();
    return Error::invalid("forecast_parameters_invalid",
                          {"services.csv", std::to_string(e.row), e.column, e.code, e.value});
  }
  auto exit_rates = io::load_exit_rates(dir / "exit_rates.csv", categories);
  if (!exit_rates.ok()) {
    const auto& e = exit_rates.errors.front();
    return Error::invalid("forecast_parameters_invalid",
                          {"exit_rates.csv", std::to_string(e.row), e.column, e.code, e.value});
  }
  ForecastSetup setup;
  setup.services = std::move(services.value);
  setup.parameters.services = setup.services.services();
  for (const PositionCategory& category : categories.all()) {
    if (auto curve = exit_rates.value.curve_for(category.key, category.retirement_age)) {
      setup.parameters.exit_curves[category.key] = *curve;
    }
  }
  setup.categories = categories;
  return setup;
}

std::vector<std::string> category_keys_of(const ForecastSetup& setup) {
  std::vector<std::string> keys;
  for (const PositionCategory& category : setup.categories.all()) keys.push_back(category.key);
  return keys;
}

std::vector<std::string> service_keys_of(const ForecastSetup& setup) {
  std::vector<std::string> keys;
  for (const forecast::Service& service : setup.services.services()) keys.push_back(service.key);
  return keys;
}

}  // namespace kompetent::app
