#include "store/sqlite/position_block.h"

#include <limits>
#include <optional>

#include "store/sqlite/iso_date_text.h"
#include "store/sqlite/json_text.h"

namespace kompetent::store::sqlite {
namespace {

// The order of PositionBlockWriter::columns_.
enum Column : std::size_t {
  kEmployeeId,
  kPositionNumber,
  kUnitCode,
  kPositionCode,
  kPositionTitle,
  kCategory,
  kPercentHundredths,
  kBirthYear,
  kGender,
  kStartDate,
  kEmployment,
  kEducation,
  kRelevantEducation,
  kFurtherEducationCredits,
  kCertifications,
};

constexpr std::array<std::string_view, PositionBlockWriter::kColumnCount> kColumnNames = {
    "employee_id",
    "position_number",
    "unit_code",
    "position_code",
    "position_title",
    "category",
    "percent_hundredths",
    "birth_year",
    "gender",
    "start_date",
    "employment",
    "education",
    "relevant_education",
    "further_education_credits",
    "certifications",
};

void append_date(const std::optional<Date>& date, std::string& out) {
  if (!date) {
    out.append("null");
    return;
  }
  out.push_back('"');
  out.append(IsoDateText{*date}.view());
  out.push_back('"');
}

void append_certifications(const std::vector<Certification>& certifications, std::string& out) {
  out.push_back('[');
  for (std::size_t i = 0; i < certifications.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append("{\"name\":");
    append_json_string(certifications[i].name, out);
    if (certifications[i].expires) {
      out.append(",\"expires\":");
      append_date(certifications[i].expires, out);
    }
    out.push_back('}');
  }
  out.push_back(']');
}

// What read_position_block() needs besides the reader: scratch text reused
// for every key and enumeration, so reading allocates only the records.
struct BlockReader {
  JsonReader json;
  std::string scratch;

  bool take_date(std::optional<Date>& out) {
    if (json.take_null()) {
      out.reset();
      return true;
    }
    if (!json.take_string(scratch)) return false;
    out = parse_iso_date(scratch);
    return out.has_value();
  }

  template <class Enum>
  bool take_key(std::optional<Enum> (*from_key)(std::string_view) noexcept, Enum& out) {
    if (!json.take_string(scratch)) return false;
    const auto value = from_key(scratch);
    if (!value) return false;
    out = *value;
    return true;
  }

  template <class Integer>
  bool take_integer(Integer& out) {
    const auto value = json.take_integer();
    if (!value || *value < std::numeric_limits<Integer>::min() ||
        *value > std::numeric_limits<Integer>::max()) {
      return false;
    }
    out = static_cast<Integer>(*value);
    return true;
  }

  // One {"name": ..., "expires": ...}, keys in any order, "expires" optional.
  bool take_certification(Certification& out) {
    if (!json.take('{')) return false;
    bool has_name = false;
    bool has_expires = false;
    do {
      if (!json.take_string(scratch) || !json.take(':')) return false;
      if (scratch == "name" && !has_name) {
        if (!json.take_string(out.name)) return false;
        has_name = true;
      } else if (scratch == "expires" && !has_expires) {
        if (!take_date(out.expires)) return false;
        has_expires = true;
      } else {
        return false;  // an unknown or repeated key
      }
    } while (json.take(','));
    return has_name && json.take('}');
  }

  bool take_certifications(std::vector<Certification>& out) {
    out.clear();
    if (!json.take('[')) return false;
    if (json.take(']')) return true;
    do {
      if (!take_certification(out.emplace_back())) return false;
    } while (json.take(','));
    return json.take(']');
  }

