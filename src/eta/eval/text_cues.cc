#include "eta/eval/text_cues.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <string>
#include <vector>

#include "eta/source.h"

namespace phare::eta {
namespace {

constexpr auto kFlags = std::regex::ECMAScript | std::regex::icase | std::regex::optimize;

struct Patterns {
  std::regex no_eta{
      R"((no|not have an?|don'?t have an?|without an?|unable to provide an?|cannot provide an?)\s+)"
      R"((firm\s+|current\s+)?(eta|estimated time|estimate|timeline|time ?frame))",
      kFlags};
  std::regex next_update{
      R"((next update|provide (an |another |more |further |additional )?(update|information|details))"
      R"(|(post|share|send|give) (an |another |a further )?update|update (you|this|again)|further updates?)"
      R"(|check back|more information))",
      kFlags};
  std::regex eta{
      R"(((expected|estimated|anticipated|scheduled|projected|planned)\s+(to\s+)?(be\s+)?)"
      R"((complete|completed|finish|finished|resolved?|restored?|fixed|mitigated|done|back|)"
      R"(available|recover|recovered|fully|rolled)|\beta\b|should (be )?(resolved|restored|)"
      R"(fixed|mitigated|back|complete|completed|recover)|will be (resolved|restored|fixed|)"
      R"(mitigated|complete|completed|back)))",
      kFlags};
  std::regex absolute{
      R"((\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})(:\d{2})?\s*(Z\b|[A-Za-z]+/[A-Za-z_]+|[A-Za-z]{2,5}\b)?)",
      kFlags};
  std::regex time_of_day{
      R"(\b(\d{1,2})(:(\d{2}))?\s*(am|pm)?\s+(UTC|GMT|PT|PST|PDT|ET|EST|EDT|CT|CST|CDT|CET|CEST|)"
      R"(BST|IST|JST|AEST|AEDT|[A-Za-z]+/[A-Za-z_]+)\b)",
      kFlags};
  std::regex range{
      R"(\b(\d+(\.\d+)?)\s*(-|–|to)\s*(\d+(\.\d+)?)\s*(minutes?|mins?|hours?|hrs?|days?)\b)",
      kFlags};
  std::regex relative{
      R"(\b(in|within|for|over)\s+(the\s+(next|coming)\s+|about\s+|approximately\s+|roughly\s+)?)"
      R"((\d+(\.\d+)?|an?|one|two|three|four|five|six|eight|ten|twelve|fifteen|twenty|thirty|)"
      R"(forty[- ]five|half an?)\s*(minutes?|mins?|hours?|hrs?|days?)\b)",
      kFlags};
};

const Patterns& GetPatterns() {
  static const Patterns patterns;
  return patterns;
}

std::string_view ZoneName(std::string abbreviation) {
  std::transform(abbreviation.begin(), abbreviation.end(), abbreviation.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kZones{{
      {"Z", "UTC"},
      {"UTC", "UTC"},
      {"GMT", "UTC"},
      {"PT", "America/Los_Angeles"},
      {"PST", "America/Los_Angeles"},
      {"PDT", "America/Los_Angeles"},
      {"ET", "America/New_York"},
      {"EST", "America/New_York"},
      {"EDT", "America/New_York"},
      {"CT", "America/Chicago"},
      {"CST", "America/Chicago"},
      {"CDT", "America/Chicago"},
      {"CET", "Europe/Paris"},
      {"CEST", "Europe/Paris"},
      {"BST", "Europe/London"},
      {"IST", "Asia/Kolkata"},
      {"JST", "Asia/Tokyo"},
      {"AEST", "Australia/Sydney"},
  }};
  for (const auto& [abbr, name] : kZones) {
    if (abbr == abbreviation) return name;
  }
  return {};
}

std::optional<base::Zone> FindZone(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (text.find('/') != std::string::npos) {
    auto zone = base::Zone::Find(text);
    return zone.ok() ? std::optional<base::Zone>(*zone) : std::nullopt;
  }
  std::string_view name = ZoneName(text);
  if (name.empty()) return std::nullopt;
  auto zone = base::Zone::Find(name);
  return zone.ok() ? std::optional<base::Zone>(*zone) : std::nullopt;
}

double UnitHours(const std::string& unit) {
  char c = static_cast<char>(std::tolower(static_cast<unsigned char>(unit.front())));
  return c == 'm' ? 1.0 / 60 : c == 'd' ? 24.0 : 1.0;
}

double Number(std::string word) {
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  static constexpr std::array<std::pair<std::string_view, double>, 16> kWords{{
      {"a", 1},
      {"an", 1},
      {"one", 1},
      {"two", 2},
      {"three", 3},
      {"four", 4},
      {"five", 5},
      {"six", 6},
      {"eight", 8},
      {"ten", 10},
      {"twelve", 12},
      {"fifteen", 15},
      {"twenty", 20},
      {"thirty", 30},
      {"forty-five", 45},
      {"forty five", 45},
  }};
  for (const auto& [w, v] : kWords) {
    if (w == word) return v;
  }
  if (word.starts_with("half")) return 0.5;
  return std::strtod(word.c_str(), nullptr);
}

// Instants a sentence names, in order: [from, to] for a range, else one.
std::vector<base::Time> TimesIn(const std::string& sentence, base::Time at) {
  const Patterns& p = GetPatterns();
  std::vector<base::Time> out;
  std::smatch m;
  if (std::regex_search(sentence, m, p.absolute)) {
    auto zone = m[4].matched ? FindZone(m[4].str()) : std::nullopt;
    if (zone) {
      auto t = zone->ParseLocal(m[1].str() + " " + m[2].str());
      if (t.ok()) out.push_back(*t);
    }
    return out;
  }
  if (std::regex_search(sentence, m, p.time_of_day)) {
    auto zone = FindZone(m[5].str());
    int hour = std::stoi(m[1].str()), minute = m[3].matched ? std::stoi(m[3].str()) : 0;
    if (m[4].matched) hour = hour % 12 + (std::tolower(m[4].str()[0]) == 'p' ? 12 : 0);
    if (zone && (m[3].matched || m[4].matched) && hour < 24 && minute < 60) {
      // The first such wall time after `at`, tomorrow's if today's has passed.
      std::string day = zone->Format(at, "%Y-%m-%d");
      auto t = zone->ParseLocal(day + " " + std::to_string(hour) + ":" + (minute < 10 ? "0" : "") +
                                std::to_string(minute));
      if (t.ok()) out.push_back(*t <= at ? *t + std::chrono::hours(24) : *t);
    }
    return out;
  }
  if (std::regex_search(sentence, m, p.range)) {
    double unit = UnitHours(m[6].str());
    out.push_back(AddHours(at, std::strtod(m[1].str().c_str(), nullptr) * unit));
    out.push_back(AddHours(at, std::strtod(m[4].str().c_str(), nullptr) * unit));
    return out;
  }
  if (std::regex_search(sentence, m, p.relative)) {
    out.push_back(AddHours(at, Number(m[4].str()) * UnitHours(m[6].str())));
  }
  return out;
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool end = c == '\n' || c == '!' || c == '?' || c == ';' ||
               (c == '.' &&
                (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]))));
    if (end) {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

}  // namespace

TextCues ParseTextCues(std::string_view text, base::Time at) {
  const Patterns& p = GetPatterns();
  TextCues cues;
  for (const std::string& sentence : Sentences(text)) {
    if (sentence.size() < 4) continue;
    if (std::regex_search(sentence, p.no_eta)) {
      cues.no_eta = true;
      continue;
    }
    bool promises_update = std::regex_search(sentence, p.next_update);
    bool states_eta = !promises_update && std::regex_search(sentence, p.eta);
    if (!promises_update && !states_eta) continue;
    std::vector<base::Time> times = TimesIn(sentence, at);
    if (times.empty() || times.back() <= at) continue;
    if (promises_update && !cues.next_update_at) {
      cues.next_update_at = times.front();
    } else if (states_eta && !cues.eta) {
      OperatorEstimate e;
      e.stated_at = at;
      e.to = times.back();
      if (times.size() > 1 && times.front() > at) e.from = times.front();
      cues.eta = e;
    }
  }
  if (cues.no_eta) cues.eta.reset();
  return cues;
}

}  // namespace phare::eta
