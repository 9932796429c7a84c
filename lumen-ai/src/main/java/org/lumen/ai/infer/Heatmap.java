package org.lumen.ai.infer;

import java.util.Arrays;
import org.lumen.ai.data.ImagePreparer;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.data.Preprocessing;

/**
 * Where a classifier found the evidence for one class: one value per pixel (voxel) of the model's input, 0 (none) to 1
 * (the strongest), x fastest.
 *
 * @param size       spatial size, {@code {H, W}} or {@code {D, H, W}}
 * @param values     {@code product(size)} values in [0, 1]; all 0 when nothing in the image speaks for the class
 * @param classIndex the class explained
 */
public record Heatmap(int[] size, float[] values, int classIndex) {

    public Heatmap {
        size = size.clone();
        if (values.length != LabelledImages.voxels(size)) {
            throw new IllegalArgumentException(values.length + " values for a map of " + Arrays.toString(size));
        }
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    public int dimensions() {
        return size.length;
    }

    /** The index of the strongest value (the first one on ties). */
    public int peakIndex() {
        int peak = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[peak]) {
                peak = i;
            }
        }
        return peak;
    }

    /** The map resampled (bilinear / trilinear, through {@link ImagePreparer}) to another spatial size. */
    public Heatmap resized(int[] newSize) {
        if (Arrays.equals(newSize, size)) {
            return this;
        }
        float[] resampled = ImagePreparer.prepare(values, channelsFirst(size), new Preprocessing(newSize, 1, 0f, 1f, null));
        return new Heatmap(newSize, clampUnit(resampled), classIndex);
    }

    static int[] channelsFirst(int[] spatial) {
        int[] shape = new int[spatial.length + 1];
        shape[0] = 1;
        System.arraycopy(spatial, 0, shape, 1, spatial.length);
        return shape;
    }

    private static float[] clampUnit(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0f, Math.min(1f, values[i]));
        }
        return values;
    }
}
