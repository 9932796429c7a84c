package org.lumen.image;

import java.util.Arrays;

/** An immutable 3x3 matrix of doubles, stored row by row. */
public final class Matrix3 {
    private static final double SINGULAR_DETERMINANT = 1e-12;

    private final double[] m;

    private Matrix3(double[] rowMajor) {
        for (int i = 0; i < 9; i++) {
            if (!Double.isFinite(rowMajor[i])) {
                throw new IllegalArgumentException("matrix has a non-finite element: " + Arrays.toString(rowMajor));
            }
            rowMajor[i] += 0.0; // -0.0 becomes 0.0, so equal matrices are equal objects
        }
        this.m = rowMajor;
    }

    public static Matrix3 identity() {
        return diagonal(1, 1, 1);
    }

    public static Matrix3 diagonal(double a, double b, double c) {
        return new Matrix3(new double[] {a, 0, 0, 0, b, 0, 0, 0, c});
    }

    /** The matrix from nine values, row by row. */
    public static Matrix3 ofRows(double... rowMajor) {
        if (rowMajor.length != 9) {
            throw new IllegalArgumentException("a 3x3 matrix needs 9 values, got " + rowMajor.length);
        }
        return new Matrix3(rowMajor.clone());
    }

    /** The matrix whose columns are the three given vectors. */
    public static Matrix3 ofColumns(Vec3 c0, Vec3 c1, Vec3 c2) {
        return new Matrix3(new double[] {c0.x(), c1.x(), c2.x(), c0.y(), c1.y(), c2.y(), c0.z(), c1.z(), c2.z()});
    }

    public double get(int row, int column) {
        checkIndex(row);
        checkIndex(column);
        return m[row * 3 + column];
    }

    public Vec3 column(int column) {
        checkIndex(column);
        return new Vec3(m[column], m[3 + column], m[6 + column]);
    }

    public Vec3 row(int row) {
        checkIndex(row);
        return new Vec3(m[row * 3], m[row * 3 + 1], m[row * 3 + 2]);
    }

    /** The nine elements, row by row (a copy). */
    public double[] toRowMajor() {
        return m.clone();
    }

    public Vec3 times(Vec3 v) {
        return new Vec3(m[0] * v.x() + m[1] * v.y() + m[2] * v.z(),
                m[3] * v.x() + m[4] * v.y() + m[5] * v.z(),
                m[6] * v.x() + m[7] * v.y() + m[8] * v.z());
    }

    public Matrix3 times(Matrix3 other) {
        double[] product = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                product[r * 3 + c] = m[r * 3] * other.m[c] + m[r * 3 + 1] * other.m[3 + c] + m[r * 3 + 2] * other.m[6 + c];
            }
        }
        return new Matrix3(product);
    }

    /** This matrix with column c multiplied by the c-th component of {@code factors}. */
    public Matrix3 scaleColumns(Vec3 factors) {
        double[] scaled = m.clone();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                scaled[r * 3 + c] *= factors.get(c);
            }
        }
        return new Matrix3(scaled);
    }

    /** This matrix with row r multiplied by the r-th component of {@code factors}. */
    public Matrix3 scaleRows(Vec3 factors) {
        double[] scaled = m.clone();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                scaled[r * 3 + c] *= factors.get(r);
            }
        }
        return new Matrix3(scaled);
    }

    public Matrix3 transpose() {
        return new Matrix3(new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]});
    }

    public double determinant() {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    public boolean isSingular() {
        return Math.abs(determinant()) < SINGULAR_DETERMINANT;
    }

    /** The inverse; fails for a singular matrix, which maps space onto a plane and cannot be undone. */
    public Matrix3 inverse() {
        double det = determinant();
        if (Math.abs(det) < SINGULAR_DETERMINANT) {
            throw new IllegalArgumentException("matrix is singular (determinant " + det + "): " + this);
        }
        double inv = 1.0 / det;
        return new Matrix3(new double[] {
            (m[4] * m[8] - m[5] * m[7]) * inv, (m[2] * m[7] - m[1] * m[8]) * inv, (m[1] * m[5] - m[2] * m[4]) * inv,
            (m[5] * m[6] - m[3] * m[8]) * inv, (m[0] * m[8] - m[2] * m[6]) * inv, (m[2] * m[3] - m[0] * m[5]) * inv,
            (m[3] * m[7] - m[4] * m[6]) * inv, (m[1] * m[6] - m[0] * m[7]) * inv, (m[0] * m[4] - m[1] * m[3]) * inv});
    }

    /** True when the columns are unit vectors at right angles to each other, within {@code tolerance}. */
    public boolean isOrthonormal(double tolerance) {
        return transpose().times(this).maxAbsDifference(identity()) <= tolerance;
    }

    /**
     * The orthogonal matrix nearest to this one (the orthogonal factor of its polar decomposition). NIfTI's qform can only
     * hold a rotation, so a sheared direction matrix (a tilted-gantry CT) is approximated by this.
     */
    public Matrix3 nearestOrthogonal() {
        // Newton iteration X <- (X + X^-T) / 2 converges quadratically to the orthogonal polar factor.
        Matrix3 x = this;
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] next = new double[9];
            double[] invT = x.inverse().transpose().m;
            double change = 0;
            for (int i = 0; i < 9; i++) {
                next[i] = 0.5 * (x.m[i] + invT[i]);
                change = Math.max(change, Math.abs(next[i] - x.m[i]));
            }
            x = new Matrix3(next);
            if (change < 1e-15) {
                break;
            }
        }
        return x;
    }

    public double maxAbsDifference(Matrix3 other) {
        double max = 0;
        for (int i = 0; i < 9; i++) {
            max = Math.max(max, Math.abs(m[i] - other.m[i]));
        }
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matrix3 that && Arrays.equals(m, that.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "[" + m[0] + ", " + m[1] + ", " + m[2] + "; " + m[3] + ", " + m[4] + ", " + m[5] + "; "
                + m[6] + ", " + m[7] + ", " + m[8] + "]";
    }

    private static void checkIndex(int index) {
        if (index < 0 || index > 2) {
            throw new IndexOutOfBoundsException("index " + index + " is not 0, 1 or 2");
        }
    }
}
