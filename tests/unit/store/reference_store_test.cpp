#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kompetent::store::testing {
namespace {

const PositionCategory kNurse{"sykepleier", "Sykepleier", "Nurse", EducationLevel::bachelor, 67};
const PositionCategory kHealthWorker{"helsefagarbeider", "Helsefagarbeider", "Health worker",
                                     EducationLevel::trade_certificate, 65};
const PositionCode kCode{"7174", "helsefagarbeider", "Helsefagarbeider", "KS 2024"};
const PositionCode kLocal{"L-01", "sykepleier", "Spesialsykepleier – nattevakt", "lokal"};

using ReferenceStoreTest = StoreTest;

TEST_F(ReferenceStoreTest, CategoriesUpsertAndListByKey) {
  ASSERT_TRUE(reference().upsert_category(kNurse).ok());
  ASSERT_TRUE(reference().upsert_category(kHealthWorker).ok());
  PositionCategory later_retirement = kNurse;
  later_retirement.retirement_age = 70;
  later_retirement.name_en = "Registered nurse";
  ASSERT_TRUE(reference().upsert_category(later_retirement).ok());
  reopen();
  auto categories = reference().categories();
  ASSERT_TRUE(categories.ok());
  EXPECT_EQ(categories.value().all(),
            (std::vector<PositionCategory>{kHealthWorker, later_retirement}));
}

TEST_F(ReferenceStoreTest, CategoryInUseCannotBeDeleted) {
  ASSERT_TRUE(reference().upsert_category(kHealthWorker).ok());
  ASSERT_TRUE(reference().upsert_position_code(kCode).ok());
  EXPECT_EQ(reference().delete_category("helsefagarbeider").error(),
            Error::conflict("category_in_use", {"helsefagarbeider"}));
  // Updating a category that codes reference keeps them.
  ASSERT_TRUE(reference().upsert_category(kHealthWorker).ok());
  ASSERT_TRUE(reference().delete_position_code("7174").ok());
  EXPECT_TRUE(reference().delete_category("helsefagarbeider").ok());
  EXPECT_EQ(reference().delete_category("helsefagarbeider").error(),
            Error::not_found("category_not_found", {"helsefagarbeider"}));
}

TEST_F(ReferenceStoreTest, PositionCodesCrud) {
  ASSERT_TRUE(reference().upsert_category(kNurse).ok());
  ASSERT_TRUE(reference().upsert_category(kHealthWorker).ok());
  ASSERT_TRUE(reference().upsert_position_code(kLocal).ok());
  ASSERT_TRUE(reference().upsert_position_code(kCode).ok());
  PositionCode moved = kLocal;
  moved.category = "helsefagarbeider";
  ASSERT_TRUE(reference().upsert_position_code(moved).ok());

  auto codes = reference().position_codes();
  ASSERT_TRUE(codes.ok());
  EXPECT_EQ(codes.value().all(), (std::vector<PositionCode>{kCode, moved}));

  ASSERT_TRUE(reference().delete_position_code("7174").ok());
  EXPECT_EQ(reference().delete_position_code("7174").error(),
            Error::not_found("position_code_not_found", {"7174"}));
  codes = reference().position_codes();
  ASSERT_TRUE(codes.ok());
  EXPECT_EQ(codes.value().all(), std::vector<PositionCode>{moved});
}

TEST_F(ReferenceStoreTest, PositionCodeNeedsAKnownCategory) {
  auto saved = reference().upsert_position_code(kCode);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error(), Error::conflict("unknown_category", {"helsefagarbeider"}));
  auto codes = reference().position_codes();
  ASSERT_TRUE(codes.ok());
  EXPECT_TRUE(codes.value().all().empty());
}

TEST_F(ReferenceStoreTest, ProfilesCrudKeepsTheTextExactly) {
  const std::string visma = R"({"columns": {"Stillingsprosent": "position_percent"}, "sep": ";"})";
  const std::string gat = "{\n  \"navn\": \"GAT – turnus\",\n  \"tom\": \"\"\n}\n";
  ASSERT_TRUE(reference().save_profile("visma", visma).ok());
  ASSERT_TRUE(reference().save_profile("gat", "{}").ok());
  ASSERT_TRUE(reference().save_profile("gat", gat).ok());
  reopen();

  auto names = reference().profile_names();
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names.value(), (std::vector<std::string>{"gat", "visma"}));
  auto loaded = reference().load_profile("gat");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value(), gat);

  ASSERT_TRUE(reference().delete_profile("gat").ok());
  EXPECT_EQ(reference().load_profile("gat").error(), Error::not_found("profile_not_found", {"gat"}));
  EXPECT_EQ(reference().delete_profile("gat").error(),
            Error::not_found("profile_not_found", {"gat"}));
  EXPECT_EQ(reference().save_profile("", "{}").error().code, "invalid_profile_name");
}

}  // namespace
}  // namespace kompetent::store::testing
