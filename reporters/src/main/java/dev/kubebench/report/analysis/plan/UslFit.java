package dev.kubebench.report.analysis.plan;

/**
 * A least-squares USL fit of one pool's measurements.
 *
 * @param model           fitted parameters
 * @param lambdaError     standard error of λ (NaN with no residual degrees of freedom)
 * @param sigmaError      standard error of σ
 * @param kappaError      standard error of κ
 * @param r2              coefficient of determination of the throughput fit, 1 − RSS/TSS
 * @param residualStdError sqrt(RSS / (points − 3)), samples per second; NaN with 3 points
 * @param points          number of measurements fitted
 * @param minGpus         smallest measured scale
 * @param maxGpus         largest measured scale
 * @param covariance      3×3 covariance of (λ, σ, κ), scaled by the residual variance
 */
public record UslFit(UslModel model, double lambdaError, double sigmaError, double kappaError, double r2,
                     double residualStdError, int points, int minGpus, int maxGpus, double[][] covariance) {

    public UslFit {
        double[][] copy = new double[3][];
        for (int i = 0; i < 3; i++) {
            copy[i] = covariance[i].clone();
        }
        covariance = copy;
    }

    @Override
    public double[][] covariance() {
        double[][] copy = new double[3][];
        for (int i = 0; i < 3; i++) {
            copy[i] = covariance[i].clone();
        }
        return copy;
    }

    /** Standard error of the predicted throughput at n GPUs by the delta method; NaN without degrees of freedom. */
    public double throughputStdError(double n) {
        double[] g = model.gradient(n);
        double var = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                var += g[i] * covariance[i][j] * g[j];
            }
        }
        return var >= 0 ? Math.sqrt(var) : Double.NaN;
    }

    /** How far n reaches beyond the largest measured scale, as a multiple (1 or less when inside the range). */
    public double extrapolationFactor(double n) {
        return n / maxGpus;
    }
}
