package org.lumen.image.radiomics;

import java.util.Objects;
import org.lumen.image.Volume;

/**
 * The image and its ROI after interpolation and re-segmentation, before discretisation: what morphology, local
 * intensity, statistics and the histograms read. Both masks lie on the image's grid (x fastest). The morphological mask
 * is the interpolated ROI; the intensity mask is that ROI after re-segmentation by intensity range or outliers.
 */
public record RoiImage(Volume image, boolean[] intensityMask, boolean[] morphologicalMask) {
    public RoiImage {
        Objects.requireNonNull(image, "image");
        if (intensityMask.length != image.voxelCount() || morphologicalMask.length != image.voxelCount()) {
            throw new IllegalArgumentException("the masks do not match the image grid " + image.nx() + "x" + image.ny()
                    + "x" + image.nz());
        }
    }

    /** Intensities of the voxels inside the intensity mask, in grid order. */
    public float[] intensityMaskValues() {
        int count = 0;
        for (boolean inside : intensityMask) {
            if (inside) {
                count++;
            }
        }
        float[] values = new float[count];
        int n = 0;
        for (int i = 0; i < intensityMask.length; i++) {
            if (intensityMask[i]) {
                values[n++] = image.get(i);
            }
        }
        return values;
    }
}
