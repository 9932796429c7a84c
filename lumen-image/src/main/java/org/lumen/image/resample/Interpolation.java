package org.lumen.image.resample;

/** How a value between voxel centres is estimated. */
public enum Interpolation {
    /** The value of the nearest voxel centre: for label maps and masks. */
    NEAREST,
    /** Trilinear: weights by distance to the eight surrounding voxel centres. */
    LINEAR
}
