// CPU cost of preparing notifications, per message: building a mail, rendering and
// signing a webhook, measuring an SMS. Pure CPU, no I/O.
#include <benchmark/benchmark.h>

#include "notify/email_message.h"
#include "notify/sms.h"
#include "notify/webhook.h"

namespace phare::notify {
namespace {

void BM_BuildEmail(benchmark::State& state) {
  EmailEnvelope e;
  e.from_name = "État du réseau";
  e.from_addr = "status@example.net";
  e.to_addr = "client@example.org";
  e.message_id = MessageIdFor("update-1/1", "status.example.net");
  e.unsubscribe_url = "https://status.example.net/unsubscribe/abcdef";
  EmailContent c;
  c.subject = "Panne électrique à Strasbourg : « SBG1 à SBG4 » touchés";
  for (int k = 0; k < 12; ++k) c.text += "Nos équipes sont mobilisées ; retour estimé à 14 h 30.\n";
  c.html = "<p>" + c.text + "</p>";
  for (auto _ : state) benchmark::DoNotOptimize(BuildEmail(e, c));
}
BENCHMARK(BM_BuildEmail);

void BM_RenderAndSignWebhook(benchmark::State& state) {
  base::SeededRandom random(1);
  const std::string key = DecodeWebhookSecret(NewWebhookSecret(random)).value();
  std::string incident = R"({"id":"inc1","name":"Panne","status":"identified","body":")";
  incident += std::string(3000, 'x') + "\"}";
  const auto payload = WebhookPayload::ForIncident({"pg1", "major", "Partial"}, incident).value();
  const WebhookMeta meta{"https://status.example.net/u/1", "", base::FromMillis(0)};
  for (auto _ : state) {
    const std::string body = payload.Render(meta);
    benchmark::DoNotOptimize(SignWebhook(key, "msg_1", base::FromMillis(0), body));
  }
}
BENCHMARK(BM_RenderAndSignWebhook);

void BM_MeasureSms(benchmark::State& state) {
  const std::string text =
      "Panne électrique à Strasbourg : 40 386 serveurs touchés, retour 14 h 30";
  for (auto _ : state) benchmark::DoNotOptimize(MeasureSms(text));
}
BENCHMARK(BM_MeasureSms);

}  // namespace
}  // namespace phare::notify

BENCHMARK_MAIN();
