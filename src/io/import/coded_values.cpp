#include "io/import/coded_values.h"

#include <array>
#include <utility>

#include "io/import/text_match.h"

namespace kompetent::io {
namespace {

template <class T, std::size_t N>
std::optional<T> lookup(const std::array<std::pair<std::string_view, T>, N>& table,
                        std::string_view text) {
  const std::string key = fold_case(trim_view(text));
  for (const auto& [word, value] : table) {
    if (key == word) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, Gender>, 11> kGenders{{
    {"k", Gender::female}, {"kvinne", Gender::female}, {"f", Gender::female},
    {"m", Gender::male},   {"mann", Gender::male},     {"a", Gender::other},
    {"annet", Gender::other}, {"u", Gender::unknown},  {"ukjent", Gender::unknown},
    {"", Gender::unknown}, {"kvinnelig", Gender::female},
}};

constexpr std::array<std::pair<std::string_view, EmploymentType>, 8> kEmploymentTypes{{
    {"", EmploymentType::permanent},
    {"fast", EmploymentType::permanent},
    {"fast ansatt", EmploymentType::permanent},
    {"midlertidig", EmploymentType::temporary},
    {"midlertidig ansatt", EmploymentType::temporary},
    {"vikar", EmploymentType::temporary},
    {"engasjement", EmploymentType::temporary},
    {"tilkallingsvikar", EmploymentType::temporary},
}};

constexpr std::array<std::pair<std::string_view, EducationLevel>, 20> kEducationLevels{{
    {"", EducationLevel::unknown},
    {"ukjent", EducationLevel::unknown},
    {"ufaglært", EducationLevel::unskilled},
    {"ufaglaert", EducationLevel::unskilled},
    {"ingen", EducationLevel::unskilled},
    {"fagbrev", EducationLevel::trade_certificate},
    {"fagarbeider", EducationLevel::trade_certificate},
    {"videregående", EducationLevel::trade_certificate},
    {"videregaende", EducationLevel::trade_certificate},
    {"fagskole", EducationLevel::vocational_college},
    {"bachelor", EducationLevel::bachelor},
    {"høgskole", EducationLevel::bachelor},
    {"hogskole", EducationLevel::bachelor},
    {"cand.mag", EducationLevel::bachelor},
    {"master", EducationLevel::master_or_higher},
    {"master+", EducationLevel::master_or_higher},
    {"hovedfag", EducationLevel::master_or_higher},
    {"doktorgrad", EducationLevel::master_or_higher},
    {"ph.d.", EducationLevel::master_or_higher},
    {"phd", EducationLevel::master_or_higher},
}};

constexpr std::array<std::pair<std::string_view, bool>, 14> kYesNo{{
    {"ja", true},  {"j", true},  {"1", true},  {"x", true},    {"sann", true},  {"true", true},
    {"yes", true}, {"nei", false}, {"n", false}, {"0", false}, {"", false},     {"false", false},
    {"usann", false}, {"no", false},
}};

}  // namespace

std::optional<Gender> parse_gender(std::string_view text) { return lookup(kGenders, text); }

std::optional<EmploymentType> parse_employment_type(std::string_view text) {
  return lookup(kEmploymentTypes, text);
}

std::optional<EducationLevel> parse_education_level(std::string_view text) {
  return lookup(kEducationLevels, text);
}

std::optional<bool> parse_yes_no(std::string_view text) { return lookup(kYesNo, text); }

std::optional<Date> parse_cell_date(std::string_view text) {
  text = trim_view(text);
  if (auto d = parse_norwegian_date(text)) return d;
  return parse_iso_date(text);
}

std::optional<std::vector<Certification>> parse_certifications(std::string_view text) {
  std::vector<Certification> out;
  text = trim_view(text);
  while (!text.empty()) {
    std::size_t bar = text.find('|');
    std::string_view item = trim_view(text.substr(0, bar));
    text = bar == std::string_view::npos ? std::string_view{} : text.substr(bar + 1);
    if (item.empty()) continue;
    Certification certification;
    if (item.back() == ')') {
      std::size_t open = item.rfind('(');
      if (open == std::string_view::npos) return std::nullopt;
      auto date = parse_cell_date(item.substr(open + 1, item.size() - open - 2));
      if (!date) return std::nullopt;
      certification.expires = *date;
      item = trim_view(item.substr(0, open));
    }
    if (item.empty()) return std::nullopt;
    certification.name = std::string(item);
    out.push_back(std::move(certification));
  }
  return out;
}

}  // namespace kompetent::io
