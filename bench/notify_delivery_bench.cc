// Delivery throughput against real receivers (run by `make bench`):
//
//   SmtpSource/...     Postfix's own smtp-source into smtp-sink: the reference rate
//   SmtpTransport/...  phare's transport into the same kind of sink, same message,
//                      same number of connections (target: >= 0.8x smtp-source)
//   WebhookTransport   signed webhooks to nginx answering 204 (target: >= 5,000/s)
//
// Each reports messages per second ("msgs/s"). Start-up of the servers is excluded; the
// sink runs without capture or counters so that it is not the bottleneck.
#include <benchmark/benchmark.h>

#include <fstream>

#include "notify/email_message.h"
#include "notify/transport.h"
#include "notify/webhook.h"
#include "support/smtp_sink.h"
#include "support/temp_dir.h"

namespace phare::notify {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kSmtpSource = "/usr/sbin/smtp-source";
constexpr const char* kNginx = "/usr/sbin/nginx";

std::string SampleMail(int i) {
  EmailEnvelope e;
  e.from_name = "État du réseau";
  e.from_addr = "status@example.net";
  e.to_addr = "client" + std::to_string(i) + "@example.org";
  e.message_id = MessageIdFor("update-1/" + std::to_string(i), "status.example.net");
  e.date = base::ParseTime("2017-11-09T06:21:00Z").value();
  e.unsubscribe_url = "https://status.example.net/unsubscribe/" + std::to_string(i);
  EmailContent c;
  c.subject = "Panne électrique à Strasbourg : « SBG1 à SBG4 » touchés";
  for (int k = 0; k < 12; ++k) {
    c.text += "Nos équipes sont mobilisées sur le site ; rétablissement estimé à 14 h 30.\n";
  }
  c.html = "<html><body>";
  for (int k = 0; k < 12; ++k) c.html += "<p>Nos équipes sont <b>mobilisées</b> sur le site.</p>";
  c.html += "</body></html>";
  return BuildEmail(e, c).value();
}

void SetRate(benchmark::State& state, int64_t messages, double seconds) {
  state.SetIterationTime(seconds);
  state.counters["msgs/s"] = benchmark::Counter(static_cast<double>(messages) / seconds);
  state.counters["messages"] = static_cast<double>(messages);
}

// Sends `requests` through `transport`, timed, and records the rate; an error on `state`
// when any is not delivered or goes unanswered.
void SendAll(benchmark::State& state, Transport& transport, const std::vector<Request>& requests) {
  const auto start = Clock::now();
  for (const auto& r : requests) (void)transport.Submit(r);
  const auto outcomes = transport.Drain();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (const auto& o : outcomes) {
    if (o.result != DeliveryResult::kDelivered) return state.SkipWithError(o.reason.c_str());
  }
  if (outcomes.size() != requests.size()) return state.SkipWithError("outcomes were lost");
  SetRate(state, static_cast<int64_t>(requests.size()), seconds);
}

void BM_SmtpSource(benchmark::State& state) {
  const auto messages = state.range(0);
  const auto connections = state.range(1);
  testing::TempDir dir;
  const std::string file = dir.File("message.txt");
  std::string mail = SampleMail(0);
  for (size_t p; (p = mail.find("\r\n")) != std::string::npos;) mail.erase(p, 1);
  std::ofstream(file) << mail;
  for (auto _ : state) {
    auto sink = testing::SmtpSink::Start("", {}, /*count=*/false);
    if (!sink) return state.SkipWithError("smtp-sink did not start");
    const auto start = Clock::now();
    auto out = testing::RunCommand({kSmtpSource, "-d", "-s", std::to_string(connections), "-m",
                                    std::to_string(messages), "-F", file, "-f",
                                    "bounces@example.net", "-t", "client@example.org",
                                    "127.0.0.1:" + std::to_string(sink->port())});
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!out) return state.SkipWithError("smtp-source failed");
    SetRate(state, messages, seconds);
  }
}

