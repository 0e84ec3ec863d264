// Cross-source evaluation on the two shipped provider histories (data/eta): each
// file is replayed as a page phare never saw, its provider left out of the built-in
// baseline. Prints the table; asserts the guarantees phare meets on both (see
// docs/eta.md for the target it does not meet yet: 20 % below the best baseline on aws).
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "base/json.h"
#include "eta/eval/eval_command.h"

namespace phare::eta {
namespace {

const std::vector<std::string> kFiles = {PHARE_ETA_DATA "/gcp-incidents.json",
                                         PHARE_ETA_DATA "/aws-incidents.json"};

TEST(EvalSourcesTest, CrossSourceBeatsTheBaselinesWithCalibratedIntervals) {
  std::ostringstream table, json, err;
  ASSERT_EQ(RunEvalCommand(kFiles, {.cross_source = true}, table, err), 0) << err.str();
  std::cout << table.str();
  ASSERT_EQ(RunEvalCommand(kFiles, {.json = true, .cross_source = true}, json, err), 0);
  auto doc = base::ParseJson(json.str());
  ASSERT_TRUE(doc.ok());
  const auto& sources = doc->as_object().at("sources").as_object();
  ASSERT_EQ(sources.size(), 2u);
  for (const auto& [name, source] : sources) {
    const auto& o = source.as_object();
    EXPECT_FALSE(o.at("baseline_excluded").as_array().empty()) << name;
    double phare = o.at("phare").as_object().at("log_mae").to_number<double>();
    double best = 1e9;
    for (const char* b : {"global_median", "category_median"}) {
      best = std::min(
          best, o.at("baselines").as_object().at(b).as_object().at("log_mae").to_number<double>());
    }
    double coverage = o.at("phare").as_object().at("coverage_p10_p90").to_number<double>();
    double under = o.at("phare").as_object().at("under_rate").to_number<double>();
    // The target is 20 %; met on gcp (−28.6 %), not on aws (−14.5 %): see
    // docs/eta.md. Coverage and under-rate meet their targets on both.
    EXPECT_LT(phare, 0.88 * best) << name << ": at least 12 % below the best baseline";
    EXPECT_GE(coverage, 0.75) << name;
    EXPECT_LE(coverage, 0.90) << name;
    EXPECT_LE(under, 0.25) << name;
  }
}

TEST(EvalSourcesTest, CrossSourceLeavesTheFilesProviderOutOfTheBaseline) {
  auto incidents = LoadIncidentHistory(kFiles[1]);
  ASSERT_TRUE(incidents.ok());
  auto excluded = ProviderSources(*incidents, "aws-incidents");
  EXPECT_NE(std::find(excluded.begin(), excluded.end(), "aws-incidents"), excluded.end());
  EXPECT_EQ(std::find(excluded.begin(), excluded.end(), "gcp-incidents"), excluded.end());
}

}  // namespace
}  // namespace phare::eta
