// Users (admin only): the list, adding a user (the page shows their one-time
// set-password link once), disabling one. Through service::UserService, like the CLI.
#include <algorithm>
#include <cctype>

#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

std::string RoleName(const Words& w, model::Role role) {
  return w("role." + std::string(model::ToString(role)));
}

}  // namespace

http::Response UsersPage(ConsoleDeps& deps, const Visit& v, const std::string& notice,
                         const std::string& link) {
  const Words& w = v.words;
  auto users = deps.users.List();
  if (!users.ok()) {
    return FailedPage(w, &v.who, users.status());
  }
  Data rows = Data::type::list;
  for (const auto& u : *users) {
    Data row;
    row.set("email", u.email);
    row.set("role", RoleName(w, u.role));
    row.set("state", u.disabled_at             ? w("users.disabled")
                     : u.password_hash.empty() ? w("users.pending")
                                               : w("users.active"));
    row.set("can_disable", !u.disabled_at && u.id != v.who.user.id);
    row.set("csrf", v.who.session.csrf);
    rows.push_back(row);
  }
  Data roles = Data::type::list;
  for (auto role : {model::Role::kViewer, model::Role::kCommunicator, model::Role::kOperator,
                    model::Role::kAdmin}) {
    Data r;
    r.set("value", std::string(model::ToString(role)));
    r.set("label", RoleName(w, role));
    roles.push_back(r);
  }
  Data d;
  for (const char* key :
       {"title", "email", "role", "state", "disable", "create", "create_submit"}) {
    d.set(std::string("t_") + key, w(std::string("users.") + key));
  }
  if (!link.empty()) {
    d.set("link", link);
    d.set("link_intro", notice);
  } else if (!notice.empty()) {
    d.set("notice", notice);
  }
  d.set("users", rows);
  d.set("roles", roles);
  d.set("csrf", v.who.session.csrf);
  Chrome c;
  c.title = w("users.title");
  c.content = RenderPart("users.mustache", d);
  c.who = &v.who;
  c.active = "users";
  return HtmlPage(200, RenderLayout(w, c));
}

http::Response UsersCreate(ConsoleDeps& deps, const Visit& v) {
  const Words& w = v.words;
  const auto role = model::ParseRole(v.form.Get("role"));
  auto made =
      role ? deps.users.Create(service::ActorOf(v.who.user), v.form.Get("email"), *role)
           : base::Result<service::NewPasswordLink>(base::InvalidArgument("unknown role", "role"));
  if (!made.ok()) {
    const int status = made.status().code() == base::Code::kAlreadyExists ? 409 : 422;
    return MessagePage(status, w, &v.who, w("users.title"),
                       made.status().field() + ": " + made.status().message());
  }
  const std::string link = deps.base_url + "/admin/password/" + made->token;
  return UsersPage(
      deps, v,
      w("users.link", {{"email", made->user.email}, {"expires", ShowTime(deps, made->expires_at)}}),
      link);
}

http::Response UsersDisable(ConsoleDeps& deps, const Visit& v) {
  const Words& w = v.words;
  const std::string email = v.form.Get("email");
  const auto same_letter = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  };
  if (std::equal(email.begin(), email.end(), v.who.user.email.begin(), v.who.user.email.end(),
                 same_letter)) {  // the console must keep somebody who can undo it
    return MessagePage(422, w, &v.who, w("users.title"), w("users.not_yourself"));
  }
  auto user = deps.users.Disable(service::ActorOf(v.who.user), email);
  if (!user.ok()) {
    return MessagePage(user.status().code() == base::Code::kNotFound ? 404 : 422, w, &v.who,
                       w("users.title"), user.status().message());
  }
  return UsersPage(deps, v, w("users.disabled_done", {{"email", user->email}}));
}

}  // namespace phare::web::admin
