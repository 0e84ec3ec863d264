// Admin API tokens (admin only): the list (names, scopes, dates; never a secret: only
// hashes are stored), creating one (its secret is shown on that one page, then never
// again), revoking one. Through service/tokens.h like `phare token`; audited there.
#include "service/tokens.h"
#include "service/users.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

constexpr model::Scope kScopes[] = {model::Scope::kRead, model::Scope::kWrite,
                                    model::Scope::kAdmin};

std::string ScopeList(const std::vector<model::Scope>& scopes) {
  std::string out;
  for (auto s : scopes) {
    if (!out.empty()) out += ", ";
    out += model::ToString(s);
  }
  return out;
}

Data Rows(const ConsoleDeps& deps, const Visit& v, const std::vector<model::ApiToken>& tokens) {
  Data rows = Data::type::list;
  for (const auto& t : tokens) {
    Data row;
    row.set("id", t.id);
    row.set("name", t.name);
    row.set("scopes", ScopeList(t.scopes));
    row.set("created", ShowTime(deps, t.created_at));
    row.set("state", t.revoked_at
                         ? v.words("tokens.revoked_at", {{"at", ShowTime(deps, *t.revoked_at)}})
                         : v.words("tokens.active"));
    row.set("can_revoke", !t.revoked_at);
    row.set("csrf", v.who.session.csrf);
    rows.push_back(row);
  }
  return rows;
}

Data ScopeChoices(const Words& w) {
  Data list = Data::type::list;
  for (auto s : kScopes) {
    Data o;
    const std::string name(model::ToString(s));
    o.set("value", name);
    o.set("label", w("tokens.scope_" + name));
    o.set("checked", s == model::Scope::kRead);
    list.push_back(o);
  }
  return list;
}

struct Outcome {
  std::string notice = {}, secret = {}, error = {};
  int status = 200;
};

http::Response Render(ConsoleDeps& deps, const Visit& v, const Outcome& o) {
  const Words& w = v.words;
  auto tokens = service::ListTokens(deps.ctx.store);
  if (!tokens.ok()) return FailedPage(w, &v.who, tokens.status());
  Data d;
  SetWords(d, w, "tokens",
           {"name_col", "title", "list", "none", "name", "scopes", "created", "state", "revoke",
            "create", "scopes_legend", "create_submit", "secret_intro"});
  d.set("rows", Rows(deps, v, *tokens));
  d.set("any", !tokens->empty());
  d.set("scope_choices", ScopeChoices(w));
  d.set("csrf", v.who.session.csrf);
  if (!o.secret.empty()) d.set("secret", o.secret);
  if (!o.notice.empty()) d.set("notice", o.notice);
  if (!o.error.empty()) d.set("error", o.error);
  return ShowScreen(v, w("tokens.title"), "tokens.mustache", d, "tokens", o.status);
}

}  // namespace

http::Response TokensPage(ConsoleDeps& deps, const Visit& v) { return Render(deps, v, {}); }

http::Response TokensCreate(ConsoleDeps& deps, const Visit& v) {
  std::vector<model::Scope> scopes;
  for (const auto& text : v.form.All("scope")) {
    if (auto s = model::ParseScope(text)) scopes.push_back(*s);
  }
  auto made = service::CreateToken(deps.ctx, service::ActorOf(v.who.user), v.form.Get("name"),
                                   std::move(scopes));
  if (!made.ok()) {
    return Render(deps, v, {.error = Problem(made.status()), .status = StatusFor(made.status())});
  }
  return Render(deps, v,
                {.notice = v.words("tokens.created_done", {{"name", made->token.name}}),
                 .secret = made->secret});
}

http::Response TokensRevoke(ConsoleDeps& deps, const Visit& v) {
  const std::string id = v.form.Get("id");
  auto revoked = service::RevokeToken(deps.ctx, service::ActorOf(v.who.user), id);
  if (!revoked.ok()) {
    return Render(deps, v, {.error = Problem(revoked), .status = StatusFor(revoked)});
  }
  return Render(deps, v, {.notice = v.words("tokens.revoked_done")});
}

}  // namespace phare::web::admin
