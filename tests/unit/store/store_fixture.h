// Shared by the store tests: a fresh database in its own temporary directory
// per test, a pinned clock, a municipality, and records with every field set.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "store/sqlite/sqlite_database.h"

namespace kompetent::store::testing {

using namespace std::chrono_literals;

// 2025-03-01T08:30:00Z.
inline constexpr std::chrono::sys_seconds kNow{std::chrono::sys_days{std::chrono::year{2025} /
                                                                      3 / 1} +
                                               8h + 30min};

// Fauske, the municipality the org and snapshot store tests write to.
inline const MunicipalityNumber kFauske{"1841"};

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "kompetent-store-XXXXXX");
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    path_ = directory_ / "kompetent.db";
    reopen();
  }
  void TearDown() override {
    database_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }

  void reopen() {
    database_.reset();
    auto opened = sqlite::SqliteDatabase::open(path_, clock_);
    ASSERT_TRUE(opened.ok()) << opened.error().code;
    database_ = std::move(opened).value();
  }

  Database& database() { return *database_; }
  SnapshotStore& snapshots() { return database_->snapshots(); }
  OrgStore& org() { return database_->org(); }
  ReferenceStore& reference() { return database_->reference(); }

  FixedClock clock_{kNow};
  std::filesystem::path directory_;
  std::filesystem::path path_;
  std::unique_ptr<sqlite::SqliteDatabase> database_;
};

// A record with every field set to something other than its default.
inline PositionRecord full_record(int n) {
  PositionRecord record;
  record.employee_id = "E" + std::to_string(n);
  record.position_number = "S" + std::to_string(n) + "-2";
  record.unit_code = n % 2 == 0 ? "FSH" : "HJS";
  record.position_code = "7174";
  record.position_title = "Helsefagarbeider, nattevakt – Fauske sjukeheim";
  record.category = "helsefagarbeider";
  record.percent = PositionPercent{7550};
  record.birth_year = 1960 + n % 40;
  record.gender = n % 3 == 0 ? Gender::other : Gender::female;
  record.start_date = make_date(2001, 2, 28);
  record.employment = EmploymentType::temporary;
  record.education = EducationLevel::trade_certificate;
  record.relevant_education = true;
  record.further_education_credits = 30;
  record.certifications = {{"Legemiddelhåndtering", make_date(2026, 12, 31)},
                           {"Førstehjelp (HLR) – Sámi: Giellagáldu", std::nullopt}};
  return record;
}

// Writes `records` as one committed snapshot; fails the test otherwise.
inline void write_snapshot(SnapshotStore& store, const std::string& municipality, Date date,
                           const std::vector<PositionRecord>& records, bool replace = false,
                           const std::string& source = "hr.csv") {
  auto writer = store.begin_snapshot(MunicipalityNumber{municipality}, date, replace, source);
  ASSERT_TRUE(writer.ok()) << writer.error().code;
  for (const PositionRecord& record : records) {
    auto added = writer.value()->add(record);
    ASSERT_TRUE(added.ok()) << added.error().code;
  }
  auto committed = writer.value()->commit();
  ASSERT_TRUE(committed.ok()) << committed.error().code;
}

}  // namespace kompetent::store::testing
