#include "store/sqlite/db.h"

#include <sqlite3.h>

namespace phare::store::sqlite {

base::Status SqliteError(sqlite3* db, std::string_view what) {
  const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
  const int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return {base::Code::kUnavailable, "database is busy (" + message + ")"};
  }
  if (primary == SQLITE_CONSTRAINT) return {base::Code::kAlreadyExists, message};
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ||
      primary == SQLITE_READONLY || primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    return base::IoError(message);
  }
  return base::Internal(message);
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

base::Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  // Reset at the end (keeping bindings) so the statement can be re-bound and releases
  // its read snapshot at once.
  sqlite3_reset(stmt_);
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, "step");
}

base::Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return base::Status::Ok();
  }
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::OptText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::optional<int64_t> Statement::OptInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::string Statement::Blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (!data) return {};
  return {static_cast<const char*>(data), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

int64_t Statement::Changes() const { return sqlite3_changes64(db_); }

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

base::Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                           const Options& options) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    auto status = SqliteError(db, "cannot open database '" + path + "'");
    sqlite3_close_v2(db);
    return status;
  }
  std::unique_ptr<Connection> conn(new Connection(db, path));
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  std::string pragmas = "PRAGMA foreign_keys=ON;";
  if (!options.read_only) {
    pragmas += "PRAGMA journal_mode=WAL; PRAGMA synchronous=" + options.synchronous + ";";
  }
  PHARE_RETURN_IF_ERROR(conn->Exec(pragmas));
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt->stmt_);
  cache_.clear();
  sqlite3_close_v2(db_);
}

base::Status Connection::Exec(std::string_view sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    sqlite3_free(error);
    return SqliteError(db_, "exec");
  }
  return base::Status::Ok();
}

base::Result<Statement*> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return SqliteError(db_, "prepare");
  }
  auto owned = std::make_unique<Statement>(db_, stmt);
  Statement* raw = owned.get();
  cache_.emplace(std::string(sql), std::move(owned));
  return raw;
}

void Connection::ResetAll() {
  for (auto& [sql, stmt] : cache_) sqlite3_reset(stmt->stmt_);
}

int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

base::Result<int64_t> Connection::DataVersion() {
  PHARE_ASSIGN_OR_RETURN(Statement * stmt, Prepare("PRAGMA data_version"));
  PHARE_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return base::Internal("PRAGMA data_version returned no row");
  const int64_t version = stmt->Int(0);
  stmt->Reset();
  return version;
}

}  // namespace phare::store::sqlite
