// phare social list|edit|retry: the communicator's view of social posts
// (docs/channels.md). Each prints posts as the admin API shows them; errors go to stderr
// with a non-zero exit.
#include <boost/json.hpp>

#include "api/social_posts_api.h"
#include "app/cli.h"
#include "app/social_accounts.h"
#include "service/social_posts.h"

namespace phare::app {
namespace {

struct Flags {
  CommonOptions common;
  std::string incident;
  int64_t id = 0;
  std::string text;
  size_t limit = 100;
};

// Opens the runtime and the service, then runs `fn`.
// `fn` gets the service and a printer of posts in the API's shape (the page's zone).
using PrintPost = std::function<boost::json::object(const store::SocialPost&)>;
int WithService(const Flags& f,
                const std::function<int(service::SocialPostService&, const PrintPost&)>& fn) {
  auto rt = OpenRuntime(f.common);
  if (!rt.ok()) return Fail(rt.status());
  auto accounts = SocialAccountsFrom((*rt)->config(), false);
  if (!accounts.ok()) return Fail(accounts.status());
  service::SocialPostService posts((*rt)->ctx(), *accounts);
  auto zone = base::Zone::Find((*rt)->page().time_zone);
  const base::Zone page_zone = zone.ok() ? *zone : base::Zone::Utc();
  return fn(posts, [&](const store::SocialPost& p) {
    return api::SocialPostJson(p, *accounts, page_zone);
  });
}

}  // namespace

void AddSocialCommands(CLI::App& app, Action& action) {
  auto* social = app.add_subcommand("social", "Social posts: list, edit, retry");
  social->require_subcommand(1);
  auto flags = std::make_shared<Flags>();

  auto* list = social->add_subcommand("list", "List social posts (oldest first)");
  AddCommonOptions(list, flags->common);
  list->add_option("--incident", flags->incident, "only this incident's");
  list->add_option("--limit", flags->limit, "at most this many")->check(CLI::Range(1, 1000));
  list->callback([flags, &action] {
    action = [f = flags] {
      return WithService(*f, [&](auto& posts, const PrintPost& json) {
        auto all = posts.List(f->incident, f->limit);
        if (!all.ok()) return Fail(all.status());
        boost::json::array out;
        for (const auto& p : *all) out.push_back(json(p));
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
      return WithService(*f, [&](auto& posts, const PrintPost& json) {
        auto post = posts.Edit(CliActor(), f->id, f->text);
        if (!post.ok()) return Fail(post.status());
        return PrintJson(json(*post));
      });
    };
  });

  auto* retry = social->add_subcommand("retry", "Post a dead post again");
  AddCommonOptions(retry, flags->common);
  retry->add_option("id", flags->id, "the post's id")->required();
  retry->callback([flags, &action] {
    action = [f = flags] {
      return WithService(*f, [&](auto& posts, const PrintPost& json) {
        auto status = posts.Retry(CliActor(), f->id);
        if (!status.ok()) return Fail(status);
        auto post = posts.Get(f->id);
        if (!post.ok()) return Fail(post.status());
        return PrintJson(json(*post));
      });
    };
  });
}

}  // namespace phare::app
