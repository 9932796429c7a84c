package org.lumen.image.filter;

/** Whether a filter works in 3D or in each axial slice (the k = const planes) on its own, as IBSI 2 distinguishes. */
public enum FilterMode {
    /** Slice by slice: the kernel is 2D and nothing crosses from one slice to the next. */
    SLICE_2D,
    /** The kernel is 3D. */
    VOLUME_3D;

    /** Number of spatial dimensions the kernel has. */
    public int dimensions() {
        return this == SLICE_2D ? 2 : 3;
    }
}
