// A forecast as a workbook (GET /forecast/export): the assumptions, the totals per year, the
// groups per year and the cumulative need, in the request's language. Withheld groups are
// empty cells, which the writers show as ":" (docs/privacy.md, "Forecasts").
#pragma once

#include "api/forecast_request.h"
#include "core/i18n/message_catalogue.h"
#include "io/export/table_export.h"

namespace kompetent::api {

// Sheets Forutsetninger, År, Grupper and Kumulativt (the contract's names; headings and
// explanations in the messages' language). The CSV export is the Grupper sheet.
[[nodiscard]] io::ExportWorkbook forecast_workbook(const ForecastAnswer& answer,
                                                   const MessageCatalogue& messages);
inline constexpr std::size_t kForecastGroupsSheet = 2;

}  // namespace kompetent::api
