#include "web/embeds.h"

#include <gtest/gtest.h>

#include "web_fixture.h"

namespace phare::web {
namespace {

model::Incident Maintenance(const char* id, const char* from, const char* until,
                            std::vector<std::string> components) {
  model::Incident m;
  m.id = id;
  m.kind = model::IncidentKind::kMaintenance;
  m.status = model::IncidentStatus::kScheduled;
  m.name = "Routers, Roubaix; planned";
  m.scheduled_for = At(from);
  m.scheduled_until = At(until);
  m.created_at = m.updated_at = At("2017-11-01T10:00:00Z");
  m.component_ids = std::move(components);
  return m;
}

service::PublicState State() {
  service::PublicState s = AcmeState("2017-11-09T08:00:00Z");
  model::Component vps;
  vps.id = "c1";
  vps.name = "VPS <Strasbourg>";
  vps.status = model::ComponentStatus::kMajorOutage;
  model::Component web = vps;
  web.id = "c2";
  web.name = "Web hosting";
  web.status = model::ComponentStatus::kOperational;
  s.components = {vps, web};
  s.incidents.push_back(Maintenance("m1", "2017-11-20T22:00:00Z", "2017-11-21T02:00:00Z", {"c1"}));
  s.incidents.push_back(Maintenance("m2", "2017-11-22T22:00:00Z", "2017-11-23T01:00:00Z", {"c2"}));
  // Ended more than 90 days before now: out of the calendar.
  s.incidents.push_back(Maintenance("m3", "2017-06-01T22:00:00Z", "2017-06-02T01:00:00Z", {"c1"}));
  model::IncidentUpdate u;
  u.body = std::string(200, 'x') + " é;\nnext";
  s.incidents.front().updates.push_back(u);
  return s;
}

const RenderedPage* Find(const std::vector<RenderedPage>& pages, const std::string& key) {
  for (const auto& p : pages) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

TEST(Embeds, PageBadgeShowsTheWorstStatusAsTextAndColour) {
  const auto pages = RenderEmbeds(State(), {});
  const RenderedPage* badge = Find(pages, "/badge.svg");
  ASSERT_NE(badge, nullptr);
  EXPECT_EQ(badge->content_type, "image/svg+xml; charset=utf-8");
  EXPECT_NE(badge->body.find("<title>Acme status: Partial System Outage</title>"),
            std::string::npos)
      << badge->body;
  EXPECT_NE(badge->body.find("#c62828"), std::string::npos);  // major
}

TEST(Embeds, ComponentBadgeEscapesItsName) {
  const auto badge = RenderComponentEmbed(State(), {}, "/components/c1/badge.svg");
  ASSERT_TRUE(badge.has_value());
  EXPECT_EQ(badge->body.find("<Strasbourg>"), std::string::npos);
  EXPECT_NE(badge->body.find("VPS &lt;Strasbourg&gt;: Major outage"), std::string::npos)
      << badge->body;
  const auto ok = RenderComponentEmbed(State(), {}, "/components/c2/badge.svg");
  ASSERT_TRUE(ok.has_value());
  EXPECT_NE(ok->body.find("#2e7d32"), std::string::npos);
}

TEST(Embeds, UnknownComponentsAndFilesAreNotFound) {
  EXPECT_FALSE(RenderComponentEmbed(State(), {}, "/components/nope/badge.svg"));
  EXPECT_FALSE(RenderComponentEmbed(State(), {}, "/components/c1/other.svg"));
  EXPECT_FALSE(RenderComponentEmbed(State(), {}, "/components/c1"));
  EXPECT_FALSE(RenderComponentEmbed(State(), {}, "/incidents/m1"));
}

TEST(Embeds, CalendarHoldsRecentAndComingMaintenanceInUtc) {
  const auto pages = RenderEmbeds(State(), {});
  const RenderedPage* ics = Find(pages, "/maintenance.ics");
  ASSERT_NE(ics, nullptr);
  const std::string& body = ics->body;
  EXPECT_EQ(body.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(body.find("DTSTART:20171120T220000Z\r\n"), std::string::npos);
  EXPECT_NE(body.find("DTEND:20171121T020000Z\r\n"), std::string::npos);
  EXPECT_NE(body.find("UID:m2@phare.p1\r\n"), std::string::npos);
  EXPECT_EQ(body.find("UID:m3@"), std::string::npos);
  EXPECT_NE(body.find("SUMMARY:Routers\\, Roubaix\\; planned\r\n"), std::string::npos);
  EXPECT_EQ(body.substr(body.size() - 15), "END:VCALENDAR\r\n");
}

TEST(Embeds, CalendarLinesAreFoldedWithoutSplittingCharacters) {
  const auto ics = RenderComponentEmbed(State(), {}, "/components/c1/maintenance.ics");
  ASSERT_TRUE(ics.has_value());
  EXPECT_NE(ics->body.find("UID:m1@"), std::string::npos);
  EXPECT_EQ(ics->body.find("UID:m2@"), std::string::npos);  // another component's
  size_t start = 0;
  bool folded = false;
  while (start < ics->body.size()) {
    const size_t end = ics->body.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    const std::string line = ics->body.substr(start, end - start);
    EXPECT_LE(line.size(), 75u) << line;
    ASSERT_FALSE(line.empty());
    // A continuation starts with a space and never with a UTF-8 continuation byte.
    if (line[0] == ' ') {
      folded = true;
      EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0, 0x80);
    }
    start = end + 2;
  }
  EXPECT_TRUE(folded);
  EXPECT_NE(ics->body.find("\\;\\nnext"), std::string::npos);
}

TEST(Embeds, WidgetScriptIsServed) {
  const auto pages = RenderEmbeds(State(), {});
  const RenderedPage* js = Find(pages, "/widget.js");
  ASSERT_NE(js, nullptr);
  EXPECT_NE(js->body.find("/api/v2/status.json"), std::string::npos);
  EXPECT_EQ(js->body.find("innerHTML"), std::string::npos);
}

}  // namespace
}  // namespace phare::web
