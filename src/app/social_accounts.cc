#include "app/social_accounts.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace phare::app {
namespace {

constexpr size_t kMaxSecretBytes = 8192;

base::Result<std::string> ReadSecret(const base::SocialAccountConfig& a, const std::string& field) {
  std::string secret;
  if (!a.token_env.empty()) {
    const char* value = std::getenv(a.token_env.c_str());
    if (!value) return base::InvalidArgument("the variable " + a.token_env + " is not set", field);
    secret = value;
  } else {
    std::ifstream in(a.token_file, std::ios::binary);
    if (!in) return base::InvalidArgument("cannot read " + a.token_file, field);
    std::ostringstream text;
    text << in.rdbuf();
    secret = text.str();
  }
  while (!secret.empty() &&
         (secret.back() == '\n' || secret.back() == '\r' || secret.back() == ' ')) {
    secret.pop_back();
  }
  if (secret.empty() || secret.size() > kMaxSecretBytes) {
    return base::InvalidArgument("the secret is empty or too long", field);
  }
  return secret;
}

}  // namespace

base::Result<std::vector<notify::SocialAccount>> SocialAccountsFrom(const base::Config& config,
                                                                    bool with_secrets) {
  std::vector<notify::SocialAccount> out;
  for (size_t i = 0; i < config.social.accounts.size(); ++i) {
    const base::SocialAccountConfig& c = config.social.accounts[i];
    const std::string prefix = "social.accounts[" + std::to_string(i) + "]";
    notify::SocialAccount a;
    a.name = c.name;
    a.network = comms::ParseNetwork(c.network).value_or(comms::Network::kMastodon);
    a.url = c.url;
    a.language = c.language;
    a.audience = model::ParseAudience(c.audience).value_or(model::Audience::kGeneral);
    auto zone = base::Zone::Find(c.time_zone.empty() ? config.page.time_zone : c.time_zone);
    if (!zone.ok()) return base::InvalidArgument(zone.status().message(), prefix + ".time_zone");
    a.zone = *zone;
    a.limit = c.max_chars > 0 ? static_cast<size_t>(c.max_chars) : comms::DefaultLimit(a.network);
    a.handle = c.handle;
    a.hold = std::chrono::seconds(c.hold_seconds);
    if (with_secrets) {
      PHARE_ASSIGN_OR_RETURN(
          a.secret, ReadSecret(c, prefix + (c.token_env.empty() ? ".token_file" : ".token_env")));
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace phare::app
