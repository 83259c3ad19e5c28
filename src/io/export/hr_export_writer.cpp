#include "io/export/hr_export_writer.h"

#include <cstdio>

#include "io/export/csv_writer.h"

namespace kompetent::io {
namespace {

std::string percent_text(PositionPercent percent) {
  const int whole = percent.hundredths / 100;
  const int fraction = percent.hundredths % 100;
  if (fraction == 0) return std::to_string(whole);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%d,%02d", whole, fraction);
  std::string text = buffer;
  if (text.back() == '0') text.pop_back();
  return text;
}

}  // namespace

std::string_view export_text(Gender gender) noexcept {
  switch (gender) {
    case Gender::female: return "K";
    case Gender::male: return "M";
    case Gender::other: return "A";
    case Gender::unknown: return "";
  }
  return "";
}

std::string_view export_text(EducationLevel level) noexcept {
  switch (level) {
    case EducationLevel::unknown: return "";
    case EducationLevel::unskilled: return "Ufaglært";
    case EducationLevel::trade_certificate: return "Fagbrev";
    case EducationLevel::vocational_college: return "Fagskole";
    case EducationLevel::bachelor: return "Bachelor";
    case EducationLevel::master_or_higher: return "Master";
  }
  return "";
}

const std::vector<std::string>& hr_export_headers() {
  static const std::vector<std::string> headers{
      "Ansattnummer", "Arbeidsforhold", "Enhet", "Stillingskode", "Stillingstittel",
      "Stillingsprosent", "Fødselsår", "Kjønn", "Ansatt dato", "Ansettelsesform",
      "Utdanningsnivå", "Relevant utdanning", "Videreutdanning studiepoeng", "Sertifiseringer"};
  return headers;
}

namespace {

std::string certifications_text(const std::vector<Certification>& certifications) {
  std::string text;
  for (const Certification& c : certifications) {
    if (!text.empty()) text += " | ";
    text += c.name;
    if (c.expires) text += " (" + to_norwegian(*c.expires) + ")";
  }
  return text;
}

}  // namespace

Status write_hr_export_csv(const std::filesystem::path& path,
                           std::span<const PositionRecord> positions) {
  auto writer = CsvWriter::open(path);
  if (!writer.ok()) return writer.error();
  CsvWriter& out = writer.value();
  out.row(hr_export_headers());
  for (const PositionRecord& p : positions) {
    out.row({p.employee_id, p.position_number, p.unit_code, p.position_code, p.position_title,
             percent_text(p.percent), std::to_string(p.birth_year), std::string(export_text(p.gender)),
             p.start_date ? to_norwegian(*p.start_date) : "",
             p.employment == EmploymentType::permanent ? "Fast" : "Midlertidig",
             std::string(export_text(p.education)), p.relevant_education ? "Ja" : "Nei",
             std::to_string(p.further_education_credits), certifications_text(p.certifications)});
  }
  if (!out.good()) return Error::io("file_not_writable", {path.string()});
  return ok_status();
}

Status write_org_csv(const std::filesystem::path& path, const OrgTree& tree) {
  auto writer = CsvWriter::open(path);
  if (!writer.ok()) return writer.error();
  CsvWriter& out = writer.value();
  out.row({"Sektorkode", "Sektor", "Enhetskode", "Enhet"});
  for (const Unit& unit : tree.units()) {
    const Sector* sector = tree.find_sector(unit.sector_code);
    out.row({unit.sector_code, sector ? sector->name : "", unit.code, unit.name});
  }
  if (!out.good()) return Error::io("file_not_writable", {path.string()});
  return ok_status();
}

}  // namespace kompetent::io
