// phare notify status|retry, phare subscriber import|list|delete.
#include <unistd.h>

#include <fmt/format.h>
#include <boost/json.hpp>

#include <fstream>
#include <iostream>
#include <thread>

#include "api/subscriber_json.h"
#include "app/cli.h"
#include "app/notifications.h"
#include "base/json.h"

namespace phare::app {
namespace {

boost::json::object StatsJson(const service::DeliveryStats& stats) {
  boost::json::object deliveries;
  for (size_t c = 0; c < stats.counts.by_channel.size(); ++c) {
    boost::json::object states;
    for (size_t s = 0; s < model::kDeliveryStateCount; ++s) {
      states[model::ToString(static_cast<model::DeliveryState>(s))] = stats.counts.by_channel[c][s];
    }
    deliveries[model::ToString(static_cast<model::Channel>(c))] = std::move(states);
  }
  boost::json::array jobs;
  for (const auto& j : stats.jobs) {
    jobs.push_back(boost::json::object{
        {"id", j.id},
        {"incident_id", j.incident_id},
        {"incident_update_id", j.update_id},
        {"event", store::ToString(j.event)},
        {"queued", j.queued},
        {"coalesced", j.coalesced},
        {"subscribers_done", j.cursor},
        {"subscribers_total", j.last_subscriber},
        {"finished_at", j.finished_at ? boost::json::value(base::FormatUtc(*j.finished_at))
                                      : boost::json::value(nullptr)}});
  }
  return {{"deliveries", std::move(deliveries)}, {"fanouts", std::move(jobs)}};
}

// "[#########-----------]  45%  450,000 / 1,000,000 subscribers, 430,112 queued".
std::string ProgressLine(const store::FanoutJob& j, int64_t in_outbox) {
  const double total = static_cast<double>(std::max<int64_t>(1, j.last_subscriber));
  const double done = std::min(1.0, static_cast<double>(j.cursor) / total);
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(done * kWidth);
  return fmt::format(
      "fan-out {} [{}{}] {:3.0f}%  {} / {} subscribers, {} queued, {} "
      "waiting to be sent",
      j.id, std::string(filled, '#'), std::string(kWidth - filled, '-'), done * 100, j.cursor,
      j.last_subscriber, j.queued, in_outbox);
}

int Status(const CommonOptions& common, bool watch) {
  auto rt = OpenRuntime(common);
  if (!rt.ok()) return Fail(rt.status());
  service::SubscriberService subscribers((*rt)->ctx(), SubscriberPolicyFrom((*rt)->config()));
  const bool tty = isatty(STDERR_FILENO) == 1;
  for (;;) {
    auto stats = subscribers.Stats();
    if (!stats.ok()) return Fail(stats.status());
    const store::FanoutJob* running = nullptr;
    for (const auto& j : stats->jobs) {
      if (!j.finished_at) running = &j;
    }
    const int64_t waiting = stats->counts.Total(model::DeliveryState::kPending) +
                            stats->counts.Total(model::DeliveryState::kLeased);
    const bool busy = running || (watch && waiting > 0);
    if (!busy || !(tty || watch)) {
      if (tty) std::cerr << "\n";
      return PrintJson(StatsJson(*stats));
    }
    const std::string line =
        running ? ProgressLine(*running, waiting)
                : fmt::format("all fan-outs done, {} deliveries waiting to be sent", waiting);
    if (tty) {
      std::cerr << "\r\x1b[2K" << line << std::flush;
    } else {
      std::cerr << line << "\n";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(tty ? 200 : 1000));
  }
}

// Reads JSON Lines: one subscriber per line, as the API's "subscriber" object (or wrapped
// in {"subscriber": ...}); blank lines are skipped. Imports every kMaxImportBatch lines.
int Import(const CommonOptions& common, const std::string& file, bool allow_private) {
  std::ifstream stream;
  if (file != "-") {
    stream.open(file, std::ios::binary);
    if (!stream) return Fail(base::IoError("cannot read '" + file + "'"));
  }
  std::istream& in = file == "-" ? std::cin : stream;
  auto rt = OpenRuntime(common);
  if (!rt.ok()) return Fail(rt.status());
  auto policy = SubscriberPolicyFrom((*rt)->config());
  policy.allow_private_targets |= allow_private;
  service::SubscriberService subscribers((*rt)->ctx(), policy);
  std::vector<service::SubscribeInput> batch;
  std::vector<size_t> lines;
  int64_t imported = 0, read = 0;
  auto flush = [&]() -> base::Status {
    PHARE_ASSIGN_OR_RETURN(int64_t n, subscribers.Import(CliActor(), batch, lines));
    imported += n;
    batch.clear();
    lines.clear();
    return base::Status::Ok();
  };
  std::string text;
  for (size_t line = 1; std::getline(in, text); ++line) {
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto value = base::ParseJson(text);
    if (!value.ok() || !value->is_object()) {
      return Fail(
          base::InvalidArgument("line " + std::to_string(line) + ": " +
                                (value.ok() ? "not a JSON object" : value.status().message())));
    }
    const auto* object = &value->get_object();
    if (const auto* inner = object->if_contains("subscriber"); inner && inner->is_object()) {
      object = &inner->get_object();
    }
    auto input = api::ParseSubscribeInput(*object);
    if (!input.ok()) {
      return Fail(base::Status(input.status().code(),
                               "line " + std::to_string(line) + ": " + input.status().message(),
                               input.status().field()));
    }
    input->skip_confirmation = true;
    batch.push_back(std::move(input).value());
    lines.push_back(line);
    ++read;
    if (batch.size() >= service::kMaxImportBatch) {
      if (auto s = flush(); !s.ok()) return Fail(s);
    }
  }
  if (!batch.empty()) {
    if (auto s = flush(); !s.ok()) return Fail(s);
  }
  return PrintJson(boost::json::object{{"imported", imported}, {"skipped", read - imported}});
}

void AddSubscriberCommands(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("subscriber", "Manage notification subscribers");
  sub->require_subcommand(1);
  AddSubscriberExportCommand(*sub, action);

  struct ImportFlags {
    CommonOptions common;
    std::string file;
    bool allow_private = false;
  };
  auto import_flags = std::make_shared<ImportFlags>();
  auto* import = sub->add_subcommand(
      "import", "Add active subscribers from JSON Lines (one API subscriber object per line)");
  AddCommonOptions(import, import_flags->common);
  import->add_option("FILE", import_flags->file, "the file, or - for standard input")->required();
  import->add_flag("--allow-private-targets", import_flags->allow_private,
                   "accept webhook URLs on loopback or private addresses (tests, labs)");
  import->footer(
      "Imported subscribers are active at once (no confirmation message): import only lists "
      "whose consent was collected elsewhere. Addresses already subscribed are skipped. "
      "Example line: {\"email\": \"a@example.org\", \"phare\": {\"language\": \"fr\"}}");
  import->callback([import_flags, &action] {
    action = [f = import_flags] { return Import(f->common, f->file, f->allow_private);
};
}  // namespace
);

struct ListFlags {
  CommonOptions common;
  std::string type;
  int64_t limit = 100;
  int64_t after = 0;
};
auto list_flags = std::make_shared<ListFlags>();
auto* list = sub->add_subcommand("list", "List subscribers (JSON, in the API's shape)");
AddCommonOptions(list, list_flags->common);
list->add_option("--type", list_flags->type, "email, sms, webhook or chat");
list->add_option("--limit", list_flags->limit, "at most this many")->check(CLI::Range(1, 100000));
list->add_option("--after", list_flags->after, "start after this cursor (phare.cursor)");
list->callback([list_flags, &action] {
  action = [f = list_flags] {
    store::SubscriberQuery q;
    q.limit = static_cast<size_t>(f->limit);
    q.after_key = f->after;
    if (!f->type.empty()) {
      q.channel = model::ParseChannel(f->type);
      if (!q.channel) {
        return Fail(base::InvalidArgument("must be email, sms, webhook or chat", "--type"));
      }
    }
    auto rt = OpenRuntime(f->common);
    if (!rt.ok()) return Fail(rt.status());
    service::SubscriberService subscribers((*rt)->ctx(), SubscriberPolicyFrom((*rt)->config()));
    auto found = subscribers.List(q);
    if (!found.ok()) return Fail(found.status());
    auto zone = base::Zone::Find((*rt)->page().time_zone);
    boost::json::array out;
    for (const auto& s : *found) {
      out.push_back(
          api::SubscriberJson(s, zone.ok() ? *zone : base::Zone::Utc(), api::EndpointView::kFull));
    }
    return PrintJson(out);
  };
});

struct DeleteFlags {
  CommonOptions common;
  std::string id;
};
auto delete_flags = std::make_shared<DeleteFlags>();
auto* del = sub->add_subcommand("delete", "Remove a subscriber by id");
AddCommonOptions(del, delete_flags->common);
del->add_option("ID", delete_flags->id, "the subscriber's id")->required();
del->callback([delete_flags, &action] {
  action = [f = delete_flags] {
    auto rt = OpenRuntime(f->common);
    if (!rt.ok()) return Fail(rt.status());
    service::SubscriberService subscribers((*rt)->ctx(), SubscriberPolicyFrom((*rt)->config()));
    auto status = subscribers.Delete(CliActor(), f->id);
    if (!status.ok()) return Fail(status);
    return PrintJson(boost::json::object{{"deleted", f->id}});
  };
});
}  // namespace phare::app

}  // namespace

void AddNotifyCommands(CLI::App& app, Action& action) {
  auto* notify = app.add_subcommand("notify", "Follow and repair notification delivery");
  notify->require_subcommand(1);

  struct StatusFlags {
    CommonOptions common;
    bool watch = false;
  };
  auto status_flags = std::make_shared<StatusFlags>();
  auto* status = notify->add_subcommand(
      "status", "Deliveries by channel and state, and recent fan-outs (JSON on stdout)");
  AddCommonOptions(status, status_flags->common);
  status->add_flag("--watch", status_flags->watch,
                   "wait until every fan-out is done and nothing is waiting to be sent");
  status->footer(
      "On a terminal, a progress bar (on stderr) follows a fan-out that is running until it "
      "ends.");
  status->callback([status_flags, &action] {
    action = [f = status_flags] { return Status(f->common, f->watch); };
  });

  struct RetryFlags {
    CommonOptions common;
    std::string channel;
  };
  auto retry_flags = std::make_shared<RetryFlags>();
  auto* retry =
      notify->add_subcommand("retry", "Send dead letters again (and release quarantines)");
  AddCommonOptions(retry, retry_flags->common);
  retry->add_option("--channel", retry_flags->channel, "only email, sms, webhook or chat");
  retry->callback([retry_flags, &action] {
    action = [f = retry_flags] {
      std::optional<model::Channel> channel;
      if (!f->channel.empty()) {
        channel = model::ParseChannel(f->channel);
        if (!channel) {
          return Fail(base::InvalidArgument("must be email, sms, webhook or chat", "--channel"));
        }
      }
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      service::SubscriberService subscribers((*rt)->ctx(), SubscriberPolicyFrom((*rt)->config()));
      auto retried = subscribers.RetryDeadLetters(CliActor(), channel);
      if (!retried.ok()) return Fail(retried.status());
      return PrintJson(boost::json::object{{"retried", *retried}});
    };
  });

  AddSubscriberCommands(app, action);
}

}  // namespace phare::app
