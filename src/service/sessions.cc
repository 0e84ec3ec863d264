#include "service/sessions.h"

#include "base/crypto.h"
#include "service/audit.h"
#include "service/users.h"

namespace phare::service {
namespace {

constexpr size_t kSecretBytes = 32;
constexpr size_t kMaxCookieBytes = 64;

std::string RandomToken(base::Random& random) {
  std::string raw(kSecretBytes, '\0');
  random.Fill(raw.data(), raw.size());
  return base::Base64UrlEncode(raw);
}

// A hash to verify against when the e-mail is unknown, so that answering takes as long.
const std::string& DecoyHash() {
  static const std::string hash = HashPassword("decoy password, never valid").value();
  return hash;
}

bool Expired(const model::UserSession& s, const SessionPolicy& policy, base::Time now) {
  return now - s.last_seen_at >= policy.idle || now - s.created_at >= policy.absolute;
}

}  // namespace

SessionPolicy SessionPolicy::From(const base::ConsoleConfig& c) {
  SessionPolicy p;
  p.idle = std::chrono::minutes(c.session_idle_minutes);
  p.absolute = std::chrono::hours(c.session_max_hours);
  return p;
}

base::Result<NewSession> SessionService::SignIn(std::string_view email, std::string_view password,
                                                std::string_view remote_address) {
  const base::Status refused(base::Code::kUnauthenticated, "wrong e-mail or password");
  if (email.empty() || email.size() > 320 || password.size() > kMaxPasswordBytes) return refused;
  model::User user;
  auto found = ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(user, tx.FindUserByEmail(email));
    return base::Status::Ok();
  });
  if (!found.ok() && found.code() != base::Code::kNotFound) return found;
  const bool known = found.ok() && !user.password_hash.empty();
  const bool matches = VerifyPassword(known ? user.password_hash : DecoyHash(), password) && known;
  const auto now = ctx_.clock.Now();
  const std::string address_json = "{\"address\":\"" + std::string(remote_address) + "\"}";
  if (!matches || user.disabled_at) {
    if (found.ok()) {
      PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
        return RecordAudit(tx, ActorOf(user), now, "session.refused", "user", user.id,
                           address_json);
      }));
    }
    return refused;
  }
  NewSession out;
  out.cookie = RandomToken(ctx_.random);
  out.signed_in.user = user;
  out.signed_in.session = {base::Blake2b256(out.cookie), user.id, RandomToken(ctx_.random), now,
                           now};
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.InsertSession(out.signed_in.session));
    return RecordAudit(tx, ActorOf(user), now, "session.sign_in", "user", user.id, address_json);
  }));
  return out;
}

base::Result<SignedIn> SessionService::Resolve(std::string_view cookie, bool activity) {
  const base::Status none(base::Code::kUnauthenticated, "not signed in");
  if (cookie.empty() || cookie.size() > kMaxCookieBytes) return none;
  const std::string hash = base::Blake2b256(cookie);
  const auto now = ctx_.clock.Now();
  SignedIn out;
  auto status = ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out.session, tx.FindSession(hash));
    PHARE_ASSIGN_OR_RETURN(out.user, tx.GetUser(out.session.user_id));
    return base::Status::Ok();
  });
  if (status.code() == base::Code::kNotFound) return none;
  PHARE_RETURN_IF_ERROR(status);
  if (!base::ConstantTimeEqual(out.session.id_hash, hash)) return none;
  if (Expired(out.session, policy_, now) || out.user.disabled_at) {
    PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) { return tx.DeleteSession(hash); }));
    return none;
  }
  if (activity && now - out.session.last_seen_at >= policy_.touch_every) {
    PHARE_RETURN_IF_ERROR(
        ctx_.store.Write([&](store::Tx& tx) { return tx.TouchSession(hash, now); }));
    out.session.last_seen_at = now;
  }
  return out;
}

base::Status SessionService::SignOut(const SignedIn& who) {
  return ctx_.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.DeleteSession(who.session.id_hash));
    return RecordAudit(tx, ActorOf(who.user), ctx_.clock.Now(), "session.sign_out", "user",
                       who.user.id);
  });
}

base::Result<int64_t> SessionService::Purge() {
  int64_t removed = 0;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(removed, tx.DeleteSessions("", ctx_.clock.Now() - policy_.idle));
    return base::Status::Ok();
  }));
  return removed;
}

bool CsrfMatches(const model::UserSession& session, std::string_view token) {
  return !session.csrf.empty() && base::ConstantTimeEqual(session.csrf, token);
}

}  // namespace phare::service
