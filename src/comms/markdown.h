// Bodies are Markdown (GitHub flavour: autolinks, ~~strikethrough~~, tables), rendered
// with cmark-gfm for the web and for plain-text channels (SMS, e-mail text parts).
//
// Rendering is safe for any input, including a hostile operator or a compromised token:
// raw HTML (blocks and inline) is dropped, and a link or image whose URL is not http:,
// https:, mailto:, tel: or relative keeps its text but loses the URL (javascript:,
// vbscript:, data:, file:... and anything unparsable). cmark-gfm's default (safe) mode
// already omits raw HTML and most dangerous URLs but lets data:image/* through; phare
// also strips those. Text is HTML-escaped by cmark.
//
// Time tokens ("{time:...}") are not touched here: resolve them first (time_tokens.h).
// Pure functions; thread-safe (cmark-gfm's extension registry is set up once).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace phare::comms {

// HTML fragment for `markdown`. ResourceExhausted above model::kMaxBodyBytes.
base::Result<std::string> MarkdownToHtml(std::string_view markdown);

// Plain text for `markdown`, wrapped at `width` columns (0: no wrapping); links keep
// their URL in angle brackets after the text. ResourceExhausted above kMaxBodyBytes.
base::Result<std::string> MarkdownToText(std::string_view markdown, int width = 0);

// Escapes Markdown punctuation in plain text (names, places) before it is inserted into a
// Markdown body, so that "<b>" or "*" stay literal.
std::string EscapeMarkdown(std::string_view text);

// Whether a link target may be rendered (see above).
bool IsSafeUrl(std::string_view url);

}  // namespace phare::comms
