// SqliteTx: the page and its components.
#include "store/sqlite/names_column.h"
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {
namespace {

constexpr std::string_view kComponentColumns =
    "id, page_id, group_id, name, description, status, position, showcase, "
    "only_show_if_degraded, is_group, start_date, created_at, updated_at, product, location, "
    "names, "
    "descriptions";

model::Component ReadComponent(const Statement& s) {
  model::Component c;
  c.id = s.Text(0);
  c.page_id = s.Text(1);
  c.group_id = s.OptText(2);
  c.name = s.Text(3);
  c.description = s.OptText(4);
  c.status = model::ParseComponentStatus(s.Text(5)).value_or(model::ComponentStatus::kOperational);
  c.position = static_cast<int32_t>(s.Int(6));
  c.showcase = s.Int(7) != 0;
  c.only_show_if_degraded = s.Int(8) != 0;
  c.group = s.Int(9) != 0;
  c.start_date = s.OptText(10);
  c.created_at = base::FromMillis(s.Int(11));
  c.updated_at = base::FromMillis(s.Int(12));
  c.product = s.Text(13);
  c.location = s.Text(14);
  c.names = DecodeNames(s.Text(15));
  c.descriptions = DecodeNames(s.Text(16));
  return c;
}

void BindComponent(Statement& s, const model::Component& c) {
  s.Bind(1, c.id)
      .Bind(2, c.page_id)
      .Bind(3, c.group_id)
      .Bind(4, c.name)
      .Bind(5, c.description)
      .Bind(6, model::ToString(c.status))
      .Bind(7, int64_t{c.position})
      .Bind(8, c.showcase)
      .Bind(9, c.only_show_if_degraded)
      .Bind(10, c.group)
      .Bind(11, c.start_date)
      .Bind(12, base::ToMillis(c.created_at))
      .Bind(13, base::ToMillis(c.updated_at))
      .Bind(14, c.product)
      .Bind(15, c.location)
      .Bind(16, EncodeNames(c.names))
      .Bind(17, EncodeNames(c.descriptions));
}

}  // namespace

base::Result<model::Page> SqliteTx::GetPage() {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT id, name, url, time_zone, created_at, updated_at FROM page LIMIT 1"));
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("the page has not been created yet");
  model::Page page{s->Text(0),
                   s->Text(1),
                   s->Text(2),
                   s->Text(3),
                   base::FromMillis(s->Int(4)),
                   base::FromMillis(s->Int(5))};
  return page;
}

base::Status SqliteTx::PutPage(const model::Page& page) {
  PHARE_ASSIGN_OR_RETURN(Statement * others, conn_.Prepare("DELETE FROM page WHERE id <> ?1"));
  others->Bind(1, page.id);
  PHARE_RETURN_IF_ERROR(others->Run());
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO page (id, name, url, time_zone, created_at, updated_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET "
                    "name=?2, url=?3, time_zone=?4, updated_at=?6"));
  s->Bind(1, page.id)
      .Bind(2, page.name)
      .Bind(3, page.url)
      .Bind(4, page.time_zone)
      .Bind(5, base::ToMillis(page.created_at))
      .Bind(6, base::ToMillis(page.updated_at));
  return s->Run();
}

base::Result<std::vector<model::Component>> SqliteTx::ListComponents() {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT " + std::string(kComponentColumns) +
                                       " FROM components ORDER BY position, created_at, id"));
  std::vector<model::Component> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadComponent(*s));
  }
  return out;
}

base::Result<model::Component> SqliteTx::GetComponent(std::string_view id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kComponentColumns) +
                                                      " FROM components WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("component '" + std::string(id) + "' does not exist");
  return ReadComponent(*s);
}

base::Status SqliteTx::InsertComponent(const model::Component& c) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO components (" + std::string(kComponentColumns) +
                    ") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)"));
  BindComponent(*s, c);
  PHARE_RETURN_IF_ERROR(s->Run());
  return RecordStatus(c);
}

// Appends (id, updated_at, status) to the history unless it is the status in force.
base::Status SqliteTx::RecordStatus(const model::Component& c) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO component_status_log (component_id, at, status) "
                    "SELECT ?1, ?2, ?3 WHERE ?3 IS NOT (SELECT status FROM component_status_log "
                    "WHERE component_id = ?1 ORDER BY at DESC, rowid DESC LIMIT 1)"));
  s->Bind(1, c.id).Bind(2, base::ToMillis(c.updated_at)).Bind(3, model::ToString(c.status));
  return s->Run();
}

base::Result<std::vector<model::StatusChange>> SqliteTx::ListStatusChanges(base::Time since) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT component_id, at, status FROM component_status_log WHERE at >= ?1 "
                    "UNION ALL "
                    "SELECT component_id, MAX(at), status FROM component_status_log "
                    "WHERE at < ?1 GROUP BY component_id "
                    "ORDER BY 1, 2"));
  s->Bind(1, base::ToMillis(since));
  std::vector<model::StatusChange> out;
  while (true) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    auto status = model::ParseComponentStatus(s->Text(2));
    if (!status) return base::Internal("unknown component status in history: " + s->Text(2));
    out.push_back({s->Text(0), base::FromMillis(s->Int(1)), *status});
  }
  return out;
}

base::Status SqliteTx::UpdateComponent(const model::Component& c) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("UPDATE components SET page_id=?2, group_id=?3, name=?4, description=?5, "
                    "status=?6, position=?7, showcase=?8, only_show_if_degraded=?9, is_group=?10, "
                    "start_date=?11, created_at=?12, updated_at=?13, product=?14, location=?15, "
                    "names=?16, descriptions=?17 "
                    "WHERE id=?1"));
  BindComponent(*s, c);
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) return base::NotFound("component '" + c.id + "' does not exist");
  return RecordStatus(c);
}

base::Status SqliteTx::DeleteComponent(std::string_view id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("DELETE FROM components WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0)
    return base::NotFound("component '" + std::string(id) + "' does not exist");
  PHARE_ASSIGN_OR_RETURN(Statement * log,
                         conn_.Prepare("DELETE FROM component_status_log WHERE component_id = ?1"));
  log->Bind(1, id);
  return log->Run();
}

}  // namespace phare::store::sqlite
