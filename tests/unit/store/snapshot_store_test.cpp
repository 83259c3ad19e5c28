#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

const MunicipalityNumber kBodo{"1804"};
constexpr Date kYearEnd = make_date(2025, 12, 31);

using SnapshotStoreTest = StoreTest;

TEST_F(SnapshotStoreTest, RoundTripsEveryField) {
  PositionRecord sparse;  // defaults: empty strings, no dates, no certifications
  sparse.employee_id = "Ø-1";
  PositionRecord unicode = full_record(7);
  unicode.employee_id = "ÆØÅ-æøå-ŋđčšžá-😀";
  unicode.position_title = "Sykepleier \"natt\"; 'spesial' \\ tab\there";
  unicode.percent = PositionPercent{PositionPercent::kFullTime};
  unicode.gender = Gender::male;
  unicode.employment = EmploymentType::permanent;
  unicode.education = EducationLevel::master_or_higher;
  unicode.relevant_education = false;
  unicode.birth_year = 1958;
  PositionRecord unknown = full_record(2);
  unknown.gender = Gender::unknown;
  unknown.education = EducationLevel::unknown;
  unknown.start_date = std::nullopt;
  unknown.certifications = {{"", std::nullopt}, {"A", make_date(1999, 1, 1)}};
  const std::vector<PositionRecord> records = {full_record(1), sparse, unicode, unknown,
                                               full_record(3)};
  write_snapshot(snapshots(), "1841", kYearEnd, records);

  reopen();  // read from the file, not from anything cached in the connection
  auto loaded = snapshots().load_snapshot(kFauske, kYearEnd);
  ASSERT_TRUE(loaded.ok()) << loaded.error().code;
  EXPECT_EQ(loaded.value(), (Snapshot{kFauske, kYearEnd, records}));
}

TEST_F(SnapshotStoreTest, EmptySnapshotRoundTrips) {
  write_snapshot(snapshots(), "1841", kYearEnd, {});
  auto loaded = snapshots().load_snapshot(kFauske, kYearEnd);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded.value().positions.empty());
}

TEST_F(SnapshotStoreTest, MissingSnapshotIsNotFound) {
  auto loaded = snapshots().load_snapshot(kFauske, kYearEnd);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error(), Error::not_found("snapshot_not_found", {"1841", "2025-12-31"}));
}

TEST_F(SnapshotStoreTest, ExistingSnapshotConflictsWithoutReplace) {
  write_snapshot(snapshots(), "1841", kYearEnd, {full_record(1)});
  auto writer = snapshots().begin_snapshot(kFauske, kYearEnd, false, "again.csv");
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error(), Error::conflict("snapshot_exists", {"1841", "2025-12-31"}));
  // The refused attempt left no transaction open behind it.
  write_snapshot(snapshots(), "1841", make_date(2024, 12, 31), {full_record(2)});
}

TEST_F(SnapshotStoreTest, ReplaceSwapsTheSnapshotOnCommit) {
  write_snapshot(snapshots(), "1841", kYearEnd, {full_record(1), full_record(2)});
  write_snapshot(snapshots(), "1841", kYearEnd, {full_record(3)}, /*replace=*/true, "new.csv");
  auto loaded = snapshots().load_snapshot(kFauske, kYearEnd);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value().positions, std::vector<PositionRecord>{full_record(3)});
  auto listed = snapshots().list_snapshots(kFauske);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed.value().size(), 1u);
  EXPECT_EQ(listed.value()[0].source, "new.csv");
  EXPECT_EQ(listed.value()[0].positions, 1);
  EXPECT_TRUE(database().integrity_check().ok());
}

TEST_F(SnapshotStoreTest, ReplaceWithoutAnOldSnapshotJustWrites) {
  write_snapshot(snapshots(), "1841", kYearEnd, {full_record(1)}, /*replace=*/true);
  EXPECT_TRUE(snapshots().load_snapshot(kFauske, kYearEnd).ok());
}

