#include "model/user.h"

namespace phare::model {

std::string_view ToString(Role role) {
  switch (role) {
    case Role::kViewer:
      return "viewer";
    case Role::kCommunicator:
      return "communicator";
    case Role::kOperator:
      return "operator";
    case Role::kAdmin:
      return "admin";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view text) {
  for (Role role : {Role::kViewer, Role::kCommunicator, Role::kOperator, Role::kAdmin}) {
    if (text == ToString(role)) return role;
  }
  return std::nullopt;
}

bool User::Allows(Role wanted) const {
  return !disabled_at && static_cast<int>(role) >= static_cast<int>(wanted);
}

}  // namespace phare::model
