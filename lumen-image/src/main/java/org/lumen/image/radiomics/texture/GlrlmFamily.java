package org.lumen.image.radiomics.texture;

import java.util.Set;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 grey level run length matrix features (tags {@code rlm_*}): runs of equal grey level along the 4 in-plane
 * (2D, 2.5D) or 13 volumetric (3D) directions, aggregated in all six IBSI ways (see {@link DirectionalAggregation}).
 * Run percentage divides by the ROI voxels a matrix covers, summed when matrices are merged, as IBSI requires.
 */
public final class GlrlmFamily implements TextureFamily {
    private final MatrixFeatures matrices = new RunLengthMatrices();

    @Override
    public FeatureTable compute(DiscretisedRoi roi, Set<Dimensionality> dimensionalities) {
        return DirectionalAggregation.compute(matrices, roi, dimensionalities, Offset.TWO_D, Offset.THREE_D);
    }
}
