#include "eta/lognormal.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace phare::eta {
namespace {

constexpr int kMaxIterations = 50;
constexpr double kTolerance = 1e-7;

double NormalPdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi); }

// Peter Acklam's rational approximation (relative error 1.2e-9), refined with one
// Halley step on the exact CDF.
double AcklamQuantile(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  double x;
  if (p < kLow) {
    double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - kLow) {
    double q = p - 0.5;
    double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (std::abs(x) > 30) return x;  // the refinement would overflow; already accurate
  double e = NormalCdf(x) - p;
  double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

}  // namespace

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double NormalQuantile(double p) { return AcklamQuantile(std::clamp(p, 1e-300, 1 - 1e-16)); }

LogNormal FitLogNormal(std::span<const LogObservation> observations, LogNormal prior,
                       double prior_weight, double min_sigma) {
  LogNormal fit = prior;
  if (observations.empty()) return fit;
  const double prior_s1 = prior_weight * prior.mu;
  const double prior_s2 = prior_weight * (prior.sigma * prior.sigma + prior.mu * prior.mu);
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    double n = prior_weight, s1 = prior_s1, s2 = prior_s2;
    for (const LogObservation& o : observations) {
      double x = o.log_hours, x2 = x * x;
      if (o.censored) {
        // E[X | X > x] and E[X² | X > x] under the current fit.
        double a = (x - fit.mu) / fit.sigma;
        double lambda = NormalPdf(a) / std::max(1 - NormalCdf(a), 1e-300);
        x = fit.mu + fit.sigma * lambda;
        x2 = fit.mu * fit.mu + fit.sigma * fit.sigma + fit.sigma * (o.log_hours + fit.mu) * lambda;
      }
      n += o.weight;
      s1 += o.weight * x;
      s2 += o.weight * x2;
    }
    LogNormal next;
    next.mu = s1 / n;
    next.sigma = std::max(std::sqrt(std::max(s2 / n - next.mu * next.mu, 0.0)), min_sigma);
    bool converged =
        std::abs(next.mu - fit.mu) < kTolerance && std::abs(next.sigma - fit.sigma) < kTolerance;
    fit = next;
    if (converged) break;
  }
  return fit;
}

double ConditionalLogQuantile(LogNormal d, double log_elapsed, double q) {
  // Through the survival function S so that a long elapsed time, far in the tail,
  // keeps its precision: S(x) = (1 − q)·S(e).
  double survival = NormalCdf(-(log_elapsed - d.mu) / d.sigma);
  double x = d.mu - d.sigma * NormalQuantile((1 - q) * survival);
  return std::max(x, log_elapsed);
}

}  // namespace phare::eta
