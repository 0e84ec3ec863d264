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

// Lower-cases `cause` and trims it, or derives it from `fallback_text` when empty.
std::string NormalizeCause(std::string_view cause, std::string_view fallback_text);

}  // namespace phare::eta
