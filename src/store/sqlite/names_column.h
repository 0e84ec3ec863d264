// The `names` column of components and incidents: their names in other languages than the
// page's default, stored as one JSON object ({"de": "...", "fr": "..."}; '' for none).
// Pure functions.
#pragma once

#include <string>
#include <string_view>

#include "model/names.h"

namespace phare::store::sqlite {

std::string EncodeNames(const model::LocalizedNames& names);
// Unreadable text (never written by EncodeNames) reads as no names.
model::LocalizedNames DecodeNames(std::string_view text);

}  // namespace phare::store::sqlite
