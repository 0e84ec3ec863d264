#include "api/statuspage_import.h"

#include <gtest/gtest.h>

#include "base/json.h"

namespace phare::api {
namespace {

const base::Time kNow = base::FromMillis(1700000000000);

base::Status Add(StatuspageReader& reader, std::string_view text) {
  auto value = base::ParseJson(text);
  EXPECT_TRUE(value.ok()) << value.status().ToString();
  return reader.Add(*value, "doc.json");
}

constexpr std::string_view kIncident = R"({"id": "inc1", "name": "API errors",
  "status": "resolved", "impact": "major", "created_at": "2023-01-05T15:00:00Z",
  "updated_at": "2023-01-05T16:30:00Z", "resolved_at": "2023-01-05T16:30:00Z",
  "components": [{"id": "api"}],
  "incident_updates": [
    {"id": "u1", "status": "investigating", "body": "Looking.", "display_at": "2023-01-05T15:00:00Z"},
    {"id": "u3", "status": "resolved", "body": "Fixed.", "display_at": "2023-01-05T16:30:00Z"},
    {"id": "u2", "status": "identified", "body": "Found.", "display_at": "2023-01-05T15:40:00Z",
     "affected_components": [{"code": "api", "name": "API", "old_status": "operational",
                              "new_status": "partial_outage"}]}]})";

TEST(StatuspageReaderTest, ReadsAnIncidentWithItsUpdatesNewestFirst) {
  StatuspageReader reader(kNow);
  ASSERT_TRUE(Add(reader, std::string(R"({"incidents": [)") + std::string(kIncident) + "]}").ok());
  auto page = reader.Take();
  ASSERT_EQ(page.incidents.size(), 1u);
  const auto& i = page.incidents[0];
  EXPECT_EQ(i.kind, model::IncidentKind::kIncident);
  EXPECT_EQ(i.impact, model::Impact::kMajor);
  EXPECT_FALSE(i.impact_override);
  EXPECT_EQ(i.component_ids, std::vector<std::string>{"api"});
  ASSERT_EQ(i.updates.size(), 3u);
  EXPECT_EQ(i.updates[0].id, "u3");
  EXPECT_EQ(i.updates[2].id, "u1");
  ASSERT_TRUE(i.identified_at);
  EXPECT_EQ(*i.identified_at, i.updates[1].display_at);
  ASSERT_TRUE(i.updates[1].affected_components);
  EXPECT_EQ((*i.updates[1].affected_components)[0].new_status,
            model::ComponentStatus::kPartialOutage);
  EXPECT_FALSE(i.updates[0].affected_components);
}

TEST(StatuspageReaderTest, KeepsTheMostRecentlyUpdatedCopyOfAnObjectSeenTwice) {
  StatuspageReader reader(kNow);
  ASSERT_TRUE(Add(reader, R"({"components": [{"id": "api", "name": "API old",
      "status": "major_outage", "updated_at": "2023-01-05T15:00:00Z"}]})")
                  .ok());
  ASSERT_TRUE(Add(reader, R"([{"id": "api", "name": "API", "status": "operational",
      "updated_at": "2023-01-05T16:00:00Z"}])")
                  .ok());  // a v1 component list
  ASSERT_TRUE(Add(reader, R"({"components": [{"id": "api", "name": "API older",
      "status": "degraded_performance", "updated_at": "2023-01-01T00:00:00Z"}]})")
                  .ok());
  auto page = reader.Take();
  ASSERT_EQ(page.components.size(), 1u);
  EXPECT_EQ(page.components[0].name, "API");
  EXPECT_EQ(page.components[0].status, model::ComponentStatus::kOperational);
}

