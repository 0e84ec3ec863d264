// SqliteTx: incidents, maintenance and their updates.
#include <algorithm>
#include <unordered_map>

#include "store/sqlite/names_column.h"
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {
namespace {

constexpr std::string_view kIncidentColumns =
    "id, page_id, kind, name, status, impact, impact_override, created_at, updated_at, "
    "started_at, identified_at, monitoring_at, resolved_at, scheduled_for, scheduled_until, "
    "scheduled_remind_prior, scheduled_auto_in_progress, scheduled_auto_completed, cause, "
    "next_update_at, closed, names";

std::optional<base::Time> OptTime(const Statement& s, int column) {
  auto v = s.OptInt(column);
  if (!v) return std::nullopt;
  return base::FromMillis(*v);
}

std::optional<int64_t> OptMillis(const std::optional<base::Time>& t) {
  if (!t) return std::nullopt;
  return base::ToMillis(*t);
}

model::Incident ReadIncident(const Statement& s) {
  using model::IncidentStatus;
  model::Incident i;
  i.id = s.Text(0);
  i.page_id = s.Text(1);
  i.kind = model::ParseIncidentKind(s.Text(2)).value_or(model::IncidentKind::kIncident);
  i.name = s.Text(3);
  i.status = model::ParseIncidentStatus(s.Text(4)).value_or(IncidentStatus::kInvestigating);
  i.impact = model::ParseImpact(s.Text(5)).value_or(model::Impact::kNone);
  if (auto o = s.OptText(6)) i.impact_override = model::ParseImpact(*o);
  i.created_at = base::FromMillis(s.Int(7));
  i.updated_at = base::FromMillis(s.Int(8));
  i.started_at = base::FromMillis(s.Int(9));
  i.identified_at = OptTime(s, 10);
  i.monitoring_at = OptTime(s, 11);
  i.resolved_at = OptTime(s, 12);
  i.scheduled_for = OptTime(s, 13);
  i.scheduled_until = OptTime(s, 14);
  i.scheduled_remind_prior = s.Int(15) != 0;
  i.scheduled_auto_in_progress = s.Int(16) != 0;
  i.scheduled_auto_completed = s.Int(17) != 0;
  i.cause = s.Text(18);
  i.next_update_at = OptTime(s, 19);
  i.names = DecodeNames(s.Text(21));
  return i;
}

model::ComponentStatus ParseStatus(const std::string& text) {
  return model::ParseComponentStatus(text).value_or(model::ComponentStatus::kOperational);
}

}  // namespace

base::Result<std::vector<model::Incident>> SqliteTx::ListIncidents(const IncidentQuery& q) {
  std::string sql = "SELECT " + std::string(kIncidentColumns) + " FROM incidents WHERE 1=1";
  if (q.kind) sql += " AND kind = ?1";
  if (q.open_only) sql += " AND closed = 0";
  if (q.updated_since) sql += " AND updated_at >= ?2";
  if (!q.text.empty()) sql += " AND instr(lower(name), lower(?3)) > 0";
  sql +=
      " ORDER BY COALESCE(scheduled_for, started_at) DESC, created_at DESC, id LIMIT ?4 OFFSET ?5";
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare(sql));
  if (q.kind) s->Bind(1, model::ToString(*q.kind));
  if (q.updated_since) s->Bind(2, base::ToMillis(*q.updated_since));
  if (!q.text.empty()) s->Bind(3, q.text);
  s->Bind(4, static_cast<int64_t>(q.limit)).Bind(5, static_cast<int64_t>(q.offset));
  std::vector<model::Incident> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadIncident(*s));
  }
  if (q.with_details) PHARE_RETURN_IF_ERROR(LoadIncidentDetails(out));
  return out;
}

base::Result<model::Incident> SqliteTx::GetIncident(std::string_view id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kIncidentColumns) +
                                                      " FROM incidents WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("incident '" + std::string(id) + "' does not exist");
  std::vector<model::Incident> one{ReadIncident(*s)};
  PHARE_RETURN_IF_ERROR(LoadIncidentDetails(one));
  return std::move(one.front());
}

