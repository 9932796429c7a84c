package org.lumen.image.roi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/**
 * Turns an RTSTRUCT ROI's closed planar contours into a mask on an image grid, slice by slice. A contour belongs to the
 * image slice whose plane is nearest to it, provided it lies within half a slice spacing of that plane; a voxel of that
 * slice is inside when its centre is inside the contours by the even-odd rule, so a contour drawn inside another on the
 * same slice cuts a hole and separate contours add up. A centre exactly on a contour's left or lower edge counts as
 * inside, one on its right or upper edge as outside (the half-open rule of ray casting), so two contours that share an edge
 * never both claim the voxels on it.
 */
final class ContourRasteriser {
    /** How far (in slices) a contour's points may stray from their mean plane before it is not in a slice plane. */
    private static final double PLANARITY_TOLERANCE = 0.5;
    /** Slack on "within half a slice" for contours written with rounded coordinates. */
    private static final double SLICE_MATCH_SLACK = 1e-3;

    private ContourRasteriser() {
    }

    /** A contour in continuous image indices (i, j) on slice k. */
    private record Polygon(double[] i, double[] j) {
    }

    /**
     * The ROI as a mask of 0 and 1 on {@code image}'s grid.
     *
     * @throws IllegalArgumentException when the ROI has no closed planar contour, a contour does not lie in a slice plane,
     *     or no contour meets the image
     */
    static Volume rasterise(RtStructureSet.Roi roi, Volume image, String source) {
        List<RtStructureSet.Contour> contours = roi.closedContours();
        if (contours.isEmpty()) {
            throw new IllegalArgumentException(source + ": ROI '" + roi.name() + "' has no CLOSED_PLANAR contour to fill"
                    + (roi.contours().isEmpty() ? " (it has no contours at all)" : " (its " + roi.contours().size()
                    + " contours are points or open lines)"));
        }
        Map<Integer, List<Polygon>> bySlice = new TreeMap<>();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (RtStructureSet.Contour contour : contours) {
            double[] i = new double[contour.pointCount()];
            double[] j = new double[contour.pointCount()];
            double k = toIndices(contour, image, i, j, roi, source);
            lowest = Math.min(lowest, k);
            highest = Math.max(highest, k);
            int slice = (int) Math.round(k);
            if (slice >= 0 && slice < image.nz() && Math.abs(k - slice) <= 0.5 + SLICE_MATCH_SLACK) {
                bySlice.computeIfAbsent(slice, s -> new ArrayList<>()).add(new Polygon(i, j));
            }
        }
        if (bySlice.isEmpty()) {
            throw new IllegalArgumentException(source + ": ROI '" + roi.name() + "' has no contour on this image: its "
                    + contours.size() + " contours lie between slice index " + format(lowest) + " and " + format(highest)
                    + " of the image, which has slices 0 to " + (image.nz() - 1)
                    + " (is the RTSTRUCT drawn on another series?)");
        }
        float[] mask = new float[image.voxelCount()];
        bySlice.forEach((slice, polygons) -> fillSlice(polygons, image.nx(), image.ny(), mask, slice * image.nx()
                * image.ny()));
        return image.withData(mask, VoxelType.UINT8);
    }

    /** Fills in the contour's image indices; returns its slice position (mean k) after checking it is planar there. */
    private static double toIndices(RtStructureSet.Contour contour, Volume image, double[] i, double[] j,
            RtStructureSet.Roi roi, String source) {
        double[] points = contour.points();
        double[] k = new double[i.length];
        double sum = 0;
        for (int p = 0; p < i.length; p++) {
            Vec3 index = image.patientToIndex(points[3 * p], points[3 * p + 1], points[3 * p + 2]);
            i[p] = index.x();
            j[p] = index.y();
            k[p] = index.z();
            sum += k[p];
        }
        double mean = sum / k.length;
        for (double value : k) {
            if (Math.abs(value - mean) > PLANARITY_TOLERANCE) {
                throw new IllegalArgumentException(source + ": contour " + contour.index() + " of ROI '" + roi.name()
                        + "' is not in a slice plane of the image: its points span slice index " + format(min(k)) + " to "
                        + format(max(k)) + " (drawn on an image of another orientation?)");
            }
        }
        return mean;
    }

    /** Even-odd scan-line fill of one slice: each row of voxel centres is crossed with every contour's edges. */
    private static void fillSlice(List<Polygon> polygons, int nx, int ny, float[] mask, int sliceOffset) {
        double[] crossings = new double[16];
        for (int row = 0; row < ny; row++) {
            int count = 0;
            for (Polygon polygon : polygons) {
                double[] pi = polygon.i();
                double[] pj = polygon.j();
                int n = pi.length;
                for (int a = 0, b = n - 1; a < n; b = a++) {
                    // Half-open in j: an edge counts when one end is above the row and the other at or below it, so a
                    // vertex on the row is crossed once, not twice.
                    if ((pj[a] > row) != (pj[b] > row)) {
                        if (count == crossings.length) {
                            crossings = Arrays.copyOf(crossings, 2 * count);
                        }
                        crossings[count++] = pi[a] + (row - pj[a]) * (pi[b] - pi[a]) / (pj[b] - pj[a]);
                    }
                }
            }
            Arrays.sort(crossings, 0, count);
            int rowOffset = sliceOffset + row * nx;
            for (int c = 0; c + 1 < count; c += 2) {
                // Centres i with crossings[c] <= i < crossings[c + 1] are inside.
                int from = Math.max(0, (int) Math.ceil(crossings[c]));
                int to = Math.min(nx, (int) Math.ceil(crossings[c + 1]));
                for (int i = from; i < to; i++) {
                    mask[rowOffset + i] = 1f;
                }
            }
        }
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