  bool take_field(Column column, PositionRecord& record) {
    switch (column) {
      case kEmployeeId:
        return json.take_string(record.employee_id);
      case kPositionNumber:
        return json.take_string(record.position_number);
      case kUnitCode:
        return json.take_string(record.unit_code);
      case kPositionCode:
        return json.take_string(record.position_code);
      case kPositionTitle:
        return json.take_string(record.position_title);
      case kCategory:
        return json.take_string(record.category);
      case kPercentHundredths:
        return take_integer(record.percent.hundredths);
      case kBirthYear:
        return take_integer(record.birth_year);
      case kGender:
        return take_key(gender_from_key, record.gender);
      case kStartDate:
        return take_date(record.start_date);
      case kEmployment:
        return take_key(employment_type_from_key, record.employment);
      case kEducation:
        return take_key(education_level_from_key, record.education);
      case kRelevantEducation: {
        const auto value = json.take_boolean();
        if (!value) return false;
        record.relevant_education = *value;
        return true;
      }
      case kFurtherEducationCredits:
        return take_integer(record.further_education_credits);
      case kCertifications:
        return take_certifications(record.certifications);
    }
    return false;
  }
};

}  // namespace

void PositionBlockWriter::add(const PositionRecord& record) {
  if (size_ > 0) {
    for (std::string& column : columns_) column.push_back(',');
  }
  append_json_string(record.employee_id, columns_[kEmployeeId]);
  append_json_string(record.position_number, columns_[kPositionNumber]);
  append_json_string(record.unit_code, columns_[kUnitCode]);
  append_json_string(record.position_code, columns_[kPositionCode]);
  append_json_string(record.position_title, columns_[kPositionTitle]);
  append_json_string(record.category, columns_[kCategory]);
  append_json_integer(record.percent.hundredths, columns_[kPercentHundredths]);
  append_json_integer(record.birth_year, columns_[kBirthYear]);
  append_json_string(to_key(record.gender), columns_[kGender]);
  append_date(record.start_date, columns_[kStartDate]);
  append_json_string(to_key(record.employment), columns_[kEmployment]);
  append_json_string(to_key(record.education), columns_[kEducation]);
  columns_[kRelevantEducation].append(record.relevant_education ? "true" : "false");
  append_json_integer(record.further_education_credits, columns_[kFurtherEducationCredits]);
  append_certifications(record.certifications, columns_[kCertifications]);
  ++size_;
}

std::string_view PositionBlockWriter::text() {
  text_.clear();
  text_.push_back('{');
  for (std::size_t column = 0; column < kColumnCount; ++column) {
    if (column > 0) text_.push_back(',');
    text_.push_back('"');
    text_.append(kColumnNames[column]);
    text_.append("\":[");
    text_.append(columns_[column]);
    text_.push_back(']');
  }
  text_.push_back('}');
  return text_;
}

void PositionBlockWriter::clear() noexcept {
  for (std::string& column : columns_) column.clear();
  size_ = 0;
}

bool read_position_block(std::string_view text, std::int64_t count,
                         std::vector<PositionRecord>& out) {
  // Each record takes at least one byte in every column: a larger count is a
  // damaged row, and must not make us allocate for it.
  if (count < 0 || static_cast<std::uint64_t>(count) > text.size()) return false;
  const std::size_t first = out.size();
  out.resize(first + static_cast<std::size_t>(count));

  BlockReader reader{JsonReader{text}, {}};
  std::array<bool, PositionBlockWriter::kColumnCount> seen{};
  if (!reader.json.take('{')) return false;
  do {
    if (!reader.json.take_string(reader.scratch) || !reader.json.take(':')) return false;
    std::size_t column = 0;
    while (column < kColumnNames.size() && kColumnNames[column] != reader.scratch) ++column;
    if (column == kColumnNames.size() || seen[column]) return false;
    seen[column] = true;
    if (!reader.json.take('[')) return false;
    for (std::size_t i = first; i < out.size(); ++i) {
      if (i > first && !reader.json.take(',')) return false;
      if (!reader.take_field(static_cast<Column>(column), out[i])) return false;
    }
    if (!reader.json.take(']')) return false;
  } while (reader.json.take(','));
  if (!reader.json.take('}') || !reader.json.at_end()) return false;
  for (const bool column_seen : seen) {
    if (!column_seen) return false;
  }
  return true;
}

}  // namespace kompetent::store::sqlite
