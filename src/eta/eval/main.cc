// phare-eta-eval: replays incident histories and scores restoration estimates
// (the `phare eta eval` command's engine, runnable on its own).
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "eta/eval/eval_command.h"

int main(int argc, char** argv) {
  CLI::App app{"Replays incident histories and scores phare's restoration estimates"};
  std::vector<std::string> files;
  bool json = false;
  bool derive = false;
  app.add_option("files", files, "incident history files (Statuspage v2 or cloud format)")
      ->required();
  app.add_flag("--json", json, "print one JSON object instead of a table");
  app.add_flag("--derive-baseline", derive,
               "print a built-in baseline file (data/eta/baseline-history.json) instead");
  CLI11_PARSE(app, argc, argv);
  if (derive) return phare::eta::RunDeriveBaselineCommand(files, std::cout, std::cerr);
  return phare::eta::RunEvalCommand(files, json, std::cout, std::cerr);
}
