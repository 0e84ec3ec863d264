#include "notify/endpoint_check.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <string>

namespace phare::notify {
namespace {

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

bool EchoesChallenge(std::string_view body, std::string_view challenge) {
  if (challenge.empty()) return false;
  body = TrimSpace(body);
  if (body == challenge) return true;
  boost::system::error_code ec;
  const boost::json::value json = boost::json::parse(body, ec);
  if (ec || !json.is_object()) return false;
  const auto* echoed = json.as_object().if_contains("challenge");
  return echoed && echoed->is_string() && echoed->get_string() == challenge;
}

base::Status CheckEndpoint(const TransportOptions& options, const base::Clock& clock,
                           std::string_view url, std::string_view challenge) {
  PHARE_ASSIGN_OR_RETURN(auto transport, Transport::Create(options, clock));
  Request request;
  request.channel = Channel::kWebhook;
  request.url = std::string(url);
  request.body = boost::json::serialize(
      boost::json::object{{"type", "url_verification"}, {"challenge", std::string(challenge)}});
  request.headers.push_back("webhook-verification: " + std::string(challenge));
  PHARE_RETURN_IF_ERROR(transport->Submit(std::move(request)));
  const std::vector<Outcome> outcomes = transport->Drain();
  if (outcomes.empty()) return base::Internal("the endpoint check got no outcome");
  const Outcome& outcome = outcomes.front();
  if (outcome.result != DeliveryResult::kDelivered) {
    return base::InvalidArgument("did not answer the verification request (" + outcome.reason + ")",
                                 "endpoint");
  }
  if (!EchoesChallenge(outcome.response_head, challenge)) {
    return base::InvalidArgument(
        "answered the verification request (HTTP " + std::to_string(outcome.code) +
            ") without echoing its challenge: answer with the challenge, or "
            "{\"challenge\": \"...\"}",
        "endpoint");
  }
  return base::Status::Ok();
}

}  // namespace phare::notify
