// The page: created on first start from the configuration, then kept in step with it
// (name, URL and zone come from the config file and flags; the id never changes).
#pragma once

#include "base/config.h"
#include "model/page.h"
#include "service/context.h"

namespace phare::service {

// Creates the page if the store has none, else updates name/url/zone when the
// configuration changed. Returns the page. InvalidArgument for a bad zone or URL.
base::Result<model::Page> EnsurePage(Context& ctx, const base::PageConfig& config);

// The page; NotFound if EnsurePage never ran on this store.
base::Result<model::Page> GetPage(store::Store& store);

}  // namespace phare::service
