// phare credits: the service credits of a month, per customer and resource, with totals
// per product (docs/credits.md).
#include <fmt/format.h>
#include <boost/json.hpp>

#include <iostream>

#include "api/credits_json.h"
#include "app/cli.h"
#include "service/credits.h"

namespace phare::app {
namespace {

struct CreditsFlags {
  CommonOptions common;
  std::string month;
  std::string customer;
  bool json = false;
  bool csv = false;
};

std::string Hours(base::Duration d) {
  const int64_t minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
  return fmt::format("{}h{:02}", minutes / 60, minutes % 60);
}

void PrintText(const service::CreditReport& r) {
  std::cout << "Service credits for " << r.month << " (UTC"
            << (r.complete ? "" : ", month not over: downtime so far") << ")\n";
  std::cout << fmt::format("{:<16} {:<24} {:<16} {:>9} {:>13} {:>5} {:>7}\n", "customer",
                           "resource", "product", "downtime", "availability", "tier", "credit");
  for (const auto& c : r.customers) {
    for (const auto& l : c.resources) {
      std::cout << fmt::format(
          "{:<16} {:<24} {:<16} {:>9} {:>12.4f}% {:>5} {:>6g}%\n", c.customer_id, l.resource_id,
          l.product, Hours(l.credit.downtime), l.credit.availability,
          l.credit.tier < 0 ? std::string("-") : std::to_string(l.credit.tier + 1),
          l.credit.credit);
    }
  }
  std::cout << "\nTotals per product\n";
  for (const auto& p : r.products) {
    std::string tiers;
    for (const auto& [credit, n] : p.by_credit) tiers += fmt::format(" {}×{:g}%", n, credit);
    std::cout << fmt::format(
        "{:<16} {} with downtime, {} credited ({}h of downtime){}\n", p.product, p.resources,
        p.credited, std::chrono::duration_cast<std::chrono::hours>(p.downtime).count(), tiers);
  }
}

int Run(const CreditsFlags& f) {
  auto rt = OpenRuntime(f.common);
  if (!rt.ok()) return Fail(rt.status());
  service::InventoryService& inventory = (*rt)->inventory();
  auto report = service::ComputeCredits((*rt)->store(), (*rt)->ctx().policies.sla_plans,
                                        {f.month, f.customer}, (*rt)->ctx().clock.Now(),
                                        [&inventory] { return inventory.Snapshot(); });
  if (!report.ok()) return Fail(report.status());
  if (f.json) return PrintJson(api::CreditReportJson(*report));
  if (f.csv) {
    std::cout << api::CreditReportCsv(*report);
    return 0;
  }
  PrintText(*report);
  return 0;
}

}  // namespace

void AddCreditsCommands(CLI::App& app, Action& action) {
  auto flags = std::make_shared<CreditsFlags>();
  auto* cmd = app.add_subcommand(
      "credits", "Service credits of a month: per customer and resource, totals per product");
  AddCommonOptions(cmd, flags->common);
  cmd->add_option("--month", flags->month, "the month, as YYYY-MM (UTC)")->required();
  cmd->add_option("--customer", flags->customer, "only this customer's statement");
  auto* json = cmd->add_flag("--json", flags->json, "print JSON");
  cmd->add_flag("--csv", flags->csv, "print CSV, one line per resource")->excludes(json);
  cmd->callback([flags, &action] { action = [f = flags] { return Run(*f); }; });
}

}  // namespace phare::app
