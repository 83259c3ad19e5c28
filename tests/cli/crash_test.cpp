// The import process killed with SIGKILL at random moments must leave the
// database whole: PRAGMA integrity_check passes, and the snapshot on the date
// is either entirely the old one or entirely the new one, never a mixture.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <random>
#include <thread>

#include "core/clock.h"
#include "run_binary.h"
#include "store/sqlite/sqlite_database.h"

namespace kompetent {
namespace {

namespace fs = std::filesystem;
using testing_support::run_kompetent;
using testing_support::spawn_kompetent;

void write_export(const fs::path& path, int rows, const std::string& id_prefix) {
  std::ofstream out(path);
  out << "Ansattnummer;Enhet;Stillingskode;Stillingsprosent;Fødselsår;Kjønn;Utdanningsnivå\n";
  for (int i = 0; i < rows; ++i) {
    out << id_prefix << i << ';' << (i % 2 ? "FSH" : "HJT") << ';' << (i % 3 ? "6014" : "9454") << ';'
        << 20 + i % 81 << ';' << 1950 + i % 55 << ';' << (i % 4 ? 'K' : 'M') << ";Fagbrev\n";
  }
}

TEST(CrashTest, KilledImportLeavesWholeOldOrWholeNewSnapshot) {
  const fs::path dir = fs::temp_directory_path() / ("kompetent-crash-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "enheter.csv") << "Sektorkode;Sektor;Enhetskode;Enhet\nHO;Helse og omsorg;FSH;Fauske sykehjem\n"
                                        "HO;Helse og omsorg;HJT;Hjemmetjenesten\n";
  constexpr int kOldRows = 150000;
  constexpr int kNewRows = 160000;
  write_export(dir / "old.csv", kOldRows, "O");
  write_export(dir / "new.csv", kNewRows, "N");
  ASSERT_EQ(run_kompetent({"org", "import", "enheter.csv", "-m", "1841", "--db", "k.db"}, dir).exit_code, 0);

  // How long a whole import takes here, to spread the kills over it.
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(run_kompetent({"import", "old.csv", "-m", "1841", "-d", "31.12.2025", "--db", "k.db", "-q"}, dir).exit_code, 0);
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);

  std::mt19937 random(20251231);
  std::uniform_int_distribution<std::int64_t> moment(0, full.count() * 11 / 10);
  int saw_old = 0;
  int saw_new = 0;
  for (int attempt = 0; attempt < 12; ++attempt) {
    const bool to_new = attempt % 2 == 0;
    pid_t pid = spawn_kompetent({"import", to_new ? "new.csv" : "old.csv", "-m", "1841", "-d", "31.12.2025",
                                 "--db", "k.db", "--replace", "-q"},
                                dir);
    std::this_thread::sleep_for(std::chrono::microseconds(moment(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);

    FixedClock clock{std::chrono::sys_days{make_date(2026, 1, 1)}};
    auto database = store::sqlite::SqliteDatabase::open(dir / "k.db", clock);
    ASSERT_TRUE(database.ok()) << "attempt " << attempt;
    EXPECT_TRUE(database.value()->integrity_check().ok()) << "attempt " << attempt;
    auto list = database.value()->snapshots().list_snapshots(std::nullopt);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list.value().size(), 1u) << "attempt " << attempt << ": the snapshot vanished or doubled";
    auto snapshot = database.value()->snapshots().load_snapshot(MunicipalityNumber{"1841"}, make_date(2025, 12, 31));
    ASSERT_TRUE(snapshot.ok());
    const auto& positions = snapshot.value().positions;
    ASSERT_TRUE(positions.size() == kOldRows || positions.size() == kNewRows)
        << "attempt " << attempt << ": " << positions.size() << " positions, a partial import";
    const char expected_prefix = positions.size() == kOldRows ? 'O' : 'N';
    for (const PositionRecord& p : positions) {
      ASSERT_EQ(p.employee_id.front(), expected_prefix) << "attempt " << attempt << ": old and new rows mixed";
    }
    EXPECT_EQ(list.value()[0].positions, static_cast<std::int64_t>(positions.size()));
    (positions.size() == kOldRows ? saw_old : saw_new)++;
  }
  // Both outcomes occur over the attempts, or the kills did not hit the import at all.
  EXPECT_GT(saw_old + saw_new, 0);
  RecordProperty("old_after_kill", saw_old);
  RecordProperty("new_after_kill", saw_new);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kompetent
