#include "service/users.h"

#include <sodium.h>

#include "base/crypto.h"
#include "comms/catalog.h"
#include "notify/address.h"
#include "service/audit.h"

namespace phare::service {
namespace {

constexpr size_t kLinkTokenBytes = 32;

std::string EmailJson(const model::User& user) {
  // E-mail addresses are validated: no quote or backslash can reach this JSON.
  return "{\"email\":\"" + user.email + "\",\"role\":\"" + std::string(model::ToString(user.role)) +
         "\"}";
}

}  // namespace

base::Result<std::string> HashPassword(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return base::Internal("not enough memory to hash a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

base::Status CheckNewPassword(std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return base::InvalidArgument(
        "must be at least " + std::to_string(kMinPasswordBytes) + " characters", "password");
  }
  if (password.size() > kMaxPasswordBytes) {
    return base::InvalidArgument("must be at most " + std::to_string(kMaxPasswordBytes) + " bytes",
                                 "password");
  }
  return base::Status::Ok();
}

model::Actor ActorOf(const model::User& user) { return model::Actor{"user:" + user.email}; }

base::Result<NewPasswordLink> UserService::IssueLink(store::Tx& tx, const model::User& user) {
  std::string raw(kLinkTokenBytes, '\0');
  ctx_.random.Fill(raw.data(), raw.size());
  NewPasswordLink out{user, base::Base64UrlEncode(raw), ctx_.clock.Now() + link_ttl_};
  model::PasswordLink link{base::Blake2b256(out.token), user.id, ctx_.clock.Now(), out.expires_at,
                           std::nullopt};
  PHARE_RETURN_IF_ERROR(tx.InsertPasswordLink(link));
  return out;
}

base::Result<NewPasswordLink> UserService::Create(const model::Actor& actor, std::string_view email,
                                                  model::Role role) {
  PHARE_ASSIGN_OR_RETURN(auto normalized, notify::NormalizeEmailAddress(email));
  model::User user;
  user.id = base::NewId(ctx_.random);
  user.email = std::move(normalized);
  user.role = role;
  user.created_at = ctx_.clock.Now();
  NewPasswordLink out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    if (tx.FindUserByEmail(user.email).ok()) {
      return base::Status(base::Code::kAlreadyExists, "a user with this e-mail exists", "email");
    }
    PHARE_RETURN_IF_ERROR(tx.InsertUser(user));
    PHARE_ASSIGN_OR_RETURN(out, IssueLink(tx, user));
    return RecordAudit(tx, actor, user.created_at, "user.create", "user", user.id, EmailJson(user));
  }));
  return out;
}

base::Result<NewPasswordLink> UserService::ResetLink(const model::Actor& actor,
                                                     std::string_view email) {
  NewPasswordLink out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto user, tx.FindUserByEmail(email));
    PHARE_ASSIGN_OR_RETURN(out, IssueLink(tx, user));
    return RecordAudit(tx, actor, ctx_.clock.Now(), "user.password_link", "user", user.id);
  }));
  return out;
}

base::Result<std::vector<model::User>> UserService::List() {
  std::vector<model::User> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListUsers());
    return base::Status::Ok();
  }));
  return out;
}

base::Result<model::User> UserService::Get(std::string_view id) {
  model::User out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.GetUser(id));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<model::User> UserService::Disable(const model::Actor& actor, std::string_view email) {
  model::User user;
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(user, tx.FindUserByEmail(email));
    if (!user.disabled_at) user.disabled_at = now;
    PHARE_RETURN_IF_ERROR(tx.UpdateUser(user));
    PHARE_RETURN_IF_ERROR(tx.DeleteSessions(user.id, now).status());
    return RecordAudit(tx, actor, now, "user.disable", "user", user.id, EmailJson(user));
  }));
  return user;
}

base::Result<model::User> UserService::SetLanguage(const model::Actor& actor, std::string_view id,
                                                   std::string_view language) {
  if (!language.empty() && !comms::Catalogs::Builtin().Find(language)) {
    return base::InvalidArgument("'" + std::string(language) + "' is not a language of phare",
                                 "language");
  }
  model::User user;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(user, tx.GetUser(id));
    user.language = std::string(language);
    PHARE_RETURN_IF_ERROR(tx.UpdateUser(user));
    return RecordAudit(tx, actor, ctx_.clock.Now(), "user.language", "user", user.id,
                       "{\"language\":\"" + user.language + "\"}");
  }));
  return user;
}

base::Result<model::PasswordLink> UserService::UsableLink(store::Tx& tx, std::string_view token) {
  const base::Status unknown = base::NotFound("this link is not valid");
  if (token.empty() || token.size() > 64) return unknown;
  auto link = tx.FindPasswordLink(base::Blake2b256(token));
  if (link.status().code() == base::Code::kNotFound) return unknown;
  PHARE_RETURN_IF_ERROR(link.status());
  if (link->used_at || link->expires_at <= ctx_.clock.Now()) {
    return base::Status(base::Code::kFailedPrecondition, "this link was used or has expired");
  }
  return link;
}

base::Result<model::User> UserService::CheckLink(std::string_view token) {
  model::User user;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto link, UsableLink(tx, token));
    PHARE_ASSIGN_OR_RETURN(user, tx.GetUser(link.user_id));
    return base::Status::Ok();
  }));
  return user;
}

base::Result<model::User> UserService::SetPassword(std::string_view token,
                                                   std::string_view password) {
  PHARE_RETURN_IF_ERROR(CheckNewPassword(password));
  PHARE_ASSIGN_OR_RETURN(auto hash, HashPassword(password));  // slow: outside the transaction
  model::User user;
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto link, UsableLink(tx, token));
    PHARE_ASSIGN_OR_RETURN(user, tx.GetUser(link.user_id));
    if (user.disabled_at) return base::Status(base::Code::kFailedPrecondition, "user disabled");
    user.password_hash = hash;
    PHARE_RETURN_IF_ERROR(tx.UpdateUser(user));
    PHARE_RETURN_IF_ERROR(tx.UsePasswordLinks(user.id, now));
    PHARE_RETURN_IF_ERROR(tx.DeleteSessions(user.id, now).status());
    return RecordAudit(tx, ActorOf(user), now, "user.set_password", "user", user.id);
  }));
  return user;
}

}  // namespace phare::service
