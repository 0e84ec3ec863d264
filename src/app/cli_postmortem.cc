// phare postmortem draft|publish|show: the post-mortem of an incident from the command
// line, through the same service as the admin API (service/postmortems.h).
#include <boost/json/parse.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/postmortem_json.h"
#include "app/cli.h"
#include "service/postmortems.h"

namespace phare::app {
namespace {

constexpr size_t kMaxFactsFileBytes = 1 << 20;

struct Flags {
  CommonOptions common;
  std::string incident_id;
  std::string facts_file;           // JSON: the API's "postmortem" object
  std::vector<std::string> bodies;  // AUDIENCE:LANG=TEXT
  bool no_draft = false;
  bool no_notify = false;
};

int PrintPostmortem(Runtime& rt, const model::Postmortem& pm,
                    const service::PostmortemReport* report) {
  auto components = rt.components().List();
  if (!components.ok()) return Fail(components.status());
  auto zone = base::Zone::Find(rt.page().time_zone);
  const base::Zone z = zone.ok() ? *zone : base::Zone::Utc();
  api::RenderContext ctx{rt.page(), z, *components, nullptr, rt.ctx().policies.default_language};
  ctx.default_audience = rt.ctx().policies.default_audience;
  return PrintJson(api::PostmortemJson(ctx, pm, report));
}

base::Result<service::PostmortemInput> InputFrom(const Flags& f) {
  service::PostmortemInput in;
  if (!f.facts_file.empty()) {
    std::ifstream file(f.facts_file, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    if (!file && !file.eof()) return base::InvalidArgument("cannot be read", "--facts");
    if (text.str().size() > kMaxFactsFileBytes) {
      return base::InvalidArgument("is larger than 1 MiB", "--facts");
    }
    boost::system::error_code ec;
    auto value = boost::json::parse(text.str(), ec);
    if (ec || !value.is_object()) {
      return base::InvalidArgument("is not a JSON object: " + ec.message(), "--facts");
    }
    const auto& o = value.as_object();
    const auto* inner = o.if_contains("postmortem");
    PHARE_ASSIGN_OR_RETURN(
        in, api::ParsePostmortemInput(inner && inner->is_object() ? inner->as_object() : o));
  }
  for (const auto& spec : f.bodies) {
    const auto colon = spec.find(':');
    const auto eq = spec.find('=');
    const auto audience =
        colon == std::string::npos ? std::nullopt : model::ParseAudience(spec.substr(0, colon));
    if (!audience || eq == std::string::npos || eq < colon) {
      return base::InvalidArgument("'" + spec + "' is not AUDIENCE:LANG=TEXT", "--body-for");
    }
    in.bodies.push_back({*audience, spec.substr(colon + 1, eq - colon - 1), spec.substr(eq + 1)});
  }
  in.draft = !f.no_draft;
  return in;
}

}  // namespace

void AddPostmortemCommands(CLI::App& app, Action& action) {
  auto* pm =
      app.add_subcommand("postmortem", "Post-mortems of incidents (see docs/postmortems.md)");
  pm->require_subcommand(1);
  auto flags = std::make_shared<Flags>();

  auto* draft = pm->add_subcommand(
      "draft",
      "Save the post-mortem's facts and draft its bodies (general and technical, every "
      "shipped language); prints it with the checker's findings");
  AddCommonOptions(draft, flags->common);
  draft->add_option("incident", flags->incident_id, "incident id")->required();
  draft
      ->add_option("--facts", flags->facts_file,
                   "JSON file: the admin API's postmortem object (facts, bodies...)")
      ->check(CLI::ExistingFile);
  draft->add_option("--body-for", flags->bodies,
                    "your own body for one audience and language: general:fr=TEXT (repeatable)");
  draft->add_flag("--no-draft", flags->no_draft, "save only what is given; draft nothing");
  draft->callback([flags, &action] {
    action = [flags] {
      auto rt = OpenRuntime(flags->common);
      if (!rt.ok()) return Fail(rt.status());
      auto in = InputFrom(*flags);
      if (!in.ok()) return Fail(in.status());
      service::PostmortemService postmortems((*rt)->ctx(), (*rt)->incidents(), &(*rt)->inventory());
      service::PostmortemReport report;
      auto saved = postmortems.Save(CliActor(), flags->incident_id, *in, &report);
      if (!saved.ok()) return Fail(saved.status());
      return PrintPostmortem(**rt, *saved, &report);
    };
  });

  auto* publish = pm->add_subcommand(
      "publish",
      "Publish the post-mortem: the incident becomes 'postmortem' and subscribers "
      "are told (unless --no-notify)");
  AddCommonOptions(publish, flags->common);
  publish->add_option("incident", flags->incident_id, "incident id")->required();
  publish->add_flag("--no-notify", flags->no_notify, "do not tell subscribers");
  publish->callback([flags, &action] {
    action = [flags] {
      auto rt = OpenRuntime(flags->common);
      if (!rt.ok()) return Fail(rt.status());
      service::PostmortemService postmortems((*rt)->ctx(), (*rt)->incidents(), &(*rt)->inventory());
      service::PostmortemReport report;
      auto published = postmortems.Publish(
          CliActor(), flags->incident_id,
          flags->no_notify ? std::optional<bool>(false) : std::nullopt, &report);
      if (!published.ok()) {
        for (const auto& f : report.findings) {
          if (f.finding.blocking) {
            std::cerr << "phare: " << f.finding.rule << " (" << model::ToString(f.audience) << "/"
                      << f.language << "): " << f.finding.message << "\n";
          }
        }
        return Fail(published.status());
      }
      return PrintPostmortem(**rt, *published, &report);
    };
  });

  auto* show = pm->add_subcommand("show", "Print the post-mortem, drafts included");
  AddCommonOptions(show, flags->common);
  show->add_option("incident", flags->incident_id, "incident id")->required();
  show->callback([flags, &action] {
    action = [flags] {
      auto rt = OpenRuntime(flags->common);
      if (!rt.ok()) return Fail(rt.status());
      service::PostmortemService postmortems((*rt)->ctx(), (*rt)->incidents(), &(*rt)->inventory());
      auto pm = postmortems.Get(flags->incident_id);
      if (!pm.ok()) return Fail(pm.status());
      return PrintPostmortem(**rt, *pm, nullptr);
    };
  });
}

}  // namespace phare::app
