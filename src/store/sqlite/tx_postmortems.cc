// SqliteTx: post-mortems (store/postmortems.h). Facts are rows of postmortem_texts:
// one per (field, item, language), `at` holding a cause's time or a change's date.
#include <functional>
#include <map>
#include <unordered_map>

#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {
namespace {

constexpr std::string_view kColumns =
    "p.incident_id, promised_by, notify_subscribers, notify_twitter, created_at, "
    "body_updated_at, published_at";

std::optional<base::Time> OptTime(const Statement& s, int column) {
  if (auto v = s.OptInt(column)) return base::FromMillis(*v);
  return std::nullopt;
}

model::Postmortem ReadPostmortem(const Statement& s) {
  model::Postmortem p;
  p.incident_id = s.Text(0);
  p.promised_by = OptTime(s, 1);
  p.notify_subscribers = s.Int(2) != 0;
  p.notify_twitter = s.Int(3) != 0;
  p.created_at = base::FromMillis(s.Int(4));
  p.body_updated_at = OptTime(s, 5);
  p.published_at = OptTime(s, 6);
  return p;
}

model::Texts* TextsOf(model::PostmortemFacts& f, const std::string& field, size_t item,
                      std::optional<base::Time> at) {
  if (field == "summary") return &f.summary;
  if (field == "customer_impact") return &f.customer_impact;
  if (field == "root_cause") return &f.root_cause;
  if (field == "actions") return &f.actions;
  if (field == "credits_policy") return &f.credits_policy;
  if (field == "chain") {
    if (f.chain.size() <= item) f.chain.resize(item + 1);
    if (at) f.chain[item].at = at;
    return &f.chain[item].what;
  }
  if (field == "change") {
    if (f.changes.size() <= item) f.changes.resize(item + 1);
    if (at) f.changes[item].by = at;
    return &f.changes[item].what;
  }
  return nullptr;  // a field a later version wrote: ignored
}

// Runs `sql` (bound to `id` when not empty) and hands each row whose first column names
// one of `by_id`'s incidents to `fn`, with that incident's post-mortem.
base::Status ForEachChild(Connection& conn, const std::string& sql, std::string_view id,
                          std::unordered_map<std::string, model::Postmortem*>& by_id,
                          const std::function<void(Statement&, model::Postmortem&)>& fn) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn.Prepare(sql));
  if (!id.empty()) s->Bind(1, id);
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return base::Status::Ok();
    auto it = by_id.find(s->Text(0));
    if (it != by_id.end()) fn(*s, *it->second);
  }
}

// Reads the facts and bodies of `by_id`'s post-mortems; `from` joins or filters the
// rows of each child table `t` to the wanted incidents.
base::Status LoadChildren(Connection& conn, const std::string& from, std::string_view id,
                          std::unordered_map<std::string, model::Postmortem*>& by_id) {
  PHARE_RETURN_IF_ERROR(ForEachChild(
      conn,
      "SELECT t.incident_id, field, item, at, language, text FROM postmortem_texts t " + from +
          " ORDER BY t.rowid",
      id, by_id, [](Statement& s, model::Postmortem& pm) {
        model::Texts* texts =
            TextsOf(pm.facts, s.Text(1), static_cast<size_t>(s.Int(2)), OptTime(s, 3));
        if (texts) (*texts)[s.Text(4)] = s.Text(5);
      }));
  return ForEachChild(
      conn,
      "SELECT t.incident_id, audience, language, body FROM postmortem_bodies t " + from +
          " ORDER BY audience, language",
      id, by_id, [](Statement& s, model::Postmortem& pm) {
        pm.bodies.push_back({model::ParseAudience(s.Text(1)).value_or(model::Audience::kGeneral),
                             s.Text(2), s.Text(3)});
      });
}

struct TextRow {
  std::string field;
  size_t item = 0;
  std::optional<base::Time> at;
  const model::Texts* texts = nullptr;
};

std::vector<TextRow> TextRows(const model::PostmortemFacts& f) {
  std::vector<TextRow> rows = {{"summary", 0, std::nullopt, &f.summary},
                               {"customer_impact", 0, std::nullopt, &f.customer_impact},
                               {"root_cause", 0, std::nullopt, &f.root_cause},
                               {"actions", 0, std::nullopt, &f.actions},
                               {"credits_policy", 0, std::nullopt, &f.credits_policy}};
  for (size_t i = 0; i < f.chain.size(); ++i) {
    rows.push_back({"chain", i, f.chain[i].at, &f.chain[i].what});
  }
  for (size_t i = 0; i < f.changes.size(); ++i) {
    rows.push_back({"change", i, f.changes[i].by, &f.changes[i].what});
  }
  return rows;
}

}  // namespace

