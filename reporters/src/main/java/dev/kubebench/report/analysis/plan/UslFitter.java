package dev.kubebench.report.analysis.plan;

import java.util.Arrays;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Fits the USL to (GPUs, throughput) points by unweighted nonlinear least squares on the throughput (as the R
 * {@code usl} package does), with Commons Math's Levenberg–Marquardt optimizer. The start comes from Gunther's
 * linearisation N/C(N) − 1 = σ(N−1) + κN(N−1) with C(N) = X(N)/λ₀; σ and κ are kept non-negative and σ below 1.
 */
public final class UslFitter {
    /** Fewest distinct scales that determine three parameters. */
    public static final int MIN_SCALES = 3;

    private UslFitter() {
    }

    /**
     * @param gpus        scales, each at least 1, at least {@value #MIN_SCALES} distinct
     * @param throughput  throughput at each scale, positive
     */
    public static UslFit fit(int[] gpus, double[] throughput) {
        if (gpus.length != throughput.length) {
            throw new IllegalArgumentException("gpus and throughput differ in length");
        }
        if (Arrays.stream(gpus).distinct().count() < MIN_SCALES) {
            throw new IllegalArgumentException("need at least " + MIN_SCALES + " distinct GPU counts to fit the USL");
        }
        int minN = Arrays.stream(gpus).min().orElseThrow();
        int maxN = Arrays.stream(gpus).max().orElseThrow();
        double lambdaAtMin = 0;
        double lambdaMax = 0;
        for (int i = 0; i < gpus.length; i++) {
            lambdaMax = Math.max(lambdaMax, throughput[i] / gpus[i]);
            if (gpus[i] == minN) {
                lambdaAtMin = Math.max(lambdaAtMin, throughput[i] / gpus[i]);
            }
        }
        LeastSquaresOptimizer.Optimum best = null;
        for (double lambda0 : new double[] {lambdaAtMin, lambdaMax, lambdaMax * 1.5}) {
            try {
                LeastSquaresOptimizer.Optimum o = optimize(gpus, throughput, start(gpus, throughput, lambda0));
                if (best == null || o.getCost() < best.getCost()) {
                    best = o;
                }
            } catch (ConvergenceException | TooManyEvaluationsException e) {
                // another start may converge; if none does, the error below says so
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the USL fit did not converge");
        }
        return summarize(best, gpus, throughput, minN, maxN);
    }

    private static UslFit summarize(LeastSquaresOptimizer.Optimum o, int[] gpus, double[] x, int minN, int maxN) {
        double[] p = o.getPoint().toArray();
        UslModel model = new UslModel(p[0], p[1], p[2]);
        double mean = Arrays.stream(x).average().orElse(Double.NaN);
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < gpus.length; i++) {
            double r = x[i] - model.throughput(gpus[i]);
            rss += r * r;
            tss += (x[i] - mean) * (x[i] - mean);
        }
        double r2 = tss == 0 ? Double.NaN : 1 - rss / tss;
        int dof = gpus.length - 3;
        double s2 = dof > 0 ? rss / dof : Double.NaN;
        double[][] cov = new double[3][3];
        for (double[] row : cov) {
            Arrays.fill(row, Double.NaN);
        }
        try {
            RealMatrix c = o.getCovariances(1e-14);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    cov[i][j] = c.getEntry(i, j) * s2;
                }
            }
        } catch (SingularMatrixException e) {
            // parameters not identifiable from these points: leave the errors unknown
        }
        return new UslFit(model, Math.sqrt(cov[0][0]), Math.sqrt(cov[1][1]), Math.sqrt(cov[2][2]), r2,
                Math.sqrt(s2), gpus.length, minN, maxN, cov);
    }

    private static LeastSquaresOptimizer.Optimum optimize(int[] gpus, double[] x, double[] start) {
        MultivariateJacobianFunction f = point -> {
            UslModel m = new UslModel(point.getEntry(0), point.getEntry(1), point.getEntry(2));
            RealVector value = new ArrayRealVector(gpus.length);
            RealMatrix jacobian = new Array2DRowRealMatrix(gpus.length, 3);
            for (int i = 0; i < gpus.length; i++) {
                value.setEntry(i, m.throughput(gpus[i]));
                jacobian.setRow(i, m.gradient(gpus[i]));
            }
            return new Pair<>(value, jacobian);
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .model(f)
                .target(x)
                .lazyEvaluation(false)
                .maxEvaluations(20_000)
                .maxIterations(20_000)
                .parameterValidator(v -> {
                    RealVector c = v.copy();
                    c.setEntry(0, Math.max(c.getEntry(0), 1e-12));
                    c.setEntry(1, Math.min(Math.max(c.getEntry(1), 0), 1 - 1e-9));
                    c.setEntry(2, Math.max(c.getEntry(2), 0));
                    return c;
                })
                .build();
        return new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-14)
                .withParameterRelativeTolerance(1e-14)
                .withOrthoTolerance(1e-14)
                .optimize(problem);
    }

    /** Gunther's linearisation: regress N·λ₀/X(N) − 1 on (N−1) and N(N−1) through the origin. */
    static double[] start(int[] gpus, double[] x, double lambda0) {
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        for (int i = 0; i < gpus.length; i++) {
            double n = gpus[i];
            double a = n - 1;
            double b = n * (n - 1);
            double y = n * lambda0 / x[i] - 1;
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            say += a * y;
            sby += b * y;
        }
        double det = saa * sbb - sab * sab;
        double sigma = 0.01;
        double kappa = 1e-4;
        if (det != 0) {
            sigma = (say * sbb - sby * sab) / det;
            kappa = (saa * sby - sab * say) / det;
        }
        sigma = Math.min(Math.max(sigma, 0), 0.99);
        kappa = Math.max(kappa, 0);
        return new double[] {lambda0, sigma, kappa};
    }
}
