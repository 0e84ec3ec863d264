#include "app/cli.h"

#include <boost/json/serialize.hpp>

#include <cstdlib>
#include <iostream>

#include "base/log.h"

namespace phare::app {

void AddCommonOptions(CLI::App* cmd, CommonOptions& o, bool db_optional) {
  auto* db = cmd->add_option("--db", o.db, "SQLite database file (created if missing)");
  if (!db_optional) db->required();
  cmd->add_option("--config", o.config, "TOML configuration file (see docs/configuration.md)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--log-level", o.log_level, "trace, debug, info, warn, error or off");
}

base::Result<base::Config> LoadConfig(const CommonOptions& o) {
  base::Config config;
  if (!o.config.empty()) PHARE_RETURN_IF_ERROR(base::LoadConfigFile(o.config, config));
  if (!o.db.empty()) config.db_path = o.db;
  if (!o.log_level.empty()) config.log_level = o.log_level;
  PHARE_RETURN_IF_ERROR(base::SetupLogging(config.log_level));
  return config;
}

base::Result<std::unique_ptr<Runtime>> OpenRuntime(const CommonOptions& o) {
  CommonOptions quiet = o;
  if (quiet.log_level.empty()) quiet.log_level = "warn";  // CLI commands print results, not logs
  PHARE_ASSIGN_OR_RETURN(auto config, LoadConfig(quiet));
  return Runtime::Open(config, base::SystemClock::Instance(), /*apply_page_config=*/false);
}

model::Actor CliActor() {
  const char* user = std::getenv("USER");
  return model::Actor{std::string("cli:") + (user ? user : "?")};
}

int Fail(const base::Status& status) {
  std::cerr << "phare: error: ";
  if (!status.field().empty()) std::cerr << status.field() << ": ";
  std::cerr << status.message() << "\n";
  return 1;
}

int PrintJson(const boost::json::value& value) {
  std::cout << boost::json::serialize(value) << "\n";
  return 0;
}

base::Result<base::Time> ParseCliTime(const std::string& text, const std::string& zone_name) {
  if (auto t = base::ParseTime(text); t.ok()) return t;
  PHARE_ASSIGN_OR_RETURN(auto zone, base::Zone::Find(zone_name));
  auto local = zone.ParseLocal(text);
  if (!local.ok()) {
    return base::InvalidArgument("'" + text +
                                 "' is neither an RFC 3339 time (2017-11-14T21:00:00Z) nor a "
                                 "local time in " +
                                 zone_name + " (2017-11-14 22:00)");
  }
  return local;
}

}  // namespace phare::app
