#include "web/templates.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <memory>
#include <unordered_map>

namespace phare::web {

std::string_view EmbeddedFile(std::string_view name);  // generated from templates/

std::string RenderTemplate(std::string_view name, const Data& data) {
  return RenderTemplateText(name, EmbeddedFile(name), data);
}

std::string RenderTemplateText(std::string_view name, std::string_view text, const Data& data) {
  thread_local std::unordered_map<std::string, std::unique_ptr<kainjow::mustache::mustache>> cache;
  auto it = cache.find(std::string(name));
  if (it == cache.end()) {
    auto tmpl = std::make_unique<kainjow::mustache::mustache>(std::string(text));
    if (text.empty() || !tmpl->is_valid()) {
      spdlog::critical("template {} is missing or invalid: {}", name, tmpl->error_message());
      std::abort();
    }
    it = cache.emplace(std::string(name), std::move(tmpl)).first;
  }
  return it->second->render(data);
}

}  // namespace phare::web