base::Status SqliteTx::LoadIncidentDetails(std::vector<model::Incident>& incidents) {
  if (incidents.empty()) return base::Status::Ok();
  std::unordered_map<std::string, model::Incident*> by_id;
  for (auto& i : incidents) by_id.emplace(i.id, &i);

  PHARE_RETURN_IF_ERROR(
      conn_.Exec("CREATE TEMP TABLE IF NOT EXISTS want_incidents (id TEXT PRIMARY KEY);"
                 "DELETE FROM temp.want_incidents;"));
  {
    PHARE_ASSIGN_OR_RETURN(Statement * s,
                           conn_.Prepare("INSERT INTO temp.want_incidents (id) VALUES (?1)"));
    for (const auto& i : incidents) {
      s->Bind(1, i.id);
      PHARE_RETURN_IF_ERROR(s->Run());
    }
  }
  {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn_.Prepare("SELECT c.incident_id, c.component_id FROM incident_components c "
                      "JOIN temp.want_incidents w ON w.id = c.incident_id ORDER BY c.position"));
    for (;;) {
      PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      by_id[s->Text(0)]->component_ids.push_back(s->Text(1));
    }
  }
  {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn_.Prepare(
            "SELECT e.incident_id, scope, p10, p50, p90, source, reason, expected_by, late "
            "FROM incident_estimates e JOIN temp.want_incidents w ON w.id = e.incident_id "
            "ORDER BY scope"));
    for (;;) {
      PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      by_id[s->Text(0)]->estimates.push_back(
          {s->Text(1), base::FromMillis(s->Int(2)), base::FromMillis(s->Int(3)),
           base::FromMillis(s->Int(4)), s->Text(5), s->Text(6),
           base::FromMillis(s->OptInt(7).value_or(s->Int(4))), s->Int(8) != 0});
    }
  }
  std::unordered_map<std::string, model::IncidentUpdate*> updates;
  {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn_.Prepare(
            "SELECT u.id, incident_id, status, body, created_at, updated_at, display_at, "
            "deliver_notifications, has_affected, next_update_at, est_scope, est_p10, "
            "est_p50, est_p90, est_source, est_reason, est_expected_by FROM incident_updates u "
            "JOIN temp.want_incidents w ON w.id = u.incident_id "
            "ORDER BY u.display_at DESC, u.seq DESC"));
    for (;;) {
      PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      model::IncidentUpdate u;
      u.id = s->Text(0);
      u.incident_id = s->Text(1);
      u.status =
          model::ParseIncidentStatus(s->Text(2)).value_or(model::IncidentStatus::kInvestigating);
      u.body = s->Text(3);
      u.created_at = base::FromMillis(s->Int(4));
      u.updated_at = base::FromMillis(s->Int(5));
      u.display_at = base::FromMillis(s->Int(6));
      u.deliver_notifications = s->Int(7) != 0;
      if (s->Int(8) != 0) u.affected_components.emplace();
      u.next_update_at = OptTime(*s, 9);
      if (!s->IsNull(11)) {
        u.estimate = model::Estimate{s->Text(10),
                                     base::FromMillis(s->Int(11)),
                                     base::FromMillis(s->Int(12)),
                                     base::FromMillis(s->Int(13)),
                                     s->Text(14),
                                     s->Text(15),
                                     base::FromMillis(s->OptInt(16).value_or(s->Int(13)))};
      }
      auto& list = by_id[u.incident_id]->updates;
      list.push_back(std::move(u));
    }
  }
  // Pointers into the update vectors are stable from here on.
  for (auto& i : incidents) {
    for (auto& u : i.updates) updates.emplace(u.id, &u);
  }
  {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn_.Prepare(
            "SELECT c.update_id, code, name, old_status, new_status FROM update_components c "
            "JOIN incident_updates u ON u.id = c.update_id "
            "JOIN temp.want_incidents w ON w.id = u.incident_id ORDER BY c.position"));
    for (;;) {
      PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      auto* u = updates[s->Text(0)];
      if (!u->affected_components) u->affected_components.emplace();
      u->affected_components->push_back(
          {s->Text(1), s->Text(2), ParseStatus(s->Text(3)), ParseStatus(s->Text(4))});
    }
  }
  {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn_.Prepare("SELECT b.update_id, audience, language, b.body FROM update_bodies b "
                      "JOIN incident_updates u ON u.id = b.update_id "
                      "JOIN temp.want_incidents w ON w.id = u.incident_id "
                      "ORDER BY b.audience, b.language"));
    for (;;) {
      PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      auto* u = updates[s->Text(0)];
      u->bodies.push_back({model::ParseAudience(s->Text(1)).value_or(model::Audience::kTechnical),
                           s->Text(2), s->Text(3)});
    }
  }
  PHARE_RETURN_IF_ERROR(LoadImpactCounts(incidents));
  return LoadPostmortems(incidents);
}

