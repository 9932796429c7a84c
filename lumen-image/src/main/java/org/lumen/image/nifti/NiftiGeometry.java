package org.lumen.image.nifti;

import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;

/**
 * Converts between NIfTI's spatial fields (RAS+ world: x to the Right, y to the Anterior) and {@link Geometry} (DICOM LPS:
 * x to the Left, y to the Posterior). The two differ by the sign of x and y, so each conversion negates those rows.
 */
final class NiftiGeometry {
    /** RAS <-> LPS: negate x and y. Its own inverse. */
    private static final Vec3 RAS_TO_LPS = new Vec3(-1, -1, 1);
    /** A direction matrix further than this from a rotation is orthogonalised before it becomes a quaternion. */
    private static final double ORTHONORMAL_TOLERANCE = 1e-6;

    private NiftiGeometry() {
    }

    static GeometrySource source(NiftiHeader header) {
        // A singular sform (all zeros is common from writers that set the code but not the rows) cannot place the
        // image, so we fall through to the qform as if sform_code were 0.
        if (header.sformCode() > 0 && isUsableSform(header)) {
            return GeometrySource.SFORM;
        }
        return header.qformCode() > 0 ? GeometrySource.QFORM : GeometrySource.PIXDIM;
    }

    /** The LPS geometry described by the header, in mm. */
    static Geometry toGeometry(NiftiHeader header) {
        double unit = header.spatialUnitInMm();
        Matrix3 linear;
        Vec3 origin;
        switch (source(header)) {
            case SFORM -> {
                float[] srow = header.srow();
                linear = sformLinear(header);
                origin = new Vec3(srow[3], srow[7], srow[11]);
            }
            case QFORM -> {
                float[] q = header.quaternion();
                float[] offset = header.qoffset();
                Vec3 steps = voxelSizes(header);
                double qfac = header.pixdim()[0] < 0 ? -1 : 1;
                linear = rotationOf(q[0], q[1], q[2]).scaleColumns(new Vec3(steps.x(), steps.y(), qfac * steps.z()));
                origin = new Vec3(offset[0], offset[1], offset[2]);
            }
            default -> {
                Vec3 steps = voxelSizes(header);
                linear = Matrix3.diagonal(steps.x(), steps.y(), steps.z());
                origin = Vec3.ZERO;
            }
        }
        Matrix3 linearLps = linear.scaleRows(RAS_TO_LPS.times(unit));
        Vec3 originLps = new Vec3(-origin.x(), -origin.y(), origin.z()).times(unit);
        return Geometry.ofAffine(linearLps, originLps);
    }

    /** The qform and sform fields that place a volume of this geometry, in NIfTI's RAS+ world, in mm. */
    static Xforms fromGeometry(Geometry geometry) {
        Matrix3 linearRas = geometry.indexToPatientMatrix().scaleRows(RAS_TO_LPS);
        Vec3 originRas = new Vec3(-geometry.origin().x(), -geometry.origin().y(), geometry.origin().z());
        double[] srow = new double[12];
        for (int row = 0; row < 3; row++) {
            srow[row * 4] = linearRas.get(row, 0);
            srow[row * 4 + 1] = linearRas.get(row, 1);
            srow[row * 4 + 2] = linearRas.get(row, 2);
            srow[row * 4 + 3] = originRas.get(row);
        }
        // The quaternion can only hold a proper rotation: a left-handed grid flips its k axis through qfac = -1.
        Matrix3 rotation = geometry.direction().scaleRows(RAS_TO_LPS);
        double qfac = 1;
        if (rotation.determinant() < 0) {
            qfac = -1;
            rotation = rotation.scaleColumns(new Vec3(1, 1, -1));
        }
        if (!rotation.isOrthonormal(ORTHONORMAL_TOLERANCE)) {
            rotation = rotation.nearestOrthogonal();
        }
        return new Xforms(quaternionOf(rotation), originRas, qfac, geometry.spacing(), srow);
    }

