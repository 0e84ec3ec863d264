#include "web/pages.h"

#include <gtest/gtest.h>

#include "web_fixture.h"

namespace phare::web {
namespace {

service::PublicState State() {
  service::PublicState s = AcmeState("2017-11-09T08:00:00Z");
  model::Component c;
  c.id = "c1";
  c.name = "VPS — Strasbourg";
  c.status = model::ComponentStatus::kMajorOutage;
  s.components.push_back(c);
  model::Incident i;
  i.id = "i1";
  i.name = "Power <b>outage</b>";
  i.status = model::IncidentStatus::kIdentified;
  i.impact = model::Impact::kCritical;
  i.started_at = i.created_at = i.updated_at = At("2017-11-09T06:23:00Z");
  i.component_ids = {"c1"};
  i.next_update_at = At("2017-11-09T08:30:00Z");
  i.estimates.push_back({"", At("2017-11-09T09:00:00Z"), At("2017-11-09T10:00:00Z"),
                         At("2017-11-09T12:00:00Z"), "progress", "", At("2017-11-09T11:00:00Z")});
  model::IncidentUpdate u;
  u.id = "u1";
  u.status = model::IncidentStatus::kIdentified;
  u.body = "Technical **truth** <script>alert(1)</script>";
  u.display_at = At("2017-11-09T07:00:00Z");
  u.bodies = {
      {model::Audience::kGeneral, "fr", "Nous sommes désolés."},
      {model::Audience::kGeneral, "en", "We are sorry. Back by {time:2017-11-09T12:00:00Z}."}};
  i.updates.push_back(u);
  s.incidents.push_back(i);
  return s;
}

const RenderedPage* Find(const std::vector<RenderedPage>& pages, const std::string& key) {
  for (const auto& p : pages) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

TEST(Pages, EveryLanguageGetsTheStatusPage) {
  const auto state = State();
  const auto pages = RenderPages(state, {});
  const RenderedPage* en = Find(pages, "/");
  const RenderedPage* fr =
      Find(pages, VariantKey("/", {"fr", "Europe/Paris"}, {"en", "Europe/Paris"}));
  ASSERT_TRUE(en && fr);
  EXPECT_NE(en->body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(fr->body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(fr->body.find("Nous sommes désolés."), std::string::npos);
  EXPECT_NE(fr->body.find("Panne majeure"), std::string::npos);
  // Tokens resolved in the reader's zone; the estimate and the promise shown.
  EXPECT_NE(en->body.find("Back by 1:00 PM CET"), std::string::npos) << en->body;
  EXPECT_NE(en->body.find("Service expected back between"), std::string::npos);
  EXPECT_NE(en->body.find("Next update by 9:30 AM CET"), std::string::npos);
  EXPECT_NE(Find(pages, "/incidents/i1"), nullptr);
  EXPECT_NE(Find(pages, "/history.atom"), nullptr);
}

// The snapshot is built after the promise (11:00 UTC) passed: no passed time is worded
// as expected, on the status page nor on the incident's page.
TEST(Pages, APassedPromiseIsNeverShownAsExpected) {
  auto state = State();
  state.now = At("2017-11-09T11:30:00Z");
  state.incidents.front().next_update_at.reset();
  const auto pages = RenderPages(state, {});
  for (const char* key : {"/", "/incidents/i1"}) {
    const RenderedPage* page = Find(pages, key);
    ASSERT_NE(page, nullptr) << key;
    EXPECT_EQ(page->body.find("Service expected back"), std::string::npos) << page->body;
    EXPECT_NE(page->body.find("Later than we expected: we now expect service back by 1:00 PM CET"),
              std::string::npos)
        << page->body;
  }
  state.now = At("2017-11-09T12:30:00Z");  // p90 passed too: no time at all
  const RenderedPage* late = Find(RenderPages(state, {}), "/");
  ASSERT_NE(late, nullptr);
  EXPECT_NE(late->body.find("Later than we expected: we will give a new time"), std::string::npos)
      << late->body;
}

TEST(Pages, AnEstimateThatReplacedAPassedPromiseSaysItIsLater) {
  auto state = State();
  state.incidents.front().estimates.front().late = true;
  const RenderedPage* page = Find(RenderPages(state, {}), "/");
  ASSERT_NE(page, nullptr);
  EXPECT_NE(page->body.find("Later than we expected: we now expect service back between 10:00 AM "
                            "CET and 1:00 PM CET"),
            std::string::npos)
      << page->body;
  const RenderedPage* fr =
      Find(RenderPages(state, {}), VariantKey("/", {"fr", "Europe/Paris"}, {"en", "Europe/Paris"}));
  ASSERT_NE(fr, nullptr);
  EXPECT_NE(fr->body.find("Plus tard que prévu"), std::string::npos);
}

TEST(Pages, HostileTextIsEscapedOrDropped) {
  const auto page = RenderPage(State(), {}, "/incidents/i1");
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page->body.find("<b>outage</b>"), std::string::npos);
  EXPECT_NE(page->body.find("Power &lt;b&gt;outage&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(page->body.find("<strong>truth</strong>"), std::string::npos);  // Markdown kept
}

TEST(Pages, AnyReadingRendersOnDemandAndUnknownOnesDoNot) {
  const auto state = State();
  const Reading defaults{"en", "Europe/Paris"};
  auto toronto =
      RenderPage(state, {}, VariantKey("/incidents/i1", {"en", "America/Toronto"}, defaults));
  ASSERT_TRUE(toronto.has_value());
  EXPECT_NE(toronto->body.find("EST"), std::string::npos);
  EXPECT_FALSE(RenderPage(state, {}, VariantKey("/", {"xx", "Europe/Paris"}, defaults)));
  EXPECT_FALSE(RenderPage(state, {}, VariantKey("/", {"en", "Mars/Base"}, defaults)));
  EXPECT_FALSE(RenderPage(state, {}, "/incidents/nope"));
  EXPECT_FALSE(RenderPage(state, {}, "/history?page=0"));
  EXPECT_TRUE(RenderPage(state, {}, "/history?page=1"));
}

TEST(Variant, KeysRoundTrip) {
  const Reading defaults{"en", "UTC"};
  EXPECT_EQ(VariantKey("/", defaults, defaults), "/");
  const std::string key = VariantKey("/history", {"fr", "Asia/Tokyo"}, defaults);
  auto parsed = ParseVariantKey(key, defaults);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->first, "/history");
  EXPECT_EQ(parsed->second, (Reading{"fr", "Asia/Tokyo"}));
  EXPECT_TRUE(IsPagePath("/incidents/x"));
  EXPECT_FALSE(IsPagePath("/api/v2/summary.json"));
}

}  // namespace
}  // namespace phare::web
