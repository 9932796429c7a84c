package org.lumen.image;

import java.util.List;

/**
 * Where a voxel grid sits in DICOM patient coordinates (LPS, mm): the centre of voxel (0,0,0), the unit vectors of the i, j
 * and k index axes (the columns of {@code direction}) and the distance between voxel centres along each axis.
 *
 * <p>The direction columns need not be at right angles: a CT with a tilted gantry has slices sheared against the row and
 * column directions, and that is kept. They must be unit vectors and span space.
 *
 * @param origin patient position of the centre of voxel (0,0,0), mm
 * @param direction columns are the unit vectors of the i, j and k axes in patient coordinates
 * @param spacing distance between voxel centres along i, j and k, mm
 */
public record Geometry(Vec3 origin, Matrix3 direction, Vec3 spacing) {
    private static final double UNIT_LENGTH_TOLERANCE = 1e-3;
    /** How far (as a fraction of the slice step) a slice may sit from a uniform stack before it is refused. */
    private static final double SLICE_POSITION_TOLERANCE = 0.01;

    public Geometry {
        if (origin == null || direction == null || spacing == null) {
            throw new IllegalArgumentException("origin, direction and spacing are all required");
        }
        if (!origin.isFinite()) {
            throw new IllegalArgumentException("origin is not finite: " + origin);
        }
        for (int axis = 0; axis < 3; axis++) {
            double step = spacing.get(axis);
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("spacing along axis " + axis + " must be a positive number of mm, got "
                        + step);
            }
            double length = direction.column(axis).norm();
            if (Math.abs(length - 1) > UNIT_LENGTH_TOLERANCE) {
                throw new IllegalArgumentException("direction column " + axis + " must be a unit vector, its length is "
                        + length);
            }
        }
        if (direction.isSingular()) {
            throw new IllegalArgumentException("direction columns do not span space (two axes are parallel): " + direction);
        }
    }

    /** Unit spacing, identity directions, origin at 0. */
    public static Geometry identity() {
        return new Geometry(Vec3.ZERO, Matrix3.identity(), new Vec3(1, 1, 1));
    }

    /**
     * The geometry of an affine map {@code patient = linear * (i,j,k) + origin}: spacing is the length of each column of
     * {@code linear}, the direction the column divided by its length.
     */
    public static Geometry ofAffine(Matrix3 linear, Vec3 origin) {
        Vec3 spacing = new Vec3(linear.column(0).norm(), linear.column(1).norm(), linear.column(2).norm());
        for (int axis = 0; axis < 3; axis++) {
            if (!(spacing.get(axis) > 0)) {
                throw new IllegalArgumentException("affine column " + axis + " is zero, so axis " + axis + " has no extent");
            }
        }
        Vec3 inverseSpacing = new Vec3(1 / spacing.x(), 1 / spacing.y(), 1 / spacing.z());
        return new Geometry(origin, linear.scaleColumns(inverseSpacing), spacing);
    }

    /**
     * The geometry of a stack of DICOM slices, for building a volume from a series.
     *
     * @param imageOrientationPatient Image Orientation (Patient) (0020,0037): the row direction (direction of increasing
     *     column index, our i axis) then the column direction (increasing row index, our j axis)
     * @param pixelSpacing Pixel Spacing (0028,0030): the distance between rows (along j) then between columns (along i)
     * @param imagePositions Image Position (Patient) (0020,0032) of each slice, in the order the slices are stored in the
     *     volume (k = 0, 1, ...); at least two, evenly spaced, not all in one plane
     * @throws IllegalArgumentException when the slices are unevenly spaced (a missing slice), repeated or not a stack
     */
    public static Geometry fromDicomSlices(double[] imageOrientationPatient, double[] pixelSpacing, List<Vec3> imagePositions) {
        if (imagePositions == null || imagePositions.size() < 2) {
            throw new IllegalArgumentException("a slice stack needs at least 2 image positions; use fromDicomSingleSlice for one");
        }
        Vec3 first = imagePositions.get(0);
        Vec3 span = imagePositions.get(imagePositions.size() - 1).minus(first);
        double step = span.norm() / (imagePositions.size() - 1);
        if (!(step > 1e-6)) {
            throw new IllegalArgumentException("first and last slice share the same position " + first
                    + "; the series is not a stack (repeated or multi-phase slices?)");
        }
        Vec3 sliceDirection = span.normalized();
        for (int k = 1; k < imagePositions.size() - 1; k++) {
            Vec3 expected = first.plus(sliceDirection.times(k * step));
            double deviation = imagePositions.get(k).minus(expected).norm();
            if (deviation > SLICE_POSITION_TOLERANCE * step) {
                throw new IllegalArgumentException("slice " + k + " is " + deviation + " mm from where an evenly spaced stack"
                        + " puts it (step " + step + " mm): slices missing or unevenly spaced");
            }
        }
        return inPlane(imageOrientationPatient, pixelSpacing, first, sliceDirection, step);
    }

    /**
     * The geometry of one DICOM slice; the k axis is the slice normal (row x column direction) and its spacing is
     * {@code sliceThickness}.
     */
    public static Geometry fromDicomSingleSlice(double[] imageOrientationPatient, double[] pixelSpacing, Vec3 imagePosition,
            double sliceThickness) {
        Vec3 row = Vec3.of(imageOrientationPatient, 0).normalized();
        Vec3 column = Vec3.of(imageOrientationPatient, 3).normalized();
        return inPlane(imageOrientationPatient, pixelSpacing, imagePosition, row.cross(column).normalized(), sliceThickness);
    }

    private static Geometry inPlane(double[] imageOrientationPatient, double[] pixelSpacing, Vec3 origin, Vec3 sliceDirection,
            double sliceStep) {
        if (imageOrientationPatient == null || imageOrientationPatient.length != 6) {
            throw new IllegalArgumentException("Image Orientation (Patient) needs 6 values");
        }
        if (pixelSpacing == null || pixelSpacing.length != 2) {
            throw new IllegalArgumentException("Pixel Spacing needs 2 values (row spacing, column spacing)");
        }
        Vec3 row = Vec3.of(imageOrientationPatient, 0).normalized();
        Vec3 column = Vec3.of(imageOrientationPatient, 3).normalized();
        Matrix3 direction = Matrix3.ofColumns(row, column, sliceDirection);
        if (direction.isSingular()) {
            throw new IllegalArgumentException("slices are stacked within the image plane, not across it");
        }
        return new Geometry(origin, direction, new Vec3(pixelSpacing[1], pixelSpacing[0], sliceStep));
    }

    /** The matrix taking index offsets to patient offsets: direction with each column scaled by its spacing. */
    public Matrix3 indexToPatientMatrix() {
        return direction.scaleColumns(spacing);
    }

    /** The patient position (mm) of continuous index (i, j, k); integer indices are voxel centres. */
    public Vec3 indexToPatient(double i, double j, double k) {
        return origin.plus(indexToPatientMatrix().times(new Vec3(i, j, k)));
    }

    /** The continuous index of a patient position (the inverse of {@link #indexToPatient}). */
    public Vec3 patientToIndex(Vec3 patient) {
        return indexToPatientMatrix().inverse().times(patient.minus(origin));
    }

    /** True when origin and spacing agree within {@code toleranceMm} and the directions within the same number. */
    public boolean isCloseTo(Geometry other, double toleranceMm) {
        return origin.maxAbsDifference(other.origin) <= toleranceMm
                && spacing.maxAbsDifference(other.spacing) <= toleranceMm
                && direction.maxAbsDifference(other.direction) <= toleranceMm;
    }
}