    /**
     * The spatial fields to write.
     *
     * @param quaternion b, c, d of the rotation (a is implied, non-negative)
     * @param srow the affine, row by row with the translation last in each row
     */
    record Xforms(double[] quaternion, Vec3 qoffset, double qfac, Vec3 spacing, double[] srow) {
    }

    /** The rotation of unit quaternion (a, b, c, d) with a = sqrt(1 - b^2 - c^2 - d^2). */
    static Matrix3 rotationOf(double b, double c, double d) {
        double a;
        double sumOfSquares = b * b + c * c + d * d;
        if (1.0 - sumOfSquares < 1e-7) {
            // A 180-degree rotation: a is 0, and rounding may have pushed (b,c,d) slightly off the unit sphere.
            double norm = Math.sqrt(sumOfSquares);
            b /= norm;
            c /= norm;
            d /= norm;
            a = 0;
        } else {
            a = Math.sqrt(1.0 - sumOfSquares);
        }
        return Matrix3.ofRows(
                a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
                2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
                2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b);
    }

    /** The (b, c, d) of a proper rotation matrix, with a >= 0; computed from the largest of a, b, c, d for accuracy. */
    static double[] quaternionOf(Matrix3 r) {
        double trace = r.get(0, 0) + r.get(1, 1) + r.get(2, 2);
        double a;
        double b;
        double c;
        double d;
        if (trace > 0) {
            double s = 2 * Math.sqrt(trace + 1); // 4a
            a = s / 4;
            b = (r.get(2, 1) - r.get(1, 2)) / s;
            c = (r.get(0, 2) - r.get(2, 0)) / s;
            d = (r.get(1, 0) - r.get(0, 1)) / s;
        } else if (r.get(0, 0) >= r.get(1, 1) && r.get(0, 0) >= r.get(2, 2)) {
            double s = 2 * Math.sqrt(1 + r.get(0, 0) - r.get(1, 1) - r.get(2, 2)); // 4b
            a = (r.get(2, 1) - r.get(1, 2)) / s;
            b = s / 4;
            c = (r.get(0, 1) + r.get(1, 0)) / s;
            d = (r.get(0, 2) + r.get(2, 0)) / s;
        } else if (r.get(1, 1) >= r.get(2, 2)) {
            double s = 2 * Math.sqrt(1 + r.get(1, 1) - r.get(0, 0) - r.get(2, 2)); // 4c
            a = (r.get(0, 2) - r.get(2, 0)) / s;
            b = (r.get(0, 1) + r.get(1, 0)) / s;
            c = s / 4;
            d = (r.get(1, 2) + r.get(2, 1)) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r.get(2, 2) - r.get(0, 0) - r.get(1, 1)); // 4d
            a = (r.get(1, 0) - r.get(0, 1)) / s;
            b = (r.get(0, 2) + r.get(2, 0)) / s;
            c = (r.get(1, 2) + r.get(2, 1)) / s;
            d = s / 4;
        }
        double sign = a < 0 ? -1 : 1;
        return new double[] {sign * b, sign * c, sign * d};
    }

    private static boolean isUsableSform(NiftiHeader header) {
        for (float value : header.srow()) {
            if (!Float.isFinite(value)) {
                return false;
            }
        }
        return !sformLinear(header).isSingular();
    }

    private static Matrix3 sformLinear(NiftiHeader header) {
        float[] s = header.srow();
        return Matrix3.ofRows(s[0], s[1], s[2], s[4], s[5], s[6], s[8], s[9], s[10]);
    }

    /** pixdim[1..3]; a size that is not positive is taken as 1, as the NIfTI reference library does. */
    private static Vec3 voxelSizes(NiftiHeader header) {
        float[] pixdim = header.pixdim();
        return new Vec3(positiveOrOne(pixdim[1]), positiveOrOne(pixdim[2]), positiveOrOne(pixdim[3]));
    }

    private static double positiveOrOne(float size) {
        return size > 0 && Float.isFinite(size) ? size : 1.0;
    }
}
