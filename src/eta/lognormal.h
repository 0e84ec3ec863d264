// Lognormal durations: the normal distribution of log(hours), its quantiles, a fit
// that accepts censored observations (incidents still open), and conditioning on
// the time already elapsed (survival conditioning).
//
// Pure functions over plain values; thread-safe. Durations are in hours, logs are
// natural logs of hours.
#pragma once

#include <span>

namespace phare::eta {

// Standard normal CDF and its inverse (p clamped to [1e-300, 1 - 1e-16]).
double NormalCdf(double x);
double NormalQuantile(double p);

// The normal z of the 10th and 90th percentiles.
inline constexpr double kZ90 = 1.2815515655446004;

struct LogNormal {
  double mu = 0;     // mean of log(hours)
  double sigma = 1;  // standard deviation of log(hours), > 0
};

// One past duration. `censored`: the incident was still open, so its duration is
// only known to exceed `log_hours`. `weight` scales its influence (1 = one incident).
struct LogObservation {
  double log_hours = 0;
  bool censored = false;
  double weight = 1;
};

// Maximum a posteriori fit: `prior` counts as `prior_weight` pseudo-observations
// spread as the prior itself, so few observations shrink toward it and many
// override it. Censored observations enter through their conditional expectation
// (EM for the censored normal). Sigma is kept >= `min_sigma`.
LogNormal FitLogNormal(std::span<const LogObservation> observations, LogNormal prior,
                       double prior_weight, double min_sigma = 0.25);

// The q-quantile of log(duration) given that the duration exceeds
// exp(log_elapsed): F⁻¹(F(e) + q·(1 − F(e))).
double ConditionalLogQuantile(LogNormal d, double log_elapsed, double q);

}  // namespace phare::eta
