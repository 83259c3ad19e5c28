// Salten (and any region without published figures): every sector of the
// municipality, sized by population, each person drawn independently from the
// category profiles. Nothing is forced to a published value.
#pragma once

#include <cstdint>

#include "core/demo/demo_data.h"
#include "core/demo/org_templates.h"

namespace kompetent::demo {

// Municipal positions for a population: about one per 9–10 inhabitants, a
// little more in small municipalities, which run the same services for fewer
// people. Bodø (53 600) gives about 5 500.
[[nodiscard]] int positions_for_population(int population) noexcept;

// The health and care part of positions_for_population (about 40 %).
[[nodiscard]] int health_positions_for_population(int population) noexcept;

// Staff of one municipality as of kCurrentSnapshotDate, in sectors OK, HO, TPU
// and ADM. Its own random stream, so members do not depend on each other.
[[nodiscard]] MunicipalityStaff generate_all_sectors(const DemoMunicipality& municipality,
                                                     std::uint64_t seed);

}  // namespace kompetent::demo
