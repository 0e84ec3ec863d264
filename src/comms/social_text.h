// Short posts for social networks: how long each network counts a text, and fitting a
// post made of sentences and a link into a network's limit without cutting a word or
// the link.
//
// Lengths, as each network documents them:
//   Mastodon  grapheme clusters, every http(s) URL counting kLinkWeight (23), whatever
//             its length; the limit is the instance's (500 by default).
//   Bluesky   grapheme clusters of the whole text, links included (300); a link is a
//             facet over its UTF-8 byte range (see LinkFacets).
//   X         weighted length of the NFC text: code points in the Latin and common
//             punctuation ranges weigh 1, others 2, an emoji grapheme 2, and every
//             http(s) URL 23; 280 at most.
// Graphemes and words are ICU BreakIterator's. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace phare::comms {

enum class Network : uint8_t { kMastodon, kBluesky, kX };
std::string_view ToString(Network network);  // "mastodon", "bluesky", "x"
std::optional<Network> ParseNetwork(std::string_view text);

inline constexpr size_t kLinkWeight = 23;
// The network's own limit (Mastodon: a stock instance's).
size_t DefaultLimit(Network network);

// The length `network` counts for `text` (UTF-8; invalid bytes count as one each).
size_t PostLength(Network network, std::string_view text);

// The http(s) URLs of `text` (whitespace-delimited tokens) as UTF-8 byte ranges.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};
std::vector<ByteRange> LinkRanges(std::string_view text);

// One sentence of a post; required parts are kept whatever the length, the others only
// when they fit, in order.
struct PostPart {
  std::string text;
  bool required = false;
};

// The parts that fit, joined by spaces, then a space and `link` (which may be empty).
// Optional parts that would overflow `limit` are left out (a later, shorter one may still
// go in). When the required parts alone overflow, the last words of the last required
// part are replaced with "…" at a word boundary, so no word and no link is ever cut.
// InvalidArgument when even the link and the first word do not fit.
base::Result<std::string> FitPost(Network network, size_t limit, const std::vector<PostPart>& parts,
                                  std::string_view link);

}  // namespace phare::comms
