package org.lumen.image.volumetry;

import java.util.Map;
import java.util.TreeMap;
import org.lumen.image.Volume;

/**
 * Counting labelled voxels and turning counts into volumes: the light half of volumetry (no mesh), shared by atlas
 * volumetry, longitudinal comparison and segmentation models. Voxel values are rounded to whole labels.
 */
public final class LabelVolumes {
    private LabelVolumes() {
    }

    /** Voxels whose value rounds to {@code label}. */
    public static int count(Volume labels, int label) {
        int n = 0;
        for (int v = 0; v < labels.voxelCount(); v++) {
            if (Math.round(labels.get(v)) == label) {
                n++;
            }
        }
        return n;
    }

    /** The volume of one voxel of the grid in mm^3 (parallelepiped spanned by the spaced direction columns). */
    public static double voxelVolumeMm3(Volume grid) {
        return Math.abs(grid.geometry().indexToPatientMatrix().determinant());
    }

    /** Dice overlap of {@code label} in two label maps on the same grid: 2|A and B| / (|A| + |B|). */
    public static double dice(Volume a, Volume b, int label) {
        if (a.voxelCount() != b.voxelCount()) {
            throw new IllegalArgumentException("label maps differ in size: " + a + " vs " + b);
        }
        long both = 0;
        long inA = 0;
        long inB = 0;
        for (int v = 0; v < a.voxelCount(); v++) {
            boolean x = Math.round(a.get(v)) == label;
            boolean y = Math.round(b.get(v)) == label;
            inA += x ? 1 : 0;
            inB += y ? 1 : 0;
            both += x && y ? 1 : 0;
        }
        return inA + inB == 0 ? 1.0 : 2.0 * both / (inA + inB);
    }

    /** Label (1 and up; background left out) to its volume in mm^3, for the labels present, in label order. */
    public static Map<Integer, Double> mm3(Volume labels) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (int v = 0; v < labels.voxelCount(); v++) {
            int label = Math.round(labels.get(v));
            if (label > 0) {
                counts.merge(label, 1L, Long::sum);
            }
        }
        double voxel = voxelVolumeMm3(labels);
        Map<Integer, Double> volumes = new TreeMap<>();
        counts.forEach((label, n) -> volumes.put(label, n * voxel));
        return volumes;
    }
}
