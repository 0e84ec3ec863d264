#include "eta/cause.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <vector>

namespace phare::eta {
namespace {

struct CauseWords {
  std::string_view name;
  const char* pattern;  // alternatives matched as whole words (prefixes where they end in \w*)
};

// Most specific first: "Cloud SQL connectivity" is a database incident, not a network one.
constexpr std::array<CauseWords, 12> kCauses{{
    {"facility",
     "power|electric\\w*|generators?|ups|grid|cooling|hvac|fire|flood\\w*|"
     "data ?cent(er|re)s?|facility|facilities"},
    {"billing", "billing|billed|charged?|charges|pricing|price|invoices?|payments?|quotas?"},
    {"database",
     "sql|databases?|db|spanner|bigtable|firestore|datastore|redis|memorystore|"
     "postgres\\w*|mysql|mongo\\w*|memcached?|alloydb"},
    {"storage",
     "storage|disks?|filestore|buckets?|backups?|snapshots?|volumes?|object store|"
     "file ?systems?|nfs|ceph"},
    {"data",
     "bigquery|dataflow|dataproc|pub/?sub|composer|analytics|exports?|kafka|queues?|"
     "streaming|pipelines?|etl|looker|warehouse"},
    {"ml",
     "vertex|ai|machine learning|ml|vision|speech|translat\\w*|dialogflow|models?|"
     "predictions?|tpus?|gpus?"},
    {"observability", "monitoring|logging|logs?|metrics|tracing|traces?|alerting|dashboards?"},
    {"identity",
     "iam|identity|auth\\w*|log ?in|sign[- ]?in|sso|consoles?|permissions?|kms|"
     "key management|secrets?|certificates?|passwords?|accounts?"},
    {"application",
     "app engine|cloud run|functions?|builds?|eventarc|scheduler|tasks|deploy\\w*|"
     "websites?|web ?hosting|hosting|e-?mail|smtp|cms|apigee|api gateway"},
    {"compute",
     "compute|vms?|virtual machines?|instances?|servers?|kubernetes|gke|k8s|vmware|"
     "containers?|nodes?|clusters?|vps|dedicated|hypervisors?"},
    {"network",
     "network\\w*|packet loss|connectivity|interconnect|vpn|dns|load balanc\\w*|cdn|"
     "routers?|routing|bgp|nat|vpc|firewall|armor|peering|latency|optical|fib(er|re)|"
     "links?|ddos|bandwidth|ip addresse?s?"},
    {"other", nullptr},
}};

const std::vector<std::regex>& Patterns() {
  static const std::vector<std::regex> patterns = [] {
    std::vector<std::regex> out;
    for (const CauseWords& cause : kCauses) {
      if (cause.pattern == nullptr) break;
      out.emplace_back(std::string("(^|[^a-z0-9])(") + cause.pattern + ")($|[^a-z0-9])",
                       std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
    }
    return out;
  }();
  return patterns;
}

}  // namespace

std::span<const std::string_view> CauseNames() {
  static const std::array<std::string_view, kCauses.size()> names = [] {
    std::array<std::string_view, kCauses.size()> out;
    for (size_t i = 0; i < kCauses.size(); ++i) out[i] = kCauses[i].name;
    return out;
  }();
  return names;
}

std::string DeriveCause(std::string_view text) {
  const std::vector<std::regex>& patterns = Patterns();
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (std::regex_search(text.begin(), text.end(), patterns[i])) {
      return std::string(kCauses[i].name);
    }
  }
  return "other";
}

std::string NormalizeCause(std::string_view cause, std::string_view fallback_text) {
  std::string out;
  for (char c : cause)
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  out.erase(out.begin(), std::find_if(out.begin(), out.end(), not_space));
  out.erase(std::find_if(out.rbegin(), out.rend(), not_space).base(), out.end());
  if (out.empty()) return DeriveCause(fallback_text);
  const auto names = CauseNames();
  if (std::find(names.begin(), names.end(), out) != names.end()) return out;
  // A word of the operator's ("power", "dns") joins its category; others stay theirs.
  std::string derived = DeriveCause(out);
  return derived == "other" ? out : derived;
}

}  // namespace phare::eta