TEST(StatuspageReaderTest, MaintenanceImpactAndPassedPromises) {
  StatuspageReader reader(kNow);
  ASSERT_TRUE(Add(reader, R"({"scheduled_maintenances": [
      {"id": "m1", "name": "Upgrade", "status": "scheduled", "impact": "maintenance",
       "scheduled_for": "2031-01-01T02:00:00Z", "scheduled_until": "2031-01-01T04:00:00Z",
       "incident_updates": []},
      {"id": "m2", "name": "Risky upgrade", "status": "completed", "impact": "minor",
       "incident_updates": []}],
     "incidents": [{"id": "i1", "name": "Down", "status": "investigating", "impact": "critical",
       "incident_updates": [], "phare": {"kind": "incident", "estimates": [{"scope": "",
       "p10": "2023-01-01T01:00:00Z", "p50": "2023-01-01T02:00:00Z",
       "p90": "2023-01-01T03:00:00Z", "expected_by": null, "late": true}]}}]})")
                  .ok());
  auto page = reader.Take();
  ASSERT_EQ(page.incidents.size(), 3u);
  for (const auto& i : page.incidents) {
    if (i.id == "m1") {
      EXPECT_EQ(i.kind, model::IncidentKind::kMaintenance);
      EXPECT_FALSE(i.impact_override);  // "maintenance" is what any maintenance shows
    } else if (i.id == "m2") {
      ASSERT_TRUE(i.impact_override);
      EXPECT_EQ(*i.impact_override, model::Impact::kMinor);
    } else {
      ASSERT_EQ(i.estimates.size(), 1u);
      EXPECT_LE(i.estimates[0].expected_by, kNow);  // passed when exported, still passed
    }
  }
}

TEST(StatuspageReaderTest, ErrorsNameTheDocumentAndTheField) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {R"({"incidents": [{"id": "x", "name": "n", "status": "exploded"}]})",
       "doc.json.incidents[0].status"},
      {R"({"incidents": [{"name": "n", "status": "resolved"}]})", "doc.json.incidents[0].id"},
      {R"({"components": [{"id": "a", "name": "n", "status": "sideways"}]})",
       "doc.json.components[0].status"},
      {R"({"incidents": [{"id": "x", "name": "n", "status": "resolved",
           "incident_updates": [{"id": "u", "status": "resolved", "created_at": "yesterday"}]}]})",
       "doc.json.incidents[0].incident_updates[0].created_at"},
      {R"({"components": "all of them"})", "doc.json.components"},
      {R"("just a string")", "doc.json"},
  };
  for (const auto& [text, field] : cases) {
    StatuspageReader reader(kNow);
    const auto status = Add(reader, text);
    ASSERT_FALSE(status.ok()) << text;
    EXPECT_EQ(status.code(), base::Code::kInvalidArgument);
    EXPECT_NE((status.field() + " " + status.message()).find(field), std::string::npos)
        << text << " → " << status.ToString() << " / " << status.field();
  }
}

TEST(StatuspageSubscribersTest, ReadsTheImportTemplatesPositionalRows) {
  auto read = ReadStatuspageSubscribers(
      "email,ops@example.com,yes\r\nsms,6175550123,US\nwebhook,https://hooks.example.com/s,"
      "dev@example.com\n\n");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), 3u);
  EXPECT_EQ((*read)[0].channel, model::Channel::kEmail);
  EXPECT_EQ((*read)[0].email, "ops@example.com");
  EXPECT_EQ((*read)[1].channel, model::Channel::kSms);
  EXPECT_EQ((*read)[1].phone_country, "US");
  EXPECT_EQ((*read)[2].channel, model::Channel::kWebhook);
  EXPECT_EQ((*read)[2].contact_email, "dev@example.com");
  for (const auto& s : *read) EXPECT_TRUE(s.skip_confirmation);
}

TEST(StatuspageSubscribersTest, ReadsColumnsNamedByAHeaderRow) {
  auto read = ReadStatuspageSubscribers(
      "\xEF\xBB\xBF"
      "Mode,Email,Phone Number,Phone Country,Endpoint,Components\n"
      "email,\"ops@example.com\",,,,api;web\n"
      "sms,,6175550123,US,,\n");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].component_ids, (std::vector<std::string>{"api", "web"}));
  EXPECT_EQ((*read)[1].phone_number, "6175550123");
}

TEST(StatuspageSubscribersTest, ABadRowNamesItsLine) {
  for (std::string_view csv : {"email,ops@example.com\nslack,https://hooks.slack.com/x\n",
                               "email,ops@example.com\nfax,0612345678\n",
                               "email,ops@example.com\nemail,\"unterminated\n"}) {
    auto read = ReadStatuspageSubscribers(csv);
    ASSERT_FALSE(read.ok()) << csv;
    EXPECT_NE(read.status().message().find("line 2"), std::string::npos)
        << read.status().ToString();
  }
}

}  // namespace
}  // namespace phare::api
