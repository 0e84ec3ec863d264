// The console's page handlers, shared between its files (not a public interface: see
// console.h for the routes). Handlers of signed-in pages get a Visit, built by the
// guard in console.cc once the session, role and CSRF token were checked.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"
#include "web/admin/console.h"
#include "web/admin/form.h"
#include "web/admin/words.h"

namespace phare::web::admin {

inline constexpr std::string_view kSessionCookie = "phare_console";
// Before sign-in, forms carry this cookie's value as their CSRF token (double submit).
inline constexpr std::string_view kFormCookie = "phare_console_form";

struct Visit {
  const service::SignedIn& who;
  const Words& words;
  const Form& form;  // the POSTed form; empty for GET
};

// The reader's words before sign-in (Accept-Language).
Words AnonymousWords(const ConsoleDeps& deps, const http::Request& req);
// "12:40 CET" style time in the page's zone, with the date when not today.
std::string ShowTime(const ConsoleDeps& deps, base::Time t);

// auth_pages.cc
http::Response LoginPage(ConsoleDeps& deps, http::Request& req);
http::Response LoginSubmit(ConsoleDeps& deps, http::Request& req);
http::Response PasswordPage(ConsoleDeps& deps, http::Request& req, bool post);

// dashboard.cc: the page, with an ETag so console.js can ask "changed?" cheaply.
http::Response Dashboard(ConsoleDeps& deps, http::Request& req, const Visit& visit);

// update_page.cc (communicator): GET shows the form, POST checks or publishes.
http::Response UpdatePage(ConsoleDeps& deps, const std::string& id, const Visit& visit);
http::Response UpdateSubmit(ConsoleDeps& deps, const std::string& id, const Visit& visit);

// declare_page.cc (operator): one screen, then "write an update" to refine the drafts.
http::Response DeclarePage(ConsoleDeps& deps, const Visit& visit);
http::Response DeclareSubmit(ConsoleDeps& deps, const Visit& visit);

// audit_page.cc (admin): the audit log, ?before=<entry id> for older entries.
http::Response AuditPage(ConsoleDeps& deps, http::Request& req, const Visit& visit);

// users_page.cc (admin)
http::Response UsersPage(ConsoleDeps& deps, const Visit& visit, const std::string& notice = {},
                         const std::string& link = {});
http::Response UsersCreate(ConsoleDeps& deps, const Visit& visit);
http::Response UsersDisable(ConsoleDeps& deps, const Visit& visit);

}  // namespace phare::web::admin
