// The console's page handlers, shared between its files (not a public interface: see
// console.h for the routes). Handlers of signed-in pages get a Visit, built by the
// guard in console.cc once the session, role and CSRF token were checked.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"
#include "model/incident.h"
#include "web/admin/console.h"
#include "web/admin/form.h"
#include "web/admin/words.h"
#include "web/templates.h"

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

// fields.cc: reading forms and showing screens.
// A whole decimal number, or nullopt.
std::optional<int64_t> ReadInt(std::string_view text);
// A datetime-local value ("2026-12-03T14:30") in the page's zone; InvalidArgument naming
// `field`.
base::Result<base::Time> ReadLocalTime(const ConsoleDeps& deps, std::string text,
                                       const std::string& field);
// `t` as a datetime-local value in the page's zone.
std::string LocalInput(const ConsoleDeps& deps, base::Time t);
// Sets t_<key> to the words of <section>.<key> for each key.
void SetWords(Data& d, const Words& w, std::string_view section,
              std::initializer_list<const char*> keys);
// "field: message" of a failed service call, and the HTTP status it maps to.
std::string Problem(const base::Status& status);
int StatusFor(const base::Status& status);
// A signed-in screen: template `part` rendered with `data` inside the layout.
http::Response ShowScreen(const Visit& v, const std::string& title, const std::string& part,
                          const Data& data, const std::string& active, int status = 200);

// auth_pages.cc
http::Response LoginPage(ConsoleDeps& deps, http::Request& req);
http::Response LoginSubmit(ConsoleDeps& deps, http::Request& req);
http::Response PasswordPage(ConsoleDeps& deps, http::Request& req, bool post);

// dashboard.cc: the page, with an ETag so console.js can ask "changed?" cheaply.
http::Response Dashboard(ConsoleDeps& deps, http::Request& req, const Visit& visit);
// The incident's whole impact in words (resources and customers hit, restored); empty
// without node reports. Also shown by the progress screen.
std::string ImpactLine(const Words& w, const model::Incident& incident);

// update_page.cc (communicator): GET shows the form, POST checks or publishes.
http::Response UpdatePage(ConsoleDeps& deps, const std::string& id, const Visit& visit);
http::Response UpdateSubmit(ConsoleDeps& deps, const std::string& id, const Visit& visit);

// declare_page.cc (operator): one screen, then "write an update" to refine the drafts.
http::Response DeclarePage(ConsoleDeps& deps, const Visit& visit);
http::Response DeclareSubmit(ConsoleDeps& deps, const Visit& visit);

// audit_page.cc (admin): the audit log, ?before=<entry id> for older entries.
http::Response AuditPage(ConsoleDeps& deps, http::Request& req, const Visit& visit);

// progress_page.cc (operator): progress samples and node reports of an incident.
http::Response ProgressPage(ConsoleDeps& deps, http::Request& req, const std::string& id,
                            const Visit& visit);
http::Response ProgressSubmit(ConsoleDeps& deps, const std::string& id, const Visit& visit);
http::Response NodesSubmit(ConsoleDeps& deps, const std::string& id, const Visit& visit);

// maintenance_page.cc (operator): list and schedule; edit; cancel.
http::Response MaintenancePage(ConsoleDeps& deps, http::Request& req, const Visit& visit);
http::Response MaintenanceCreate(ConsoleDeps& deps, const Visit& visit);
// The scheduling form, prefilled (declare's "maintenance" template hands over to it).
http::Response MaintenanceForm(ConsoleDeps& deps, const Visit& visit, std::string name,
                               std::vector<std::string> components);
http::Response MaintenanceEditPage(ConsoleDeps& deps, const std::string& id, const Visit& visit);
http::Response MaintenanceEdit(ConsoleDeps& deps, const std::string& id, const Visit& visit);
http::Response MaintenanceCancel(ConsoleDeps& deps, const std::string& id, const Visit& visit);

// subscribers_page.cc (admin): delivery counts, subscriber search, dead letters.
http::Response SubscribersPage(ConsoleDeps& deps, http::Request& req, const Visit& visit);
http::Response SubscriberRemove(ConsoleDeps& deps, const Visit& visit);
http::Response DeliveryRetry(ConsoleDeps& deps, const Visit& visit);

// tokens_page.cc (admin): API tokens.
http::Response TokensPage(ConsoleDeps& deps, const Visit& visit);
http::Response TokensCreate(ConsoleDeps& deps, const Visit& visit);
http::Response TokensRevoke(ConsoleDeps& deps, const Visit& visit);

// customers_page.cc (admin): a customer's "my services" links.
http::Response CustomersPage(ConsoleDeps& deps, http::Request& req, const Visit& visit);
http::Response CustomerLinkCreate(ConsoleDeps& deps, const Visit& visit);
http::Response CustomerLinkRevoke(ConsoleDeps& deps, const Visit& visit);

// users_page.cc (admin)
http::Response UsersPage(ConsoleDeps& deps, const Visit& visit, const std::string& notice = {},
                         const std::string& link = {});
http::Response UsersCreate(ConsoleDeps& deps, const Visit& visit);
http::Response UsersDisable(ConsoleDeps& deps, const Visit& visit);

}  // namespace phare::web::admin
