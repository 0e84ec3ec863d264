// Child processes for tests and benchmarks that drive real servers (smtp-sink, a
// Python webhook receiver, nginx): started with posix_spawn, stdout captured through a
// pipe, stopped with SIGTERM (then SIGKILL) when the object dies. Not thread-safe.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace phare::testing {

class Subprocess {
 public:
  // Starts argv[0] (a path) with `argv`; stderr is discarded unless `keep_stderr`;
  // stdout goes to `stdout_file` when given (then ReadLine sees nothing), else to a pipe
  // this object reads. nullptr if it cannot be started.
  static std::unique_ptr<Subprocess> Start(const std::vector<std::string>& argv,
                                           bool keep_stderr = false,
                                           const std::string& stdout_file = {}) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return nullptr;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdout_file.empty()) {
      posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    } else {
      posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_file.c_str(),
                                       O_WRONLY | O_CREAT | O_TRUNC, 0666);
    }
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (!keep_stderr) {
      posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
      close(fds[0]);
      return nullptr;
    }
    return std::unique_ptr<Subprocess>(new Subprocess(pid, fds[0]));
  }

  ~Subprocess() { Stop(); }
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  pid_t pid() const { return pid_; }

  // The next line of stdout (without the newline); nullopt on EOF or timeout.
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (const size_t nl = buffer_.find('\n'); nl != std::string::npos) {
        std::string line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return line;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !Fill(static_cast<int>(left.count()))) return std::nullopt;
    }
  }

  // Stops the process (SIGTERM, SIGKILL after 5 s) and returns the rest of its stdout.
  std::string Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      for (int i = 0; i < 500 && waitpid(pid_, nullptr, WNOHANG) == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      if (kill(pid_, 0) == 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
      }
      pid_ = -1;
    }
    if (fd_ >= 0) {
      while (Fill(1000)) {
      }
      close(fd_);
      fd_ = -1;
    }
    return std::move(buffer_);
  }

  // Waits for the process to exit; returns its exit status (-1 if killed).
  int Wait() {
    int status = 0;
    if (fd_ >= 0) {
      while (Fill(-1)) {
      }
    }
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  const std::string& output() const { return buffer_; }

 private:
  Subprocess(pid_t pid, int fd) : pid_(pid), fd_(fd) {}

  bool Fill(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char chunk[4096];
    const ssize_t n = read(fd_, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_;
  int fd_;
  std::string buffer_;
};

// Runs a command to completion; its stdout, or nullopt if it failed to start or exited
// non-zero.
inline std::optional<std::string> RunCommand(const std::vector<std::string>& argv) {
  auto process = Subprocess::Start(argv, /*keep_stderr=*/true);
  if (!process) return std::nullopt;
  const int status = process->Wait();
  if (status != 0) return std::nullopt;
  return process->output();
}

// A TCP port on 127.0.0.1 that was free a moment ago.
inline uint16_t FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// True once something accepts connections on 127.0.0.1:`port` (waits up to `timeout`).
inline bool WaitForListener(uint16_t port, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    if (ok) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace phare::testing
