package org.lumen.image.radiomics.features;

/**
 * Eigen-decomposition of a symmetric 3x3 matrix by cyclic Jacobi rotations: exact to rounding for the small covariance
 * and shape matrices of morphology, with no convergence caveats.
 *
 * @param values eigenvalues in decreasing order
 * @param vectors row r is the unit eigenvector of values[r]
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    static SymmetricEigen of(double[][] symmetric) {
        double[][] a = {symmetric[0].clone(), symmetric[1].clone(), symmetric[2].clone()};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            double scale = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
            if (off <= 1e-30 * Math.max(scale, Double.MIN_NORMAL)) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[] values = new double[3];
        double[][] vectors = new double[3][3];
        for (int r = 0; r < 3; r++) {
            values[r] = a[order[r]][order[r]];
            for (int c = 0; c < 3; c++) {
                vectors[r][c] = v[c][order[r]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** One Jacobi rotation zeroing a[p][q]; v accumulates the rotations (its columns become the eigenvectors). */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        if (a[p][q] == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 3; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < 3; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
