// phare social list|show|edit|retry: the communicator's view of social posts
// (docs/channels.md). Each prints JSON; errors go to stderr with a non-zero exit.
#include <boost/json.hpp>

#include "app/cli.h"
#include "app/social_accounts.h"
#include "service/social_posts.h"

namespace phare::app {
namespace {

boost::json::object PostJson(const store::SocialPost& p,
                             const std::vector<notify::SocialAccount>& accounts) {
  boost::json::object o{{"id", p.id},
                        {"account", p.account},
                        {"incident_id", p.incident_id},
                        {"update_id", p.update_id},
                        {"text", p.text},
                        {"edited", p.edited},
                        {"state", store::ToString(p.state)},
                        {"attempts", p.attempts},
                        {"due_at", base::FormatUtc(p.due_at)},
                        {"remote_id", p.remote_id},
                        {"remote_uri", p.remote_uri},
                        {"last_error", p.last_error},
                        {"warnings", p.warnings}};
  if (p.posted_at) o["posted_at"] = base::FormatUtc(*p.posted_at);
  for (const auto& a : accounts) {
    if (a.name != p.account) continue;
    o["network"] = comms::ToString(a.network);
    o["length"] = comms::PostLength(a.network, p.text);
    o["limit"] = a.limit;
  }
  return o;
}

struct Flags {
  CommonOptions common;
  std::string incident;
  int64_t id = 0;
  std::string text;
  size_t limit = 100;
};

// Opens the runtime and the service, then runs `fn`.
int WithService(const Flags& f,
                const std::function<int(service::SocialPostService&,
                                        const std::vector<notify::SocialAccount>&)>& fn) {
  auto rt = OpenRuntime(f.common);
  if (!rt.ok()) return Fail(rt.status());
  auto accounts = SocialAccountsFrom((*rt)->config(), false);
  if (!accounts.ok()) return Fail(accounts.status());
  service::SocialPostService posts((*rt)->ctx(), *accounts);
  return fn(posts, *accounts);
}

}  // namespace

void AddSocialCommands(CLI::App& app, Action& action) {
  auto* social = app.add_subcommand("social", "Social posts: list, show, edit, retry");
  social->require_subcommand(1);
  auto flags = std::make_shared<Flags>();

  auto* list = social->add_subcommand("list", "List social posts (oldest first)");
  AddCommonOptions(list, flags->common);
  list->add_option("--incident", flags->incident, "only this incident's");
  list->add_option("--limit", flags->limit, "at most this many")->check(CLI::Range(1, 1000));
  list->callback([flags, &action] {
    action = [f = flags] {
      return WithService(*f, [&](auto& posts, const auto& accounts) {
        auto all = posts.List(f->incident, f->limit);
        if (!all.ok()) return Fail(all.status());
        boost::json::array out;
        for (const auto& p : *all) out.push_back(PostJson(p, accounts));
        return PrintJson(out);
      });
    };
  });

  auto* edit = social->add_subcommand("edit", "Change a pending post's text");
  AddCommonOptions(edit, flags->common);
  edit->add_option("id", flags->id, "the post's id")->required();
  edit->add_option("--text", flags->text, "the new text")->required();
  edit->callback([flags, &action] {
    action = [f = flags] {
      return WithService(*f, [&](auto& posts, const auto& accounts) {
        auto post = posts.Edit(CliActor(), f->id, f->text);
        if (!post.ok()) return Fail(post.status());
        return PrintJson(PostJson(*post, accounts));
      });
    };
  });

  auto* retry = social->add_subcommand("retry", "Post a dead post again");
  AddCommonOptions(retry, flags->common);
  retry->add_option("id", flags->id, "the post's id")->required();
  retry->callback([flags, &action] {
    action = [f = flags] {
      return WithService(*f, [&](auto& posts, const auto& accounts) {
        auto status = posts.Retry(CliActor(), f->id);
        if (!status.ok()) return Fail(status);
        auto post = posts.Get(f->id);
        if (!post.ok()) return Fail(post.status());
        return PrintJson(PostJson(*post, accounts));
      });
    };
  });
}

}  // namespace phare::app
