package org.lumen.image.radiomics.texture;

import java.util.List;
import java.util.Set;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 neighbouring grey level dependence matrix features (REK0, tags {@code ngl_*}): element (i, j) counts the
 * intensity-mask voxels of grey level i for which j voxels of their neighbourhood (Chebyshev distance delta, centre
 * included, intensity mask only) differ from it by at most the coarseness alpha. 2D neighbourhoods stay within the
 * slice.
 */
public final class NgldmFamily implements TextureFamily {
    private static final String[] STEMS = {"ngl_lde", "ngl_hde", "ngl_lgce", "ngl_hgce", "ngl_ldlge", "ngl_ldhge",
        "ngl_hdlge", "ngl_hdhge", "ngl_glnu", "ngl_glnu_norm", "ngl_dcnu", "ngl_dcnu_norm", "ngl_dc_perc",
        "ngl_gl_var", "ngl_dc_var", "ngl_dc_entr", "ngl_dc_energy"};

    private final int distance;
    private final int coarseness;

    /** IBSI's default: Chebyshev distance 1, coarseness 0. */
    public NgldmFamily() {
        this(1, 0);
    }

    /**
     * @param distance   the Chebyshev neighbourhood radius delta, at least 1
     * @param coarseness alpha, the largest grey level difference that still counts as dependent, at least 0
     */
    public NgldmFamily(int distance, int coarseness) {
        if (distance < 1) {
            throw new IllegalArgumentException("NGLDM distance must be at least 1, was " + distance);
        }
        if (coarseness < 0) {
            throw new IllegalArgumentException("NGLDM coarseness must be at least 0, was " + coarseness);
        }
        this.distance = distance;
        this.coarseness = coarseness;
    }

    @Override
    public FeatureTable compute(DiscretisedRoi roi, Set<Dimensionality> dimensionalities) {
        return ZoneAggregation.compute(STEMS,
                ZoneAggregation.Matrices.counts(this::sliceMatrices, this::volumeMatrix), roi, dimensionalities);
    }

    ZoneCountMatrix volumeMatrix(DiscretisedRoi roi) {
        Dependences dependences = dependences(roi, false);
        return ZoneCountMatrix.of(dependences.level, dependences.count, dependences.size, dependences.size);
    }

    /** One 2D matrix per slice holding ROI voxels. */
    List<ZoneCountMatrix> sliceMatrices(DiscretisedRoi roi) {
        Dependences dependences = dependences(roi, true);
        return ZoneAggregation.perSlice(dependences.slice, dependences.level, dependences.count, dependences.size,
                ZoneAggregation.voxelsPerSlice(roi));
    }

    /** Grey level, dependence count and slice of every intensity-mask voxel, in grid order. */
    private record Dependences(int[] level, int[] count, int[] slice, int size) {
    }

    private Dependences dependences(DiscretisedRoi roi, boolean planar) {
        ZoneGrid grid = ZoneGrid.levels(roi, distance);
        int[] levels = grid.values;
        int[] offsets = grid.offsets(ZoneNeighbourhood.chebyshev(distance, planar));
        int[] roiVoxels = grid.positiveVoxels();
        int[] level = new int[roiVoxels.length];
        int[] count = new int[roiVoxels.length];
        int[] slice = new int[roiVoxels.length];
        for (int n = 0; n < roiVoxels.length; n++) {
            int voxel = roiVoxels[n];
            int centre = levels[voxel];
            int dependent = 1; // the centre voxel itself
            for (int offset : offsets) {
                int neighbour = levels[voxel + offset];
                // Written without a branch: on real images whether a neighbour matches is close to random,
                // and a mispredicted branch per neighbour costs more than the comparison.
                dependent += (neighbour > 0 & Math.abs(neighbour - centre) <= coarseness) ? 1 : 0;
            }
            level[n] = centre;
            count[n] = dependent;
            slice[n] = grid.sliceOf(voxel);
        }
        return new Dependences(level, count, slice, roiVoxels.length);
    }
}
