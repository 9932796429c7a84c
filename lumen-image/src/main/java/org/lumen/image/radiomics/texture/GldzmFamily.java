package org.lumen.image.radiomics.texture;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 grey level distance zone matrix features (VMDZ, tags {@code dzm_*}): element (i, j) counts the zones of grey
 * level i (as for the GLSZM, from the intensity mask) whose smallest distance to the ROI edge is j. The distance map is
 * taken from the morphological mask, as IBSI prescribes, with the Manhattan norm by default (1 on the edge).
 */
public final class GldzmFamily implements TextureFamily {
    private static final String[] STEMS = {"dzm_sde", "dzm_lde", "dzm_lgze", "dzm_hgze", "dzm_sdlge", "dzm_sdhge",
        "dzm_ldlge", "dzm_ldhge", "dzm_glnu", "dzm_glnu_norm", "dzm_zdnu", "dzm_zdnu_norm", "dzm_z_perc",
        "dzm_gl_var", "dzm_zd_var", "dzm_zd_entr", null};

    /** The norm in which distance to the ROI edge is measured. */
    public enum EdgeDistance {
        /** IBSI's default: erosion by the 6-connected (3D) or 4-connected (2D) element. */
        MANHATTAN,
        /** Non-standard: erosion by the 26-connected (3D) or 8-connected (2D) element. */
        CHEBYSHEV
    }

    private final ZoneBorderDistance.Norm norm;

    /** IBSI's default: Manhattan distance to the edge. */
    public GldzmFamily() {
        this(EdgeDistance.MANHATTAN);
    }

    public GldzmFamily(EdgeDistance edgeDistance) {
        Objects.requireNonNull(edgeDistance, "edgeDistance");
        this.norm = edgeDistance == EdgeDistance.MANHATTAN ? ZoneBorderDistance.Norm.MANHATTAN
                : ZoneBorderDistance.Norm.CHEBYSHEV;
    }

    @Override
    public FeatureTable compute(DiscretisedRoi roi, Set<Dimensionality> dimensionalities) {
        return ZoneAggregation.compute(STEMS,
                ZoneAggregation.Matrices.counts(this::sliceMatrices, this::volumeMatrix), roi, dimensionalities);
    }

    /** The 3D matrix: zone counts by grey level and distance to the edge. */
    ZoneCountMatrix volumeMatrix(DiscretisedRoi roi) {
        return ZoneAggregation.zoneVolumeMatrix(roi, (zones, planar) -> zoneDistances(roi, zones, planar));
    }

    /** One 2D matrix per slice holding ROI voxels; zones and distances both stay within the slice. */
    List<ZoneCountMatrix> sliceMatrices(DiscretisedRoi roi) {
        return ZoneAggregation.zoneSliceMatrices(roi, (zones, planar) -> zoneDistances(roi, zones, planar));
    }

    /** The smallest edge distance over each zone's voxels. */
    private int[] zoneDistances(DiscretisedRoi roi, ZoneLabeller.Zones zones, boolean planar) {
        // Same padding as the zone labelling, so both maps index the same padded grid.
        int[] distance = ZoneBorderDistance.map(ZoneGrid.mask(roi, roi.morphologicalMask(), 1), planar, norm);
        int[] zoneDistance = new int[zones.count()];
        Arrays.fill(zoneDistance, Integer.MAX_VALUE);
        int[] zoneOf = zones.zoneOfVoxel();
        for (int voxel = 0; voxel < zoneOf.length; voxel++) {
            int zone = zoneOf[voxel];
            if (zone >= 0) {
                // An intensity-mask voxel outside the morphological mask (not produced by IBSI's re-segmentation,
                // which only removes voxels) still lies on the edge: distance 1, never 0.
                zoneDistance[zone] = Math.min(zoneDistance[zone], Math.max(1, distance[voxel]));
            }
        }
        return zoneDistance;
    }
}
