#include "comms/social_text.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <functional>
#include <memory>

#include "comms/icu_util.h"

namespace phare::comms {
namespace {

// X's weighted ranges (twitter-text v3): these code points weigh 1, all others 2.
constexpr std::array<std::pair<UChar32, UChar32>, 4> kLightRanges = {
    {{0, 4351}, {8192, 8205}, {8208, 8223}, {8242, 8247}}};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

size_t Graphemes(std::string_view text) {
  if (text.empty()) return 0;
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), ec));
  if (U_FAILURE(ec)) return text.size();
  const icu::UnicodeString u = ToUnicode(text);
  it->setText(u);
  size_t n = 0;
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) ++n;
  return n;
}

size_t CodePointWeight(UChar32 c) {
  for (const auto& [lo, hi] : kLightRanges) {
    if (c >= lo && c <= hi) return 1;
  }
  return 2;
}

// X's weight of `text`, which holds no URL.
size_t XWeight(std::string_view text) {
  if (text.empty()) return 0;
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  icu::UnicodeString u = ToUnicode(text);
  if (U_SUCCESS(ec)) u = nfc->normalize(u, ec);
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), ec));
  if (U_FAILURE(ec)) return text.size();
  it->setText(u);
  size_t weight = 0;
  int32_t begin = 0;
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    const UChar32 first = u.char32At(begin);
    if (u_hasBinaryProperty(first, UCHAR_EXTENDED_PICTOGRAPHIC) ||
        u_hasBinaryProperty(first, UCHAR_REGIONAL_INDICATOR)) {
      weight += 2;  // an emoji, however many code points it is made of
      continue;
    }
    for (int32_t i = begin; i < end; i = u.moveIndex32(i, 1))
      weight += CodePointWeight(u.char32At(i));
  }
  return weight;
}

size_t TextLength(Network network, std::string_view text) {
  return network == Network::kX ? XWeight(text) : Graphemes(text);
}

std::string Join(const std::vector<const PostPart*>& parts, std::string_view link) {
  std::string out;
  for (const PostPart* p : parts) {
    if (!out.empty()) out += ' ';
    out += p->text;
  }
  if (!link.empty()) {
    if (!out.empty()) out += ' ';
    out += link;
  }
  return out;
}

// `text` shortened at its last word boundary such that `fits(prefix + "…")`.
std::optional<std::string> CutAtWord(std::string_view text,
                                     const std::function<bool(const std::string&)>& fits) {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), ec));
  if (U_FAILURE(ec)) return std::nullopt;
  const icu::UnicodeString u = ToUnicode(text);
  it->setText(u);
  for (int32_t end = it->last(); end != icu::BreakIterator::DONE && end > 0; end = it->previous()) {
    if (it->getRuleStatus() == UBRK_WORD_NONE) continue;  // after a space or punctuation
    icu::UnicodeString head(u, 0, end);
    std::string candidate = ToUtf8(head.trim()) + "…";
    if (fits(candidate)) return candidate;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(Network network) {
  switch (network) {
    case Network::kMastodon:
      return "mastodon";
    case Network::kBluesky:
      return "bluesky";
    case Network::kX:
      return "x";
  }
  return "mastodon";
}

std::optional<Network> ParseNetwork(std::string_view text) {
  for (Network n : {Network::kMastodon, Network::kBluesky, Network::kX}) {
    if (ToString(n) == text) return n;
  }
  return std::nullopt;
}

size_t DefaultLimit(Network network) {
  switch (network) {
    case Network::kMastodon:
      return 500;
    case Network::kBluesky:
      return 300;
    case Network::kX:
      return 280;
  }
  return 280;
}

std::vector<ByteRange> LinkRanges(std::string_view text) {
  std::vector<ByteRange> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t end = i;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    const std::string_view token = text.substr(i, end - i);
    if (token.starts_with("https://") || token.starts_with("http://")) out.push_back({i, end});
    i = end;
  }
  return out;
}

size_t PostLength(Network network, std::string_view text) {
  if (network == Network::kBluesky) return Graphemes(text);
  size_t length = 0;
  size_t at = 0;
  for (const ByteRange& link : LinkRanges(text)) {
    length += TextLength(network, text.substr(at, link.begin - at)) + kLinkWeight;
    at = link.end;
  }
  return length + TextLength(network, text.substr(at));
}

base::Result<std::string> FitPost(Network network, size_t limit, const std::vector<PostPart>& parts,
                                  std::string_view link) {
  const auto fits = [&](const std::string& text) { return PostLength(network, text) <= limit; };
  std::vector<const PostPart*> kept;
  for (const PostPart& p : parts) {
    if (p.required && !p.text.empty()) kept.push_back(&p);
  }
  std::string text = Join(kept, link);
  if (!fits(text)) {
    if (kept.empty()) return base::InvalidArgument("the link alone is longer than the limit");
    const PostPart* last = kept.back();
    kept.pop_back();
    const std::string head = Join(kept, "");
    const auto cut = CutAtWord(last->text, [&](const std::string& shortened) {
      PostPart part{shortened, true};
      std::vector<const PostPart*> with = kept;
      with.push_back(&part);
      return fits(Join(with, link));
    });
    if (!cut) return base::InvalidArgument("the post does not fit in " + std::to_string(limit));
    std::string out = head.empty() ? *cut : head + " " + *cut;
    return link.empty() ? out : out + " " + std::string(link);
  }
  // Optional parts in their order among the required ones.
  std::vector<const PostPart*> chosen;
  for (const PostPart& p : parts) {
    if (p.text.empty()) continue;
    if (p.required) {
      chosen.push_back(&p);
      continue;
    }
    // It must leave room for the required parts still to come.
    std::vector<const PostPart*> trial = chosen;
    trial.push_back(&p);
    std::vector<const PostPart*> with_rest = trial;
    for (const PostPart* q = &p + 1; q != parts.data() + parts.size(); ++q) {
      if (q->required && !q->text.empty()) with_rest.push_back(q);
    }
    if (fits(Join(with_rest, link))) chosen = std::move(trial);
  }
  return Join(chosen, link);
}

}  // namespace phare::comms
