#include "web/my_services.h"

#include <gtest/gtest.h>

namespace phare::web {
namespace {

const Reading kParis{"en", "Europe/Paris"};

service::MyServices View() {
  service::MyServices v;
  v.customer_id = "cust-00042";
  v.page.name = "Acme <Status>";
  v.page.url = "https://status.example";
  v.page.time_zone = "Europe/Paris";
  v.generated_at = base::FromMillis(1510212600000);  // 2017-11-09T07:30:00Z
  v.resources_total = 2;
  v.resources = {{"ded-sbg-00001", "dedicated", "sbg", "down", false},
                 {"vps-gra-00007", "vps", "gra", "up", false}};
  service::MyIncident i;
  i.id = "abc123def456";
  i.name = "Strasbourg: power outage";
  i.started_at = base::FromMillis(1510208580000);
  i.resources = {{"ded-sbg-00001", "dedicated", "sbg", "down", false}};
  model::Estimate e;
  e.p10 = base::FromMillis(1510218000000);
  e.p50 = base::FromMillis(1510225200000);
  e.p90 = base::FromMillis(1510236000000);
  e.expected_by = base::FromMillis(1510230600000);  // 12:30Z
  i.estimate = e;
  v.incidents.push_back(i);
  return v;
}

TEST(MyServicesPage, ShowsTheIncidentItsEstimateAndTheCustomersServices) {
  const std::string html = RenderMyServices(View(), "/my/TOKEN/summary.json", kParis);
  EXPECT_NE(html.find("Strasbourg: power outage"), std::string::npos);
  EXPECT_NE(html.find("https://status.example/incidents/abc123def456"), std::string::npos);
  EXPECT_NE(html.find("Expected back around 12:00 PM CET (most likely between 10:00 AM CET and "
                      "3:00 PM CET)"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("ded-sbg-00001"), std::string::npos);
  EXPECT_NE(html.find("vps-gra-00007"), std::string::npos);
  EXPECT_NE(html.find("1 of your services is affected"), std::string::npos);
  EXPECT_NE(html.find("/my/TOKEN/summary.json"), std::string::npos);
  EXPECT_NE(html.find("Acme &lt;Status&gt;"), std::string::npos);
  EXPECT_EQ(html.find("Acme <Status>"), std::string::npos);
}

// 9 Nov 2017, the operator's "5 minutes to 4 hours" of 12:25 UTC seen at 15:12 UTC (16:12
// CET): p10, p50 and the promise have passed, p90 has not.
TEST(MyServicesPage, NeverShowsAPassedTimeAsExpected) {
  auto v = View();
  v.generated_at = *base::ParseTime("2017-11-09T15:12:00Z");
  model::Estimate& e = *v.incidents.front().estimate;
  e.p10 = *base::ParseTime("2017-11-09T12:30:00Z");
  e.p50 = *base::ParseTime("2017-11-09T12:59:00Z");
  e.p90 = *base::ParseTime("2017-11-09T16:25:00Z");
  e.expected_by = *base::ParseTime("2017-11-09T14:48:00Z");
  const std::string html = RenderMyServices(v, "/my/T/summary.json", kParis);
  EXPECT_EQ(html.find("1:59 PM"), std::string::npos) << html;
  EXPECT_EQ(html.find("1:30 PM"), std::string::npos) << html;
  EXPECT_EQ(html.find("Expected back"), std::string::npos) << html;
  EXPECT_NE(html.find("Later than we expected. We now expect service back by 5:25 PM CET."),
            std::string::npos)
      << html;
  const std::string fr = RenderMyServices(v, "/my/T/summary.json", {"fr", "Europe/Paris"});
  EXPECT_NE(fr.find("Plus tard que prévu."), std::string::npos) << fr;
  EXPECT_EQ(fr.find("13:59"), std::string::npos) << fr;

  e.p90 = *base::ParseTime("2017-11-09T15:00:00Z");  // every time has passed
  const std::string none = RenderMyServices(v, "/my/T/summary.json", kParis);
  const size_t eta = none.find("<p class=\"eta\">");
  ASSERT_NE(eta, std::string::npos) << none;
  EXPECT_EQ(none.substr(eta, none.find("</p>", eta) - eta),
            "<p class=\"eta\">Later than we expected. We will give a new time as soon as we have "
            "one.");
}

TEST(MyServicesPage, AnEstimateThatReplacedAPassedPromiseSaysItIsLater) {
  auto v = View();
  v.incidents.front().estimate->late = true;
  const std::string html = RenderMyServices(v, "/my/T/summary.json", kParis);
  EXPECT_NE(html.find("Later than we expected. We now expect service back around 12:00 PM CET "
                      "(most likely between 10:00 AM CET and 3:00 PM CET)."),
            std::string::npos)
      << html;
}

TEST(MyServicesPage, SaysSoWhenNothingIsAffected) {
  auto v = View();
  v.incidents.clear();
  const std::string html = RenderMyServices(v, "/my/T/summary.json", kParis);
  EXPECT_NE(html.find("not affected by any current incident"), std::string::npos);
  EXPECT_EQ(html.find("Expected back"), std::string::npos);
}

TEST(MyServicesPage, SpeaksTheReadersLanguageAndZone) {
  const std::string fr = RenderMyServices(View(), "/my/T/summary.json", {"fr", "Europe/Paris"});
  EXPECT_NE(fr.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(fr.find("1 de vos services est touché par un incident en cours"), std::string::npos)
      << fr;
  EXPECT_NE(fr.find("Retour prévu vers 12:00"), std::string::npos) << fr;
  EXPECT_NE(fr.find("En panne"), std::string::npos);
  EXPECT_EQ(fr.find("Expected back"), std::string::npos);

  const std::string toronto =
      RenderMyServices(View(), "/my/T/summary.json", {"en", "America/Toronto"});
  EXPECT_NE(toronto.find("Expected back around 6:00 AM EST"), std::string::npos) << toronto;

  // An unknown language falls back to English, an unknown zone to the page's.
  const std::string fallback = RenderMyServices(View(), "/my/T/summary.json", {"xx", "Mars/Base"});
  EXPECT_NE(fallback.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(fallback.find("Expected back around 12:00 PM CET"), std::string::npos) << fallback;
}

TEST(MyServicesPage, NotFoundRevealsNothing) {
  const std::string html = RenderMyServicesNotFound();
  EXPECT_NE(html.find("not valid"), std::string::npos);
  EXPECT_EQ(html.find("cust-"), std::string::npos);
}

}  // namespace
}  // namespace phare::web
