package org.lumen.image.filter;

import java.util.Arrays;
import org.lumen.image.Volume;

/** IBSI 2 mean filter: the average over a cube (3D) or square (2D) of {@code support} voxels a side. */
public record MeanFilter(int support, FilterMode mode, Boundary boundary) implements ImageFilter {
    public MeanFilter {
        if (support < 1 || support % 2 == 0) {
            throw new IllegalArgumentException("mean filter support must be an odd number of voxels, got " + support);
        }
    }

    @Override
    public Volume apply(Volume image) {
        return box(support, mode).apply(Grid.of(image), boundary).toVolume(image);
    }

    /** The averaging kernel over {@code support} voxels along each axis of the mode. */
    static SeparableKernel box(int support, FilterMode mode) {
        double[] taps = new double[support];
        Arrays.fill(taps, 1.0 / support);
        Kernel1D box = Kernel1D.centred(taps);
        return new SeparableKernel(box, box, mode == FilterMode.VOLUME_3D ? box : null);
    }
}
