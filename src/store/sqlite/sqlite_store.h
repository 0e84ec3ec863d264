// The embedded SQLite backend: one database file in WAL mode, created and migrated on
// open. One writer connection, guarded by a mutex (SQLite allows one writer at a
// time anyway), and a second connection that only watches for commits by other
// processes. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/sqlite/db.h"
#include "store/store.h"

namespace phare::store::sqlite {

class SqliteStore final : public Store {
 public:
  struct Options {
    bool create = true;                // create the file if missing
    std::string synchronous = "FULL";  // see Connection::Options
  };

  // Opens `path`, applying pending migrations. IoError if the file cannot be opened,
  // FailedPrecondition if it was written by a newer phare.
  static base::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                         const Options& options);

  base::Status Write(const TxFn& fn) override;
  base::Status Read(const TxFn& fn) override;
  base::Result<int64_t> ChangeCounter() override;
  std::string Describe() const override { return "sqlite:" + path_; }

  // The schema version after migration, for `phare` diagnostics.
  int SchemaVersion() const { return schema_version_; }

 private:
  SqliteStore() = default;
  base::Status Migrate();
  base::Status RunTx(const TxFn& fn, bool write);

  std::string path_;
  int schema_version_ = 0;
  std::mutex mu_;                     // guards conn_ and serializes transactions
  std::unique_ptr<Connection> conn_;  // GUARDED_BY(mu_)
  std::mutex watch_mu_;
  std::unique_ptr<Connection> watch_;  // GUARDED_BY(watch_mu_)
};

}  // namespace phare::store::sqlite
