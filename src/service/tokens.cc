#include "service/tokens.h"

#include "base/crypto.h"
#include "service/audit.h"

namespace phare::service {
namespace {

constexpr std::string_view kPrefix = "phare_";
constexpr size_t kSecretBytes = 32;

}  // namespace

base::Result<NewToken> CreateToken(Context& ctx, const model::Actor& actor, const std::string& name,
                                   std::vector<model::Scope> scopes) {
  if (name.empty() || name.size() > 100) {
    return base::InvalidArgument("must be 1 to 100 bytes", "name");
  }
  if (scopes.empty()) return base::InvalidArgument("at least one scope is needed", "scopes");
  std::string raw(kSecretBytes, '\0');
  ctx.random.Fill(raw.data(), raw.size());
  NewToken out;
  out.secret = std::string(kPrefix) + base::Base64UrlEncode(raw);
  out.token.id = base::NewId(ctx.random);
  out.token.name = name;
  out.token.hash = base::Blake2b256(out.secret);
  out.token.scopes = std::move(scopes);
  out.token.created_at = ctx.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.InsertToken(out.token));
    return RecordAudit(tx, actor, out.token.created_at, "token.create", "token", out.token.id);
  }));
  return out;
}

base::Result<model::ApiToken> Authenticate(store::Store& store, std::string_view secret) {
  const base::Status unauthenticated(base::Code::kUnauthenticated, "unknown or revoked API token");
  if (secret.size() < kPrefix.size() + 8 || secret.size() > 128) return unauthenticated;
  const std::string hash = base::Blake2b256(secret);
  model::ApiToken token;
  auto status = store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(token, tx.FindTokenByHash(hash));
    return base::Status::Ok();
  });
  if (status.code() == base::Code::kNotFound) return unauthenticated;
  PHARE_RETURN_IF_ERROR(status);
  // The lookup was by hash; compare again in constant time so timing never depends on
  // how much of a guessed hash matched an index entry.
  if (!base::ConstantTimeEqual(token.hash, hash) || token.revoked_at) return unauthenticated;
  return token;
}

base::Result<std::vector<model::ApiToken>> ListTokens(store::Store& store) {
  std::vector<model::ApiToken> out;
  PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListTokens());
    return base::Status::Ok();
  }));
  return out;
}

base::Status RevokeToken(Context& ctx, const model::Actor& actor, const std::string& id) {
  const auto now = ctx.clock.Now();
  return ctx.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.RevokeToken(id, now));
    return RecordAudit(tx, actor, now, "token.revoke", "token", id);
  });
}

}  // namespace phare::service
