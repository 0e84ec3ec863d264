// The words of notifications and of the subscription pages, per language: catalogs in
// data/notify/catalogs/<lang>.toml (same format as the comms catalogs), embedded in the
// binary, one per shipped page language, English as the fallback for missing keys and
// languages. Loaded once; immutable and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "comms/catalog.h"

namespace phare::notify {

// Every notify catalog (aborts at first use if an embedded one is invalid, which the
// unit tests rule out).
const comms::Catalogs& NotifyCatalogs();

// Message `key` in `language` (English when that language has no catalog); the key
// itself if formatting fails, so a broken translation never stops a notification.
std::string Say(std::string_view language, std::string_view key,
                const comms::MessageArgs& args = {});

// An embedded template of src/notify/templates ("email_update.html.mustache").
std::string_view NotifyTemplate(std::string_view name);

}  // namespace phare::notify
