#include "io/reference/reference_files.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "io/reference/named_table.h"

namespace kompetent::io {
namespace {

std::optional<int> to_int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Official names list every language form: "Gáivuotna - Kåfjord - Kaivuono".
// Tables need one short name: the first form written without the letters only
// Sami uses (á č đ ŋ š ŧ ž), which is the bokmål form for our regions, or else
// the first form. The official name is kept beside it.
std::string display_name(const std::string& official) {
  std::vector<std::string> forms;
  std::size_t start = 0;
  while (true) {
    std::size_t dash = official.find(" - ", start);
    forms.push_back(official.substr(start, dash == std::string::npos ? dash : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 3;
  }
  for (const std::string& form : forms) {
    bool sami = false;
    for (const char* letter : {"á", "č", "đ", "ŋ", "š", "ŧ", "ž", "Á", "Č", "Đ", "Ŋ", "Š", "Ŧ", "Ž"}) {
      if (form.find(letter) != std::string::npos) sami = true;
    }
    if (!sami) return form;
  }
  return forms.front();
}

}  // namespace

Loaded<CategoryTable> load_categories(const std::filesystem::path& path) {
  Loaded<CategoryTable> out;
  const std::vector<std::string> columns{"kategori", "navn_nb", "navn_en", "forventet_utdanning",
                                         "pensjonsalder"};
  NamedTable table = read_named_table(path, columns);
  out.errors = table.errors;
  std::vector<PositionCategory> categories;
  std::set<std::string> keys;
  for (const NamedRow& row : table.rows) {
    const auto& v = row.values;
    PositionCategory c{v[0], v[1], v[2], EducationLevel::unknown, 67};
    if (c.key.empty()) out.errors.push_back({row.number, columns[0], "missing_value", ""});
    if (!keys.insert(c.key).second) out.errors.push_back({row.number, columns[0], "duplicate_value", v[0]});
    if (auto level = education_level_from_key(v[3])) {
      c.expected_education = *level;
    } else {
      out.errors.push_back({row.number, columns[3], "invalid_value", v[3]});
    }
    auto age = to_int(v[4]);
    if (!age || *age < 50 || *age > 80) {
      out.errors.push_back({row.number, columns[4], "invalid_value", v[4]});
    } else {
      c.retirement_age = *age;
    }
    categories.push_back(std::move(c));
  }
  out.value = CategoryTable(std::move(categories));
  return out;
}

Loaded<std::vector<PositionCode>> load_position_codes(const std::filesystem::path& path,
                                                      const CategoryTable& categories) {
  Loaded<std::vector<PositionCode>> out;
  const std::vector<std::string> required{"stillingskode", "kategori"};
  const std::vector<std::string> optional{"benevnelse", "kilde"};
  NamedTable table = read_named_table(path, required, optional);
  out.errors = table.errors;
  std::set<std::string> seen;
  for (const NamedRow& row : table.rows) {
    const auto& v = row.values;
    if (v[0].empty() || v[0].find(' ') != std::string::npos) {
      out.errors.push_back({row.number, required[0], v[0].empty() ? "missing_value" : "invalid_value", v[0]});
    } else if (!seen.insert(v[0]).second) {
      out.errors.push_back({row.number, required[0], "duplicate_value", v[0]});
    }
    if (!categories.find(v[1])) out.errors.push_back({row.number, required[1], "unknown_category", v[1]});
    out.value.push_back({v[0], v[1], v[2], v[3].empty() ? "lokal" : v[3]});
  }
  return out;
}

Loaded<std::vector<Municipality>> load_municipalities(const std::filesystem::path& path) {
  Loaded<std::vector<Municipality>> out;
  const std::vector<std::string> columns{"kommunenummer", "kommunenavn", "kommunenavn_offisiell",
                                         "fylkesnummer", "folkemengde_2026"};
  NamedTable table = read_named_table(path, columns);
  out.errors = table.errors;
  for (const NamedRow& row : table.rows) {
    const auto& v = row.values;
    if (!is_valid_municipality_number(v[0])) {
      out.errors.push_back({row.number, columns[0], "invalid_value", v[0]});
      continue;
    }
    Municipality m;
    m.number = MunicipalityNumber{v[0]};
    m.name = display_name(v[2].empty() ? v[1] : v[2]);
    m.official_name = v[2];
    m.county_number = v[3];
    m.population = to_int(v[4]).value_or(0);
    out.value.push_back(std::move(m));
  }
  return out;
}

Loaded<std::vector<Region>> load_regions(const std::filesystem::path& path) {
  Loaded<std::vector<Region>> out;
  const std::vector<std::string> columns{"region", "navn", "medlemmer"};
  NamedTable table = read_named_table(path, columns);
  out.errors = table.errors;
  for (const NamedRow& row : table.rows) {
    Region region{row.values[0], row.values[1], {}};
    for (const std::string& member : split_list(row.values[2])) {
      if (!is_valid_municipality_number(member)) {
        out.errors.push_back({row.number, columns[2], "invalid_value", member});
      }
      region.members.push_back(MunicipalityNumber{member});
    }
    out.value.push_back(std::move(region));
  }
  return out;
}

Loaded<OrgRows> load_org_units(const std::filesystem::path& path) {
  Loaded<OrgRows> out;
  const std::vector<std::string> columns{"Sektorkode", "Sektor", "Enhetskode", "Enhet"};
  NamedTable table = read_named_table(path, columns);
  out.errors = table.errors;
  for (const NamedRow& row : table.rows) {
    const auto& v = row.values;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (v[i].empty()) out.errors.push_back({row.number, columns[i], "missing_value", ""});
    }
    auto& sectors = out.value.sectors;
    auto it = std::find_if(sectors.begin(), sectors.end(), [&](const Sector& s) { return s.code == v[0]; });
    if (it == sectors.end()) {
      sectors.push_back({v[0], v[1]});
    } else if (it->name != v[1]) {
      out.errors.push_back({row.number, columns[1], "conflicting_value", v[1]});
    }
    out.value.units.push_back({v[2], v[3], v[0]});
  }
  return out;
}

}  // namespace kompetent::io
