package org.lumen.image;

/**
 * The type voxels had on disk (or should get when written). Voxels are held as floats in memory; this hint lets a writer
 * keep a label map as UINT8 or a CT as INT16 instead of widening everything to FLOAT32.
 *
 * <p>A float holds every integer up to 2^24 exactly, so INT32 and UINT32 values beyond that lose their low bits in memory.
 */
public enum VoxelType {
    UINT8(1, 0, 255),
    INT8(1, -128, 127),
    INT16(2, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT16(2, 0, 65535),
    INT32(4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32(4, 0, 4294967295.0),
    FLOAT32(4, -Float.MAX_VALUE, Float.MAX_VALUE),
    FLOAT64(8, -Double.MAX_VALUE, Double.MAX_VALUE);

    private final int bytes;
    private final double min;
    private final double max;

    VoxelType(int bytes, double min, double max) {
        this.bytes = bytes;
        this.min = min;
        this.max = max;
    }

    /** Bytes per voxel on disk. */
    public int bytes() {
        return bytes;
    }

    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }

    /** The smallest value the type can hold. */
    public double min() {
        return min;
    }

    /** The largest value the type can hold. */
    public double max() {
        return max;
    }
}
