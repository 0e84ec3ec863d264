// Helpers shared by the console's screens: reading form fields (numbers, local times)
// and wrapping a screen's content in the layout.
#include <algorithm>
#include <charconv>

#include "http/problem.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {

std::optional<int64_t> ReadInt(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

base::Result<base::Time> ReadLocalTime(const ConsoleDeps& deps, std::string text,
                                       const std::string& field) {
  std::replace(text.begin(), text.end(), 'T', ' ');
  PHARE_ASSIGN_OR_RETURN(auto zone, base::Zone::Find(deps.time_zone));
  auto t = zone.ParseLocal(text);
  if (!t.ok()) return base::InvalidArgument("is not a date and time", field);
  return *t;
}

std::string LocalInput(const ConsoleDeps& deps, base::Time t) {
  auto zone = base::Zone::Find(deps.time_zone);
  const base::Zone z = zone.ok() ? *zone : base::Zone::Utc();
  return z.Format(t, "%Y-%m-%dT%H:%M");
}

void SetWords(Data& d, const Words& w, std::string_view section,
              std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    d.set(std::string("t_") + key, w(std::string(section) + "." + key));
  }
}

std::string Problem(const base::Status& status) {
  return status.field().empty() ? status.message() : status.field() + ": " + status.message();
}

int StatusFor(const base::Status& status) { return http::ProblemFromStatus(status).status; }

http::Response ShowScreen(const Visit& v, const std::string& title, const std::string& part,
                          const Data& data, const std::string& active, int status) {
  Chrome c;
  c.title = title;
  c.content = RenderPart(part, data);
  c.who = &v.who;
  c.active = active;
  return HtmlPage(status, RenderLayout(v.words, c));
}

}  // namespace phare::web::admin
