package org.lumen.image.registration;

/** Which transforms the registration searches: how many degrees of freedom it may use. */
public enum TransformModel {
    /** Rotation and translation (6 parameters). */
    RIGID(6),
    /** Rotation, translation and one isotropic scale (7 parameters). */
    SIMILARITY(7),
    /** Any linear map plus translation (12 parameters). */
    AFFINE(12);

    private final int parameterCount;

    TransformModel(int parameterCount) {
        this.parameterCount = parameterCount;
    }

    public int parameterCount() {
        return parameterCount;
    }
}
