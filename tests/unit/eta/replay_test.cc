#include "eta/eval/replay.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/json.h"
#include "eta/eval/eval_command.h"

namespace phare::eta {
namespace {

// Three Statuspage v2 incidents, the last one still open.
constexpr const char* kStatuspage = R"({"incidents": [
  {"id": "a", "name": "Packet loss in Paris", "impact": "major",
   "created_at": "2024-01-01T10:00:00Z", "resolved_at": "2024-01-01T12:00:00Z",
   "incident_updates": [
     {"status": "resolved", "body": "Fixed.", "created_at": "2024-01-01T12:00:00Z"},
     {"status": "identified", "body": "Next update in 30 minutes.", "created_at": "2024-01-01T11:00:00Z"},
     {"status": "investigating", "body": "Looking.", "created_at": "2024-01-01T10:00:00Z"}]},
  {"id": "b", "name": "Router failure in Paris", "impact": "critical",
   "created_at": "2024-01-02T10:00:00Z", "resolved_at": "2024-01-02T15:00:00Z",
   "incident_updates": [
     {"status": "investigating", "body": "Looking.", "created_at": "2024-01-02T10:05:00Z"},
     {"status": "identified", "body": "Should be resolved within 2 hours.",
      "created_at": "2024-01-02T12:00:00Z"},
     {"status": "resolved", "body": "Fixed.", "created_at": "2024-01-02T15:00:00Z"}]},
  {"id": "c", "name": "Slow API", "impact": "minor", "created_at": "2024-01-03T10:00:00Z",
   "incident_updates": [
     {"status": "investigating", "body": "Looking.", "created_at": "2024-01-03T10:00:00Z"}]}
]})";

TEST(IncidentHistoryTest, ReadsStatuspageIncidents) {
  auto incidents = ParseIncidentHistory(kStatuspage, "test");
  ASSERT_TRUE(incidents.ok()) << incidents.status().ToString();
  ASSERT_EQ(incidents->size(), 3u);
  const ReplayIncident& a = (*incidents)[0];
  EXPECT_EQ(a.cause, "network");
  EXPECT_EQ(a.impact, model::Impact::kMajor);
  ASSERT_EQ(a.updates.size(), 3u);
  EXPECT_LT(a.updates[0].at, a.updates[1].at);  // oldest first
  EXPECT_TRUE(a.updates[2].closes);
  EXPECT_FALSE((*incidents)[2].resolved_at);
}

TEST(IncidentHistoryTest, ReadsTheCloudFormatAndOneIncidentPerFile) {
  auto cloud = ParseIncidentHistory(
      R"([{"id": "x", "begin": "2022-06-16T08:11:00+00:00", "end": "2022-06-16T09:44:00+00:00",
           "external_desc": "Networking packet loss", "status_impact": "SERVICE_OUTAGE",
           "updates": [{"when": "2022-06-16T09:46:00+00:00", "status": "AVAILABLE", "text": "ok"},
                       {"when": "2022-06-16T09:46:00+00:00", "status": "SERVICE_OUTAGE",
                        "text": "Looking"}]}])",
      "cloud");
  ASSERT_TRUE(cloud.ok()) << cloud.status().ToString();
  EXPECT_EQ((*cloud)[0].impact, model::Impact::kCritical);
  EXPECT_EQ((*cloud)[0].cause, "network");
  auto single = ParseIncidentHistory(
      R"({"id": "s", "name": "x", "created_at": "2024-01-01T10:00:00Z"})", "one");
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->size(), 1u);
  auto bad = ParseIncidentHistory(R"([{"id": "s", "name": "x"}])", "bad.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "bad.json[0].created_at");
}

TEST(ReplayTest, PredictsAtEachOpenUpdateOfResolvedIncidents) {
  auto incidents = ParseIncidentHistory(kStatuspage, "test");
  ASSERT_TRUE(incidents.ok());
  auto predictions = ReplayPredictions(*incidents, {});
  ASSERT_EQ(predictions[0].first, "phare");
  EXPECT_EQ(predictions[0].second.size(), 4u);  // a: 2, b: 2, c: open, not scored
  EXPECT_EQ(predictions[3].first, "operator");
  EXPECT_EQ(predictions[3].second.size(), 1u);  // b's "within 2 hours"
}

TEST(ReplayTest, AnIncidentsOwnEndNeverInformsItsPredictions) {
  auto incidents = ParseIncidentHistory(kStatuspage, "test");
  ASSERT_TRUE(incidents.ok());
  auto before = ReplayPredictions(*incidents, {});
  // Incident b ends three days later instead: its own predictions must not move,
  // nor those of a, which ended before b started.
  std::vector<ReplayIncident> changed = *incidents;
  changed[1].resolved_at = *changed[1].resolved_at + std::chrono::hours(72);
  changed[1].updates.back().at = *changed[1].resolved_at;
  auto after = ReplayPredictions(changed, {});
  for (size_t p = 0; p < before.size(); ++p) {
    ASSERT_EQ(before[p].second.size(), after[p].second.size());
    for (size_t i = 0; i < before[p].second.size(); ++i) {
      EXPECT_EQ(before[p].second[i].p50, after[p].second[i].p50) << before[p].first << i;
    }
  }
}

TEST(EvalCommandTest, JsonHasExactlyTheAgreedKeys) {
  std::ostringstream out, err;
  int code = RunEvalCommand({PHARE_ETA_TEST_DATA "/statuspage-sample.json"}, true, out, err);
  ASSERT_EQ(code, 0) << err.str();
  auto doc = base::ParseJson(out.str());
  ASSERT_TRUE(doc.ok());
  const auto& o = doc->as_object();
  EXPECT_EQ(o.size(), 2u);
  for (const char* key :
       {"log_mae", "coverage_p10_p90", "under_rate", "late_1h_rate", "revisions", "predictions"}) {
    EXPECT_TRUE(o.at("phare").as_object().contains(key)) << key;
    EXPECT_TRUE(o.at("baselines").as_object().at("category_median").as_object().contains(key));
  }
  EXPECT_EQ(o.at("phare").as_object().size(), 6u);
}

TEST(EvalCommandTest, NamesAnUnreadableFile) {
  std::ostringstream out, err;
  EXPECT_EQ(RunEvalCommand({"/nonexistent/history.json"}, false, out, err), 1);
  EXPECT_NE(err.str().find("/nonexistent/history.json"), std::string::npos);
}

}  // namespace
}  // namespace phare::eta
