// E-mail delivery into a real SMTP server (Postfix's smtp-sink), parsed back with a
// real MIME parser (Python's email package, tests/support/mime_dump.py).
#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

#include "base/json.h"
#include "notify/email_message.h"
#include "notify/sender_thread.h"
#include "notify/transport.h"
#include "outcome_collector.h"
#include "support/smtp_sink.h"
#include "support/temp_dir.h"

namespace phare::notify {
namespace {

using testing::SmtpSink;
using testing::TempDir;

const base::Time kDate = base::ParseTime("2017-11-09T06:21:00Z").value();

EmailContent FrenchContent() {
  EmailContent c;
  c.subject = "[Résolu] Panne électrique à Strasbourg : « SBG1 à SBG4 » — mise à jour n°3";
  c.text =
      "Bonjour,\n\nL'alimentation électrique du site est rétablie ; les équipes vérifient "
      "chaque baie. Rétablissement estimé : 14 h 30 (heure de Paris).\n\n"
      "Désinscription : https://status.example.net/unsubscribe/tok-1\n";
  c.html = "<p>L'alimentation électrique est <b>rétablie</b> « enfin ».</p>";
  return c;
}

EmailEnvelope EnvelopeFor(int i) {
  EmailEnvelope e;
  e.from_name = "État du réseau";
  e.from_addr = "status@example.net";
  e.to_addr = "client" + std::to_string(i) + "@example.org";
  e.message_id = MessageIdFor("update-7/subscriber-" + std::to_string(i), "status.example.net");
  e.thread_id = "<incident-1@status.example.net>";
  e.date = kDate;
  e.unsubscribe_url = "https://status.example.net/unsubscribe/tok-" + std::to_string(i);
  return e;
}

Request MailRequest(uint64_t tag, const EmailEnvelope& e, const EmailContent& c) {
  Request r;
  r.tag = tag;
  r.channel = Channel::kEmail;
  r.mail_from = "bounces@example.net";
  r.rcpt_to = e.to_addr;
  r.body = BuildEmail(e, c).value();
  return r;
}

std::unique_ptr<Transport> TransportFor(const std::string& relay_url, size_t connections) {
  TransportOptions options;
  options.smtp = ParseSmtpRelay(relay_url).value();
  options.smtp_connections = connections;
  auto transport = Transport::Create(options, base::SystemClock::Instance());
  EXPECT_TRUE(transport.ok());
  return std::move(transport).value();
}

boost::json::array ParseDump(const std::string& dir) {
  auto out = testing::RunCommand(
      {PHARE_PYTHON3, std::string(PHARE_TEST_SUPPORT_DIR) + "/mime_dump.py", dir});
  EXPECT_TRUE(out.has_value()) << "mime_dump.py failed";
  if (!out) return {};
  auto json = base::ParseJson(*out, 64);
  EXPECT_TRUE(json.ok()) << *out;
  return json.ok() ? json->as_array() : boost::json::array{};
}

std::string Str(const boost::json::value& v) { return std::string(v.as_string()); }

TEST(SmtpDelivery, MessagesSurviveARealMimeParser) {
  TempDir dir;
  auto sink = SmtpSink::Start(dir.path().string());
  ASSERT_NE(sink, nullptr) << "smtp-sink did not start";
  auto transport = TransportFor(sink->url(), 2);
  const EmailContent content = FrenchContent();
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(transport->Submit(MailRequest(i, EnvelopeFor(i), content)).ok());
  for (const Outcome& o : transport->Drain()) {
    EXPECT_EQ(o.result, DeliveryResult::kDelivered) << o.reason;
    EXPECT_EQ(o.code, 250);
  }
  transport.reset();
  EXPECT_EQ(sink->Stop().messages, 3);

  const boost::json::array messages = ParseDump(dir.path().string());
  ASSERT_EQ(messages.size(), 3u);
  for (const auto& value : messages) {
    const auto& m = value.as_object();
    const auto& h = m.at("headers").as_object();
    EXPECT_TRUE(m.at("defects").as_array().empty()) << boost::json::serialize(m.at("defects"));
    EXPECT_EQ(Str(h.at("Subject")), content.subject);
    EXPECT_EQ(Str(m.at("from_name")), "État du réseau");
    EXPECT_EQ(Str(m.at("from_addr")), "status@example.net");
    EXPECT_EQ(Str(m.at("date_utc")), "2017-11-09T06:21:00+00:00");
    EXPECT_EQ(Str(h.at("List-Unsubscribe-Post")), "List-Unsubscribe=One-Click");
    EXPECT_EQ(Str(h.at("References")), "<incident-1@status.example.net>");
    EXPECT_EQ(Str(m.at("envelope_from")), "<bounces@example.net>");
    EXPECT_EQ(Str(m.at("multipart")), "multipart/alternative");
    // Each reader's own unsubscribe link and stable Message-ID.
    const std::string to = Str(h.at("To"));
    const int i = to[6] - '0';
    EXPECT_EQ(Str(h.at("List-Unsubscribe")), "<" + EnvelopeFor(i).unsubscribe_url + ">");
    EXPECT_EQ(Str(h.at("Message-ID")), EnvelopeFor(i).message_id);
    EXPECT_EQ(Str(m.at("envelope_to").at(0)), "<" + EnvelopeFor(i).to_addr + ">");
    const auto& parts = m.at("parts").as_array();
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(Str(parts[0].at("content_type")), "text/plain");
    EXPECT_EQ(Str(parts[0].at("charset")), "utf-8");
    EXPECT_EQ(Str(parts[0].at("transfer_encoding")), "quoted-printable");
    EXPECT_EQ(Str(parts[0].at("content")), content.text);
    EXPECT_EQ(Str(parts[1].at("content_type")), "text/html");
    EXPECT_EQ(Str(parts[1].at("content")), content.html);
  }
}

TEST(SmtpDelivery, NonLatinBodiesGoBase64AndSurvive) {
  TempDir dir;
  auto sink = SmtpSink::Start(dir.path().string());
  ASSERT_NE(sink, nullptr);
  auto transport = TransportFor(sink->url(), 1);
  EmailContent content{"Отключение электроэнергии", "Все серверы затронуты.\n", ""};
  ASSERT_TRUE(transport->Submit(MailRequest(1, EnvelopeFor(1), content)).ok());
  ASSERT_EQ(transport->Drain().at(0).result, DeliveryResult::kDelivered);
  transport.reset();
  sink->Stop();
  const auto messages = ParseDump(dir.path().string());
  ASSERT_EQ(messages.size(), 1u);
  const auto& m = messages[0].as_object();
  EXPECT_EQ(Str(m.at("headers").at("Subject")), content.subject);
  EXPECT_EQ(Str(m.at("parts").at(0).at("transfer_encoding")), "base64");
  EXPECT_EQ(Str(m.at("parts").at(0).at("content")), content.text);
}

TEST(SmtpDelivery, ReusesConnectionsToTheRelay) {
  auto sink = SmtpSink::Start("");
  ASSERT_NE(sink, nullptr);
  auto transport = TransportFor(sink->url(), 3);
  const EmailContent content = FrenchContent();
  constexpr int kMessages = 60;
  for (int i = 0; i < kMessages; ++i) {
    ASSERT_TRUE(transport->Submit(MailRequest(i, EnvelopeFor(i % 10), content)).ok());
  }
  const auto outcomes = transport->Drain();
  ASSERT_EQ(outcomes.size(), size_t{kMessages});
  for (const Outcome& o : outcomes) EXPECT_EQ(o.result, DeliveryResult::kDelivered) << o.reason;
  transport.reset();  // closes the pooled connections with QUIT
  const SmtpSink::Counters counters = sink->Stop();
  EXPECT_EQ(counters.messages, kMessages);
  // Every connection phare opened ended with QUIT: at most 3 for 60 messages.
  EXPECT_GE(counters.quits, 1);
  EXPECT_LE(counters.quits, 3);
}

TEST(SmtpDelivery, SenderPoolSplitsTheRelayConnectionsBetweenItsThreads) {
  auto sink = SmtpSink::Start("");
  ASSERT_NE(sink, nullptr);
  TransportOptions options;
  options.smtp = ParseSmtpRelay(sink->url()).value();
  options.smtp_connections = 2;
  OutcomeCollector collector;
  auto pool = SenderPool::Start(4, options, base::SystemClock::Instance(), collector.Handler());
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  EXPECT_EQ((*pool)->size(), 4u);
  const EmailContent content = FrenchContent();
  constexpr size_t kMessages = 60;
  std::vector<Request> requests;
  for (size_t i = 0; i < kMessages; ++i) {
    requests.push_back(MailRequest(i, EnvelopeFor(static_cast<int>(i)), content));
  }
  ASSERT_TRUE((*pool)->Submit(std::move(requests)).ok());
  ASSERT_TRUE(collector.WaitFor(kMessages));
  for (const Outcome& o : collector.outcomes()) {
    EXPECT_EQ(o.result, DeliveryResult::kDelivered) << o.reason;
  }
  EXPECT_EQ((*pool)->outstanding(), 0u);
  pool->reset();  // closes the pooled connections with QUIT
  const SmtpSink::Counters counters = sink->Stop();
  EXPECT_EQ(counters.messages, static_cast<int>(kMessages));
  // Four threads, yet no more connections than the relay was promised: two.
  EXPECT_GE(counters.quits, 1);
  EXPECT_LE(counters.quits, 2);
}

TEST(SmtpDelivery, RelayRepliesDecideRetryOrNot) {
  auto hard = SmtpSink::Start("", {"-f", "RCPT"});  // 5xx to RCPT TO
  auto soft = SmtpSink::Start("", {"-r", "RCPT"});  // 4xx to RCPT TO
  ASSERT_TRUE(hard && soft);
  auto to_hard = TransportFor(hard->url(), 1);
  auto to_soft = TransportFor(soft->url(), 1);
  ASSERT_TRUE(to_hard->Submit(MailRequest(1, EnvelopeFor(1), FrenchContent())).ok());
  ASSERT_TRUE(to_soft->Submit(MailRequest(2, EnvelopeFor(2), FrenchContent())).ok());
  const Outcome h = to_hard->Drain().at(0);
  const Outcome s = to_soft->Drain().at(0);
  EXPECT_EQ(h.result, DeliveryResult::kPermanent) << h.reason;
  EXPECT_GE(h.code, 500);
  EXPECT_EQ(s.result, DeliveryResult::kRetryable) << s.reason;
  EXPECT_GE(s.code, 400);
  EXPECT_LT(s.code, 500);
}

TEST(SmtpDelivery, UnreachableRelayIsRetryable) {
  const uint16_t closed = testing::FreeLoopbackPort();
  auto transport = TransportFor("smtp://127.0.0.1:" + std::to_string(closed) + "?tls=none", 1);
  ASSERT_TRUE(transport->Submit(MailRequest(9, EnvelopeFor(1), FrenchContent())).ok());
  const Outcome o = transport->Drain().at(0);
  EXPECT_EQ(o.tag, 9u);
  EXPECT_EQ(o.result, DeliveryResult::kRetryable);
  EXPECT_FALSE(o.reason.empty());
}

TEST(SmtpDelivery, RequestsThatCannotBeSentCompleteAsPermanent) {
  TransportOptions options;  // no relay configured
  auto transport = Transport::Create(options, base::SystemClock::Instance()).value();
  Request r = MailRequest(5, EnvelopeFor(1), FrenchContent());
  ASSERT_TRUE(transport->Submit(r).ok());
  const auto outcomes = transport->Drain();
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].tag, 5u);
  EXPECT_EQ(outcomes[0].result, DeliveryResult::kPermanent);
  EXPECT_NE(outcomes[0].reason.find("smtp.url"), std::string::npos);
}

}  // namespace
}  // namespace phare::notify
