package dev.kubebench.report.analysis.plan;

/**
 * Gunther's Universal Scalability Law: X(N) = λN / (1 + σ(N−1) + κN(N−1)).
 *
 * @param lambda  throughput of one GPU without contention, samples per second (λ &gt; 0)
 * @param sigma   contention (serial fraction), usually in [0, 1)
 * @param kappa   coherency (crosstalk) cost per pair, usually ≥ 0
 */
public record UslModel(double lambda, double sigma, double kappa) {

    /** Predicted throughput at n GPUs, samples per second. */
    public double throughput(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** Gradient of X(n) with respect to (λ, σ, κ). */
    double[] gradient(double n) {
        double d = 1 + sigma * (n - 1) + kappa * n * (n - 1);
        return new double[] {n / d, -lambda * n * (n - 1) / (d * d), -lambda * n * n * (n - 1) / (d * d)};
    }

    /** N* = sqrt((1 − σ)/κ), where throughput peaks; infinite when κ ≤ 0 (no retrograde scaling). */
    public double peakGpus() {
        if (!(kappa > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(Math.max(0, 1 - sigma) / kappa);
    }
}
