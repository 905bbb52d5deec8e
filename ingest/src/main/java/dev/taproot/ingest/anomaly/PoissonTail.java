package dev.taproot.ingest.anomaly;

/**
 * How surprising a count is: the upper tail {@code P(X >= k)} of a Poisson count with mean {@code lambda},
 * expressed as the standard-normal z with the same tail, so counts and robust z-scores share one scale.
 * Four failed requests where the baseline predicts 0.01 are far stronger evidence than the plain difference
 * of four says, and forty where it predicts thirty far weaker.
 */
public final class PoissonTail {

    private PoissonTail() {
    }

    /** The z of {@code P(X >= k)} for a Poisson mean {@code lambda}; 0 when {@code k <= lambda}. */
    public static double z(double k, double lambda) {
        long n = Math.round(k);
        if (n <= lambda || n <= 0) {
            return 0;
        }
        double lam = Math.max(lambda, 1e-12);
        if (lam > 200) {
            return (n - lam) / Math.sqrt(lam);
        }
        // log P(X >= n) = log sum_{j >= n} e^-lam lam^j / j!, summed from the largest term outwards
        double logFirst = -lam + n * Math.log(lam) - logFactorial(n);
        double sum = 1;
        double term = 1;
        for (long j = n + 1; j < n + 1000; j++) {
            term *= lam / j;
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return zOfLogTail(logFirst + Math.log(sum));
    }

    private static double logFactorial(long n) {
        double s = 0;
        for (long i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }

    /** The z whose standard-normal upper tail has this natural log. */
    static double zOfLogTail(double logP) {
        if (logP >= Math.log(0.5)) {
            return 0;
        }
        // upper-tail asymptotics refined by Newton steps on log Q(z) = logP
        double z = Math.sqrt(-2 * logP);
        for (int i = 0; i < 30; i++) {
            double logQ = logUpperTail(z);
            double dens = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
            double step = (logQ - logP) / Math.exp(dens - logQ);
            z += step;
            if (Math.abs(step) < 1e-9) {
                break;
            }
        }
        return z;
    }

    /** log of the standard-normal upper tail Q(z), for z >= 0 (continued fraction for large z). */
    static double logUpperTail(double z) {
        if (z < 5) {
            return Math.log(0.5 * erfc(z / Math.sqrt(2)));
        }
        // Laplace continued fraction: Q(z) = phi(z) / (z + 1/(z + 2/(z + 3/(z + ...))))
        double f = z;
        for (int k = 40; k >= 1; k--) {
            f = z + k / f;
        }
        return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(f);
    }

    /** Complementary error function (Numerical Recipes' erfc, relative error below 1.2e-7). */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double r = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
