// phare eta eval, phare eta derive-baseline.
#include <iostream>

#include "app/cli.h"
#include "eta/eval/eval_command.h"

namespace phare::app {

void AddEtaCommands(CLI::App& app, Action& action) {
  auto* eta = app.add_subcommand("eta", "Restoration estimates: evaluation and baseline");
  eta->require_subcommand(1);

  struct Flags {
    std::vector<std::string> files;
    eta::EvalCommandOptions options;
  };
  auto flags = std::make_shared<Flags>();
  auto* eval = eta->add_subcommand(
      "eval",
      "Replay incident histories and score phare's estimates against baselines (see docs/eta.md)");
  eval->add_option("files", flags->files,
                   "incident history files: Statuspage v2 incident JSON (one, a list, or "
                   "{\"incidents\": [...]}) or the cloud provider format of data/eta")
      ->required()
      ->check(CLI::ExistingFile);
  eval->add_flag("--json", flags->options.json, "print one JSON object instead of a table");
  auto* by_source = eval->add_flag("--by-source", flags->options.by_source,
                                   "replay each file as its own page: a table per file");
  eval->add_flag("--cross-source", flags->options.cross_source,
                 "like --by-source, each file scored without its own provider in the built-in "
                 "baseline (a page phare never saw)")
      ->excludes(by_source);
  eval->callback([flags, &action] {
    action = [flags] {
      return eta::RunEvalCommand(flags->files, flags->options, std::cout, std::cerr);
    };
  });

  auto derive_files = std::make_shared<std::vector<std::string>>();
  auto* derive = eta->add_subcommand(
      "derive-baseline",
      "Print a built-in baseline file (data/eta/baseline-history.json) from histories");
  derive->add_option("files", *derive_files, "incident history files")
      ->required()
      ->check(CLI::ExistingFile);
  derive->callback([derive_files, &action] {
    action = [derive_files] {
      return eta::RunDeriveBaselineCommand(*derive_files, std::cout, std::cerr);
    };
  });
}

}  // namespace phare::app
