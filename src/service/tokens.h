// API tokens: 32 random bytes shown once as "phare_<base64url>", stored only as
// their BLAKE2b-256 hash, looked up by hash and compared in constant time.
#pragma once

#include <string>
#include <vector>

#include "model/access.h"
#include "service/context.h"

namespace phare::service {

struct NewToken {
  model::ApiToken token;
  std::string secret;  // the only copy of the secret; print it and forget it
};

// InvalidArgument for an empty/oversized name or no scopes.
base::Result<NewToken> CreateToken(Context& ctx, const model::Actor& actor, const std::string& name,
                                   std::vector<model::Scope> scopes);

// The token behind `secret`; Unauthenticated if unknown, malformed or revoked.
base::Result<model::ApiToken> Authenticate(store::Store& store, std::string_view secret);

base::Result<std::vector<model::ApiToken>> ListTokens(store::Store& store);
base::Status RevokeToken(Context& ctx, const model::Actor& actor, const std::string& id);

}  // namespace phare::service
