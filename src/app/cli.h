// Shared pieces of the `phare` command line: common options, loading configuration,
// printing results and errors. Every command prints its result on stdout (JSON for
// objects, so scripts can parse it), errors on stderr as "phare: error: ...", and
// exits 0 on success, 1 on failure, 2 on bad usage.
#pragma once

#include <CLI/CLI.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/runtime.h"
#include "base/config.h"
#include "model/access.h"

namespace phare::app {

// The command to run once the command line is parsed; returns the exit code.
using Action = std::function<int()>;

struct CommonOptions {
  std::string db;
  std::string config;
  std::string log_level;
};

// Adds --db (required unless `db_optional`), --config and --log-level to `cmd`.
void AddCommonOptions(CLI::App* cmd, CommonOptions& options, bool db_optional = false);
// Defaults, then the --config file, then --db and --log-level; sets up logging.
base::Result<base::Config> LoadConfig(const CommonOptions& options);
// LoadConfig + Runtime::Open on the system clock.
base::Result<std::unique_ptr<Runtime>> OpenRuntime(const CommonOptions& options);

// Who the audit log names for a command: "cli:$USER".
model::Actor CliActor();

int Fail(const base::Status& status);
int PrintJson(const boost::json::value& value);
// RFC 3339, or a local time ("2017-11-14 22:00") in the page's zone.
base::Result<base::Time> ParseCliTime(const std::string& text, const std::string& zone_name);

void AddServeCommands(CLI::App& app, Action& action);
void AddTokenCommands(CLI::App& app, Action& action);
void AddComponentCommands(CLI::App& app, Action& action);
void AddIncidentCommands(CLI::App& app, Action& action);
void AddAuditCommands(CLI::App& app, Action& action);
void AddEtaCommands(CLI::App& app, Action& action);
void AddExportCommands(CLI::App& app, Action& action);
// `phare subscriber export`, under the `subscriber` command.
void AddSubscriberExportCommand(CLI::App& subscriber, Action& action);
void AddInventoryCommands(CLI::App& app, Action& action);
void AddCustomerCommands(CLI::App& app, Action& action);
// phare notify status|retry, phare subscriber import|list|delete (cli_notify.cc).
void AddNotifyCommands(CLI::App& app, Action& action);
// phare social list|edit|retry (cli_social.cc).
void AddSocialCommands(CLI::App& app, Action& action);
// phare user create|reset|list|disable (cli_user.cc).
void AddUserCommands(CLI::App& app, Action& action);
void AddImportCommands(CLI::App& app, Action& action);
// phare credits (cli_credits.cc).
void AddCreditsCommands(CLI::App& app, Action& action);
// phare hotline render (cli_hotline.cc).
void AddHotlineCommands(CLI::App& app, Action& action);
void AddPostmortemCommands(CLI::App& app, Action& action);

}  // namespace phare::app
