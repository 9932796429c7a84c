package org.lumen.image.radiomics.texture;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 feature aggregation as the GLSZM, GLDZM, NGTDM and NGLDM define it: 2D computes the features of each slice's
 * matrix and averages them over the slices (8QNN), 2.5D merges the slice matrices into one first (62GR), 3D builds one
 * matrix from the volume (KOBO). Tags are the family's stems with the suffix _2D, _2_5D or _3D.
 */
final class ZoneAggregation {
    private ZoneAggregation() {
    }

    /**
     * How one family builds, merges and reads its matrix M.
     *
     * @param slices   the planar (2D) matrices of the slices that hold intensity-mask voxels, in slice order
     * @param volume   the volumetric (3D) matrix
     * @param merge    IBSI's merged matrix of the slices (2.5D)
     * @param features feature values in the order of the family's stems
     */
    record Matrices<M>(Function<DiscretisedRoi, List<M>> slices, Function<DiscretisedRoi, M> volume,
                       Function<List<M>, M> merge, Function<M, double[]> features) {
        /** For the families whose matrix is a {@link ZoneCountMatrix} (GLSZM, GLDZM, NGLDM). */
        static Matrices<ZoneCountMatrix> counts(Function<DiscretisedRoi, List<ZoneCountMatrix>> slices,
                                                Function<DiscretisedRoi, ZoneCountMatrix> volume) {
            return new Matrices<>(slices, volume, ZoneCountMatrix::merge, ZoneCountMatrix::features);
        }
    }

    /**
     * @param stems feature tag stems (e.g. {@code szm_sze}) by position in {@link Matrices#features}; a null stem is a
     *              value the family does not report
     */
    static <M> FeatureTable compute(String[] stems, Matrices<M> matrices, DiscretisedRoi roi,
                                    Set<Dimensionality> dimensionalities) {
        FeatureTable table = new FeatureTable();
        List<M> slices = null;
        for (Dimensionality dimensionality : Dimensionality.values()) {
            if (!dimensionalities.contains(dimensionality)) {
                continue;
            }
            double[] values;
            if (dimensionality == Dimensionality.THREE_D) {
                values = matrices.features().apply(matrices.volume().apply(roi));
            } else {
                if (slices == null) {
                    slices = matrices.slices().apply(roi);
                }
                values = dimensionality == Dimensionality.TWO_D
                        ? sliceAverage(slices, matrices, stems.length)
                        : matrices.features().apply(matrices.merge().apply(slices));
            }
            for (int k = 0; k < stems.length; k++) {
                if (stems[k] != null) {
                    table.put(stems[k] + "_" + dimensionality.tagSuffix(), values[k]);
                }
            }
        }
        return table;
    }

    /** Mean over the slices of each feature; a slice where a feature is undefined (NaN) does not count for it. */
    private static <M> double[] sliceAverage(List<M> slices, Matrices<M> matrices, int featureCount) {
        double[] sum = new double[featureCount];
        int[] counted = new int[featureCount];
        for (M slice : slices) {
            double[] values = matrices.features().apply(slice);
            for (int k = 0; k < featureCount; k++) {
                if (!Double.isNaN(values[k])) {
                    sum[k] += values[k];
                    counted[k]++;
                }
            }
        }
        double[] mean = new double[featureCount];
        for (int k = 0; k < featureCount; k++) {
            mean[k] = counted[k] == 0 ? Double.NaN : sum[k] / counted[k];
        }
        return mean;
    }

    /** A zone matrix's column of each zone (its size, its distance to the edge), from one labelling of the zones. */
    interface ZoneColumn {
        int[] of(ZoneLabeller.Zones zones, boolean planar);
    }

    /** The 3D matrix of the 26-connected zones: zone counts by grey level and {@code column}. */
    static ZoneCountMatrix zoneVolumeMatrix(DiscretisedRoi roi, ZoneColumn column) {
        ZoneLabeller.Zones zones = ZoneLabeller.label(ZoneGrid.levels(roi, 1), false);
        return ZoneCountMatrix.of(zones.level(), column.of(zones, false), zones.count(), roiVoxels(roi));
    }

    /** One 2D matrix of the 8-connected zones per slice holding ROI voxels: counts by grey level and {@code column}. */
    static List<ZoneCountMatrix> zoneSliceMatrices(DiscretisedRoi roi, ZoneColumn column) {
        ZoneLabeller.Zones zones = ZoneLabeller.label(ZoneGrid.levels(roi, 1), true);
        return perSlice(zones.slice(), zones.level(), column.of(zones, true), zones.count(), voxelsPerSlice(roi));
    }

    /** N_v: the voxels in the intensity mask. */
    static int roiVoxels(DiscretisedRoi roi) {
        int voxels = 0;
        for (int level : roi.levels()) {
            if (level > 0) {
                voxels++;
            }
        }
        return voxels;
    }

    /** Intensity-mask voxels per slice (z). */
    static int[] voxelsPerSlice(DiscretisedRoi roi) {
        int[] voxels = new int[roi.nz()];
        int sliceSize = roi.nx() * roi.ny();
        int[] levels = roi.levels();
        for (int n = 0; n < levels.length; n++) {
            if (levels[n] > 0) {
                voxels[n / sliceSize]++;
            }
        }
        return voxels;
    }

    /**
     * Splits (level, j) entries by slice into one {@link ZoneCountMatrix} per slice that holds intensity-mask voxels.
     *
     * @param slice the slice of each entry; entries of a slice need not be contiguous
     */
    static List<ZoneCountMatrix> perSlice(int[] slice, int[] level, int[] column, int entries, int[] voxelsPerSlice) {
        int nz = voxelsPerSlice.length;
        int[] start = new int[nz + 1];
        for (int n = 0; n < entries; n++) {
            start[slice[n] + 1]++;
        }
        for (int z = 0; z < nz; z++) {
            start[z + 1] += start[z];
        }
        int[] fill = start.clone();
        int[] sortedLevel = new int[entries];
        int[] sortedColumn = new int[entries];
        for (int n = 0; n < entries; n++) {
            int at = fill[slice[n]]++;
            sortedLevel[at] = level[n];
            sortedColumn[at] = column[n];
        }
        List<ZoneCountMatrix> matrices = new java.util.ArrayList<>();
        for (int z = 0; z < nz; z++) {
            if (voxelsPerSlice[z] == 0) {
                continue;
            }
            int length = start[z + 1] - start[z];
            matrices.add(ZoneCountMatrix.of(java.util.Arrays.copyOfRange(sortedLevel, start[z], start[z + 1]),
                    java.util.Arrays.copyOfRange(sortedColumn, start[z], start[z + 1]), length, voxelsPerSlice[z]));
        }
        return matrices;
    }
}
