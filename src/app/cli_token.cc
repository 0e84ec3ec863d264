// phare token create|list|revoke, phare audit.
#include <boost/json.hpp>

#include <iostream>

#include "app/cli.h"
#include "service/audit.h"
#include "service/tokens.h"

namespace phare::app {

void AddTokenCommands(CLI::App& app, Action& action) {
  auto* token = app.add_subcommand("token", "Manage admin API tokens");
  token->require_subcommand(1);

  struct CreateFlags {
    CommonOptions common;
    std::string name;
    std::string scopes = "read,write";
  };
  auto create_flags = std::make_shared<CreateFlags>();
  auto* create = token->add_subcommand(
      "create", "Create a token and print it (last line of stdout); only its hash is stored");
  AddCommonOptions(create, create_flags->common);
  create->add_option("--name", create_flags->name, "who or what uses it, e.g. ops-bot")->required();
  create
      ->add_option("--scope", create_flags->scopes,
                   "comma-separated: read, write (incidents, components), admin (everything)")
      ->capture_default_str();
  create->callback([create_flags, &action] {
    action = [f = create_flags] {
      auto scopes = model::ParseScopes(f->scopes);
      if (!scopes) {
        return Fail(base::InvalidArgument("'" + f->scopes + "' is not a list of read, write, admin",
                                          "--scope"));
      }
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      const char* user = std::getenv("USER");
      auto made = service::CreateToken(
          (*rt)->ctx(), model::Actor{std::string("cli:") + (user ? user : "?")}, f->name, *scopes);
      if (!made.ok()) return Fail(made.status());
      std::cerr << "Token '" << f->name << "' (id " << made->token.id << ", scopes " << f->scopes
                << ") created. It is shown only once:\n";
      std::cout << made->secret << "\n";
      return 0;
    };
  });

  auto list_flags = std::make_shared<CommonOptions>();
  auto* list = token->add_subcommand("list", "List tokens (never their secrets)");
  AddCommonOptions(list, *list_flags);
  list->callback([list_flags, &action] {
    action = [f = list_flags] {
      auto rt = OpenRuntime(*f);
      if (!rt.ok()) return Fail(rt.status());
      auto tokens = service::ListTokens((*rt)->store());
      if (!tokens.ok()) return Fail(tokens.status());
      boost::json::array out;
      for (const auto& t : *tokens) {
        boost::json::array scopes;
        for (auto s : t.scopes) scopes.emplace_back(model::ToString(s));
        out.emplace_back(boost::json::object{
            {"id", t.id},
            {"name", t.name},
            {"scopes", scopes},
            {"created_at", base::FormatUtc(t.created_at)},
            {"revoked_at", t.revoked_at ? boost::json::value(base::FormatUtc(*t.revoked_at))
                                        : boost::json::value(nullptr)}});
      }
      return PrintJson(out);
    };
  });

  struct RevokeFlags {
    CommonOptions common;
    std::string id;
  };
  auto revoke_flags = std::make_shared<RevokeFlags>();
  auto* revoke = token->add_subcommand("revoke", "Revoke a token by id");
  AddCommonOptions(revoke, revoke_flags->common);
  revoke->add_option("id", revoke_flags->id, "token id (from token list)")->required();
  revoke->callback([revoke_flags, &action] {
    action = [f = revoke_flags] {
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      auto status = service::RevokeToken((*rt)->ctx(), model::Actor{"cli"}, f->id);
      if (!status.ok()) return Fail(status);
      std::cerr << "Token " << f->id << " revoked.\n";
      return 0;
    };
  });
}

void AddAuditCommands(CLI::App& app, Action& action) {
  struct Flags {
    CommonOptions common;
    int limit = 50;
  };
  auto flags = std::make_shared<Flags>();
  auto* audit = app.add_subcommand("audit", "Show the audit log, newest first");
  AddCommonOptions(audit, flags->common);
  audit->add_option("--limit", flags->limit, "entries to show")->check(CLI::Range(1, 500));
  audit->callback([flags, &action] {
    action = [f = flags] {
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      auto entries = service::ListAudit((*rt)->store(), static_cast<size_t>(f->limit), 0);
      if (!entries.ok()) return Fail(entries.status());
      boost::json::array out;
      for (const auto& e : *entries) {
        out.emplace_back(boost::json::object{{"id", e.id},
                                             {"at", base::FormatUtc(e.at)},
                                             {"actor", e.actor},
                                             {"action", e.action},
                                             {"target_type", e.target_type},
                                             {"target_id", e.target_id}});
      }
      return PrintJson(out);
    };
  });
}

}  // namespace phare::app
