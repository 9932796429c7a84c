package org.lumen.image.roi;

import java.util.Arrays;
import java.util.Locale;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/**
 * The regular grid a SEG's frames lie on: the frames' plane, stacked along the normal from the lowest frame to the highest
 * at the slice spacing. SEG writers leave out empty frames, so planes between frames may hold no frame (they stay empty);
 * the spacing is Spacing Between Slices when the SEG gives it, else the smallest distance between two frame planes (or
 * Slice Thickness when that divides it, for a SEG that skipped every other slice), else, for a SEG of one plane, the
 * Slice Thickness.
 *
 * @param slice the slice index (k) of each frame, by frame index
 */
record SegmentationGrid(int nx, int ny, int nz, Geometry geometry, int[] slice) {
    /** How far (mm) a frame's in-plane origin may lie from the first frame's. */
    private static final double IN_PLANE_TOLERANCE_MM = 0.01;
    /** How far (as a fraction of the spacing) a frame may lie from a plane of the grid. */
    private static final double PLANE_TOLERANCE = 0.05;
    private static final long MAX_VOXELS = Integer.MAX_VALUE - 8;

    /** The grid of all frames of {@code segmentation}. */
    static SegmentationGrid of(Segmentation segmentation) {
        Segmentation.Plane plane = segmentation.plane();
        String source = segmentation.source();
        Vec3 normal = plane.normal();
        Segmentation.Frame lowest = segmentation.frames().stream()
                .min((a, b) -> Double.compare(a.position().dot(normal), b.position().dot(normal))).orElseThrow();
        Vec3 origin = lowest.position();
        double[] heights = new double[segmentation.frames().size()];
        for (Segmentation.Frame frame : segmentation.frames()) {
            Vec3 offset = frame.position().minus(origin);
            double height = offset.dot(normal);
            if (offset.minus(normal.times(height)).norm() > IN_PLANE_TOLERANCE_MM + 0.01 * plane.rowSpacing()) {
                throw new IllegalArgumentException(source + ": frame " + (frame.index() + 1) + " is shifted within its"
                        + " plane against frame " + (lowest.index() + 1) + " (a tiled segmentation); Lumen places SEGs"
                        + " whose frames are whole slices of one stack");
            }
            heights[frame.index()] = height;
        }
        double step = spacing(heights, plane, source);
        int[] slice = new int[heights.length];
        int top = 0;
        for (int f = 0; f < heights.length; f++) {
            double k = heights[f] / step;
            slice[f] = (int) Math.round(k);
            if (Math.abs(k - slice[f]) > PLANE_TOLERANCE) {
                throw new IllegalArgumentException(source + ": frame " + (f + 1) + " lies " + format(heights[f])
                        + " mm above the lowest frame, not on a plane of a stack spaced " + format(step)
                        + " mm: the frames are unevenly spaced");
            }
            top = Math.max(top, slice[f]);
        }
        int nz = top + 1;
        if ((long) plane.columns() * plane.rows() * nz > MAX_VOXELS) {
            throw new IllegalArgumentException(source + ": " + plane.columns() + " x " + plane.rows() + " x " + nz
                    + " voxels do not fit in one volume");
        }
        Geometry geometry = new Geometry(origin, Matrix3.ofColumns(plane.row(), plane.column(), normal),
                new Vec3(plane.columnSpacing(), plane.rowSpacing(), step));
        return new SegmentationGrid(plane.columns(), plane.rows(), nz, geometry, slice);
    }

    /** A volume on this grid holding {@code data} (nx * ny * nz values, x fastest). */
    Volume volume(float[] data, VoxelType type) {
        return new Volume(nx, ny, nz, data, type, geometry);
    }

    int voxelCount() {
        return nx * ny * nz;
    }

    private static double spacing(double[] heights, Segmentation.Plane plane, String source) {
        if (plane.spacingBetweenSlices() > 0) {
            return plane.spacingBetweenSlices();
        }
        double[] sorted = heights.clone();
        Arrays.sort(sorted);
        double smallest = Double.POSITIVE_INFINITY;
        for (int f = 1; f < sorted.length; f++) {
            double gap = sorted[f] - sorted[f - 1];
            if (gap > IN_PLANE_TOLERANCE_MM) {
                smallest = Math.min(smallest, gap);
            }
        }
        double thickness = plane.sliceThickness();
        if (Double.isInfinite(smallest)) {
            if (thickness > 0) {
                return thickness;
            }
            throw new IllegalArgumentException(source + ": all frames lie in one plane and the SEG gives neither Slice"
                    + " Thickness nor Spacing Between Slices, so the thickness of that plane is unknown");
        }
        if (thickness > 0 && thickness < smallest * (1 - PLANE_TOLERANCE)) {
            double ratio = smallest / thickness;
            if (Math.abs(ratio - Math.rint(ratio)) < PLANE_TOLERANCE) {
                return thickness;
            }
        }
        return smallest;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
