#include "app/policies.h"

#include "comms/catalog.h"

namespace phare::app {

base::Result<std::vector<model::SlaPlan>> SlaPlansFrom(
    const std::vector<base::SlaPlanConfig>& configured) {
  if (configured.empty()) return std::vector<model::SlaPlan>{model::DefaultSlaPlan()};
  std::vector<model::SlaPlan> out;
  for (const auto& c : configured) {
    model::SlaPlan plan;
    plan.name = c.name;
    plan.target = c.target;
    for (const auto& t : c.tiers) plan.tiers.push_back({t.below, t.credit});
    plan.count_degraded = c.count_degraded;
    plan.floor = std::chrono::minutes(c.floor_minutes);
    plan.cap = c.cap;
    PHARE_RETURN_IF_ERROR(model::ValidatePlan(plan, "sla." + c.name));
    out.push_back(std::move(plan));
  }
  return out;
}

base::Result<service::Policies> PoliciesFrom(const base::Config& config) {
  service::Policies p;
  if (!comms::Catalogs::Builtin().Find(config.comms.default_language)) {
    std::string shipped;
    for (const auto& l : comms::Catalogs::Builtin().Languages()) shipped += " " + l;
    return base::InvalidArgument("'" + config.comms.default_language +
                                     "' is not a shipped language (shipped:" + shipped + ")",
                                 "comms.default_language");
  }
  p.default_language = config.comms.default_language;
  p.default_audience = *model::ParseAudience(config.comms.default_audience);
  p.checker.blocking.insert(config.comms.checker_blocking.begin(),
                            config.comms.checker_blocking.end());
  p.checker.disabled.insert(config.comms.checker_disabled.begin(),
                            config.comms.checker_disabled.end());
  if (auto s = comms::ValidateCheckerConfig(p.checker); !s.ok()) {
    return base::InvalidArgument(s.message(), "comms.checker_blocking");
  }
  p.cadence.interval = std::chrono::minutes(config.cadence.interval_minutes);
  p.cadence.grace = std::chrono::minutes(config.cadence.grace_minutes);
  if (auto s = comms::ValidateCadencePolicy(p.cadence); !s.ok()) {
    return base::InvalidArgument(s.message(), "cadence");
  }
  p.eta.publish_quantile = config.eta.publish_quantile;
  p.eta.operator_policy = config.eta.operator_policy == "blend"
                              ? eta::OperatorPolicy::kBlend
                              : eta::OperatorPolicy::kShowAsStated;
  p.eta.use_builtin_baseline = config.eta.builtin_baseline;
  PHARE_ASSIGN_OR_RETURN(p.sla_plans, SlaPlansFrom(config.sla));
  return p;
}

}  // namespace phare::app