TEST_F(SnapshotStoreTest, UncommittedWriterRollsBackAndKeepsTheOldSnapshot) {
  const std::vector<PositionRecord> old_records = {full_record(1), full_record(2)};
  write_snapshot(snapshots(), "1841", kYearEnd, old_records);
  {
    auto writer = snapshots().begin_snapshot(kFauske, kYearEnd, /*replace=*/true, "bad.csv");
    ASSERT_TRUE(writer.ok());
    for (int n = 10; n < 1000; ++n) ASSERT_TRUE(writer.value()->add(full_record(n)).ok());
  }  // destroyed without commit(): as if the import had failed half-way

  auto loaded = snapshots().load_snapshot(kFauske, kYearEnd);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value().positions, old_records);
  auto listed = snapshots().list_snapshots(std::nullopt);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed.value().size(), 1u);
  EXPECT_EQ(listed.value()[0].source, "hr.csv");
  EXPECT_TRUE(database().integrity_check().ok());  // also: no stray positions rows

  // A new snapshot that never committed leaves nothing at all.
  {
    auto writer = snapshots().begin_snapshot(kBodo, kYearEnd, false, "x.csv");
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer.value()->add(full_record(1)).ok());
  }
  EXPECT_FALSE(snapshots().load_snapshot(kBodo, kYearEnd).ok());
}

TEST_F(SnapshotStoreTest, OtherCallsWaitForTheOpenWriter) {
  auto writer = snapshots().begin_snapshot(kFauske, kYearEnd, false, "hr.csv");
  ASSERT_TRUE(writer.ok());
  auto listed = snapshots().list_snapshots(std::nullopt);
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.error().code, "write_in_progress");
  EXPECT_FALSE(snapshots().begin_snapshot(kBodo, kYearEnd, false, "b.csv").ok());
  ASSERT_TRUE(writer.value()->commit().ok());
  EXPECT_TRUE(snapshots().list_snapshots(std::nullopt).ok());
  // A committed writer is spent, and destroying it late does not disturb a newer one.
  EXPECT_EQ(writer.value()->add(full_record(1)).error().code, "writer_finished");
  EXPECT_EQ(writer.value()->commit().error().code, "writer_finished");
  auto second = snapshots().begin_snapshot(kBodo, kYearEnd, false, "b.csv");
  ASSERT_TRUE(second.ok());
  writer.value().reset();
  EXPECT_EQ(snapshots().list_snapshots(std::nullopt).error().code, "write_in_progress");
}

TEST_F(SnapshotStoreTest, ListsByMunicipalityThenDate) {
  write_snapshot(snapshots(), "1841", make_date(2025, 12, 31), {full_record(1)});
  write_snapshot(snapshots(), "1804", make_date(2025, 6, 30), {});
  write_snapshot(snapshots(), "1841", make_date(2023, 12, 31), {full_record(1), full_record(2)});
  write_snapshot(snapshots(), "1804", make_date(2024, 12, 31), {}, false, "demo");

  auto all = snapshots().list_snapshots(std::nullopt);
  ASSERT_TRUE(all.ok());
  const std::vector<SnapshotInfo> expected = {
      {kBodo, make_date(2024, 12, 31), 0, "demo", "2025-03-01T08:30:00Z"},
      {kBodo, make_date(2025, 6, 30), 0, "hr.csv", "2025-03-01T08:30:00Z"},
      {kFauske, make_date(2023, 12, 31), 2, "hr.csv", "2025-03-01T08:30:00Z"},
      {kFauske, make_date(2025, 12, 31), 1, "hr.csv", "2025-03-01T08:30:00Z"},
  };
  EXPECT_EQ(all.value(), expected);

  auto fauske = snapshots().list_snapshots(kFauske);
  ASSERT_TRUE(fauske.ok());
  EXPECT_EQ(fauske.value(), (std::vector<SnapshotInfo>{expected[2], expected[3]}));
}

