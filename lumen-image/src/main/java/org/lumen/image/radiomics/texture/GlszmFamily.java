package org.lumen.image.radiomics.texture;

import java.util.List;
import java.util.Set;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 grey level size zone matrix features (9SAK, tags {@code szm_*}): element (i, j) counts the zones of grey level
 * i with j voxels, zones being 26-connected (3D) or 8-connected within the slice (2D) voxels of equal grey level in
 * the intensity mask.
 */
public final class GlszmFamily implements TextureFamily {
    private static final String[] STEMS = {"szm_sze", "szm_lze", "szm_lgze", "szm_hgze", "szm_szlge", "szm_szhge",
        "szm_lzlge", "szm_lzhge", "szm_glnu", "szm_glnu_norm", "szm_zsnu", "szm_zsnu_norm", "szm_z_perc",
        "szm_gl_var", "szm_zs_var", "szm_zs_entr", null};

    @Override
    public FeatureTable compute(DiscretisedRoi roi, Set<Dimensionality> dimensionalities) {
        return ZoneAggregation.compute(STEMS,
                ZoneAggregation.Matrices.counts(this::sliceMatrices, this::volumeMatrix), roi, dimensionalities);
    }

    /** The 3D matrix: zone counts by grey level and zone size. */
    ZoneCountMatrix volumeMatrix(DiscretisedRoi roi) {
        return ZoneAggregation.zoneVolumeMatrix(roi, (zones, planar) -> zones.size());
    }

    /** One 2D matrix per slice holding ROI voxels. */
    List<ZoneCountMatrix> sliceMatrices(DiscretisedRoi roi) {
        return ZoneAggregation.zoneSliceMatrices(roi, (zones, planar) -> zones.size());
    }
}
