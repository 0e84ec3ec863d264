#include "comms/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <boost/url/parse.hpp>

#include <cstdlib>
#include <memory>
#include <vector>

#include "model/incident.h"

namespace phare::comms {
namespace {

constexpr const char* kExtensions[] = {"autolink", "strikethrough", "table", "tagfilter"};
// Safe mode (no CMARK_OPT_UNSAFE) and invalid UTF-8 replaced.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CharDeleter {
  void operator()(char* p) const { cmark_get_default_mem_allocator()->free(p); }
};

void RegisterExtensions() {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
}

// Replaces `node` by its children.
void Unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_insert_before(node, child);
  }
  cmark_node_free(node);
}

// Drops raw HTML and unsafe link targets. With `show_urls`, a link whose text is not its
// URL gets " <url>" after its text (for plain text).
void Sanitize(cmark_node* document, bool show_urls) {
  std::vector<cmark_node*> html, links;
  cmark_iter* iter = cmark_iter_new(document);
  while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
    if (cmark_iter_get_event_type(iter) != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) html.push_back(node);
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) links.push_back(node);
  }
  cmark_iter_free(iter);
  for (cmark_node* node : html) cmark_node_free(node);  // leaves: no link is freed here
  for (cmark_node* node : links) {
    const char* url = cmark_node_get_url(node);
    const std::string_view target = url ? url : "";
    if (!IsSafeUrl(target)) {
      Unwrap(node);
      continue;
    }
    if (!show_urls || target.empty()) continue;
    cmark_node* first = cmark_node_first_child(node);
    const char* text = first ? cmark_node_get_literal(first) : nullptr;
    const bool text_is_url = first == cmark_node_last_child(node) && text &&
                             (target == text || target == std::string("mailto:") + text ||
                              target == std::string("http://") + text);
    if (text_is_url) continue;
    cmark_node* suffix = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(suffix, (" <" + std::string(target) + ">").c_str());
    cmark_node_insert_after(node, suffix);
  }
}

enum class Output { kHtml, kText };

base::Result<std::string> Render(std::string_view markdown, Output output, int width) {
  if (markdown.size() > model::kMaxBodyBytes) {
    return base::Status(base::Code::kResourceExhausted,
                        "body is larger than " + std::to_string(model::kMaxBodyBytes) + " bytes");
  }
  RegisterExtensions();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(kOptions));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
  if (!document) return base::Internal("cmark-gfm could not parse a body");
  Sanitize(document.get(), output == Output::kText);
  std::unique_ptr<char, CharDeleter> rendered(
      output == Output::kHtml ? cmark_render_html(document.get(), kOptions,
                                                  cmark_parser_get_syntax_extensions(parser.get()))
                              : cmark_render_plaintext(document.get(), kOptions, width));
  if (!rendered) return base::Internal("cmark-gfm could not render a body");
  return std::string(rendered.get());
}

}  // namespace

base::Result<std::string> MarkdownToHtml(std::string_view markdown) {
  return Render(markdown, Output::kHtml, 0);
}

base::Result<std::string> MarkdownToText(std::string_view markdown, int width) {
  return Render(markdown, Output::kText, width < 0 ? 0 : width);
}

std::string EscapeMarkdown(std::string_view text) {
  constexpr std::string_view kSpecial = "\\`*_[]<>|~&{}#!";
  std::string out;
  out.reserve(text.size() + 8);
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

bool IsSafeUrl(std::string_view url) {
  if (url.empty()) return true;
  const auto parsed = boost::urls::parse_uri_reference(url);
  if (!parsed) return false;
  if (!parsed->has_scheme()) return true;
  switch (parsed->scheme_id()) {
    case boost::urls::scheme::http:
    case boost::urls::scheme::https:
      return true;
    default: {
      std::string scheme(parsed->scheme());
      for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return scheme == "mailto" || scheme == "tel";
    }
  }
}

}  // namespace phare::comms
