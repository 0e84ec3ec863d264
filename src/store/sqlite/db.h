// A small RAII wrapper over the SQLite C API: a connection, prepared statements
// (cached per connection by SQL text) and typed binding. Not thread-safe: a
// Connection and its statements belong to one thread at a time (SqliteStore guards
// its connection with a mutex). Errors come back as Status, never as exceptions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace phare::store::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding is 1-based like SQLite's. Strings are copied (SQLITE_TRANSIENT).
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) {
    return Bind(index, std::string_view(text));
  }
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, int64_t{value}); }
  Statement& Bind(int index, bool value) { return Bind(index, int64_t{value ? 1 : 0}); }
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  template <class T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Advances: true with a row available, false when done (the statement is then reset
  // and may be bound and run again).
  base::Result<bool> Step();
  // Runs to completion, discarding rows.
  base::Status Run();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  std::string Text(int column) const;
  std::optional<std::string> OptText(int column) const;
  std::optional<int64_t> OptInt(int column) const;
  std::string Blob(int column) const;
  // Rows changed by the last Run()/Step() of an INSERT/UPDATE/DELETE.
  int64_t Changes() const;

 private:
  friend class Connection;
  void Reset();
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  struct Options {
    bool read_only = false;
    bool create = true;
    int busy_timeout_ms = 5000;
    std::string synchronous = "FULL";  // FULL keeps every acknowledged write across power loss
  };

  // Opens (and with `create`, creates) the database file at `path` in WAL mode.
  static base::Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                        const Options& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without results (schema, PRAGMA, BEGIN...).
  base::Status Exec(std::string_view sql);
  // A prepared statement for `sql`, reset and with bindings cleared. The reference is
  // valid until the Connection is destroyed; do not hold two uses of one SQL text.
  base::Result<Statement*> Prepare(std::string_view sql);

  // Resets every cached statement, releasing their read snapshots (before COMMIT).
  void ResetAll();
  int64_t LastInsertRowId() const;
  // PRAGMA data_version: changes whenever another connection commits.
  base::Result<int64_t> DataVersion();
  const std::string& path() const { return path_; }

 private:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// Status for the most recent error on `db`, prefixed by `what`.
base::Status SqliteError(sqlite3* db, std::string_view what);

}  // namespace phare::store::sqlite
