#include "comms/time_format.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <sstream>

#include "test_util.h"

namespace phare::comms {
namespace {

using testing::At;
using testing::CatalogFor;
using testing::ZoneNamed;

struct OracleView {
  int64_t offset_seconds = 0;
  std::string local;   // "2017-10-29 02:59"
  std::string abbrev;  // "CEST"
};

// Python's zoneinfo (the system tzdata, read by an independent implementation) as oracle.
std::vector<OracleView> Oracle(const std::string& zone, const std::vector<base::Time>& instants) {
  std::string command =
      "python3 -c \"import sys, zoneinfo, datetime as d; z = zoneinfo.ZoneInfo(sys.argv[1]); "
      "[print(int(x.utcoffset().total_seconds()), x.strftime('%Y-%m-%d %H:%M'), x.tzname()) "
      "for x in (d.datetime.fromtimestamp(int(t), d.timezone.utc).astimezone(z) "
      "for t in sys.argv[2:])]\" " +
      zone;
  for (base::Time t : instants) command += " " + std::to_string(base::ToMillis(t) / 1000);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::vector<OracleView> views;
  if (!pipe) return views;
  char line[256];
  while (fgets(line, sizeof line, pipe.get())) {
    std::istringstream in(line);
    OracleView v;
    std::string day, time;
    in >> v.offset_seconds >> day >> time >> v.abbrev;
    v.local = day + " " + time;
    views.push_back(v);
  }
  return views;
}

struct Edge {
  const char* zone;
  const char* instant;  // UTC; each is checked one second and one minute either side
};

// 29 Oct 2017 and 28 Mar 2021 (the European changes), Toronto's changes of the same
// years, Mexico City abolishing summer time (last change 30 Oct 2022; none on 2 Apr 2023),
// and Kyiv (renamed from Kiev in tzdata 2022b).
const Edge kEdges[] = {
    {"Europe/Paris", "2017-10-29T01:00:00Z"},
    {"Europe/Paris", "2021-03-28T01:00:00Z"},
    {"America/Toronto", "2017-11-05T06:00:00Z"},
    {"America/Toronto", "2021-03-14T07:00:00Z"},
    {"America/Toronto", "2017-10-29T01:00:00Z"},
    {"America/Mexico_City", "2022-10-30T07:00:00Z"},
    {"America/Mexico_City", "2023-04-02T08:00:00Z"},
    {"America/Mexico_City", "2023-07-01T12:00:00Z"},
    {"Europe/Kyiv", "2017-10-29T01:00:00Z"},
    {"Europe/Kyiv", "2021-03-28T01:00:00Z"},
};

TEST(TimeFormatter, AgreesWithPythonZoneinfoAroundDaylightSavingChanges) {
  for (const Edge& edge : kEdges) {
    const base::Time center = At(edge.instant);
    std::vector<base::Time> instants;
    for (int delta : {-60, -1, 0, 1, 60}) instants.push_back(center + std::chrono::seconds(delta));
    const auto oracle = Oracle(edge.zone, instants);
    ASSERT_EQ(oracle.size(), instants.size()) << "python3 zoneinfo oracle failed for " << edge.zone;
    const base::Zone zone = ZoneNamed(edge.zone);
    auto fr = TimeFormatter::Create(CatalogFor("fr"), zone);
    auto en = TimeFormatter::Create(CatalogFor("en"), zone);
    ASSERT_TRUE(fr.ok() && en.ok());
    for (size_t i = 0; i < instants.size(); ++i) {
      const base::Time t = instants[i];
      SCOPED_TRACE(std::string(edge.zone) + " at " + base::FormatUtc(t));
      EXPECT_EQ(zone.Offset(t).count(), oracle[i].offset_seconds);
      // French uses a 24-hour clock: the local wall time must be the oracle's.
      EXPECT_EQ(fr->FormatTime(t).substr(0, 5), oracle[i].local.substr(11, 5));
      EXPECT_EQ(
          fr->FormatDateTime(t, true).find(oracle[i].local.substr(11, 5)) != std::string::npos,
          true);
      // English shows tzdata's abbreviation, or the offset for zones without letters.
      const std::string& abbrev = oracle[i].abbrev;
      const std::string expected_label = std::isalpha(static_cast<unsigned char>(abbrev[0]))
                                             ? abbrev
                                             : OffsetLabel(zone.Offset(t));
      EXPECT_EQ(en->ZoneLabel(t), expected_label);
    }
  }
}

TEST(TimeFormatter, AlwaysShowsTheZone) {
  const base::Time t = At("2017-11-09T13:30:00Z");
  auto en = TimeFormatter::Create(CatalogFor("en"), ZoneNamed("Europe/Paris"));
  auto fr = TimeFormatter::Create(CatalogFor("fr"), ZoneNamed("Europe/Paris"));
  auto toronto = TimeFormatter::Create(CatalogFor("en"), ZoneNamed("America/Toronto"));
  ASSERT_TRUE(en.ok() && fr.ok() && toronto.ok());
  EXPECT_EQ(en->FormatTime(t), "2:30 PM CET");
  EXPECT_EQ(fr->FormatTime(t), "14:30 (heure de Paris)");
  EXPECT_EQ(toronto->FormatTime(t), "8:30 AM EST");
  EXPECT_EQ(en->FormatDateTime(t), "Thursday, November 9 at 2:30 PM CET");
  EXPECT_EQ(fr->FormatDateTime(t, true), "jeudi 9 novembre 2017 à 14:30 (heure de Paris)");
  EXPECT_EQ(fr->FormatDate(t), "jeudi 9 novembre 2017");
}

TEST(TimeFormatter, LabelsZonesWithoutLettersOrCitiesByOffset) {
  const base::Time t = At("2017-11-09T13:30:00Z");
  auto kolkata = TimeFormatter::Create(CatalogFor("en"), ZoneNamed("Asia/Kolkata"));
  auto utc_fr = TimeFormatter::Create(CatalogFor("fr"), base::Zone::Utc());
  auto dubai = TimeFormatter::Create(CatalogFor("en"), ZoneNamed("Asia/Dubai"));
  ASSERT_TRUE(kolkata.ok() && utc_fr.ok() && dubai.ok());
  EXPECT_EQ(kolkata->FormatTime(t), "7:00 PM IST");
  EXPECT_EQ(utc_fr->FormatTime(t), "13:30 (UTC)");
  EXPECT_EQ(dubai->ZoneLabel(t), "UTC+4");  // tzdata writes "+04"
  EXPECT_EQ(OffsetLabel(std::chrono::seconds(5 * 3600 + 1800)), "UTC+5:30");
  EXPECT_EQ(OffsetLabel(std::chrono::seconds(-3 * 3600)), "UTC-3");
  EXPECT_EQ(OffsetLabel(std::chrono::seconds(0)), "UTC");
}

TEST(TimeFormatter, ElidesBeforeAVowelInFrench) {
  auto amsterdam = TimeFormatter::Create(CatalogFor("fr"), ZoneNamed("Europe/Amsterdam"));
  ASSERT_TRUE(amsterdam.ok());
  EXPECT_EQ(amsterdam->ZoneLabel(At("2017-11-09T13:30:00Z")), "heure d’Amsterdam");
}

TEST(TimeFormatter, ShowsTheDateOnlyWhenItIsNotTheReferenceDay) {
  auto en = TimeFormatter::Create(CatalogFor("en"), ZoneNamed("Europe/Paris"));
  ASSERT_TRUE(en.ok());
  const base::Time update = At("2017-11-09T22:30:00Z");  // 23:30 in Paris
  EXPECT_EQ(en->Format(At("2017-11-09T22:50:00Z"), update), "11:50 PM CET");
  // 00:10 the next day in Paris, although still 9 November in UTC.
  EXPECT_EQ(en->Format(At("2017-11-09T23:10:00Z"), update), "Friday, November 10 at 12:10 AM CET");
  EXPECT_EQ(en->Format(At("2018-01-02T10:00:00Z"), update),
            "Tuesday, January 2, 2018 at 11:00 AM CET");
  EXPECT_NE(en->Format(update, std::nullopt).find("2017"), std::string::npos);
}

}  // namespace
}  // namespace phare::comms
