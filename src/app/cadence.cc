#include "app/cadence.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "comms/cadence.h"
#include "service/incidents.h"
#include "service/page.h"

namespace phare::app {

void Cadence::Check() {
  service::IncidentService incidents(ctx_);
  store::IncidentQuery q;
  q.kind = model::IncidentKind::kIncident;
  q.open_only = true;
  q.limit = 1000;
  q.with_details = false;
  auto open = incidents.List(q);
  if (!open.ok()) {
    spdlog::error("cadence check: {}", open.status().ToString());
    return;
  }
  auto page = service::GetPage(ctx_.store);
  int64_t overdue = 0;
  std::map<std::string, base::Time> still_warned;
  for (const auto& i : *open) {
    const auto state =
        comms::CheckCadence(i.updated_at, i.next_update_at, ctx_.policies.cadence, ctx_.clock);
    if (!state.overdue) continue;
    ++overdue;
    still_warned[i.id] = state.promised;
    if (auto it = warned_.find(i.id); it != warned_.end() && it->second == state.promised) continue;
    const auto late = std::chrono::duration_cast<std::chrono::minutes>(state.late_by).count();
    const std::string text =
        fmt::format("Incident '{}' ({}) promised an update by {}; it is {} min late.", i.name, i.id,
                    base::FormatUtc(state.promised), late);
    spdlog::warn("cadence: {}", text);
    warnings_.fetch_add(1, std::memory_order_relaxed);
    boost::json::object event{
        {"event", "cadence.overdue"},
        {"text", text},
        {"incident",
         {{"id", i.id},
          {"name", i.name},
          {"url", page.ok() ? page->url + "/incidents/" + i.id : std::string()}}},
        {"promised_at", base::FormatUtc(state.promised)},
        {"late_by_seconds",
         std::chrono::duration_cast<std::chrono::seconds>(state.late_by).count()}};
    Warn(boost::json::serialize(event));
  }
  warned_ = std::move(still_warned);
  overdue_.store(overdue, std::memory_order_relaxed);
  CheckReports();
}

void Cadence::CheckReports() {
  std::vector<model::Postmortem> promised;
  std::map<std::string, std::string> names;
  auto read = ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(promised, tx.ListPromisedPostmortems());
    for (const auto& pm : promised) {
      auto i = tx.GetIncident(pm.incident_id);
      if (i.ok()) names[pm.incident_id] = i->name;
    }
    return base::Status::Ok();
  });
  if (!read.ok()) {
    spdlog::error("cadence check (reports): {}", read.ToString());
    return;
  }
  const base::Time now = ctx_.clock.Now();
  auto page = service::GetPage(ctx_.store);
  int64_t due = 0;
  std::map<std::string, std::pair<base::Time, int>> still_warned;
  for (const auto& pm : promised) {
    const auto stage = comms::CheckReportPromise(*pm.promised_by, now);
    if (stage == comms::ReportPromise::kAhead) continue;
    ++due;
    const std::pair<base::Time, int> key{*pm.promised_by, static_cast<int>(stage)};
    still_warned[pm.incident_id] = key;
    if (auto it = reports_warned_.find(pm.incident_id);
        it != reports_warned_.end() && it->second == key) {
      continue;
    }
    const bool overdue = stage == comms::ReportPromise::kOverdue;
    const std::string text =
        fmt::format("Incident '{}' ({}) promised a report by {}; {}.", names[pm.incident_id],
                    pm.incident_id, base::FormatUtc(*pm.promised_by),
                    overdue ? "that date has passed and it is not published"
                            : "it is not published yet and the date is less than a day away");
    spdlog::warn("cadence: {}", text);
    warnings_.fetch_add(1, std::memory_order_relaxed);
    boost::json::object event{
        {"event", overdue ? "cadence.report_overdue" : "cadence.report_due"},
        {"text", text},
        {"incident",
         {{"id", pm.incident_id},
          {"name", names[pm.incident_id]},
          {"url", page.ok() ? page->url + "/incidents/" + pm.incident_id : std::string()}}},
        {"promised_by", base::FormatUtc(*pm.promised_by)}};
    Warn(boost::json::serialize(event));
  }
  reports_warned_ = std::move(still_warned);
  reports_due_.store(due, std::memory_order_relaxed);
}

void Cadence::Warn(const std::string& json) { PostOpsWarning(ops_webhook_, json); }

void PostOpsWarning(const std::string& url, const std::string& json) {
  if (url.empty()) return;
  CURL* curl = curl_easy_init();
  if (!curl) return;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(json.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  if (rc != CURLE_OK || code < 200 || code >= 300) {
    spdlog::error("cadence: ops webhook {} failed: {} (HTTP {})", url, curl_easy_strerror(rc),
                  code);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
}

void Cadence::Export(base::Registry& registry) {
  registry.Add("phare_cadence_overdue_incidents",
               "Open incidents whose promised next update is overdue.", "gauge",
               [this](std::string& out) {
                 out += fmt::format("phare_cadence_overdue_incidents {}\n", overdue_.load());
               });
  registry.Add("phare_cadence_reports_due",
               "Reports promised by a date that is less than a day away or passed, unpublished.",
               "gauge", [this](std::string& out) {
                 out += fmt::format("phare_cadence_reports_due {}\n", reports_due_.load());
               });
  registry.Add("phare_cadence_warnings_total", "Overdue-update warnings raised.", "counter",
               [this](std::string& out) {
                 out += fmt::format("phare_cadence_warnings_total {}\n", warnings_.load());
               });
}

}  // namespace phare::app
