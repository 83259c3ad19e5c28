#include "core/demo/org_templates.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdio>

#include "core/demo/apportion.h"

namespace kompetent::demo {
namespace {

struct CategoryWeight {
  std::string_view category;
  int weight = 0;
};

// A kind of unit. '#' in the name is the place: the municipality when there is
// one unit of the kind, else a name from kPlaceNames.
struct UnitTemplate {
  std::string_view code;     // unit code; "SH", or "SH01", "SH02", ... when several
  std::string_view name;     // e.g. "# sykehjem"
  int share_per_mille = 0;   // of the sector's positions
  int typical_size = 0;      // positions per unit; decides how many units
  int max_units = 1;
  int min_size = 3;          // below this the kind has no unit of its own
  std::array<CategoryWeight, 5> categories{};  // of the positions that are not leaders
};

struct SectorTemplate {
  std::string_view code;
  std::string_view name;
  std::span<const UnitTemplate> units;  // the first kind absorbs kinds too small for a unit
};

// Health and care: nursing homes and home care are the bulk (seed 003 names
// sykehjem, hjemmetjeneste, omsorgsboliger; the unskilled are in the first
// three). Same kinds in Nord-Troms and Salten.
constexpr UnitTemplate kHealthUnits[] = {
    {"SH", "# sykehjem", 380, 60, 20, 3,
     {{{"helsefagarbeider", 45}, {"sykepleier", 20}, {"assistent", 20},
       {"fagarbeider", 6}, {"spesialsykepleier", 4}}}},
    {"HT", "Hjemmetjenesten #", 270, 45, 20, 3,
     {{{"helsefagarbeider", 42}, {"sykepleier", 22}, {"assistent", 18},
       {"spesialsykepleier", 5}, {"terapeut", 3}}}},
    {"BO", "Bofellesskap og omsorgsboliger #", 140, 25, 20, 3,
     {{{"helsefagarbeider", 35}, {"assistent", 35}, {"vernepleier", 25}, {"sykepleier", 5}, {}}}},
    {"PR", "Psykisk helse og rus #", 50, 15, 8, 4,
     {{{"sykepleier", 30}, {"spesialsykepleier", 30}, {"vernepleier", 20},
       {"helsefagarbeider", 10}, {"terapeut", 10}}}},
    {"LK", "# legekontor", 70, 20, 10, 4,
     {{{"lege", 45}, {"kontormedarbeider", 30}, {"sykepleier", 20}, {"helsefagarbeider", 5}, {}}}},
    {"HS", "Helsestasjon #", 40, 12, 6, 3,
     {{{"spesialsykepleier", 70}, {"lege", 10}, {"terapeut", 10}, {"kontormedarbeider", 10}, {}}}},
    {"FE", "Fysio- og ergoterapi #", 30, 12, 4, 3,
     {{{"terapeut", 90}, {"helsefagarbeider", 10}, {}, {}, {}}}},
    {"TK", "Tildelingskontoret", 20, 10, 1, 3,
     {{{"kontormedarbeider", 50}, {"sykepleier", 30}, {"vernepleier", 20}, {}, {}}}},
};

constexpr UnitTemplate kEducationUnits[] = {
    {"SK", "# skole", 550, 40, 30, 3,
     {{{"laerer", 68}, {"assistent", 17}, {"barne_ungdomsarbeider", 15}, {}, {}}}},
    {"BH", "# barnehage", 380, 20, 40, 3,
     {{{"barnehagelaerer", 40}, {"barne_ungdomsarbeider", 30}, {"assistent", 30}, {}, {}}}},
    {"KU", "# kulturskole", 40, 15, 1, 4, {{{"laerer", 100}, {}, {}, {}, {}}}},
    {"OA", "Oppvekstkontoret", 30, 10, 1, 3,
     {{{"saksbehandler", 60}, {"kontormedarbeider", 40}, {}, {}, {}}}},
};

constexpr UnitTemplate kTechnicalUnits[] = {
    {"ED", "Eiendomsdrift #", 350, 30, 6, 3,
     {{{"fagarbeider", 90}, {"ingenior", 10}, {}, {}, {}}}},
    {"VVA", "Vei, vann og avløp #", 300, 25, 4, 3,
     {{{"fagarbeider", 60}, {"ingenior", 40}, {}, {}, {}}}},
    {"PB", "Plan og byggesak", 150, 15, 1, 3,
     {{{"saksbehandler", 50}, {"ingenior", 50}, {}, {}, {}}}},
    {"BR", "Brann og redning", 120, 20, 1, 4,
     {{{"fagarbeider", 90}, {"ingenior", 10}, {}, {}, {}}}},
    {"LM", "Landbruk og miljø", 80, 8, 1, 3, {{{"saksbehandler", 100}, {}, {}, {}, {}}}},
};

constexpr UnitTemplate kAdministrationUnits[] = {
    {"KD", "Kommunedirektørens stab", 200, 20, 1, 3,
     {{{"saksbehandler", 70}, {"kontormedarbeider", 30}, {}, {}, {}}}},
    {"OKO", "Økonomi", 250, 25, 1, 3,
     {{{"saksbehandler", 60}, {"kontormedarbeider", 40}, {}, {}, {}}}},
    {"PO", "Personal og organisasjon", 200, 20, 1, 3,
     {{{"saksbehandler", 70}, {"kontormedarbeider", 30}, {}, {}, {}}}},
    {"ST", "Servicetorg og dokumentsenter", 200, 20, 1, 3,
     {{{"kontormedarbeider", 85}, {"saksbehandler", 15}, {}, {}, {}}}},
    {"IKT", "IKT", 150, 15, 1, 3, {{{"saksbehandler", 100}, {}, {}, {}, {}}}},
};

constexpr SectorTemplate kSectors[] = {
    {kOppvekst, "Oppvekst og kultur", kEducationUnits},
    {kHelseOmsorg, "Helse og omsorg", kHealthUnits},
    {kTeknisk, "Teknisk, plan og utvikling", kTechnicalUnits},
    {kAdministrasjon, "Administrasjon og stab", kAdministrationUnits},
};

// Invented, generic Norwegian place names for districts, so no demo unit
// pretends to be a real one. At least as many as any max_units.
constexpr std::string_view kPlaceNames[] = {
    "Sentrum",   "Nordsia",    "Sørsia",    "Vestsia",   "Østsia",    "Fjellheim", "Strandheim",
    "Haugen",    "Moen",       "Lia",       "Solheim",   "Bakken",    "Elvebakken", "Skogly",
    "Vollen",    "Berget",     "Nesset",    "Vika",      "Øya",       "Holmen",    "Tangen",
    "Dalen",     "Furulund",   "Bjørkly",   "Granly",    "Lyngheim",  "Solbakken", "Fagerlund",
    "Lykkebo",   "Engvoll",    "Fjordgløtt", "Kvitstein", "Myrvoll",   "Rypeheia",  "Havblikk",
    "Nordlys",   "Sjøbakken",  "Furuheim",  "Tunet",     "Lunden",
};

// Leaders per unit: one, plus one more for every 50 further positions.
constexpr int kPositionsPerLeader = 50;

// Unit sizes vary by ±20 % around an even split, so units of a kind differ.
constexpr int kUnitSizeWeightLow = 80;
constexpr int kUnitSizeWeightHigh = 120;

static_assert(std::size(kPlaceNames) >= 40, "BH may have 40 units");

const SectorTemplate* find_sector_template(std::string_view code) {
  for (const SectorTemplate& sector : kSectors) {
    if (sector.code == code) return &sector;
  }
  return nullptr;
}

std::string unit_name(std::string_view pattern, std::string_view place) {
  std::string name(pattern);
  if (auto hash = name.find('#'); hash != std::string::npos) name.replace(hash, 1, place);
  return name;
}

std::string numbered_code(std::string_view code, int number) {
  char digits[8];
  std::snprintf(digits, sizeof digits, "%02d", number);
  return std::string(code) + digits;
}

}  // namespace

std::string place_name_of(const DemoMunicipality& municipality) {
  // 5540's names are Sami–Norwegian–Kven; units are named in Norwegian.
  if (municipality.number.digits == "5540") return "Kåfjord";
  std::string name = municipality.name;
  if (auto cut = name.find(" - "); cut != std::string::npos) name.resize(cut);
  if (auto cut = name.find('-'); cut != std::string::npos) name.resize(cut);
  return name.empty() ? municipality.number.digits : name;
}

MunicipalityPlan plan_municipality(const DemoMunicipality& municipality,
                                   std::span<const SectorStaff> sectors, DemoRng& rng) {
  MunicipalityPlan plan{municipality, {}, {}};
  const std::string place = place_name_of(municipality);
  std::vector<Sector> tree_sectors;
  std::vector<Unit> tree_units;

  for (const SectorStaff& staff : sectors) {
    const SectorTemplate* sector = find_sector_template(staff.sector_code);
    assert(sector != nullptr);
    if (sector == nullptr || staff.positions <= 0) continue;
    tree_sectors.push_back({std::string(sector->code), std::string(sector->name)});

    std::vector<int> shares;
    for (const UnitTemplate& kind : sector->units) shares.push_back(kind.share_per_mille);
    std::vector<int> per_kind = apportion(staff.positions, shares);
    for (std::size_t k = 1; k < per_kind.size(); ++k) {
      if (per_kind[k] < sector->units[k].min_size) {
        per_kind[0] += per_kind[k];
        per_kind[k] = 0;
      }
    }

    for (std::size_t k = 0; k < per_kind.size(); ++k) {
      if (per_kind[k] == 0) continue;
      const UnitTemplate& kind = sector->units[k];
      const int wanted = (per_kind[k] + kind.typical_size / 2) / kind.typical_size;
      const int unit_count = std::clamp(wanted, 1, std::min(kind.max_units, per_kind[k]));
      std::vector<int> size_weights;
      for (int u = 0; u < unit_count; ++u) {
        size_weights.push_back(rng.between(kUnitSizeWeightLow, kUnitSizeWeightHigh));
      }
      std::vector<int> sizes = apportion(per_kind[k], size_weights);

      std::vector<int> category_weights;
      for (const CategoryWeight& entry : kind.categories) category_weights.push_back(entry.weight);

      for (int u = 0; u < unit_count; ++u) {
        const bool several = unit_count > 1;
        std::string code = several ? numbered_code(kind.code, u + 1) : std::string(kind.code);
        std::string name = unit_name(kind.name, several ? kPlaceNames[u] : std::string_view(place));
        tree_units.push_back({code, name, std::string(sector->code)});

        const int size = sizes[static_cast<std::size_t>(u)];
        const int leaders = std::min(size, 1 + (size - 1) / kPositionsPerLeader);
        for (int i = 0; i < leaders; ++i) {
          plan.slots.push_back({code, tree_units.back().sector_code, "leder"});
        }
        std::vector<int> per_category = apportion(size - leaders, category_weights);
        for (std::size_t c = 0; c < per_category.size(); ++c) {
          for (int i = 0; i < per_category[c]; ++i) {
            plan.slots.push_back({code, tree_units.back().sector_code,
                                  std::string(kind.categories[c].category)});
          }
        }
      }
    }
  }

  auto tree = OrgTree::create(municipality.number, std::move(tree_sectors), std::move(tree_units));
  // The templates give unique codes, so this only fails on a programming mistake.
  assert(tree.ok());
  if (tree.ok()) plan.tree = std::move(tree).value();
  return plan;
}

}  // namespace kompetent::demo
