// The audit log (admin only), newest first, 100 entries a page: who did what to which
// object, console users included (user:<email>).
#include "service/audit.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {

http::Response AuditPage(ConsoleDeps& deps, http::Request& req, const Visit& v) {
  constexpr size_t kPerPage = 100;
  const Words& w = v.words;
  int64_t before = 0;
  if (auto text = req.Query("before"); text && !text->empty() && text->size() <= 18 &&
                                       text->find_first_not_of("0123456789") == std::string::npos) {
    before = std::stoll(*text);
  }
  auto entries = service::ListAudit(deps.ctx.store, kPerPage, before);
  if (!entries.ok()) {
    return FailedPage(w, &v.who, entries.status());
  }
  Data rows = Data::type::list;
  for (const auto& e : *entries) {
    Data row;
    row.set("at", ShowTime(deps, e.at));
    row.set("actor", e.actor);
    row.set("action", e.action);
    row.set("target", e.target_type + (e.target_id.empty() ? "" : " " + e.target_id));
    rows.push_back(row);
  }
  Data d;
  for (const char* key : {"title", "at", "actor", "action", "target", "older", "empty"}) {
    d.set(std::string("t_") + key, w(std::string("audit.") + key));
  }
  d.set("rows", rows);
  d.set("any", !entries->empty());
  if (entries->size() == kPerPage) d.set("older", std::to_string(entries->back().id));
  Chrome c;
  c.title = w("audit.title");
  c.content = RenderPart("audit.mustache", d);
  c.who = &v.who;
  c.active = "audit";
  return HtmlPage(200, RenderLayout(w, c));
}

}  // namespace phare::web::admin
