// phare customer link|links|revoke: customers' private "my services" links.
#include <boost/json.hpp>

#include <iostream>

#include "app/cli.h"
#include "service/my_services.h"

namespace phare::app {
namespace {

struct CustomerFlags {
  CommonOptions common;
  std::string customer;
  std::string link;
};

// Adds `name` with the common options and a customer id argument.
CLI::App* CustomerCommand(CLI::App* parent, const std::string& name, const std::string& help,
                          CustomerFlags& f) {
  auto* cmd = parent->add_subcommand(name, help);
  AddCommonOptions(cmd, f.common);
  cmd->add_option("customer", f.customer, "customer id, as in the inventory")->required();
  return cmd;
}

int Link(const CustomerFlags& f) {
  auto rt = OpenRuntime(f.common);
  if (!rt.ok()) return Fail(rt.status());
  auto made = service::CreateCustomerLink((*rt)->ctx(), (*rt)->inventory(), CliActor(), f.customer);
  if (!made.ok()) return Fail(made.status());
  std::cerr << "Private link for customer " << f.customer << " (link id " << made->link.id
            << "); it is shown only once. Revoke it with: phare customer revoke " << f.customer
            << " --link " << made->link.id << "\n";
  std::cout << made->url << "\n";
  return 0;
}

int Links(const CustomerFlags& f) {
  auto rt = OpenRuntime(f.common);
  if (!rt.ok()) return Fail(rt.status());
  auto links = service::ListCustomerLinks((*rt)->store(), f.customer);
  if (!links.ok()) return Fail(links.status());
  boost::json::array out;
  for (const auto& l : *links) {
    out.emplace_back(boost::json::object{
        {"id", l.id},
        {"customer", l.customer_id},
        {"created_at", base::FormatUtc(l.created_at)},
        {"revoked_at", l.revoked_at ? boost::json::value(base::FormatUtc(*l.revoked_at))
                                    : boost::json::value(nullptr)}});
  }
  return PrintJson(out);
}

int Revoke(const CustomerFlags& f) {
  auto rt = OpenRuntime(f.common);
  if (!rt.ok()) return Fail(rt.status());
  auto revoked = service::RevokeCustomerLinks((*rt)->ctx(), CliActor(), f.customer, f.link);
  if (!revoked.ok()) return Fail(revoked.status());
  std::cerr << "Revoked " << *revoked << " link" << (*revoked == 1 ? "" : "s") << " of customer "
            << f.customer << ".\n";
  return 0;
}

}  // namespace

void AddCustomerCommands(CLI::App& app, Action& action) {
  auto* customer = app.add_subcommand("customer", "Customers' private \"my services\" links");
  customer->require_subcommand(1);

  auto link_flags = std::make_shared<CustomerFlags>();
  CustomerCommand(customer, "link",
                  "Create a private link to the customer's own services and print it", *link_flags)
      ->callback([link_flags, &action] { action = [f = link_flags] { return Link(*f); }; });

  auto list_flags = std::make_shared<CustomerFlags>();
  CustomerCommand(customer, "links", "List the customer's links (never the links themselves)",
                  *list_flags)
      ->callback([list_flags, &action] { action = [f = list_flags] { return Links(*f); }; });

  auto revoke_flags = std::make_shared<CustomerFlags>();
  auto* revoke = CustomerCommand(
      customer, "revoke", "Revoke the customer's links (all, or one with --link)", *revoke_flags);
  revoke->add_option("--link", revoke_flags->link, "only this link id (from customer links)");
  revoke->callback([revoke_flags, &action] { action = [f = revoke_flags] { return Revoke(*f); }; });
}

}  // namespace phare::app