void BM_SmtpTransport(benchmark::State& state) {
  const auto messages = state.range(0);
  const auto connections = static_cast<size_t>(state.range(1));
  std::vector<Request> requests;
  for (int64_t i = 0; i < messages; ++i) {
    Request r;
    r.tag = static_cast<uint64_t>(i);
    r.channel = Channel::kEmail;
    r.mail_from = "bounces@example.net";
    r.rcpt_to = "client" + std::to_string(i) + "@example.org";
    r.body = SampleMail(static_cast<int>(i));
    requests.push_back(std::move(r));
  }
  for (auto _ : state) {
    auto sink = testing::SmtpSink::Start("", {}, /*count=*/false);
    if (!sink) return state.SkipWithError("smtp-sink did not start");
    TransportOptions options;
    options.smtp = ParseSmtpRelay(sink->url()).value();
    options.smtp_connections = connections;
    options.max_in_flight[0] = connections;
    auto transport = Transport::Create(options, base::SystemClock::Instance()).value();
    SendAll(state, *transport, requests);
  }
}

// nginx answering every request with 204, keep-alive, in a temporary prefix.
std::unique_ptr<testing::Subprocess> StartNginx(const testing::TempDir& dir, uint16_t port) {
  const std::string prefix = dir.path().string();
  std::ofstream(dir.File("nginx.conf"))
      << "daemon off; master_process off; worker_processes 1;\n"
      << "error_log " << prefix << "/error.log; pid " << prefix << "/nginx.pid;\n"
      << "events { worker_connections 4096; }\n"
      << "http { access_log off; client_body_temp_path " << prefix << "/body;\n"
      << "  server { listen 127.0.0.1:" << port << "; keepalive_requests 1000000;\n"
      << "    location / { return 204; } } }\n";
  auto nginx = testing::Subprocess::Start({kNginx, "-p", prefix, "-c", dir.File("nginx.conf")});
  if (!nginx || !testing::WaitForListener(port, std::chrono::seconds(5))) return nullptr;
  return nginx;
}

void BM_WebhookTransport(benchmark::State& state) {
  const auto messages = state.range(0);
  const auto connections = static_cast<size_t>(state.range(1));
  testing::TempDir dir;
  const uint16_t port = testing::FreeLoopbackPort();
  auto nginx = StartNginx(dir, port);
  if (!nginx) return state.SkipWithError("nginx did not start");
  base::SeededRandom random(1);
  const std::string key = DecodeWebhookSecret(NewWebhookSecret(random)).value();
  const auto payload = WebhookPayload::ForIncident(
      {"pg1", "critical", "Major System Outage"},
      R"({"id":"inc1","name":"Panne électrique","status":"identified","incident_updates":[]})");
  std::vector<Request> requests;
  for (int64_t i = 0; i < messages; ++i) {
    Request r;
    r.tag = static_cast<uint64_t>(i);
    r.channel = Channel::kWebhook;
    r.url = "http://127.0.0.1:" + std::to_string(port) + "/hook";
    r.body = payload->Render({"https://status.example.net/u/" + std::to_string(i), "",
                              base::SystemClock::Instance().Now()});
    r.webhook_id = WebhookIdFor(std::to_string(i));
    r.webhook_key = key;
    requests.push_back(std::move(r));
  }
  for (auto _ : state) {
    TransportOptions options;
    options.allow_private_targets = true;  // the receiver is on loopback
    options.max_per_host = connections;
    options.max_in_flight[1] = connections;
    auto transport = Transport::Create(options, base::SystemClock::Instance()).value();
    SendAll(state, *transport, requests);
  }
}

BENCHMARK(BM_SmtpSource)
    ->Args({10000, 8})
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmtpTransport)
    ->Args({10000, 8})
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WebhookTransport)
    ->Args({20000, 16})
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace phare::notify

BENCHMARK_MAIN();