base::Status SqliteTx::PutIncident(const model::Incident& i) {
  // An upsert, not INSERT OR REPLACE: replacing would delete the row and, through
  // ON DELETE CASCADE, the incident's updates.
  static const std::string sql = [] {
    std::string set;
    std::string_view cols = kIncidentColumns;
    while (!cols.empty()) {
      const auto comma = cols.find(',');
      std::string col(cols.substr(0, comma));
      cols = comma == std::string_view::npos ? std::string_view() : cols.substr(comma + 2);
      if (col == "id") continue;
      if (!set.empty()) set += ", ";
      set += col;
      set += "=excluded.";
      set += col;
    }
    return "INSERT INTO incidents (" + std::string(kIncidentColumns) +
           ") VALUES "
           "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22)"
           " ON CONFLICT(id) DO UPDATE SET " +
           set;
  }();
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare(sql));
  s->Bind(1, i.id)
      .Bind(2, i.page_id)
      .Bind(3, model::ToString(i.kind))
      .Bind(4, i.name)
      .Bind(5, model::ToString(i.status))
      .Bind(6, model::ToString(i.impact));
  if (i.impact_override) s->Bind(7, model::ToString(*i.impact_override));
  s->Bind(8, base::ToMillis(i.created_at))
      .Bind(9, base::ToMillis(i.updated_at))
      .Bind(10, base::ToMillis(i.started_at))
      .Bind(11, OptMillis(i.identified_at))
      .Bind(12, OptMillis(i.monitoring_at))
      .Bind(13, OptMillis(i.resolved_at))
      .Bind(14, OptMillis(i.scheduled_for))
      .Bind(15, OptMillis(i.scheduled_until))
      .Bind(16, i.scheduled_remind_prior)
      .Bind(17, i.scheduled_auto_in_progress)
      .Bind(18, i.scheduled_auto_completed)
      .Bind(19, i.cause)
      .Bind(20, OptMillis(i.next_update_at))
      .Bind(21, model::IsClosed(i.status))
      .Bind(22, EncodeNames(i.names));
  PHARE_RETURN_IF_ERROR(s->Run());

  // Components: rows of components that stay keep their saved status.
  std::vector<std::string> stale;
  {
    PHARE_ASSIGN_OR_RETURN(
        Statement * cur,
        conn_.Prepare("SELECT component_id FROM incident_components WHERE incident_id=?1"));
    cur->Bind(1, i.id);
    for (;;) {
      PHARE_ASSIGN_OR_RETURN(bool row, cur->Step());
      if (!row) break;
      std::string id = cur->Text(0);
      if (std::find(i.component_ids.begin(), i.component_ids.end(), id) == i.component_ids.end()) {
        stale.push_back(std::move(id));
      }
    }
  }
  PHARE_ASSIGN_OR_RETURN(
      Statement * del,
      conn_.Prepare("DELETE FROM incident_components WHERE incident_id=?1 AND component_id=?2"));
  for (const auto& id : stale) {
    del->Bind(1, i.id).Bind(2, id);
    PHARE_RETURN_IF_ERROR(del->Run());
  }
  PHARE_ASSIGN_OR_RETURN(
      Statement * add,
      conn_.Prepare("INSERT INTO incident_components (incident_id, component_id, position) "
                    "VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET position=?3"));
  for (size_t k = 0; k < i.component_ids.size(); ++k) {
    add->Bind(1, i.id).Bind(2, i.component_ids[k]).Bind(3, static_cast<int64_t>(k));
    PHARE_RETURN_IF_ERROR(add->Run());
  }

  PHARE_ASSIGN_OR_RETURN(Statement * del_est,
                         conn_.Prepare("DELETE FROM incident_estimates WHERE incident_id=?1"));
  del_est->Bind(1, i.id);
  PHARE_RETURN_IF_ERROR(del_est->Run());
  PHARE_ASSIGN_OR_RETURN(
      Statement * est,
      conn_.Prepare("INSERT INTO incident_estimates (incident_id, scope, p10, p50, p90, source, "
                    "reason, expected_by, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  for (const auto& e : i.estimates) {
    est->Bind(1, i.id)
        .Bind(2, e.scope)
        .Bind(3, base::ToMillis(e.p10))
        .Bind(4, base::ToMillis(e.p50))
        .Bind(5, base::ToMillis(e.p90))
        .Bind(6, e.source)
        .Bind(7, e.reason)
        .Bind(8, base::ToMillis(e.expected_by))
        .Bind(9, e.late);
    PHARE_RETURN_IF_ERROR(est->Run());
  }
  return base::Status::Ok();
}

