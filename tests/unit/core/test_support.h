// Shared by the breakdown and suppression tests: the Fauske organisation tree,
// group keys, and the one-dimension groupings both tests use.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "core/indicators/breakdown.h"
#include "core/org/org_tree.h"

namespace kompetent::test_support {

inline const Dimension kByMunicipality[] = {Dimension::municipality};
inline const Dimension kByUnit[] = {Dimension::unit};

// Fauske (or `number`) with two sectors: HO with the units FSH and HJT, OK with VSK.
inline OrgTree fauske_tree(const std::string& number = "1841") {
  auto tree = OrgTree::create(MunicipalityNumber{number},
                              {{"HO", "Helse og omsorg"}, {"OK", "Oppvekst og kultur"}},
                              {{"FSH", "Fauske sykehjem", "HO"},
                               {"HJT", "Hjemmetjenesten", "HO"},
                               {"VSK", "Vestmyra skole", "OK"}});
  EXPECT_TRUE(tree.ok());
  return tree.value();
}

inline GroupKey key(std::string municipality, std::string sector = "", std::string unit = "",
                    std::string category = "") {
  return {std::move(municipality), std::move(sector), std::move(unit), std::move(category)};
}

}  // namespace kompetent::test_support
