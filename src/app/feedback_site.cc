#include "app/feedback_site.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>
#include <boost/url.hpp>

#include <cctype>
#include <optional>

#include "app/cadence.h"
#include "comms/catalog.h"
#include "web/feedback_pages.h"

namespace phare::app {
namespace {

constexpr size_t kMaxFields = 16;
constexpr int kBurst = 10;  // answers from one address at once, then one every 6 s
constexpr auto kRefill = std::chrono::seconds(6);
constexpr std::string_view kCookiePrefix = "phare_fb_";

// The form's fields; nullopt when it is not form data or has too many fields.
std::optional<service::FeedbackForm> ParseForm(std::string_view text) {
  const std::string target = "/?" + std::string(text);
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return std::nullopt;
  service::FeedbackForm f;
  size_t fields = 0;
  for (const auto& param : url->params(boost::urls::encoding_opts(true))) {
    if (++fields > kMaxFields) return std::nullopt;
    const std::string& k = param.key;
    std::string* slot = k == "incident"   ? &f.incident_id
                        : k == "update"   ? &f.update_id
                        : k == "audience" ? &f.audience
                        : k == "lang"     ? &f.language
                        : k == "answer"   ? &f.answer
                        : k == "comment"  ? &f.comment
                        : k == "token"    ? &f.token
                        : k == "website"  ? &f.honeypot
                                          : nullptr;
    if (slot) *slot = param.value;
  }
  return f;
}

// Update ids are phare's own (letters, digits); anything else cannot be a cookie name.
bool CookieSafe(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

http::Response Html(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  r.Header("Cache-Control", "no-store").Header("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace

FeedbackSite::FeedbackSite(service::Context& ctx, Publisher& publisher, service::FeedbackKey key,
                           std::string default_language)
    : ctx_(ctx),
      publisher_(publisher),
      key_(std::move(key)),
      default_language_(std::move(default_language)),
      per_client_(ctx.clock, kBurst, kRefill) {}

http::Response FeedbackSite::Post(http::Request& req) {
  auto state = publisher_.state();
  if (!state) return Html(503, "");
  const web::SiteOptions site{default_language_};
  auto form = ParseForm(req.body);
  web::Reading reading{default_language_, state->page.time_zone};
  if (form && comms::Catalogs::Builtin().Find(form->language)) reading.language = form->language;
  auto page = [&](int status, web::FeedbackPage which) {
    web::FeedbackPageArgs args;
    if (form) args.incident_id = form->incident_id;
    return Html(status, web::RenderFeedbackPage(*state, site, reading, which, args));
  };
  if (auto wait = per_client_.Take("feedback " + std::string(req.remote_address));
      wait.count() > 0) {
    rejected_.fetch_add(1, std::memory_order_relaxed);
    return page(429, web::FeedbackPage::kBusy)
        .Header("Retry-After", std::to_string(std::max<int64_t>(
                                   1, std::chrono::ceil<std::chrono::seconds>(wait).count())));
  }
  if (!form || !CookieSafe(form->update_id)) {
    rejected_.fetch_add(1, std::memory_order_relaxed);
    return page(422, web::FeedbackPage::kInvalid);
  }
  const std::string cookie = std::string(kCookiePrefix) + form->update_id;
  if (req.Cookie(cookie)) return page(200, web::FeedbackPage::kAlready);
  auto vote = service::RecordFeedback(ctx_, key_, *form);
  if (!vote.ok()) {
    rejected_.fetch_add(1, std::memory_order_relaxed);
    const auto code = vote.status().code();
    return page(code == base::Code::kPermissionDenied  ? 403
                : code == base::Code::kNotFound        ? 404
                : code == base::Code::kInvalidArgument ? 422
                                                       : 503,
                web::FeedbackPage::kInvalid);
  }
  (vote->clear ? yes_ : no_).fetch_add(1, std::memory_order_relaxed);
  return page(200, web::FeedbackPage::kThanks)
      .Header("Set-Cookie", cookie +
                                "=1; Path=/feedback; Max-Age=2592000; SameSite=Strict; "
                                "HttpOnly");
}

http::Response FeedbackSite::Ask(http::Request& req) const {
  auto state = publisher_.state();
  if (!state) return Html(503, "");
  const web::SiteOptions site{default_language_};
  web::Reading reading{default_language_, state->page.time_zone};
  const std::string lang = req.Query("lang").value_or("");
  if (comms::Catalogs::Builtin().Find(lang)) reading.language = lang;
  web::FeedbackPageArgs args{req.Query("incident").value_or(""), req.Query("update").value_or(""),
                             req.Query("audience").value_or(""), req.Query("token").value_or(""),
                             req.Query("answer").value_or("")};
  const auto audience = model::ParseAudience(args.audience);
  if (!audience || !key_.Verify(args.token, args.incident_id, args.update_id, *audience, lang)) {
    return Html(403,
                web::RenderFeedbackPage(*state, site, reading, web::FeedbackPage::kInvalid, {}));
  }
  return Html(200, web::RenderFeedbackPage(*state, site, reading, web::FeedbackPage::kAsk, args));
}

void FeedbackSite::Install(http::Router& router) {
  http::RouteOptions blocking;
  blocking.blocking = true;  // writes the vote
  router.Add(
      http::Method::kPost, "/feedback", [this](http::Request& req) { return Post(req); }, blocking);
  router.Add(http::Method::kGet, "/feedback", [this](http::Request& req) { return Ask(req); });
}

void FeedbackSite::Export(base::Registry& registry) const {
  registry.Add(
      "phare_feedback_answers_total", "Readers' answers to \"Was this clear?\".", "counter",
      [this](std::string& out) {
        out += fmt::format("phare_feedback_answers_total{{answer=\"yes\"}} {}\n", yes_.load());
        out += fmt::format("phare_feedback_answers_total{{answer=\"no\"}} {}\n", no_.load());
      });
  registry.Add("phare_feedback_rejected_total",
               "Feedback posts refused (rate limit, bad token, honeypot, bad input).", "counter",
               [this](std::string& out) {
                 out += fmt::format("phare_feedback_rejected_total {}\n", rejected_.load());
               });
}

void FeedbackWatch::Check() {
  std::vector<model::FeedbackTally> list;
  auto status = ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(list, tx.TallyFeedback(ctx_.clock.Now() - std::chrono::hours(24 * 7)));
    return base::Status::Ok();
  });
  if (!status.ok()) {
    spdlog::error("feedback watch: {}", status.ToString());
    return;
  }
  int64_t unclear = 0;
  for (const auto& t : list) {
    if (!service::IsUnclear(t, min_votes_, share_)) continue;
    ++unclear;
    const std::string key = t.update_id + " " + t.language;
    if (warned_[key]) continue;
    warned_[key] = true;
    const int64_t votes = t.yes + t.no;
    const std::string text = fmt::format(
        "Update {} of incident {} is unclear to general readers in '{}': {} of {} said no.",
        t.update_id, t.incident_id, t.language, t.no, votes);
    spdlog::warn("feedback: {}", text);
    warnings_.fetch_add(1, std::memory_order_relaxed);
    boost::json::object event{{"event", "feedback.unclear"},
                              {"text", text},
                              {"incident", {{"id", t.incident_id}}},
                              {"update_id", t.update_id},
                              {"language", t.language},
                              {"yes", t.yes},
                              {"no", t.no}};
    PostOpsWarning(ops_webhook_, boost::json::serialize(event));
  }
  unclear_.store(unclear, std::memory_order_relaxed);
}

void FeedbackWatch::Export(base::Registry& registry) {
  registry.Add("phare_feedback_unclear_updates",
               "General-audience update × language pairs whose \"no\" share passed the threshold.",
               "gauge", [this](std::string& out) {
                 out += fmt::format("phare_feedback_unclear_updates {}\n", unclear_.load());
               });
  registry.Add("phare_feedback_warnings_total", "Unclear-update warnings raised.", "counter",
               [this](std::string& out) {
                 out += fmt::format("phare_feedback_warnings_total {}\n", warnings_.load());
               });
}

}  // namespace phare::app
