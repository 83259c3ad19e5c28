#include "io/import/row_validator.h"

#include <algorithm>

#include "io/import/coded_values.h"
#include "io/import/text_match.h"
#include "io/text/norwegian_number.h"

namespace kompetent::io {
namespace {

// Collects the problems of one row; knows which header each field came from.
class RowChecker {
 public:
  RowChecker(const TableRow& row, const ColumnMap& columns, std::vector<ImportError>& errors)
      : row_(row), columns_(columns), errors_(errors), errors_before_(errors.size()) {}

  [[nodiscard]] bool has(Field field) const { return columns_.column(field).has_value(); }

  // The trimmed cell of `field`, or "" when the column is absent or the row short.
  [[nodiscard]] std::string_view cell(Field field) const {
    auto column = columns_.column(field);
    if (!column || *column >= row_.cells.size()) return {};
    return trim_view(row_.cells[*column]);
  }

  void problem(Field field, std::string code) {
    auto column = columns_.column(field);
    std::string header = column ? columns_.headers[*column]
                                : std::string(field_info(field).standard_header);
    errors_.push_back({row_.number, std::move(header), std::move(code), std::string(cell(field))});
  }

  // The cell of a required field, or a missing_value problem.
  std::optional<std::string_view> required(Field field) {
    std::string_view value = cell(field);
    if (value.empty()) {
      problem(field, "missing_value");
      return std::nullopt;
    }
    return value;
  }

  [[nodiscard]] bool ok() const { return errors_.size() == errors_before_; }

 private:
  const TableRow& row_;
  const ColumnMap& columns_;
  std::vector<ImportError>& errors_;
  std::size_t errors_before_;
};

// Characters, not bytes: "æøå" is three characters a user can count.
std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void check_lengths(RowChecker& check) {
  for (const FieldInfo& info : all_fields()) {
    std::size_t limit = info.field == Field::employee_id ? kMaxEmployeeIdLength : kMaxTextLength;
    if (utf8_length(check.cell(info.field)) > limit) check.problem(info.field, "value_too_long");
  }
}

// Resolves the category from the code, or from the title when there is no code.
std::string resolve_category(RowChecker& check, const ImportContext& context,
                             PositionRecord& record) {
  record.position_code = std::string(check.cell(Field::position_code));
  record.position_title = std::string(check.cell(Field::position_title));
  if (!record.position_code.empty()) {
    const PositionCode* code = context.codes.find(record.position_code);
    if (!code) {
      check.problem(Field::position_code, "unknown_position_code");
      return {};
    }
    if (record.position_title.empty()) record.position_title = code->title;
    return code->category;
  }
  if (!record.position_title.empty()) {
    std::string category = context.profile.category_for_title(record.position_title);
    if (category.empty()) check.problem(Field::position_title, "unknown_position_title");
    return category;
  }
  check.problem(check.has(Field::position_code) ? Field::position_code : Field::position_title,
                "missing_value");
  return {};
}

}  // namespace

bool looks_like_fodselsnummer(std::string_view value) noexcept {
  value = trim_view(value);
  if (value.size() == 12 && value[6] == ' ') {
    return std::all_of(value.begin(), value.begin() + 6, [](char c) { return c >= '0' && c <= '9'; }) &&
           std::all_of(value.begin() + 7, value.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  return value.size() == 11 &&
         std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<PositionRecord> validate_row(const TableRow& row, const ColumnMap& columns,
                                           const ImportContext& context,
                                           std::vector<ImportError>& errors) {
  RowChecker check(row, columns, errors);
  if (row.cells.size() > columns.headers.size()) {
    // The fields are shifted: anything further would be noise.
    errors.push_back({row.number, "", "wrong_field_count", ""});
    return std::nullopt;
  }
  check_lengths(check);
  if (!check.ok()) return std::nullopt;

  PositionRecord record;
  const int snapshot_year = year_of(context.snapshot_date);

  if (auto id = check.required(Field::employee_id)) {
    if (looks_like_fodselsnummer(*id)) {
      // Privacy: an employee id must be pseudonymous; never echo the value.
      errors.push_back({row.number, columns.headers[*columns.column(Field::employee_id)],
                        "personal_data_value", ""});
    }
    record.employee_id = std::string(*id);
  }
  record.position_number = std::string(check.cell(Field::position_number));

  if (auto unit = check.required(Field::unit)) {
    if (auto index = context.org.find_unit(*unit)) {
      record.unit_code = context.org.units()[*index].code;
    } else {
      check.problem(Field::unit, "unknown_unit");
    }
  }

  record.category = resolve_category(check, context, record);

  if (auto text = check.required(Field::position_percent)) {
    auto hundredths = parse_hundredths(*text);
    if (!hundredths) {
      check.problem(Field::position_percent, "invalid_number");
    } else if (*hundredths <= 0 || *hundredths > PositionPercent::kFullTime) {
      check.problem(Field::position_percent, "percent_out_of_range");
    } else {
      record.percent = PositionPercent{static_cast<std::int32_t>(*hundredths)};
    }
  }

  if (auto text = check.required(Field::birth_year)) {
    auto year = parse_whole_number(*text);
    if (!year || *year < 1000 || *year > 9999) {
      check.problem(Field::birth_year, "invalid_birth_year");
    } else {
      const int age = snapshot_year - static_cast<int>(*year);
      if (age < kMinAge || age > kMaxAge) {
        check.problem(Field::birth_year, "birth_year_out_of_range");
      } else {
        record.birth_year = static_cast<int>(*year);
      }
    }
  }

  if (auto gender = parse_gender(check.cell(Field::gender))) {
    record.gender = *gender;
  } else {
    check.problem(Field::gender, "invalid_value");
  }

  if (std::string_view text = check.cell(Field::start_date); !text.empty()) {
    auto date = parse_cell_date(text);
    if (!date) {
      check.problem(Field::start_date, "invalid_date");
    } else if (std::chrono::sys_days{*date} > std::chrono::sys_days{context.snapshot_date}) {
      check.problem(Field::start_date, "start_after_snapshot");
    } else {
      record.start_date = *date;
    }
  }

  if (auto type = parse_employment_type(check.cell(Field::employment_type))) {
    record.employment = *type;
  } else {
    check.problem(Field::employment_type, "invalid_value");
  }

  if (auto level = parse_education_level(check.cell(Field::education_level))) {
    record.education = *level;
  } else {
    check.problem(Field::education_level, "invalid_value");
  }

  if (auto relevant = parse_yes_no(check.cell(Field::relevant_education))) {
    record.relevant_education = *relevant;
  } else {
    check.problem(Field::relevant_education, "invalid_value");
  }

  if (std::string_view text = check.cell(Field::further_education_credits); !text.empty()) {
    auto credits = parse_whole_number(text);
    if (!credits) {
      // "7,5" is a number, just not a whole one: say so precisely.
      check.problem(Field::further_education_credits,
                    parse_decimal(text) ? "credits_out_of_range" : "invalid_number");
    } else if (*credits < 0 || *credits > kMaxFurtherEducationCredits) {
      check.problem(Field::further_education_credits, "credits_out_of_range");
    } else {
      record.further_education_credits = static_cast<int>(*credits);
    }
  }

  if (std::string_view text = check.cell(Field::certifications); !text.empty()) {
    if (auto certifications = parse_certifications(text)) {
      record.certifications = std::move(*certifications);
    } else {
      // The only way a list of names can be wrong is an expiry that is not a date.
      check.problem(Field::certifications, "invalid_date");
    }
  }

  if (!check.ok()) return std::nullopt;
  return record;
}

}  // namespace kompetent::io
