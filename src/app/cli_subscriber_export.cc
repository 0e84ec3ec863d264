// phare subscriber export: every subscriber as JSON Lines that `phare subscriber import`
// reads back, so the list survives losing everything else (keep a copy elsewhere, e.g.
// nightly). Written to a temporary file beside --out and renamed over it when complete.
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "api/subscriber_json.h"
#include "app/cli.h"
#include "app/notifications.h"
#include "service/subscribers.h"

namespace phare::app {
namespace {

namespace fs = std::filesystem;

constexpr size_t kExportBatch = 5000;

// The API's shape, with what import needs to recreate the subscriber unredacted: the
// full endpoint of webhooks and chats, and the contact address beside it.
boost::json::object ExportLine(const model::Subscriber& s, const base::Zone& zone) {
  auto object = api::SubscriberJson(s, zone);
  if (s.channel == model::Channel::kWebhook || s.channel == model::Channel::kChat) {
    object["endpoint"] = s.address;
    if (!s.contact_email.empty()) object["email"] = s.contact_email;
  }
  return object;
}

struct ExportFlags {
  CommonOptions common;
  std::string out = "-";
  bool pending = false;
};

base::Result<int64_t> WriteAll(Runtime& rt, const ExportFlags& f, std::ostream& out) {
  service::SubscriberService subscribers(rt.ctx(), SubscriberPolicyFrom(rt.config()));
  auto zone = base::Zone::Find(rt.page().time_zone);
  store::SubscriberQuery q;
  q.limit = kExportBatch;
  if (!f.pending) q.state = model::SubscriberState::kActive;
  int64_t written = 0;
  while (true) {
    PHARE_ASSIGN_OR_RETURN(auto batch, subscribers.List(q));
    for (const auto& s : batch) {
      out << boost::json::serialize(ExportLine(s, zone.ok() ? *zone : base::Zone::Utc())) << "\n";
      q.after_key = s.key;
    }
    written += static_cast<int64_t>(batch.size());
    if (batch.size() < q.limit) break;
  }
  out.flush();
  if (!out) return base::IoError("cannot write the export");
  return written;
}

int Export(const ExportFlags& f) {
  auto rt = OpenRuntime(f.common);
  if (!rt.ok()) return Fail(rt.status());
  if (f.out == "-") {
    auto n = WriteAll(**rt, f, std::cout);
    if (!n.ok()) return Fail(n.status());
    std::cerr << "Exported " << *n << " subscribers\n";
    return 0;
  }
  const std::string tmp = f.out + ".tmp";
  std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
  if (!file) return Fail(base::IoError("cannot write '" + tmp + "'"));
  auto n = WriteAll(**rt, f, file);
  file.close();
  std::error_code ec;
  if (n.ok() && !file) n = base::IoError("cannot write '" + tmp + "'");
  if (n.ok()) fs::rename(tmp, f.out, ec);
  if (!n.ok() || ec) {
    fs::remove(tmp, ec);
    return Fail(n.ok() ? base::IoError("cannot replace '" + f.out + "'") : n.status());
  }
  std::cerr << "Exported " << *n << " subscribers to " << f.out << "\n";
  return 0;
}

}  // namespace

void AddSubscriberExportCommand(CLI::App& subscriber, Action& action) {
  auto flags = std::make_shared<ExportFlags>();
  auto* cmd = subscriber.add_subcommand(
      "export", "Write every active subscriber as JSON Lines, as `subscriber import` reads them");
  AddCommonOptions(cmd, flags->common);
  cmd->add_option("--out", flags->out, "the file (replaced only once complete), or - for stdout");
  cmd->add_flag("--include-pending", flags->pending,
                "also those who have not confirmed yet (import makes every line active)");
  cmd->footer(
      "The export holds personal data and webhook URLs, which are secrets: store it as you "
      "store the database. Webhook signing secrets are not exported; import makes new ones.");
  cmd->callback([flags, &action] { action = [f = flags] { return Export(*f); }; });
}

}  // namespace phare::app
