// tests/support/webhook_receiver.py as a test fixture: a real HTTP server on a free
// loopback port that verifies Standard Webhooks signatures, can fail the first N
// requests, and logs every request as a JSON line that Requests() reads back.
#pragma once

#include <fstream>

#include "base/json.h"
#include "support/subprocess.h"

#ifndef PHARE_PYTHON3
#define PHARE_PYTHON3 "/usr/bin/python3"
#endif
#ifndef PHARE_TEST_SUPPORT_DIR
#error "define PHARE_TEST_SUPPORT_DIR to tests/support"
#endif

namespace phare::testing {

class WebhookReceiver {
 public:
  struct Options {
    std::string secret;  // "whsec_..."; empty: signatures are not checked ("valid" false)
    int fail_first = 0;
    int fail_status = 503;
    int retry_after = 0;  // seconds, sent with failures when > 0
  };

  // `log_path` is a file in the test's temporary directory. nullptr if it won't start.
  static std::unique_ptr<WebhookReceiver> Start(const std::string& log_path, const Options& o) {
    std::vector<std::string> argv = {
        PHARE_PYTHON3,   std::string(PHARE_TEST_SUPPORT_DIR) + "/webhook_receiver.py",
        "--log",         log_path,
        "--fail-first",  std::to_string(o.fail_first),
        "--fail-status", std::to_string(o.fail_status),
        "--retry-after", std::to_string(o.retry_after)};
    if (!o.secret.empty()) argv.insert(argv.end(), {"--secret", o.secret});
    auto process = Subprocess::Start(argv);
    if (!process) return nullptr;
    auto line = process->ReadLine(std::chrono::seconds(10));
    if (!line || line->rfind("listening ", 0) != 0) return nullptr;
    const auto port = static_cast<uint16_t>(std::stoi(line->substr(10)));
    return std::unique_ptr<WebhookReceiver>(
        new WebhookReceiver(std::move(process), port, log_path));
  }

  uint16_t port() const { return port_; }
  std::string Url(const std::string& path = "/hook") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  // Every request received so far, in arrival order.
  std::vector<boost::json::object> Requests() const {
    std::vector<boost::json::object> out;
    std::ifstream in(log_path_);
    for (std::string line; std::getline(in, line);) {
      auto parsed = base::ParseJson(line);
      if (parsed.ok() && parsed->is_object()) out.push_back(parsed->as_object());
    }
    return out;
  }

 private:
  WebhookReceiver(std::unique_ptr<Subprocess> process, uint16_t port, std::string log_path)
      : process_(std::move(process)), port_(port), log_path_(std::move(log_path)) {}
  std::unique_ptr<Subprocess> process_;
  uint16_t port_;
  std::string log_path_;
};

}  // namespace phare::testing
