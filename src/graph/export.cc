#include "graph/export.h"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>
#include <vector>

#include "graph/gzip.h"
#include "graph/record_reader.h"

namespace phare::graph {
namespace {

namespace json = boost::json;

constexpr size_t kFlushBytes = 1 << 20;
// zlib's fastest level: half the time of the default for about a third more bytes.
constexpr int kGzipLevel = 1;

// The site to write: only when it differs from what would be inherited.
std::string_view DeclaredSite(const Inventory& inv, NodeIndex n) {
  if (inv.kind(n) == NodeKind::kSite) return {};
  const IndexRange groups = inv.groups(n);
  const SiteIndex inherited = groups.empty() ? 0 : inv.site(inv.members(groups.begin)[0]);
  return inv.site(n) == inherited ? std::string_view() : inv.site_id(inv.site(n));
}

bool IsSingle(const Inventory& inv, GroupIndex g) {
  return inv.group_size(g) == 1 && inv.group_k(g) == 1;
}

void JsonRecord(const Inventory& inv, NodeIndex n, json::object& o) {
  o["id"] = inv.id(n);
  o["kind"] = ToString(inv.kind(n));
  if (auto name = inv.Attribute(n, "name")) o["name"] = *name;
  if (auto site = DeclaredSite(inv, n); !site.empty()) o["site"] = site;
  if (inv.standby(n)) o["standby"] = true;
  if (const ResourceIndex r = inv.resource_of(n); r != kNone) {
    o["customer"] = inv.customer_id(inv.resource_customer(r));
    o["product"] = inv.product_name(inv.resource_product(r));
    if (inv.resource_sla(r) != inv.product_name(inv.resource_product(r))) {
      o["sla"] = inv.resource_sla(r);
    }
  }
  const IndexRange groups = inv.groups(n);
  if (groups.size() == 1 && IsSingle(inv, groups.begin)) {
    o["on"] = inv.id(inv.members(groups.begin)[0]);
  } else if (!groups.empty()) {
    json::array& depends = o["depends"].emplace_array();
    for (GroupIndex g = groups.begin; g < groups.end; ++g) {
      if (IsSingle(inv, g)) {
        depends.emplace_back(inv.id(inv.members(g)[0]));
        continue;
      }
      json::object& group = depends.emplace_back(json::object()).get_object();
      group["k"] = inv.group_k(g);
      json::array& members = group["members"].emplace_array();
      for (NodeIndex m : inv.members(g)) members.emplace_back(inv.id(m));
    }
  }
  json::object attrs;
  for (const auto& [key, value] : inv.Attributes(n)) {
    if (key != "name") attrs[key] = value;
  }
  if (!attrs.empty()) o["attrs"] = std::move(attrs);
}

// Product records first: {"id": code, "kind": "product", "name", "attrs": {"name.fr"}}.
void JsonProductRecords(const Inventory& inv, std::string& out) {
  for (std::string_view code : inv.LabelledProducts()) {
    json::object o{{"id", code}, {"kind", kProductRecordKind}};
    json::object attrs;
    for (const auto& [language, label] : inv.ProductLabels(code)) {
      if (language.empty()) {
        o["name"] = label;
      } else {
        attrs["name." + std::string(language)] = label;
      }
    }
    if (!attrs.empty()) o["attrs"] = std::move(attrs);
    out += json::serialize(o);
    out += '\n';
  }
}

base::Status WriteJsonLines(const Inventory& inv, const ChunkSink& sink) {
  std::string out;
  JsonProductRecords(inv, out);
  for (NodeIndex n = 0; n < inv.node_count(); ++n) {
    json::monotonic_resource arena;
    json::object record(&arena);
    JsonRecord(inv, n, record);
    out += json::serialize(record);
    out += '\n';
    if (out.size() >= kFlushBytes) {
      PHARE_RETURN_IF_ERROR(sink(out));
      out.clear();
    }
  }
  return out.empty() ? base::Status::Ok() : sink(out);
}

void CsvField(std::string_view text, std::string& out) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string DependsCell(const Inventory& inv, NodeIndex n) {
  std::string cell;
  const IndexRange groups = inv.groups(n);
  for (GroupIndex g = groups.begin; g < groups.end; ++g) {
    if (g != groups.begin) cell += ';';
    if (inv.group_k(g) != inv.group_size(g)) cell += std::to_string(inv.group_k(g)) + ':';
    bool first = true;
    for (NodeIndex m : inv.members(g)) {
      if (!first) cell += '|';
      first = false;
      cell += inv.id(m);
    }
  }
  return cell;
}

void CsvRow(const Inventory& inv, NodeIndex n, const std::vector<std::string>& keys,
            std::string& out) {
  const ResourceIndex r = inv.resource_of(n);
  const std::string_view product = r == kNone ? "" : inv.product_name(inv.resource_product(r));
  const std::string_view sla = r == kNone ? "" : inv.resource_sla(r);
  const std::string depends = DependsCell(inv, n);
  const std::string_view fields[] = {
      inv.id(n),
      ToString(inv.kind(n)),
      inv.Attribute(n, "name").value_or(""),
      DeclaredSite(inv, n),
      inv.standby(n) ? "true" : "",
      depends,
      r == kNone ? "" : inv.customer_id(inv.resource_customer(r)),
      product,
      sla == product ? "" : sla,
  };
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out += ',';
    first = false;
    CsvField(field, out);
  }
  for (const std::string& key : keys) {
    out += ',';
    CsvField(inv.Attribute(n, key).value_or(""), out);
  }
  out += '\n';
}

// Product records: id, kind "product", name, then their labels in the attr.name.* columns.
void CsvProductRows(const Inventory& inv, const std::vector<std::string>& keys, std::string& out) {
  for (std::string_view code : inv.LabelledProducts()) {
    const Labels labels = inv.ProductLabels(code);
    auto label = [&](std::string_view language) -> std::string_view {
      for (const auto& [l, text] : labels) {
        if (l == language) return text;
      }
      return {};
    };
    CsvField(code, out);
    out += ",";
    out += kProductRecordKind;
    CsvField(label(""), out += ',');
    out += ",,,,,,";
    for (const std::string& key : keys) {
      out += ',';
      if (key.starts_with("name.")) CsvField(label(std::string_view(key).substr(5)), out);
    }
    out += '\n';
  }
}

base::Status WriteCsv(const Inventory& inv, const ChunkSink& sink) {
  std::set<std::string> key_set;
  for (NodeIndex n = 0; n < inv.node_count(); ++n) {
    for (const auto& [key, value] : inv.Attributes(n)) {
      if (key != "name") key_set.emplace(key);
    }
  }
  for (std::string_view code : inv.LabelledProducts()) {
    for (const auto& [language, label] : inv.ProductLabels(code)) {
      if (!language.empty()) key_set.emplace("name." + std::string(language));
    }
  }
  const std::vector<std::string> keys(key_set.begin(), key_set.end());
  std::string out = "id,kind,name,site,standby,depends,customer,product,sla";
  for (const std::string& key : keys) CsvField("attr." + key, out += ',');
  out += '\n';
  CsvProductRows(inv, keys, out);
  for (NodeIndex n = 0; n < inv.node_count(); ++n) {
    CsvRow(inv, n, keys, out);
    if (out.size() >= kFlushBytes) {
      PHARE_RETURN_IF_ERROR(sink(out));
      out.clear();
    }
  }
  return out.empty() ? base::Status::Ok() : sink(out);
}

}  // namespace

