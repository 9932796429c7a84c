package org.lumen.image.radiomics.texture;

import java.util.Set;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 grey level co-occurrence matrix features (tags {@code cm_*}): symmetric co-occurrence matrices of the grey
 * levels of voxel pairs at Chebyshev distance {@link #distance()} along the 4 in-plane (2D, 2.5D) or 13 volumetric (3D)
 * directions, aggregated in all six IBSI ways (see {@link DirectionalAggregation}). The matrix is levelCount x levelCount,
 * so grey levels absent from the ROI still count in N_g (the normalised inverse differences use it).
 */
public final class GlcmFamily implements TextureFamily {
    private final int distance;
    private final MatrixFeatures matrices = new CooccurrenceMatrices();

    /** IBSI's default: Chebyshev distance 1. */
    public GlcmFamily() {
        this(1);
    }

    public GlcmFamily(int distance) {
        if (distance < 1) {
            throw new IllegalArgumentException("GLCM distance must be at least 1 voxel, was " + distance);
        }
        this.distance = distance;
    }

    public int distance() {
        return distance;
    }

    @Override
    public FeatureTable compute(DiscretisedRoi roi, Set<Dimensionality> dimensionalities) {
        return DirectionalAggregation.compute(matrices, roi, dimensionalities,
                Offset.scaled(Offset.TWO_D, distance), Offset.scaled(Offset.THREE_D, distance));
    }
}
