// SqliteTx: resources' downtime intervals, for service credits (store/credits.h).
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {
namespace {

constexpr std::string_view kColumns =
    "resource_id, customer_id, product, sla, kind, started_at, ended_at";

model::Downtime ReadDowntime(const Statement& s) {
  model::Downtime d;
  d.resource_id = s.Text(0);
  d.customer_id = s.Text(1);
  d.product = s.Text(2);
  d.sla = s.Text(3);
  d.kind = s.Text(4) == "down" ? model::DowntimeKind::kDown : model::DowntimeKind::kDegraded;
  d.started_at = base::FromMillis(s.Int(5));
  if (auto end = s.OptInt(6)) d.ended_at = base::FromMillis(*end);
  return d;
}

}  // namespace

base::Status SqliteTx::OpenDowntime(const std::vector<model::Downtime>& intervals) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("INSERT INTO resource_downtime (" + std::string(kColumns) +
                                       ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  for (const auto& d : intervals) {
    s->Bind(1, d.resource_id).Bind(2, d.customer_id).Bind(3, d.product).Bind(4, d.sla);
    s->Bind(5, model::ToString(d.kind)).Bind(6, base::ToMillis(d.started_at));
    if (d.ended_at) {
      s->Bind(7, base::ToMillis(*d.ended_at));
    } else {
      s->BindNull(7);
    }
    auto ran = s->Run();
    if (ran.code() == base::Code::kAlreadyExists) {
      return {base::Code::kAlreadyExists, "resource " + d.resource_id + " is already down"};
    }
    PHARE_RETURN_IF_ERROR(ran);
  }
  return base::Status::Ok();
}

base::Status SqliteTx::CloseDowntime(const std::vector<std::string>& resource_ids, base::Time at) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s, conn_.Prepare("UPDATE resource_downtime SET ended_at = max(?2, started_at) "
                                   "WHERE resource_id = ?1 AND ended_at IS NULL"));
  for (const auto& id : resource_ids) {
    s->Bind(1, id).Bind(2, base::ToMillis(at));
    PHARE_RETURN_IF_ERROR(s->Run());
  }
  return base::Status::Ok();
}

base::Result<std::vector<model::Downtime>> SqliteTx::ListOpenDowntime() {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT " + std::string(kColumns) +
                                       " FROM resource_downtime WHERE ended_at IS NULL"
                                       " ORDER BY resource_id"));
  std::vector<model::Downtime> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadDowntime(*s));
  }
  return out;
}

base::Status SqliteTx::ScanDowntime(const DowntimeQuery& query,
                                    const std::function<base::Status(model::Downtime&&)>& fn) {
  const std::string where =
      " FROM resource_downtime WHERE started_at < ?2 AND (ended_at IS NULL OR ended_at > ?1)";
  const std::string order = " ORDER BY customer_id, resource_id, started_at";
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT " + std::string(kColumns) + where +
                    (query.customer_id.empty() ? "" : " AND customer_id = ?3") + order));
  s->Bind(1, base::ToMillis(query.from)).Bind(2, base::ToMillis(query.to));
  if (!query.customer_id.empty()) s->Bind(3, query.customer_id);
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    PHARE_RETURN_IF_ERROR(fn(ReadDowntime(*s)));  // Prepare resets it for its next use
  }
  return base::Status::Ok();
}

}  // namespace phare::store::sqlite
