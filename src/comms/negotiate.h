// Choosing the reader's language and time zone for a public page.
//
// Language: the first of `?lang=`, the cookie, then the Accept-Language header (q-values,
// best match by ICU's LocaleMatcher: "fr-CA" reads French, "en-GB" English) that matches
// a shipped language; otherwise the page default. Zone: the first of `?tz=`, the cookie,
// that names an IANA zone the system tzdata knows (base::Zone::Find); otherwise the page
// default. Invalid or oversized values are skipped, never an error: a bad cookie must not
// break the page. The Source says where the choice came from (e.g. to refresh a cookie).
//
// LanguageNegotiator is immutable after construction and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"

namespace phare::comms {

enum class ChoiceSource { kQuery, kCookie, kHeader, kDefault };
std::string_view ToString(ChoiceSource source);  // "query", "cookie", "header", "default"

inline constexpr size_t kMaxLanguageTagBytes = 35;
inline constexpr size_t kMaxAcceptLanguageBytes = 1024;

struct LanguageRequest {
  std::string_view query;            // ?lang=
  std::string_view cookie;           // the language cookie's value
  std::string_view accept_language;  // the Accept-Language header
};

struct LanguageChoice {
  std::string language;  // one of the shipped languages
  ChoiceSource source = ChoiceSource::kDefault;
};

class LanguageNegotiator {
 public:
  // `languages`: the shipped ones (Catalogs::Languages()); `default_language` must be one
  // of them. InvalidArgument otherwise, or if a tag is not a valid BCP 47 tag.
  static base::Result<LanguageNegotiator> Create(const std::vector<std::string>& languages,
                                                 std::string_view default_language);
  ~LanguageNegotiator();
  LanguageNegotiator(LanguageNegotiator&&) noexcept;
  LanguageNegotiator& operator=(LanguageNegotiator&&) noexcept;

  LanguageChoice Choose(const LanguageRequest& request) const;

 private:
  struct Impl;
  explicit LanguageNegotiator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct ZoneChoice {
  base::Zone zone = base::Zone::Utc();
  ChoiceSource source = ChoiceSource::kDefault;
};

// `query` is ?tz=, `cookie` the zone cookie's value.
ZoneChoice NegotiateZone(std::string_view query, std::string_view cookie,
                         const base::Zone& page_default);

}  // namespace phare::comms
