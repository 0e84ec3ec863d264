#include "service/page.h"

#include "model/access.h"
#include "service/audit.h"

namespace phare::service {
namespace {

base::Status ValidatePageConfig(const base::PageConfig& config) {
  if (config.name.empty() || config.name.size() > 200) {
    return base::InvalidArgument("must be 1 to 200 bytes", "page.name");
  }
  if (!(config.url.rfind("http://", 0) == 0 || config.url.rfind("https://", 0) == 0) ||
      config.url.size() > 500) {
    return base::InvalidArgument("must be an http:// or https:// URL", "page.url");
  }
  auto zone = base::Zone::Find(config.time_zone);
  if (!zone.ok()) return base::InvalidArgument(zone.status().message(), "page.time_zone");
  return base::Status::Ok();
}

std::string TrimSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

base::Result<model::Page> EnsurePage(Context& ctx, const base::PageConfig& config) {
  PHARE_RETURN_IF_ERROR(ValidatePageConfig(config));
  model::Page page;
  const auto now = ctx.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) {
    auto existing = tx.GetPage();
    if (!existing.ok() && existing.status().code() != base::Code::kNotFound) {
      return existing.status();
    }
    const std::string url = TrimSlash(config.url);
    if (existing.ok()) {
      page = *existing;
      if (page.name == config.name && page.url == url && page.time_zone == config.time_zone) {
        return base::Status::Ok();
      }
    } else {
      page.id = base::NewId(ctx.random);
      page.created_at = now;
    }
    page.name = config.name;
    page.url = url;
    page.time_zone = config.time_zone;
    page.updated_at = now;
    PHARE_RETURN_IF_ERROR(tx.PutPage(page));
    return RecordAudit(tx, model::Actor{"config"}, now,
                       existing.ok() ? "page.update" : "page.create", "page", page.id);
  }));
  return page;
}

base::Result<model::Page> GetPage(store::Store& store) {
  model::Page page;
  PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(page, tx.GetPage());
    return base::Status::Ok();
  }));
  return page;
}

}  // namespace phare::service
