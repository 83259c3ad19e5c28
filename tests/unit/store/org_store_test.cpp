#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

OrgTree make_tree(std::vector<Sector> sectors, std::vector<Unit> units,
                  MunicipalityNumber municipality = kFauske) {
  auto tree = OrgTree::create(std::move(municipality), std::move(sectors), std::move(units));
  EXPECT_TRUE(tree.ok());
  return tree.ok() ? tree.value() : OrgTree{};
}

const Sector kHealth{"HO", "Helse og omsorg"};
const Sector kSchool{"OPP", "Oppvekst – skule og barnehage"};
const Unit kNursingHome{"FSH", "Fauske sykehjem", "HO"};
const Unit kHomeCare{"HJS", "Hjemmetjenesten Sørfold/Fauske", "HO"};
const Unit kSchoolUnit{"VSK", "Vestmyra skole", "OPP"};

using OrgStoreTest = StoreTest;

TEST_F(OrgStoreTest, UnregisteredMunicipalityHasAnEmptyTree) {
  auto loaded = org().load_org(kFauske);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value().municipality(), kFauske);
  EXPECT_TRUE(loaded.value().sectors().empty());
  EXPECT_TRUE(loaded.value().units().empty());
}

TEST_F(OrgStoreTest, RoundTripsInSavedOrder) {
  // Not in code order, to see that the saved order is kept.
  const OrgTree tree = make_tree({kSchool, kHealth}, {kSchoolUnit, kNursingHome, kHomeCare});
  ASSERT_TRUE(org().save_org(tree).ok());
  ASSERT_TRUE(org().save_org(make_tree({kHealth}, {kNursingHome}, MunicipalityNumber{"1804"})).ok());
  reopen();
  auto loaded = org().load_org(kFauske);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value(), tree);
}

TEST_F(OrgStoreTest, SaveReplacesNamesAndDropsUnreferencedCodes) {
  ASSERT_TRUE(org().save_org(make_tree({kHealth, kSchool}, {kNursingHome, kHomeCare, kSchoolUnit})).ok());
  const Unit renamed{"FSH", "Fauske omsorgssenter", "HO"};
  const OrgTree smaller = make_tree({kHealth}, {renamed});
  ASSERT_TRUE(org().save_org(smaller).ok());
  auto loaded = org().load_org(kFauske);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value(), smaller);
}

TEST_F(OrgStoreTest, KeepsUnitsThatStoredSnapshotsReference) {
  ASSERT_TRUE(org().save_org(make_tree({kHealth, kSchool}, {kNursingHome, kHomeCare, kSchoolUnit})).ok());
  PositionRecord teacher = full_record(1);
  teacher.unit_code = "VSK";
  write_snapshot(snapshots(), "1841", make_date(2024, 12, 31), {teacher});

  // Vestmyra closes; its sector goes too, but the 2024 snapshot still names it.
  ASSERT_TRUE(org().save_org(make_tree({kHealth}, {kNursingHome})).ok());
  auto loaded = org().load_org(kFauske);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value(), make_tree({kHealth, kSchool}, {kNursingHome, kSchoolUnit}));

  // Once the snapshot is gone, so is the unit.
  ASSERT_TRUE(snapshots().delete_snapshot(kFauske, make_date(2024, 12, 31)).ok());
  ASSERT_TRUE(org().save_org(make_tree({kHealth}, {kNursingHome})).ok());
  loaded = org().load_org(kFauske);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value(), make_tree({kHealth}, {kNursingHome}));
  EXPECT_TRUE(database().integrity_check().ok());
}

TEST_F(OrgStoreTest, RefusesATreeWithoutAValidMunicipality) {
  auto saved = org().save_org(OrgTree{});
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, "invalid_municipality_number");
}

}  // namespace
}  // namespace kompetent::store::testing
