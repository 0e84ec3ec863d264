// The page templates (src/web/templates/*.mustache, compiled into the binary) and a
// renderer that keeps each thread's parsed copy (kainjow's renderer is not
// re-entrant). Values are HTML-escaped unless a template uses {{{triple}}} braces.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>
#include <string_view>

namespace phare::web {

using Data = kainjow::mustache::data;

// Renders template `name` ("index.mustache") with `data`. Aborts on a template that
// does not parse: templates are part of the binary, so that is a build defect.
std::string RenderTemplate(std::string_view name, const Data& data);
// The same for a template kept elsewhere (the console's): `text` is parsed once per
// thread and cached under `name`, which must be unique across all templates.
std::string RenderTemplateText(std::string_view name, std::string_view text, const Data& data);

}  // namespace phare::web