TEST_F(SnapshotStoreTest, LatestDateIsTheNewestOrNone) {
  auto none = snapshots().latest_snapshot_date(kFauske);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none.value(), std::nullopt);
  write_snapshot(snapshots(), "1841", make_date(2025, 6, 30), {});
  write_snapshot(snapshots(), "1841", make_date(2024, 12, 31), {});
  write_snapshot(snapshots(), "1804", make_date(2026, 1, 1), {});
  auto latest = snapshots().latest_snapshot_date(kFauske);
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest.value(), make_date(2025, 6, 30));
}

TEST_F(SnapshotStoreTest, DeleteRemovesTheSnapshotAndItsRows) {
  write_snapshot(snapshots(), "1841", kYearEnd, {full_record(1), full_record(2)});
  write_snapshot(snapshots(), "1841", make_date(2024, 12, 31), {full_record(3)});
  ASSERT_TRUE(snapshots().delete_snapshot(kFauske, kYearEnd).ok());
  EXPECT_EQ(snapshots().load_snapshot(kFauske, kYearEnd).error().code, "snapshot_not_found");
  EXPECT_TRUE(snapshots().load_snapshot(kFauske, make_date(2024, 12, 31)).ok());
  EXPECT_EQ(snapshots().delete_snapshot(kFauske, kYearEnd).error(),
            Error::not_found("snapshot_not_found", {"1841", "2025-12-31"}));
  EXPECT_TRUE(database().integrity_check().ok());
}

TEST_F(SnapshotStoreTest, RefusesAnInvalidMunicipalityNumber) {
  auto writer = snapshots().begin_snapshot(MunicipalityNumber{"18"}, kYearEnd, false, "x");
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error(), Error::invalid("invalid_municipality_number", {"18"}));
}

// Streams rows through one writer and checks they all come back. The row count
// can be raised to time a full-size import:
//   KOMPETENT_STORE_ROWS=500000 build-release/tests/store_test --gtest_filter='*Streamed*'
TEST_F(SnapshotStoreTest, StreamedWriteOfManyRows) {
  int rows = 100'000;
  if (const char* override_rows = std::getenv("KOMPETENT_STORE_ROWS")) {
    rows = std::atoi(override_rows);
  }
  PositionRecord record = full_record(1);
  record.certifications.resize(1);  // about what an HR export carries per row

  const auto start = std::chrono::steady_clock::now();
  auto writer = snapshots().begin_snapshot(kFauske, kYearEnd, false, "big.csv");
  ASSERT_TRUE(writer.ok());
  for (int n = 0; n < rows; ++n) {
    record.employee_id = std::to_string(100000 + n);
    ASSERT_TRUE(writer.value()->add(record).ok());
  }
  ASSERT_TRUE(writer.value()->commit().ok());
  const auto written = std::chrono::steady_clock::now();
  auto loaded = snapshots().load_snapshot(kFauske, kYearEnd);
  const auto read = std::chrono::steady_clock::now();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded.value().positions.size(), static_cast<std::size_t>(rows));
  EXPECT_EQ(loaded.value().positions.back().employee_id, std::to_string(100000 + rows - 1));
  EXPECT_EQ(loaded.value().positions.back().certifications, record.certifications);

  ASSERT_TRUE(snapshots().delete_snapshot(kFauske, kYearEnd).ok());
  const auto deleted = std::chrono::steady_clock::now();
  using ms = std::chrono::milliseconds;
  std::cout << rows << " rows: write+commit "
            << std::chrono::duration_cast<ms>(written - start).count() << " ms, load "
            << std::chrono::duration_cast<ms>(read - written).count() << " ms, delete "
            << std::chrono::duration_cast<ms>(deleted - read).count() << " ms\n";
}

}  // namespace
}  // namespace kompetent::store::testing
