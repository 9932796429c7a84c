package org.lumen.image.radiomics;

import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;

/**
 * The IBSI interpolation grid of an image ("align grid centres", IBSI 1 section "Interpolation grid"): along each axis
 * {@code n_b = ceil(n_a s_a / s_b)} points, spaced {@code s_b / s_a} in the original index coordinates and centred on the
 * original grid, so the new grid starts at index {@code (n_a - 1 - (s_b / s_a)(n_b - 1)) / 2}. Axes keep their directions.
 *
 * @param size points per axis (x, y, z)
 * @param start first point per axis, in the original grid's index coordinates
 * @param step distance between points per axis, in the original grid's index coordinates
 * @param geometry where the new grid lies in patient space
 */
public record InterpolationGrid(int[] size, double[] start, double[] step, Geometry geometry) {
    /** Guards the ceiling against products like 90.00000000001 that are meant to be whole. */
    private static final double WHOLE_NUMBER_SLACK = 1e-6;

    public static InterpolationGrid of(Volume image, RadiomicsConfig.Resampling resampling) {
        Geometry original = image.geometry();
        int[] originalSize = {image.nx(), image.ny(), image.nz()};
        int[] size = new int[3];
        double[] start = new double[3];
        double[] step = new double[3];
        double[] spacing = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            double originalSpacing = original.spacing().get(axis);
            boolean keep = axis == 2 && resampling.inPlaneOnly();
            spacing[axis] = keep ? originalSpacing : resampling.spacing();
            step[axis] = spacing[axis] / originalSpacing;
            size[axis] = keep ? originalSize[axis]
                    : (int) Math.ceil(originalSize[axis] * originalSpacing / spacing[axis] - WHOLE_NUMBER_SLACK);
            start[axis] = keep ? 0 : 0.5 * (originalSize[axis] - 1 - step[axis] * (size[axis] - 1));
        }
        Vec3 origin = original.indexToPatient(start[0], start[1], start[2]);
        Geometry geometry = new Geometry(origin, original.direction(), new Vec3(spacing[0], spacing[1], spacing[2]));
        return new InterpolationGrid(size, start, step, geometry);
    }

    public int nx() {
        return size[0];
    }

    public int ny() {
        return size[1];
    }

    public int nz() {
        return size[2];
    }

    /** True when the grid along {@code axis} is the original one (no interpolation needed there). */
    boolean keepsAxis(int axis, int originalSize) {
        return size[axis] == originalSize && start[axis] == 0 && step[axis] == 1;
    }
}
