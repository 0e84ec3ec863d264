// The progress estimator: restoration samples (at time t, `restored` of `total`
// resources back) extrapolated with a curve that expects a long tail.
//
// The restored fraction is modelled as a lognormal CDF of the time since the
// incident started, f(τ) = Φ((ln τ − μ)/σ): restoration starts slowly, speeds up,
// then the last few percent take as long again (the 9 Nov 2017 Strasbourg tail).
// Regressing ln τ on Φ⁻¹(f) gives μ and σ; the time the curve reaches `target`
// (99 % by default) is read off it, with a prediction interval that widens with
// the distance of the extrapolation and with the scatter of the samples, and is
// conditioned on the restoration not being complete at `now`.
//
// Pure functions over plain values; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "base/time.h"
#include "eta/source.h"

namespace phare::eta {

struct ProgressSample {
  base::Time at{};
  int64_t restored = 0;
  int64_t total = 0;  // > 0
  std::string scope;  // "" for the incident as a whole
};

struct ProgressConfig {
  double target = 0.99;         // fraction restored that counts as "service back"
  double prior_sigma = 1.0;     // curve spread assumed from a single sample
  double prior_sigma_sd = 0.4;  // its uncertainty
  double min_residual = 0.15;   // floor of the scatter of ln τ around the curve
};

// The fitted curve: ln τ = mu + sigma · Φ⁻¹(f), τ in hours since the start.
struct ProgressCurve {
  double mu = 0;
  double sigma = 1;
  double log_target_sd = 0;  // standard error of ln τ at the target
  int points = 0;            // samples strictly between 0 and 1 used
};

// Fits the curve on the samples taken at or before `now`. Empty when no sample is
// strictly between 0 and 1 (nothing back yet, or the data says nothing of a trend).
std::optional<ProgressCurve> FitProgressCurve(std::span<const ProgressSample> samples,
                                              base::Time started_at, base::Time now,
                                              const ProgressConfig& config);

// The remaining time to `target` from the samples of one scope. Empty without a
// curve; when the last sample already reached `target`, a near-zero remaining time.
std::optional<SourceEstimate> ProgressEstimate(std::span<const ProgressSample> samples,
                                               base::Time started_at, base::Time now,
                                               const ProgressConfig& config);

}  // namespace phare::eta
