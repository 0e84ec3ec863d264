// Postfix's smtp-sink (Debian package postfix, /usr/sbin/smtp-sink) on a free loopback
// port: a real SMTP server for delivery tests and benchmarks. With a dump directory
// every received message is written to its own file there (the received headers and
// body as sent, after smtp-sink's X-Client-Addr/X-Mail-Args/X-Rcpt-Args/Received
// lines), for tests/support/mime_dump.py to parse back.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "support/subprocess.h"
#include "support/temp_dir.h"

namespace phare::testing {

inline constexpr const char* kSmtpSinkPath = "/usr/sbin/smtp-sink";

class SmtpSink {
 public:
  struct Counters {
    int sessions = 0;  // connections closed
    int quits = 0;     // sessions ended by QUIT
    int messages = 0;  // messages accepted
  };

  // `dump_dir` may be empty (messages discarded, as in benchmarks); `extra_args` adds
  // smtp-sink options, e.g. {"-f", "RCPT"} to reject recipients with a 5xx reply.
  // Without `count`, Stop() returns zero counters but the sink runs faster (benchmarks).
  // nullptr if smtp-sink is missing or does not start.
  static std::unique_ptr<SmtpSink> Start(const std::string& dump_dir,
                                         std::vector<std::string> extra_args = {},
                                         bool count = true) {
    if (access(kSmtpSinkPath, X_OK) != 0) return nullptr;
    // The -c counters go to a file: a pipe nobody reads during a run would fill up and
    // stall the sink.
    auto counters_dir = std::make_unique<TempDir>();
    const std::string counters_file = counters_dir->File("counters.txt");
    for (int attempt = 0; attempt < 5; ++attempt) {
      const uint16_t port = FreeLoopbackPort();
      std::vector<std::string> argv = {kSmtpSinkPath};
      if (count) argv.push_back("-c");
      if (geteuid() == 0) {  // smtp-sink refuses to run as root without a user to become
        argv.insert(argv.end(), {"-u", "nobody"});
        if (!dump_dir.empty()) chmod(dump_dir.c_str(), 0777);
      }
      if (!dump_dir.empty()) argv.insert(argv.end(), {"-d", dump_dir + "/%Y%m%d%H%M%S."});
      argv.insert(argv.end(), extra_args.begin(), extra_args.end());
      argv.insert(argv.end(), {"127.0.0.1:" + std::to_string(port), "256"});
      auto process = Subprocess::Start(argv, /*keep_stderr=*/false, counters_file);
      if (process && WaitForListener(port, std::chrono::seconds(5))) {
        return std::unique_ptr<SmtpSink>(
            new SmtpSink(std::move(process), port, std::move(counters_dir), counters_file));
      }
    }
    return nullptr;
  }

  uint16_t port() const { return port_; }
  // The relay URL for phare ("smtp://127.0.0.1:PORT/phare.test", no STARTTLS).
  std::string url() const {
    return "smtp://127.0.0.1:" + std::to_string(port_) + "/phare.test?tls=none";
  }

  // Stops the sink and returns its final counters (from its -c output).
  Counters Stop() {
    process_->Stop();
    std::stringstream content;
    content << std::ifstream(counters_file_).rdbuf();
    const std::string output = content.str();
    Counters counters;
    static const std::regex kLine(R"(sess=(\d+) quit=(\d+) mesg=(\d+))");
    for (auto it = std::sregex_iterator(output.begin(), output.end(), kLine);
         it != std::sregex_iterator(); ++it) {
      counters.sessions = std::stoi((*it)[1]);
      counters.quits = std::stoi((*it)[2]);
      counters.messages = std::stoi((*it)[3]);
    }
    return counters;
  }

 private:
  SmtpSink(std::unique_ptr<Subprocess> process, uint16_t port, std::unique_ptr<TempDir> dir,
           std::string counters_file)
      : process_(std::move(process)),
        port_(port),
        dir_(std::move(dir)),
        counters_file_(std::move(counters_file)) {}
  std::unique_ptr<Subprocess> process_;
  uint16_t port_;
  std::unique_ptr<TempDir> dir_;
  std::string counters_file_;
};

}  // namespace phare::testing
