// phare user create|list|disable|reset: console users (docs/console.md).
#include <boost/json.hpp>

#include <iostream>

#include "app/cli.h"
#include "service/users.h"

namespace phare::app {
namespace {

service::UserService Users(Runtime& rt) {
  return service::UserService(rt.ctx(),
                              std::chrono::hours(rt.config().console.password_link_hours));
}

// Prints where the user sets a password: the link on stdout (its last line).
int PrintLink(Runtime& rt, const service::NewPasswordLink& link, const std::string& base_url) {
  const std::string base = base_url.empty() ? rt.page().url : base_url;
  std::cerr << "User " << link.user.email << " (" << model::ToString(link.user.role)
            << "): they set their password at this link, valid once until "
            << base::FormatUtc(link.expires_at) << ":\n";
  std::cout << base << "/admin/password/" << link.token << "\n";
  return 0;
}

struct UserFlags {
  CommonOptions common;
  std::string email;
  std::string role = "viewer";
  std::string base_url;
};

void AddLinkCommand(CLI::App* user, Action& action, bool create) {
  auto flags = std::make_shared<UserFlags>();
  auto* cmd =
      create ? user->add_subcommand("create",
                                    "Create a console user and print a one-time link to "
                                    "set their password (last line of stdout)")
             : user->add_subcommand("reset", "Print a new one-time link to set a user's password");
  AddCommonOptions(cmd, flags->common);
  cmd->add_option("--email", flags->email, "the user's e-mail address (their sign-in name)")
      ->required();
  if (create) {
    cmd->add_option("--role", flags->role, "viewer, communicator, operator or admin")
        ->capture_default_str();
  }
  cmd->add_option("--base-url", flags->base_url,
                  "the console's public base URL (default: the page's URL)");
  cmd->callback([flags, &action, create] {
    action = [f = flags, create] {
      auto role = model::ParseRole(f->role);
      if (!role) {
        return Fail(base::InvalidArgument(
            "'" + f->role + "' is not one of viewer, communicator, operator, admin", "--role"));
      }
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      auto users = Users(**rt);
      auto link = create ? users.Create(CliActor(), f->email, *role)
                         : users.ResetLink(CliActor(), f->email);
      if (!link.ok()) return Fail(link.status());
      return PrintLink(**rt, *link, f->base_url);
    };
  });
}

boost::json::object UserJson(const model::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"role", model::ToString(u.role)},
          {"password_set", !u.password_hash.empty()},
          {"created_at", base::FormatUtc(u.created_at)},
          {"disabled_at", u.disabled_at ? boost::json::value(base::FormatUtc(*u.disabled_at))
                                        : boost::json::value(nullptr)}};
}

}  // namespace

void AddUserCommands(CLI::App& app, Action& action) {
  auto* user = app.add_subcommand("user", "Manage operator console users");
  user->require_subcommand(1);
  AddLinkCommand(user, action, /*create=*/true);
  AddLinkCommand(user, action, /*create=*/false);

  auto list_flags = std::make_shared<CommonOptions>();
  auto* list = user->add_subcommand("list", "List console users (never their passwords)");
  AddCommonOptions(list, *list_flags);
  list->callback([list_flags, &action] {
    action = [f = list_flags] {
      auto rt = OpenRuntime(*f);
      if (!rt.ok()) return Fail(rt.status());
      auto users = Users(**rt).List();
      if (!users.ok()) return Fail(users.status());
      boost::json::array out;
      for (const auto& u : *users) out.emplace_back(UserJson(u));
      return PrintJson(out);
    };
  });

  auto disable_flags = std::make_shared<UserFlags>();
  auto* disable = user->add_subcommand("disable", "Disable a user and end their sessions");
  AddCommonOptions(disable, disable_flags->common);
  disable->add_option("--email", disable_flags->email, "the user's e-mail address")->required();
  disable->callback([disable_flags, &action] {
    action = [f = disable_flags] {
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      auto user = Users(**rt).Disable(CliActor(), f->email);
      if (!user.ok()) return Fail(user.status());
      return PrintJson(UserJson(*user));
    };
  });
}

}  // namespace phare::app
