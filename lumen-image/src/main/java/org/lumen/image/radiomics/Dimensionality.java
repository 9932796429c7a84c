package org.lumen.image.radiomics;

/**
 * How a texture matrix is built and aggregated (IBSI 1, section "Feature aggregation"): per axial slice (2D),
 * per slice then merged over the slices (2.5D) or over the whole volume (3D). {@link #tagSuffix} is how IBSI tags name it.
 */
public enum Dimensionality {
    TWO_D("2D"),
    TWO_AND_HALF_D("2_5D"),
    THREE_D("3D");

    private final String tagSuffix;

    Dimensionality(String tagSuffix) {
        this.tagSuffix = tagSuffix;
    }

    public String tagSuffix() {
        return tagSuffix;
    }
}
