// The history page's month headings and the feeds' text, whatever the input held.
#include <gtest/gtest.h>

#include "web/pages.h"
#include "web/variant.h"
#include "web_fixture.h"

namespace phare::web {
namespace {

service::PublicState State(std::string incident_name) {
  service::PublicState s = AcmeState("2017-11-20T08:00:00Z");
  model::Incident i;
  i.id = "i1";
  i.name = std::move(incident_name);
  i.status = model::IncidentStatus::kResolved;
  i.impact = model::Impact::kMajor;
  i.started_at = i.created_at = i.updated_at = At("2017-11-09T06:23:00Z");
  i.resolved_at = At("2017-11-09T12:00:00Z");
  model::IncidentUpdate u;
  u.id = "u1";
  u.status = model::IncidentStatus::kResolved;
  u.body = "Power is back.\x01";
  u.display_at = At("2017-11-09T12:00:00Z");
  i.updates.push_back(u);
  s.incidents.push_back(i);
  return s;
}

TEST(History, MonthHeadingsAreNamesNotCatalogKeys) {
  const auto state = State("Power outage");
  auto en = RenderPage(state, {}, "/history");
  ASSERT_TRUE(en.has_value());
  EXPECT_EQ(en->body.find("ui.month_year"), std::string::npos);
  EXPECT_NE(en->body.find("November 2017"), std::string::npos);
  auto fr =
      RenderPage(state, {}, VariantKey("/history", {"fr", "Europe/Paris"}, {"en", "Europe/Paris"}));
  ASSERT_TRUE(fr.has_value());
  EXPECT_NE(fr->body.find("novembre 2017"), std::string::npos);
}

TEST(Feeds, NeverCarryControlCharacters) {
  const auto pages = RenderPages(State("Power\v outage"), {});
  int feeds = 0;
  for (const auto& page : pages) {
    if (page.key != "/history.atom" && page.key != "/history.rss") continue;
    ++feeds;
    EXPECT_EQ(page.body.find('\v'), std::string::npos) << page.key;
    EXPECT_EQ(page.body.find('\x01'), std::string::npos) << page.key;
    EXPECT_NE(page.body.find("Power outage"), std::string::npos) << page.key;
  }
  EXPECT_EQ(feeds, 2);
}

}  // namespace
}  // namespace phare::web
