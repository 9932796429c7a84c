package org.lumen.image.radiomics.features;

/** Ellipsoid measures morphology compares the ROI with (approximate and minimum-volume enclosing ellipsoids). */
final class Ellipsoids {
    /** IBSI stops the Legendre series of the ellipsoid area after degree 20. */
    private static final int SERIES_DEGREE = 20;
    /** IBSI's stopping tolerance for Khachiyan's algorithm. */
    private static final double KHACHIYAN_TOLERANCE = 0.001;
    private static final int KHACHIYAN_MAX_ITERATIONS = 20000;

    private Ellipsoids() {
    }

    static double volume(double a, double b, double c) {
        return 4 * Math.PI * a * b * c / 3;
    }

    /**
     * Surface area of the ellipsoid with semi-axes a &gt;= b &gt;= c by the IBSI Legendre series
     * {@code 4 pi a b sum (alpha beta)^v / (1 - 4 v^2) P_v((alpha^2 + beta^2) / (2 alpha beta))}, with
     * {@code alpha = sqrt(1 - b^2/a^2)} and {@code beta = sqrt(1 - c^2/a^2)}. The terms are carried as
     * {@code Q_v = (alpha beta)^v P_v(x)} through the Legendre recurrence, which stays finite when alpha or beta is 0.
     */
    static double area(double a, double b, double c) {
        double alpha = Math.sqrt(Math.max(0, 1 - b * b / (a * a)));
        double beta = Math.sqrt(Math.max(0, 1 - c * c / (a * a)));
        double s = (alpha * alpha + beta * beta) / 2; // = x * alpha * beta
        double product2 = alpha * beta * alpha * beta;
        double previous = 1; // Q_0
        double current = s; // Q_1
        double sum = 1 + current / (1 - 4);
        for (int v = 1; v < SERIES_DEGREE; v++) {
            double next = ((2 * v + 1) * s * current - v * product2 * previous) / (v + 1);
            previous = current;
            current = next;
            sum += current / (1 - 4.0 * (v + 1) * (v + 1));
        }
        return 4 * Math.PI * a * b * sum;
    }

    /**
     * Semi-axis lengths (decreasing) of the minimum-volume ellipsoid enclosing the points (x, y, z triples), by
     * Khachiyan's barycentric coordinate ascent with IBSI's tolerance 0.001 on the change of the weights.
     */
    static double[] minimumVolumeEnclosingSemiAxes(double[] points) {
        int n = points.length / 3;
        double[] u = new double[n];
        java.util.Arrays.fill(u, 1.0 / n);
        double[] lifted = new double[4];
        for (int iteration = 0; iteration < KHACHIYAN_MAX_ITERATIONS; iteration++) {
            double[][] x = new double[4][4];
            for (int i = 0; i < n; i++) {
                lift(points, i, lifted);
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < 4; c++) {
                        x[r][c] += u[i] * lifted[r] * lifted[c];
                    }
                }
            }
            double[][] inverse = invert(x);
            int farthest = 0;
            double largest = -1;
            for (int i = 0; i < n; i++) {
                lift(points, i, lifted);
                double m = 0;
                for (int r = 0; r < 4; r++) {
                    double row = 0;
                    for (int c = 0; c < 4; c++) {
                        row += inverse[r][c] * lifted[c];
                    }
                    m += lifted[r] * row;
                }
                if (m > largest) {
                    largest = m;
                    farthest = i;
                }
            }
            double step = (largest - 4) / (4 * (largest - 1));
            double change = 0;
            for (int i = 0; i < n; i++) {
                double updated = (1 - step) * u[i] + (i == farthest ? step : 0);
                change += (updated - u[i]) * (updated - u[i]);
                u[i] = updated;
            }
            if (Math.sqrt(change) < KHACHIYAN_TOLERANCE) {
                break;
            }
        }
        // Shape matrix A = inv(P U P' - c c') / 3; semi-axes 1 / sqrt(eigenvalues of A) = sqrt(3 * eig(P U P' - c c')).
        double[] centre = new double[3];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 3; r++) {
                centre[r] += u[i] * points[3 * i + r];
            }
        }
        double[][] scatter = new double[3][3];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    scatter[r][c] += u[i] * (points[3 * i + r] - centre[r]) * (points[3 * i + c] - centre[c]);
                }
            }
        }
        double[] eigen = SymmetricEigen.of(scatter).values();
        return new double[] {Math.sqrt(3 * eigen[0]), Math.sqrt(3 * Math.max(0, eigen[1])),
            Math.sqrt(3 * Math.max(0, eigen[2]))};
    }

    private static void lift(double[] points, int i, double[] lifted) {
        lifted[0] = points[3 * i];
        lifted[1] = points[3 * i + 1];
        lifted[2] = points[3 * i + 2];
        lifted[3] = 1;
    }

    /** Inverse of a small symmetric positive definite matrix by Gauss-Jordan elimination with partial pivoting. */
    private static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(matrix[r], 0, a[r], 0, n);
            a[r][n + r] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double diagonal = a[col][col];
            for (int c = 0; c < 2 * n; c++) {
                a[col][c] /= diagonal;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double factor = a[r][col];
                    for (int c = 0; c < 2 * n; c++) {
                        a[r][c] -= factor * a[col][c];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(a[r], n, inverse[r], 0, n);
        }
        return inverse;
    }
}
