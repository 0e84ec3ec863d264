#include "store/sqlite/sqlite_store.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {

base::Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                             const Options& options) {
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  store->path_ = path;
  Connection::Options conn_options;
  conn_options.create = options.create;
  conn_options.synchronous = options.synchronous;
  PHARE_ASSIGN_OR_RETURN(store->conn_, Connection::Open(path, conn_options));
  PHARE_RETURN_IF_ERROR(store->Migrate());
  conn_options.create = false;
  PHARE_ASSIGN_OR_RETURN(store->watch_, Connection::Open(path, conn_options));
  return store;
}

base::Status SqliteStore::Migrate() {
  PHARE_ASSIGN_OR_RETURN(Statement * stmt, conn_->Prepare("PRAGMA user_version"));
  PHARE_ASSIGN_OR_RETURN(bool row, stmt->Step());
  int version = row ? static_cast<int>(stmt->Int(0)) : 0;
  conn_->ResetAll();
  const auto& migrations = Migrations();
  if (version > static_cast<int>(migrations.size())) {
    return {base::Code::kFailedPrecondition,
            "database '" + path_ + "' has schema version " + std::to_string(version) +
                ", newer than this phare knows (" + std::to_string(migrations.size()) +
                "); upgrade phare"};
  }
  for (; version < static_cast<int>(migrations.size()); ++version) {
    PHARE_RETURN_IF_ERROR(conn_->Exec("BEGIN IMMEDIATE"));
    base::Status status = conn_->Exec(migrations[version]);
    if (status.ok()) {
      status = conn_->Exec("PRAGMA user_version=" + std::to_string(version + 1));
    }
    if (!status.ok()) {
      (void)conn_->Exec("ROLLBACK");
      return base::Status(status.code(), "migration " + std::to_string(version + 1) +
                                             " failed: " + status.message());
    }
    PHARE_RETURN_IF_ERROR(conn_->Exec("COMMIT"));
    spdlog::debug("database {} migrated to schema version {}", path_, version + 1);
  }
  schema_version_ = version;
  return base::Status::Ok();
}

base::Status SqliteStore::Write(const TxFn& fn) { return RunTx(fn, true); }
base::Status SqliteStore::Read(const TxFn& fn) { return RunTx(fn, false); }

base::Status SqliteStore::RunTx(const TxFn& fn, bool write) {
  std::lock_guard lock(mu_);
  // BEGIN IMMEDIATE takes the write lock up front, so a busy database fails here
  // (after busy_timeout) rather than half-way through the function.
  PHARE_RETURN_IF_ERROR(conn_->Exec(write ? "BEGIN IMMEDIATE" : "BEGIN"));
  SqliteTx tx(*conn_);
  base::Status status = fn(tx);
  conn_->ResetAll();
  if (!status.ok()) {
    (void)conn_->Exec("ROLLBACK");
    return status;
  }
  status = conn_->Exec("COMMIT");
  if (!status.ok()) (void)conn_->Exec("ROLLBACK");
  return status;
}

base::Result<int64_t> SqliteStore::ChangeCounter() {
  std::lock_guard lock(watch_mu_);
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         watch_->Prepare("SELECT version FROM change_counter WHERE id = 1"));
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::Internal("the change counter row is missing");
  const int64_t version = s->Int(0);
  watch_->ResetAll();
  return version;
}

}  // namespace phare::store::sqlite
