#include "core/demo/category_profiles.h"

#include <cassert>

namespace kompetent::demo {
namespace {

using enum EducationLevel;

// Shares are rounded guesses from the seeds (003 chapter 3: health and care is
// mostly women, mostly part-time, specialist nurses and leaders have the most
// further education, the unskilled groups are old) and from KS's
// arbeidsgivermonitor pattern (teachers and engineers mostly full-time). Ages
// per region come from the region's age profile, not from this table.
//
//  key                     title                      ret min  fem   50+  part unsk  fu.ed temp  education
constexpr CategoryProfile kProfiles[] = {
    {"helsefagarbeider", "Helsefagarbeider", 65, 19, 900, 444, 800, 60, 60, 120,
     {{{trade_certificate, 90}, {vocational_college, 10}, {}}}},
    {"sykepleier", "Sykepleier", 65, 23, 900, 300, 650, 0, 280, 80,
     {{{bachelor, 95}, {master_or_higher, 5}, {}}}},
    {"spesialsykepleier", "Spesialsykepleier", 65, 27, 920, 350, 450, 0, kAlways, 40,
     {{{bachelor, 70}, {master_or_higher, 30}, {}}}},
    {"vernepleier", "Vernepleier", 67, 23, 850, 300, 600, 0, 250, 80,
     {{{bachelor, 95}, {master_or_higher, 5}, {}}}},
    {"assistent", "Assistent", 67, 19, 800, 480, 850, kAlways, 0, 250, {}},
    {"leder", "Enhetsleder", 67, 30, 750, 350, 50, 0, 850, 20,
     {{{bachelor, 60}, {master_or_higher, 30}, {trade_certificate, 10}}}},
    {"terapeut", "Fysioterapeut", 67, 24, 750, 300, 400, 0, 250, 60,
     {{{bachelor, 80}, {master_or_higher, 20}, {}}}},
    {"lege", "Lege", 67, 27, 500, 300, 200, 0, 50, 100, {{{master_or_higher, 100}, {}, {}}}},
    {"fagarbeider", "Fagarbeider", 67, 19, 300, 450, 500, 50, 30, 80,
     {{{trade_certificate, 90}, {vocational_college, 10}, {}}}},
    {"kontormedarbeider", "Kontormedarbeider", 67, 19, 900, 500, 500, 50, 30, 80,
     {{{trade_certificate, 70}, {vocational_college, 15}, {bachelor, 15}}}},
    {"laerer", "Lærer", 67, 23, 750, 380, 300, 0, 300, 100,
     {{{bachelor, 50}, {master_or_higher, 50}, {}}}},
    {"barnehagelaerer", "Barnehagelærer", 67, 23, 920, 300, 250, 0, 250, 80,
     {{{bachelor, 90}, {master_or_higher, 10}, {}}}},
    {"barne_ungdomsarbeider", "Barne- og ungdomsarbeider", 67, 19, 850, 350, 550, 80, 50, 120,
     {{{trade_certificate, 95}, {vocational_college, 5}, {}}}},
    {"ingenior", "Ingeniør", 67, 23, 250, 380, 80, 0, 150, 50,
     {{{bachelor, 70}, {master_or_higher, 30}, {}}}},
    {"saksbehandler", "Rådgiver", 67, 24, 600, 400, 120, 0, 200, 60,
     {{{bachelor, 50}, {master_or_higher, 50}, {}}}},
};

}  // namespace

std::span<const CategoryProfile> category_profiles() noexcept { return kProfiles; }

const CategoryProfile& category_profile(std::string_view key) noexcept {
  for (const CategoryProfile& profile : kProfiles) {
    if (profile.key == key) return profile;
  }
  assert(false && "demo category without a profile");
  return kProfiles[4];  // assistent
}

}  // namespace kompetent::demo
