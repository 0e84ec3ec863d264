// Webhook, chat and SMS delivery to a real HTTP receiver (tests/support/
// webhook_receiver.py) that verifies Standard Webhooks signatures independently.
#include <netdb.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <set>

#include "notify/chat_message.h"
#include "notify/endpoint_check.h"
#include "notify/retry.h"
#include "notify/sender_thread.h"
#include "notify/sms.h"
#include "notify/transport.h"
#include "notify/webhook.h"
#include "outcome_collector.h"
#include "support/temp_dir.h"
#include "support/webhook_receiver.h"

namespace phare::notify {
namespace {

using testing::TempDir;
using testing::WebhookReceiver;

const base::Time kStart = base::ParseTime("2017-11-09T06:21:00Z").value();

struct Fixture {
  TempDir dir;
  base::SeededRandom random{11};
  std::string secret = NewWebhookSecret(random);
  std::unique_ptr<WebhookReceiver> receiver;

  explicit Fixture(WebhookReceiver::Options options = {}) {
    options.secret = secret;
    receiver = WebhookReceiver::Start(dir.File("requests.jsonl"), options);
  }

  Request Webhook(uint64_t tag, const std::string& key, const std::string& path = "/hook") const {
    const auto payload = WebhookPayload::ForIncident(
        {"pg1", "critical", "Major System Outage"},
        R"({"id":"inc1","name":"Panne électrique « SBG »","status":"investigating"})");
    Request r;
    r.tag = tag;
    r.channel = Channel::kWebhook;
    r.url = receiver->Url(path);
    r.body = payload->Render({"https://status.example.net/u/" + key, "", kStart});
    r.webhook_id = WebhookIdFor(key);
    r.webhook_key = DecodeWebhookSecret(secret).value();
    return r;
  }
};

std::unique_ptr<Transport> MakeTransport(const base::Clock& clock, bool allow_private,
                                         size_t per_host = 8) {
  TransportOptions options;
  options.allow_private_targets = allow_private;
  options.max_per_host = per_host;
  return Transport::Create(options, clock).value();
}

std::string Str(const boost::json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : std::string();
}

TEST(WebhookDelivery, SignedPayloadsVerifyAtTheReceiverOverFewConnections) {
  Fixture f;
  ASSERT_NE(f.receiver, nullptr);
  auto transport = MakeTransport(base::SystemClock::Instance(), true, 2);
  constexpr int kCount = 20;
  for (int i = 0; i < kCount; ++i) {
    ASSERT_TRUE(transport->Submit(f.Webhook(i, "d" + std::to_string(i))).ok());
  }
  const auto outcomes = transport->Drain();
  ASSERT_EQ(outcomes.size(), size_t{kCount});
  for (const Outcome& o : outcomes) {
    EXPECT_EQ(o.result, DeliveryResult::kDelivered) << o.reason;
    EXPECT_EQ(o.code, 204);
  }
  const auto requests = f.receiver->Requests();
  ASSERT_EQ(requests.size(), size_t{kCount});
  std::set<std::string> ids;
  std::set<int64_t> ports;
  for (const auto& r : requests) {
    EXPECT_TRUE(r.at("valid").as_bool()) << Str(r.at("webhook_signature"));
    EXPECT_EQ(Str(r.at("content_type")), "application/json");
    EXPECT_NE(Str(r.at("body")).find("Panne électrique « SBG »"), std::string::npos);
    EXPECT_LE(r.at("max_active").as_int64(), 2);  // the per-host limit
    ids.insert(Str(r.at("webhook_id")));
    ports.insert(r.at("client_port").as_int64());
  }
  EXPECT_EQ(ids.size(), size_t{kCount});
  EXPECT_TRUE(ids.count(WebhookIdFor("d7")));
  EXPECT_LE(ports.size(), 2u);  // keep-alive: 20 requests over at most 2 connections
}

// The dispatcher's loop, with the retry math on a fake clock: no sleeping.
TEST(WebhookDelivery, RetriesWithBackoffUntilTheReceiverRecovers) {
  Fixture f({.secret = "", .fail_first = 3, .fail_status = 503});
  ASSERT_NE(f.receiver, nullptr);
  base::FakeClock clock(kStart);
  base::SeededRandom random(5);
  auto transport = MakeTransport(clock, true);
  RetryPolicy policy;
  int attempts = 0;
  std::vector<base::Duration> delays;
  for (;;) {
    ASSERT_TRUE(transport->Submit(f.Webhook(1, "update-1/sub-1")).ok());
    const Outcome o = transport->Drain().at(0);
    ++attempts;
    if (o.result == DeliveryResult::kDelivered) break;
    ASSERT_EQ(o.result, DeliveryResult::kRetryable) << o.reason;
    EXPECT_EQ(o.code, 503);
    const RetryDecision d = DecideRetry(policy, attempts, clock.Now(), o.retry_after, random);
    ASSERT_FALSE(d.dead_letter);
    delays.push_back(d.delay);
    clock.Set(d.next_attempt_at);
  }
  EXPECT_EQ(attempts, 4);
  ASSERT_EQ(delays.size(), 3u);
  for (size_t i = 0; i < delays.size(); ++i) {
    const auto full = policy.initial_delay * (1 << i);
    EXPECT_GE(delays[i], full / 2);
    EXPECT_LE(delays[i], full);
  }
  const auto requests = f.receiver->Requests();
  ASSERT_EQ(requests.size(), 4u);
  std::set<std::string> timestamps;
  for (const auto& r : requests) {
    EXPECT_EQ(Str(r.at("webhook_id")), WebhookIdFor("update-1/sub-1"));  // same id each time
    EXPECT_TRUE(r.at("valid").as_bool());
    timestamps.insert(Str(r.at("webhook_timestamp")));
  }
  // Each attempt is signed when sent, with the (fake) time of that attempt.
  EXPECT_EQ(timestamps.size(), 4u);
  EXPECT_TRUE(timestamps.count(std::to_string(base::ToMillis(kStart) / 1000)));
}

TEST(WebhookDelivery, DeadLettersAfterMaxAttemptsAndHonoursRetryAfter) {
  Fixture f({.secret = "", .fail_first = 100, .fail_status = 429, .retry_after = 120});
  ASSERT_NE(f.receiver, nullptr);
  base::FakeClock clock(kStart);
  base::SeededRandom random(5);
  auto transport = MakeTransport(clock, true);
  RetryPolicy policy;
  policy.max_attempts = 3;
  int attempts = 0;
  bool dead = false;
  while (!dead) {
    ASSERT_TRUE(transport->Submit(f.Webhook(1, "k")).ok());
    const Outcome o = transport->Drain().at(0);
    ++attempts;
    ASSERT_EQ(o.result, DeliveryResult::kRetryable);
    ASSERT_TRUE(o.retry_after.has_value());
    EXPECT_EQ(*o.retry_after, std::chrono::seconds(120));
    const RetryDecision d = DecideRetry(policy, attempts, clock.Now(), o.retry_after, random);
    if (!d.dead_letter) {
      EXPECT_GE(d.delay, std::chrono::seconds(120));
    }
    dead = d.dead_letter;
    clock.Set(d.next_attempt_at);
  }
  EXPECT_EQ(attempts, 3);
  EXPECT_EQ(f.receiver->Requests().size(), 3u);
}

TEST(WebhookDelivery, RedirectsAndClientErrorsArePermanent) {
  Fixture f;
  ASSERT_NE(f.receiver, nullptr);
  auto transport = MakeTransport(base::SystemClock::Instance(), true);
  ASSERT_TRUE(transport->Submit(f.Webhook(1, "a", "/status/302")).ok());
  ASSERT_TRUE(transport->Submit(f.Webhook(2, "b", "/status/410")).ok());
  for (const Outcome& o : transport->Drain()) {
    EXPECT_EQ(o.result, DeliveryResult::kPermanent);
    EXPECT_EQ(o.code, o.tag == 1 ? 302 : 410);
  }
  EXPECT_EQ(f.receiver->Requests().size(), 2u);  // the redirect was not followed
}

TEST(WebhookDelivery, PrivateTargetsAreRefusedUnlessAllowed) {
  Fixture f;
  ASSERT_NE(f.receiver, nullptr);
  auto strict = MakeTransport(base::SystemClock::Instance(), false);
  ASSERT_TRUE(strict->Submit(f.Webhook(1, "a")).ok());  // http://127.0.0.1:PORT/hook
  Request by_name = f.Webhook(2, "b");
  by_name.url = "http://localhost:" + std::to_string(f.receiver->port()) + "/hook";
  ASSERT_TRUE(strict->Submit(by_name).ok());
  for (const Outcome& o : strict->Drain()) {
    EXPECT_EQ(o.result, DeliveryResult::kPermanent);
    EXPECT_NE(o.reason.find("loopback"), std::string::npos) << o.reason;
  }
  EXPECT_TRUE(f.receiver->Requests().empty());

  auto lab = MakeTransport(base::SystemClock::Instance(), true);
  ASSERT_TRUE(lab->Submit(f.Webhook(3, "c")).ok());
  EXPECT_EQ(lab->Drain().at(0).result, DeliveryResult::kDelivered);
  EXPECT_EQ(f.receiver->Requests().size(), 1u);
}

// A name that only DNS (here /etc/hosts) maps to a private address passes URL
// validation; the check on the address actually connected to stops it.
TEST(WebhookDelivery, ResolvedPrivateAddressesAreRefusedAtConnectTime) {
  char name[256] = {};
  ASSERT_EQ(gethostname(name, sizeof name - 1), 0);
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo* found = nullptr;
  if (getaddrinfo(name, nullptr, &hints, &found) != 0) GTEST_SKIP() << name << " does not resolve";
  const uint32_t address = ntohl(reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr.s_addr);
  freeaddrinfo(found);
  if (ClassifyIpv4(address) == AddressClass::kPublic) GTEST_SKIP() << name << " is public";
  Fixture f;
  ASSERT_NE(f.receiver, nullptr);
  Request r = f.Webhook(1, "a");
  r.url = "http://" + std::string(name) + ":" + std::to_string(f.receiver->port()) + "/hook";
  ASSERT_TRUE(ValidateTargetUrl(r.url, false).ok());
  auto transport = MakeTransport(base::SystemClock::Instance(), false);
  ASSERT_TRUE(transport->Submit(r).ok());
  const Outcome o = transport->Drain().at(0);
  EXPECT_EQ(o.result, DeliveryResult::kPermanent);
  EXPECT_NE(o.reason.find("refused to connect to"), std::string::npos) << o.reason;
  EXPECT_TRUE(f.receiver->Requests().empty());
}

TEST(WebhookDelivery, ChatAndSmsGatewayRequests) {
  Fixture f;
  ASSERT_NE(f.receiver, nullptr);
  auto transport = MakeTransport(base::SystemClock::Instance(), true);
  ChatMessage chat;
  chat.text = "Panne électrique <SBG>";
  chat.title = "SBG";
  Request c;
  c.tag = 1;
  c.channel = Channel::kChat;
  c.url = f.receiver->Url("/chat");
  c.body = BuildChatPayload(ChatFlavor::kSlack, chat);
  ASSERT_TRUE(transport->Submit(c).ok());

  SmsGatewayConfig config;
  config.url = f.receiver->Url("/sms");
  config.headers = {"Authorization: Bearer gateway-token"};
  auto gateway = SmsGateway::Create(config).value();
  Request s;
  s.tag = 2;
  s.channel = Channel::kSms;
  s.url = gateway.config().url;
  s.content_type = gateway.config().content_type;
  s.headers = gateway.config().headers;
  s.body = gateway.RenderBody({"+33612345678", "Panne à SBG", "m1"}).value();
  ASSERT_TRUE(transport->Submit(s).ok());
  for (const Outcome& o : transport->Drain()) {
    EXPECT_EQ(o.result, DeliveryResult::kDelivered) << o.reason;
  }
  const auto requests = f.receiver->Requests();
  ASSERT_EQ(requests.size(), 2u);
  for (const auto& r : requests) {
    EXPECT_TRUE(r.at("webhook_id").is_null());  // only webhooks are signed
    if (Str(r.at("path")) == "/sms") {
      EXPECT_EQ(Str(r.at("authorization")), "Bearer gateway-token");
      EXPECT_EQ(Str(r.at("body")), R"({"to":"+33612345678","from":"","text":"Panne à SBG"})");
    } else {
      EXPECT_NE(Str(r.at("body")).find("Panne électrique &lt;SBG&gt;"), std::string::npos);
    }
  }
}

TEST(SenderThread, SendsFromAnyThreadAndHandsOutcomesBack) {
  Fixture f;
  ASSERT_NE(f.receiver, nullptr);
  OutcomeCollector collector;
  TransportOptions options;
  options.allow_private_targets = true;
  auto sender = SenderThread::Start(options, base::SystemClock::Instance(), collector.Handler());
  ASSERT_TRUE(sender.ok());
  std::vector<Request> first, second;
  for (int i = 0; i < 5; ++i) first.push_back(f.Webhook(i, "a" + std::to_string(i)));
  for (int i = 5; i < 10; ++i) second.push_back(f.Webhook(i, "a" + std::to_string(i)));
  ASSERT_TRUE((*sender)->Submit(std::move(first)).ok());
  std::thread other([&] { EXPECT_TRUE((*sender)->Submit(std::move(second)).ok()); });
  other.join();
  ASSERT_TRUE(collector.WaitFor(10));
  std::set<uint64_t> tags;
  for (const Outcome& o : collector.outcomes()) {
    EXPECT_EQ(o.result, DeliveryResult::kDelivered) << o.reason;
    tags.insert(o.tag);
  }
  EXPECT_EQ(tags.size(), 10u);
  EXPECT_EQ((*sender)->outstanding(), 0u);
  EXPECT_EQ(f.receiver->Requests().size(), 10u);
}

TEST(SenderThread, RefusesMoreThanItsQueueHolds) {
  TransportOptions options;
  options.max_queued = 3;
  auto sender =
      SenderThread::Start(options, base::SystemClock::Instance(), [](std::vector<Outcome>&) {});
  ASSERT_TRUE(sender.ok());
  std::vector<Request> requests(4);
  EXPECT_EQ((*sender)->Submit(std::move(requests)).code(), base::Code::kResourceExhausted);
  EXPECT_EQ((*sender)->outstanding(), 0u);
}

TEST(SenderPool, KeepsEachOriginWithinItsLimitAcrossThreads) {
  Fixture f;
  ASSERT_NE(f.receiver, nullptr);
  OutcomeCollector collector;
  TransportOptions options;
  options.allow_private_targets = true;
  options.max_per_host = 2;
  auto pool = SenderPool::Start(4, options, base::SystemClock::Instance(), collector.Handler());
  ASSERT_TRUE(pool.ok());
  constexpr size_t kCount = 24;
  std::vector<Request> requests;
  for (size_t i = 0; i < kCount; ++i) requests.push_back(f.Webhook(i, "p" + std::to_string(i)));
  ASSERT_TRUE((*pool)->Submit(std::move(requests)).ok());
  ASSERT_TRUE(collector.WaitFor(kCount));
  for (const Outcome& o : collector.outcomes()) {
    EXPECT_EQ(o.result, DeliveryResult::kDelivered) << o.reason;
  }
  std::set<int64_t> ports;
  for (const auto& r : f.receiver->Requests()) {
    EXPECT_LE(r.at("max_active").as_int64(), 2);  // one origin, one thread, its limit
    ports.insert(r.at("client_port").as_int64());
  }
  EXPECT_LE(ports.size(), 2u);
}

TEST(SenderPool, RefusesABatchAThreadCannotHoldAndQueuesNoneOfIt) {
  TransportOptions options;
  options.max_queued = 3;
  auto pool =
      SenderPool::Start(2, options, base::SystemClock::Instance(), [](std::vector<Outcome>&) {});
  ASSERT_TRUE(pool.ok());
  std::vector<Request> requests(7);  // e-mail in turn: 4 for the first thread, 3 for the other
  EXPECT_EQ((*pool)->Submit(std::move(requests)).code(), base::Code::kResourceExhausted);
  EXPECT_EQ((*pool)->outstanding(), 0u);
}

TEST(WebhookDelivery, AnEndpointCheckPassesOnlyWhereTheChallengeIsEchoed) {
  Fixture f;
  ASSERT_NE(f.receiver, nullptr);
  TransportOptions options;
  options.allow_private_targets = true;
  const auto& clock = base::SystemClock::Instance();
  EXPECT_TRUE(CheckEndpoint(options, clock, f.receiver->Url("/echo"), "c0ffee42").ok());
  auto silent = CheckEndpoint(options, clock, f.receiver->Url("/hook"), "c0ffee42");
  EXPECT_EQ(silent.code(), base::Code::kInvalidArgument);
  EXPECT_EQ(silent.field(), "endpoint");
  EXPECT_NE(silent.message().find("HTTP 204"), std::string::npos) << silent.message();
  EXPECT_EQ(CheckEndpoint(options, clock, f.receiver->Url("/status/500"), "c0ffee42").code(),
            base::Code::kInvalidArgument);
  // The transport's target policy applies: loopback is refused unless allowed.
  options.allow_private_targets = false;
  EXPECT_EQ(CheckEndpoint(options, clock, f.receiver->Url("/echo"), "c0ffee42").code(),
            base::Code::kInvalidArgument);
  const auto requests = f.receiver->Requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(Str(requests[0].at("body")), R"({"type":"url_verification","challenge":"c0ffee42"})");
  EXPECT_EQ(requests[0].at("status").as_int64(), 200);
}

}  // namespace
}  // namespace phare::notify
