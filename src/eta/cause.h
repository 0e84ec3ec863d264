// Cause categories for incidents that have none: a generic classifier over the words
// of an incident's title or affected products ("packet loss in europe-west1" →
// "network"). The history prior is fitted per category, so the categories only need
// to group incidents whose durations behave alike; they are broad on purpose.
//
// Pure and thread-safe (the patterns are compiled once, on first use).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace phare::eta {

// The categories DeriveCause returns, most specific first; "other" when no word matches.
std::span<const std::string_view> CauseNames();

// The first category whose words appear in `text` (case-insensitive, whole words).
std::string DeriveCause(std::string_view text);

// The category for an incident's stated cause: lower-cased and trimmed; a cause
// whose words belong to a category maps to it ("Power" → "facility", "DNS" →
// "network"); other causes are kept as given (a page's own categories). Derived
// from `fallback_text` (the title) when `cause` is empty. Callers normalise the
// causes of past incidents the same way before handing them to the estimator.
std::string NormalizeCause(std::string_view cause, std::string_view fallback_text);

}  // namespace phare::eta
