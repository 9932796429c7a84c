package org.lumen.ai.eval;

import java.util.Arrays;
import org.lumen.image.Volume;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * Overlap and surface-distance metrics of one label in two label maps on the same grid.
 *
 * <ul>
 *   <li>Dice = 2 |A ∩ B| / (|A| + |B|); 1 when the label is in neither map (nothing to find, nothing found).</li>
 *   <li>Surface voxels: voxels of the label with at least one of their six face neighbours outside it (or outside the
 *       grid). The directed distances run from every surface voxel of one map to the nearest surface voxel of the other,
 *       in mm between voxel centres (the grid's spacing; the direction cosines do not change distances).</li>
 *   <li>Hausdorff distance = the largest directed distance either way; HD95 = the larger of the two directions' 95th
 *       percentiles (linear interpolation between order statistics), as MedPy's {@code hd95} defines it. Both are NaN
 *       when either map lacks the label.</li>
 * </ul>
 * Distances come from an exact Euclidean distance transform of the other map's surface, so large structures cost time
 * linear in the grid size.
 */
public final class SegmentationMetrics {
    private SegmentationMetrics() {
    }

    /** The Hausdorff distances of one label, in mm. */
    public record Hausdorff(double hd95Mm, double maxMm) {
    }

    public static double dice(Volume truth, Volume predicted, int label) {
        checkSameGrid(truth, predicted);
        return LabelVolumes.dice(truth, predicted, label);
    }

    public static Hausdorff hausdorff(Volume truth, Volume predicted, int label) {
        checkSameGrid(truth, predicted);
        int[] dims = {truth.nx(), truth.ny(), truth.nz()};
        double[] spacing = {truth.geometry().spacing().x(), truth.geometry().spacing().y(), truth.geometry().spacing().z()};
        boolean[] surfaceT = surface(truth, label);
        boolean[] surfaceP = surface(predicted, label);
        double[] fromT = directed(surfaceT, surfaceP, dims, spacing);
        double[] fromP = directed(surfaceP, surfaceT, dims, spacing);
        if (fromT.length == 0 || fromP.length == 0) {
            return new Hausdorff(Double.NaN, Double.NaN);
        }
        return new Hausdorff(Math.max(percentile(fromT, 95), percentile(fromP, 95)),
                Math.max(fromT[fromT.length - 1], fromP[fromP.length - 1]));
    }

    /** The sorted distances in mm from each {@code from} voxel to the nearest {@code to} voxel (empty if either is empty). */
    static double[] directed(boolean[] from, boolean[] to, int[] dims, double[] spacing) {
        int count = 0;
        boolean any = false;
        for (int i = 0; i < from.length; i++) {
            count += from[i] ? 1 : 0;
            any |= to[i];
        }
        if (count == 0 || !any) {
            return new double[0];
        }
        double[] squared = DistanceTransform.squaredMm(to, dims, spacing);
        double[] out = new double[count];
        int n = 0;
        for (int i = 0; i < from.length; i++) {
            if (from[i]) {
                out[n++] = Math.sqrt(squared[i]);
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Linear interpolation between order statistics of sorted values (NumPy's default percentile). */
    static double percentile(double[] sorted, double percent) {
        double position = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The label's voxels that touch a voxel outside it (six-neighbourhood; the grid's border counts as outside). */
    static boolean[] surface(Volume map, int label) {
        int nx = map.nx();
        int ny = map.ny();
        int nz = map.nz();
        var v = map.view();
        boolean[] out = new boolean[v.limit()];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int at = i + nx * (j + ny * k);
                    if (v.get(at) != label) {
                        continue;
                    }
                    out[at] = i == 0 || i == nx - 1 || j == 0 || j == ny - 1 || k == 0 || k == nz - 1
                            || v.get(at - 1) != label || v.get(at + 1) != label
                            || v.get(at - nx) != label || v.get(at + nx) != label
                            || v.get(at - nx * ny) != label || v.get(at + nx * ny) != label;
                }
            }
        }
        return out;
    }

    private static void checkSameGrid(Volume truth, Volume predicted) {
        if (truth.nx() != predicted.nx() || truth.ny() != predicted.ny() || truth.nz() != predicted.nz()) {
            throw new IllegalArgumentException("label maps of different sizes: truth " + truth.nx() + " x " + truth.ny()
                    + " x " + truth.nz() + ", predicted " + predicted.nx() + " x " + predicted.ny() + " x " + predicted.nz());
        }
    }
}