base::Status WriteInventory(const Inventory& inventory, InventoryFormat format,
                            const ChunkSink& sink) {
  return format == InventoryFormat::kCsv ? WriteCsv(inventory, sink)
                                         : WriteJsonLines(inventory, sink);
}

base::Status WriteInventoryFile(const Inventory& inventory, const std::string& path,
                                InventoryFormat format) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"),
                                                       &std::fclose);
  if (!file) return base::IoError("cannot write '" + path + "'");
  const bool gzip = path.size() > 3 && path.ends_with(".gz");
  GzipDeflater deflater(kGzipLevel);
  std::string compressed;
  auto put = [&](std::string_view bytes) -> base::Status {
    if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
      return base::IoError("writing '" + path + "' failed");
    }
    return base::Status::Ok();
  };
  PHARE_RETURN_IF_ERROR(WriteInventory(inventory, format, [&](std::string_view chunk) {
    if (!gzip) return put(chunk);
    compressed.clear();
    deflater.Deflate(chunk, compressed);
    return put(compressed);
  }));
  if (gzip) {
    compressed.clear();
    deflater.Finish(compressed);
    PHARE_RETURN_IF_ERROR(put(compressed));
  }
  if (std::fflush(file.get()) != 0) return base::IoError("writing '" + path + "' failed");
  return base::Status::Ok();
}

std::string SerializeInventory(const Inventory& inventory) {
  GzipDeflater deflater(kGzipLevel);
  std::string out;
  const base::Status status =
      WriteInventory(inventory, InventoryFormat::kJsonLines, [&](std::string_view chunk) {
        deflater.Deflate(chunk, out);
        return base::Status::Ok();
      });
  (void)status;  // the sink never fails
  deflater.Finish(out);
  return out;
}

base::Result<std::shared_ptr<const Inventory>> DeserializeInventory(std::string_view blob) {
  ImportOptions options;
  options.format = InventoryFormat::kJsonLines;
  options.source_name = "stored inventory";
  PHARE_ASSIGN_OR_RETURN(ImportResult result, ImportInventoryBytes(blob, options));
  if (!result.ok()) return base::InvalidArgument(result.errors.ToString());
  return result.inventory;
}

}  // namespace phare::graph