base::Result<model::Postmortem> SqliteTx::GetPostmortem(std::string_view incident_id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT " + std::string(kColumns) +
                                       " FROM postmortems p WHERE p.incident_id = ?1"));
  s->Bind(1, incident_id);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) {
    return base::NotFound("incident '" + std::string(incident_id) + "' has no post-mortem");
  }
  model::Postmortem p = ReadPostmortem(*s);
  PHARE_RETURN_IF_ERROR(s->Run());  // done with the row: reset before the next queries
  std::unordered_map<std::string, model::Postmortem*> by_id{{p.incident_id, &p}};
  PHARE_RETURN_IF_ERROR(LoadChildren(conn_, "WHERE t.incident_id = ?1", incident_id, by_id));
  return p;
}

base::Status SqliteTx::LoadPostmortems(std::vector<model::Incident>& incidents) {
  std::unordered_map<std::string, model::Postmortem*> by_id;
  {
    PHARE_ASSIGN_OR_RETURN(Statement * s,
                           conn_.Prepare("SELECT " + std::string(kColumns) +
                                         " FROM postmortems p JOIN temp.want_incidents w "
                                         "ON w.id = p.incident_id"));
    std::unordered_map<std::string, model::Incident*> incident_by_id;
    for (auto& i : incidents) incident_by_id.emplace(i.id, &i);
    for (;;) {
      PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      model::Postmortem p = ReadPostmortem(*s);
      auto it = incident_by_id.find(p.incident_id);
      if (it == incident_by_id.end()) continue;
      it->second->postmortem = std::move(p);
      by_id.emplace(it->first, &*it->second->postmortem);
    }
  }
  if (by_id.empty()) return base::Status::Ok();
  return LoadChildren(conn_, "JOIN temp.want_incidents w ON w.id = t.incident_id", "", by_id);
}

base::Status SqliteTx::PutPostmortem(const model::Postmortem& p) {
  {
    PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT 1 FROM incidents WHERE id = ?1"));
    s->Bind(1, p.incident_id);
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return base::NotFound("incident '" + p.incident_id + "' does not exist");
    PHARE_RETURN_IF_ERROR(s->Run());
  }
  {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn_.Prepare(
            "INSERT INTO postmortems (incident_id, promised_by, notify_subscribers, "
            "notify_twitter, created_at, body_updated_at, published_at) VALUES "
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (incident_id) DO UPDATE SET "
            "promised_by = ?2, notify_subscribers = ?3, notify_twitter = ?4, created_at = ?5, "
            "body_updated_at = ?6, published_at = ?7"));
    const auto millis = [](const std::optional<base::Time>& t) {
      return t ? std::optional<int64_t>(base::ToMillis(*t)) : std::nullopt;
    };
    s->Bind(1, p.incident_id).Bind(2, millis(p.promised_by)).Bind(3, p.notify_subscribers);
    s->Bind(4, p.notify_twitter).Bind(5, base::ToMillis(p.created_at));
    s->Bind(6, millis(p.body_updated_at)).Bind(7, millis(p.published_at));
    PHARE_RETURN_IF_ERROR(s->Run());
  }
  for (const char* table : {"postmortem_texts", "postmortem_bodies"}) {
    PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare(std::string("DELETE FROM ") + table +
                                                        " WHERE incident_id = ?1"));
    s->Bind(1, p.incident_id);
    PHARE_RETURN_IF_ERROR(s->Run());
  }
  {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn_.Prepare("INSERT INTO postmortem_texts (incident_id, field, item, at, language, "
                      "text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (const TextRow& row : TextRows(p.facts)) {
      for (const auto& [language, text] : *row.texts) {
        s->Bind(1, p.incident_id).Bind(2, row.field).Bind(3, static_cast<int64_t>(row.item));
        if (row.at) {
          s->Bind(4, base::ToMillis(*row.at));
        } else {
          s->BindNull(4);
        }
        s->Bind(5, language).Bind(6, text);
        PHARE_RETURN_IF_ERROR(s->Run());
      }
    }
  }
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("INSERT OR REPLACE INTO postmortem_bodies (incident_id, "
                                       "audience, language, body) VALUES (?1, ?2, ?3, ?4)"));
  for (const auto& b : p.bodies) {
    s->Bind(1, p.incident_id).Bind(2, model::ToString(b.audience)).Bind(3, b.language);
    s->Bind(4, b.body);
    PHARE_RETURN_IF_ERROR(s->Run());
  }
  return base::Status::Ok();
}

base::Status SqliteTx::DeletePostmortem(std::string_view incident_id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("DELETE FROM postmortems WHERE incident_id = ?1"));
  s->Bind(1, incident_id);
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) {
    return base::NotFound("incident '" + std::string(incident_id) + "' has no post-mortem");
  }
  return base::Status::Ok();
}

base::Result<std::vector<model::Postmortem>> SqliteTx::ListPromisedPostmortems() {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT " + std::string(kColumns) +
                    " FROM postmortems p WHERE promised_by IS NOT NULL AND published_at IS NULL "
                    "ORDER BY promised_by, p.incident_id"));
  std::vector<model::Postmortem> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadPostmortem(*s));
  }
  return out;
}

}  // namespace phare::store::sqlite
