// Subscriber addresses: pragmatic e-mail validation and phone numbers in E.164.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace phare::notify {

// "local@domain", validated and normalized: surrounding spaces removed, the domain
// lower-cased and, if internationalized, converted to its ASCII (punycode) form with
// ICU's UTS #46. The local part must be a dot-atom of ASCII letters, digits and
// !#$%&'*+/=?^_`{|}~- (quoted local parts, comments, IP literals and non-ASCII local
// parts are refused); at most 64 + 1 + 253 = 254 bytes; the domain needs two or more
// labels. InvalidArgument with field "email" otherwise.
base::Result<std::string> NormalizeEmailAddress(std::string_view address);

// The E.164 form ("+33612345678") of a number given with its ISO 3166 country code, as
// Statuspage's subscriber API passes them (phone_country "FR", phone_number
// "06 12 34 56 78"). Spaces, dots, dashes, slashes and parentheses are ignored; "(0)"
// after an international prefix is dropped; a leading "+" or "00" means the number is
// already international. National numbers lose their trunk prefix ("0" in most of
// Europe, "1" in North America) and their length is checked for: US CA FR BE CH DE GB
// IE ES IT NL LU PT AT PL CZ SE NO DK FI AU NZ JP SG IN BR MA TN SN CI. Other
// countries are accepted in international form only; a number starting with "+" needs no
// country (an empty `country` is accepted for it). InvalidArgument with field
// "phone_number" or "phone_country" otherwise.
base::Result<std::string> NormalizePhoneNumber(std::string_view country, std::string_view number);

}  // namespace phare::notify
