// Proof that whoever subscribes a webhook owns its endpoint, as Slack's url_verification
// and Standard Webhooks' endpoint verification do: one POST of
//   {"type": "url_verification", "challenge": "<challenge>"}
// (header `webhook-verification: <challenge>` too) that the endpoint must answer with a
// 2xx whose body echoes the challenge: the challenge alone, or a JSON object with it as
// "challenge". Sent with the notification transport, so its target checks (no private
// or loopback address unless allowed, checked again on connect), timeouts and refusal to
// follow redirects apply. Thread-safe: each check uses its own transport and blocks
// until the endpoint answers or the transport's timeouts pass.
#pragma once

#include <functional>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "notify/transport.h"

namespace phare::notify {

// Whether `body` (an answer's first bytes) echoes `challenge`. Pure.
bool EchoesChallenge(std::string_view body, std::string_view challenge);

// OK once `url` echoed `challenge`; InvalidArgument (field "endpoint") saying what it
// answered instead; Internal if libcurl cannot be set up.
base::Status CheckEndpoint(const TransportOptions& options, const base::Clock& clock,
                           std::string_view url, std::string_view challenge);

}  // namespace phare::notify
