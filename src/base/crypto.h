// Small cryptographic helpers over libsodium and OpenSSL: secrets are compared in
// constant time, API tokens are stored as BLAKE2b hashes, webhooks are signed with
// HMAC-SHA256. All functions are thread-safe and allocate only their result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace phare::base {

// 32-byte BLAKE2b-256 of `data`, as raw bytes.
std::string Blake2b256(std::string_view data);
// 32-byte HMAC-SHA256 of `data` under `key`, as raw bytes.
std::string HmacSha256(std::string_view key, std::string_view data);
// Lower-case hex / standard base64 / unpadded base64url of raw bytes.
std::string HexEncode(std::string_view bytes);
std::string Base64Encode(std::string_view bytes);
std::string Base64UrlEncode(std::string_view bytes);
// True if a and b hold the same bytes; time depends only on the lengths.
bool ConstantTimeEqual(std::string_view a, std::string_view b);
// 64-bit non-cryptographic fingerprint, for ETags.
uint64_t Fingerprint64(std::string_view data);

}  // namespace phare::base
