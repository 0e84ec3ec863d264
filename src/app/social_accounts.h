// The social accounts of the configuration ([[social.accounts]], docs/channels.md) as the
// poster and the social post service use them. Secrets are read from `token_file` or the
// `token_env` variable only when asked (the server), never logged.
#pragma once

#include <vector>

#include "base/config.h"
#include "notify/social_account.h"

namespace phare::app {

// InvalidArgument naming the setting ("social.accounts[1].token_file") when a secret cannot
// be read or is empty, or a time zone is unknown.
base::Result<std::vector<notify::SocialAccount>> SocialAccountsFrom(const base::Config& config,
                                                                    bool with_secrets);

}  // namespace phare::app
