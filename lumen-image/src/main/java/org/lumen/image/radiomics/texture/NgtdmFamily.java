package org.lumen.image.radiomics.texture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 neighbourhood grey tone difference matrix features (IPET, tags {@code ngt_*}). Each intensity-mask voxel is
 * compared with the mean grey level of its neighbours within Chebyshev distance delta that lie in the intensity mask
 * (IBSI's relaxed definition: a neighbourhood is valid with at least one such neighbour). 2D neighbourhoods stay
 * within the slice.
 */
public final class NgtdmFamily implements TextureFamily {
    private static final String[] STEMS = {"ngt_coarseness", "ngt_contrast", "ngt_busyness", "ngt_complexity",
        "ngt_strength"};

    private final int distance;

    /** IBSI's default: Chebyshev distance 1. */
    public NgtdmFamily() {
        this(1);
    }

    /** @param distance the Chebyshev neighbourhood radius delta, at least 1 */
    public NgtdmFamily(int distance) {
        if (distance < 1) {
            throw new IllegalArgumentException("NGTDM distance must be at least 1, was " + distance);
        }
        this.distance = distance;
    }

    @Override
    public FeatureTable compute(DiscretisedRoi roi, Set<Dimensionality> dimensionalities) {
        return ZoneAggregation.compute(STEMS, new ZoneAggregation.Matrices<>(this::sliceMatrices, this::volumeMatrix,
                slices -> NgtdmMatrix.merge(slices, roi.levelCount()), NgtdmMatrix::features), roi, dimensionalities);
    }

    NgtdmMatrix volumeMatrix(DiscretisedRoi roi) {
        return accumulate(roi, false)[0];
    }

    /** One 2D matrix per slice holding ROI voxels. */
    List<NgtdmMatrix> sliceMatrices(DiscretisedRoi roi) {
        NgtdmMatrix[] perSlice = accumulate(roi, true);
        int[] voxels = ZoneAggregation.voxelsPerSlice(roi);
        List<NgtdmMatrix> slices = new ArrayList<>();
        for (int z = 0; z < voxels.length; z++) {
            if (voxels[z] > 0) {
                slices.add(perSlice[z]);
            }
        }
        return slices;
    }

    /** The matrices of every slice (planar) or the single volume matrix. */
    private NgtdmMatrix[] accumulate(DiscretisedRoi roi, boolean planar) {
        ZoneGrid grid = ZoneGrid.levels(roi, distance);
        int[] levels = grid.values;
        int[] offsets = grid.offsets(ZoneNeighbourhood.chebyshev(distance, planar));
        NgtdmMatrix[] matrices = new NgtdmMatrix[planar ? roi.nz() : 1];
        for (int m = 0; m < matrices.length; m++) {
            matrices[m] = NgtdmMatrix.empty(roi.levelCount());
        }
        for (int voxel : grid.positiveVoxels()) {
            int level = levels[voxel];
            int sum = 0;
            int neighbours = 0;
            for (int offset : offsets) {
                int neighbour = levels[voxel + offset];
                if (neighbour > 0) {
                    sum += neighbour;
                    neighbours++;
                }
            }
            if (neighbours > 0) {
                NgtdmMatrix matrix = matrices[planar ? grid.sliceOf(voxel) : 0];
                matrix.n()[level]++;
                matrix.s()[level] += Math.abs(level - (double) sum / neighbours);
            }
        }
        return matrices;
    }
}
