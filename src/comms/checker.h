// The checker: a linter for crisis messages, run on every body before an update is
// published. Each rule below yields findings; all are warnings unless the page's
// configuration makes a rule block publishing (CheckerConfig::blocking).
//
//   apology-missing           general body of an incident with no apology, when it is
//                             the first message its readers get (CheckContext::
//                             first_update) or the resolution
//   restoration-time-missing  general body of an open incident or maintenance with no
//                             sentence giving a time together with a restoration or
//                             next-update cue ("back", "next update", "rétabli"...)
//   jargon                    general body using a term of the language's jargon list;
//                             the suggestion is the plain replacement
//   sentence-too-long         general body sentence over the language's word limit
//   readability-low           general body scoring under the language's minimum
//                             (Flesch in English, Kandel-Moles in French)
//   time-without-zone         a clock time ("14:30", "2 PM", "14h30") with no zone in
//                             the same sentence (any audience)
//   components-missing        technical body not naming every affected component
//   time-token-invalid        a "{time:...}" token that does not hold an RFC 3339 time
//   language-unsupported      (info) no checker rules for the body's language
//   postmortem-too-long       a post-mortem body over kMaxPostmortemWords for its
//                             audience (CheckContext::postmortem)
//
// A post-mortem (CheckContext::postmortem) is checked like an update with these
// differences: its general version must apologise; restoration-time-missing does not
// apply; jargon, sentence and readability rules apply to the general version only, as
// for updates.
//
// Spans are byte offsets into the body as written (time tokens included). Messages are
// in English, for operators. The checker is immutable after loading and thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "comms/catalog.h"
#include "comms/embedded_data.h"
#include "comms/time_tokens.h"
#include "model/incident.h"

namespace phare::comms {

enum class Severity : uint8_t { kInfo, kWarning, kError };
std::string_view ToString(Severity severity);  // "info", "warning", "error"

struct Finding {
  std::string rule;  // one of RuleIds()
  Severity severity = Severity::kWarning;
  bool blocking = false;   // the configuration blocks publishing on this rule
  std::string message;     // what is wrong, for the operator
  Span span;               // where, in the body as written; {0, 0} for the whole body
  std::string suggestion;  // what to write instead; may be empty
};

// Per page. Rules named in `blocking` become errors that block publishing; rules in
// `disabled` are not run.
struct CheckerConfig {
  std::set<std::string, std::less<>> blocking;
  std::set<std::string, std::less<>> disabled;
};

// Every rule id, in the order above.
std::span<const std::string_view> RuleIds();
// InvalidArgument naming the first unknown rule id ("checker.blocking").
base::Status ValidateCheckerConfig(const CheckerConfig& config);
// True if any finding blocks publishing.
bool BlocksPublishing(const std::vector<Finding>& findings);

// What the checker needs to know about the update a body belongs to.
struct CheckContext {
  model::IncidentKind kind = model::IncidentKind::kIncident;
  model::IncidentStatus status = model::IncidentStatus::kInvestigating;
  // The body is the first message its readers (its audience, in its language) get about
  // the incident: the incident's first update, or the first to carry a body for them.
  bool first_update = false;
  // Names (technical) a technical body must mention; case-insensitive substring match.
  std::vector<std::string> components;
  // Time tokens are resolved in this zone before checking (any zone shows one).
  base::Zone zone = base::Zone::Utc();
  std::optional<base::Time> reference;  // the update's time
  bool postmortem = false;              // the body is a post-mortem's, not an update's
};

// Words a post-mortem body may have, general and technical.
inline constexpr size_t kMaxPostmortemGeneralWords = 800;
inline constexpr size_t kMaxPostmortemTechnicalWords = 5000;

struct LanguageRules;

class Checker {
 public:
  // Reads the checker files among `files` ("checker/<lang>.toml"); `catalogs` (which must
  // outlive the checker) format times when tokens are resolved. InvalidArgument naming
  // the file for any error in a file.
  static base::Result<Checker> Load(std::span<const DataFile> files, const Catalogs& catalogs);
  // The checker with the embedded rules and Catalogs::Builtin() (aborts if invalid).
  static const Checker& Builtin();

  ~Checker();
  Checker(Checker&&) noexcept;
  Checker& operator=(Checker&&) noexcept;

  // Languages with rules.
  std::vector<std::string> Languages() const;

  // Findings for `body`, in span order. InvalidArgument if the body is larger than
  // model::kMaxBodyBytes.
  base::Result<std::vector<Finding>> Check(const model::LocalizedBody& body,
                                           const CheckContext& context,
                                           const CheckerConfig& config = {}) const;

 private:
  Checker() = default;
  const Catalogs* catalogs_ = nullptr;
  std::map<std::string, std::unique_ptr<LanguageRules>, std::less<>> rules_;
};

}  // namespace phare::comms