base::Status SqliteTx::DeleteIncident(std::string_view id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("DELETE FROM incidents WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) return base::NotFound("incident '" + std::string(id) + "' does not exist");
  return base::Status::Ok();
}

base::Status SqliteTx::InsertUpdate(const model::IncidentUpdate& u) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare(
          "INSERT INTO incident_updates (id, incident_id, seq, status, body, created_at, "
          "updated_at, display_at, deliver_notifications, has_affected, next_update_at, "
          "est_scope, est_p10, est_p50, est_p90, est_source, est_reason, est_expected_by) "
          "VALUES (?1, ?2, "
          "(SELECT COALESCE(MAX(seq), 0) + 1 FROM incident_updates WHERE incident_id = ?2), "
          "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"));
  s->Bind(1, u.id)
      .Bind(2, u.incident_id)
      .Bind(3, model::ToString(u.status))
      .Bind(4, u.body)
      .Bind(5, base::ToMillis(u.created_at))
      .Bind(6, base::ToMillis(u.updated_at))
      .Bind(7, base::ToMillis(u.display_at))
      .Bind(8, u.deliver_notifications)
      .Bind(9, u.affected_components.has_value())
      .Bind(10, OptMillis(u.next_update_at));
  if (u.estimate) {
    s->Bind(11, u.estimate->scope)
        .Bind(12, base::ToMillis(u.estimate->p10))
        .Bind(13, base::ToMillis(u.estimate->p50))
        .Bind(14, base::ToMillis(u.estimate->p90))
        .Bind(15, u.estimate->source)
        .Bind(16, u.estimate->reason)
        .Bind(17, base::ToMillis(u.estimate->expected_by));
  }
  PHARE_RETURN_IF_ERROR(s->Run());
  return WriteUpdateChildren(u);
}

base::Status SqliteTx::UpdateUpdate(const model::IncidentUpdate& u) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("UPDATE incident_updates SET status=?2, body=?3, updated_at=?4, display_at=?5, "
                    "deliver_notifications=?6, has_affected=?7, next_update_at=?8 WHERE id=?1"));
  s->Bind(1, u.id)
      .Bind(2, model::ToString(u.status))
      .Bind(3, u.body)
      .Bind(4, base::ToMillis(u.updated_at))
      .Bind(5, base::ToMillis(u.display_at))
      .Bind(6, u.deliver_notifications)
      .Bind(7, u.affected_components.has_value())
      .Bind(8, OptMillis(u.next_update_at));
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) return base::NotFound("incident update '" + u.id + "' does not exist");
  for (const char* sql : {"DELETE FROM update_components WHERE update_id=?1",
                          "DELETE FROM update_bodies WHERE update_id=?1"}) {
    PHARE_ASSIGN_OR_RETURN(Statement * del, conn_.Prepare(sql));
    del->Bind(1, u.id);
    PHARE_RETURN_IF_ERROR(del->Run());
  }
  return WriteUpdateChildren(u);
}

base::Status SqliteTx::WriteUpdateChildren(const model::IncidentUpdate& u) {
  if (u.affected_components) {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn_.Prepare("INSERT INTO update_components (update_id, position, code, name, old_status, "
                      "new_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    int64_t position = 0;
    for (const auto& a : *u.affected_components) {
      s->Bind(1, u.id)
          .Bind(2, position++)
          .Bind(3, a.code)
          .Bind(4, a.name)
          .Bind(5, model::ToString(a.old_status))
          .Bind(6, model::ToString(a.new_status));
      PHARE_RETURN_IF_ERROR(s->Run());
    }
  }
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO update_bodies (update_id, audience, language, body) "
                    "VALUES (?1, ?2, ?3, ?4)"));
  for (const auto& b : u.bodies) {
    s->Bind(1, u.id).Bind(2, model::ToString(b.audience)).Bind(3, b.language).Bind(4, b.body);
    PHARE_RETURN_IF_ERROR(s->Run());
  }
  return base::Status::Ok();
}

base::Result<std::vector<std::string>> SqliteTx::DueMaintenance(base::Time now) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare(
          "SELECT id FROM incidents WHERE kind='maintenance' AND closed=0 AND ("
          "(status='scheduled' AND scheduled_auto_in_progress=1 AND scheduled_for<=?1) OR "
          "(status IN ('in_progress','verifying') AND scheduled_auto_completed=1 AND "
          "scheduled_until<=?1)) ORDER BY scheduled_for"));
  s->Bind(1, base::ToMillis(now));
  std::vector<std::string> ids;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    ids.push_back(s->Text(0));
  }
  return ids;
}

base::Result<std::vector<std::pair<std::string, model::ComponentStatus>>>
SqliteTx::SavedComponentStatuses(std::string_view incident_id) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT component_id, saved_status FROM incident_components WHERE "
                    "incident_id=?1 AND saved_status IS NOT NULL ORDER BY position"));
  s->Bind(1, incident_id);
  std::vector<std::pair<std::string, model::ComponentStatus>> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.emplace_back(s->Text(0), ParseStatus(s->Text(1)));
  }
  return out;
}

base::Status SqliteTx::SaveComponentStatus(std::string_view incident_id,
                                           std::string_view component_id,
                                           std::optional<model::ComponentStatus> status) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("UPDATE incident_components SET saved_status=?3 WHERE incident_id=?1 AND "
                    "component_id=?2"));
  s->Bind(1, incident_id).Bind(2, component_id);
  if (status) s->Bind(3, model::ToString(*status));
  return s->Run();
}

}  // namespace phare::store::sqlite
