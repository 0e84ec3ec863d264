// phare: incident status and crisis communication server. See README.md.
#include <sodium.h>

#include <iostream>

#include "app/cli.h"

int main(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "phare: error: libsodium could not initialise (no entropy source?)\n";
    return 1;
  }
  CLI::App app{
      "phare: incident status and crisis-communication server.\n"
      "Serves a Statuspage-compatible status page and admin API from one SQLite file.",
      "phare"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("phare ") + PHARE_VERSION);
  phare::app::Action action;
  phare::app::AddServeCommands(app, action);
  phare::app::AddTokenCommands(app, action);
  phare::app::AddComponentCommands(app, action);
  phare::app::AddIncidentCommands(app, action);
  phare::app::AddAuditCommands(app, action);
  phare::app::AddEtaCommands(app, action);
  phare::app::AddExportCommands(app, action);
  phare::app::AddInventoryCommands(app, action);
  phare::app::AddCustomerCommands(app, action);
  phare::app::AddNotifyCommands(app, action);
  phare::app::AddSocialCommands(app, action);
  phare::app::AddUserCommands(app, action);
  phare::app::AddImportCommands(app, action);
  phare::app::AddCreditsCommands(app, action);
  phare::app::AddHotlineCommands(app, action);
  phare::app::AddPostmortemCommands(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  if (!action) return 2;
  try {
    return action();
  } catch (const std::exception& e) {
    std::cerr << "phare: error: " << e.what() << "\n";
    return 1;
  }
}
