package org.lumen.image.radiomics.texture;

import java.util.List;

/**
 * What {@link DirectionalAggregation} needs from a matrix-based texture family: how to count its matrix for one
 * direction over one axial slice or over the whole ROI, and how to turn a (possibly merged) matrix into feature values.
 */
interface MatrixFeatures {
    /** IBSI tag prefix of the family, e.g. {@code cm}. */
    String tagPrefix();

    /** IBSI tag stems of the features, in the order {@link #features} returns them. */
    List<String> featureNames();

    /**
     * The matrix for one direction over axial slice {@code z}, or over the whole ROI when {@code z} is negative, with
     * {@code voxels} set to the ROI voxels it covers.
     */
    CountMatrix count(TextureRoi roi, Offset direction, int z);

    /** The feature values of a matrix with at least one count; NaN where a feature is undefined for it. */
    double[] features(CountMatrix matrix);
}
