// The post-mortems of incidents (model/postmortem.h): one per incident at most, with its
// facts and bodies, deleted with its incident. Part of store::Tx; services that need
// only post-mortems take this interface.
//
// Errors: NotFound for an incident without a post-mortem (Get, Delete) or an unknown
// incident (Put); the Store's errors otherwise. Not thread-safe, like Tx.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/postmortem.h"

namespace phare::store {

class PostmortemTx {
 public:
  virtual ~PostmortemTx() = default;

  virtual base::Result<model::Postmortem> GetPostmortem(std::string_view incident_id) = 0;
  // Inserts or replaces the post-mortem of `postmortem.incident_id`, facts and bodies.
  virtual base::Status PutPostmortem(const model::Postmortem& postmortem) = 0;
  virtual base::Status DeletePostmortem(std::string_view incident_id) = 0;
  // Post-mortems promised by a date (promised_by set) and not published yet, soonest
  // promise first.
  virtual base::Result<std::vector<model::Postmortem>> ListPromisedPostmortems() = 0;
};

}  // namespace phare::store
