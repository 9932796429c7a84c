package org.lumen.ai.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one path from a raw image to what a model takes, used alike by training, evaluation and inference so that they
 * cannot drift apart: resize to {@link Preprocessing#size()}, make {@link Preprocessing#channels()} channels, normalise.
 *
 * <p>Resizing is separable linear interpolation (bilinear in 2D, trilinear in 3D) on pixel centres: output sample
 * {@code o} of an axis scaled from {@code n} to {@code m} sits at source coordinate {@code (o + 0.5) * n / m - 0.5}, so
 * both grids cover the same extent (PyTorch's {@code align_corners=False}); beyond the outermost centres the edge value
 * holds. When an axis shrinks, the triangle kernel is widened by the shrink factor so that every source pixel contributes
 * (as PIL's bilinear resize does): plain two-tap interpolation would skip pixels and alias when e.g. a 512-pixel MRI
 * becomes 64 pixels. Growing, or keeping the size, is exact two-tap interpolation; an unchanged size copies the values.
 *
 * <p>Channels: one grey channel is repeated when the model takes more; colour is averaged to grey when the model takes
 * one. Any other mismatch (e.g. 4 channels for 3) is refused: readers drop alpha before this.
 */
public final class ImagePreparer {
    private ImagePreparer() {
    }

    /**
     * @param raw      the image channels-first, {@code {C,H,W}} or {@code {C,D,H,W}}, x fastest, on the source's value scale
     * @param rawShape its shape
     * @param p        what the model takes
     * @return a new array of {@code p.inputShape()}, normalised
     * @throws IllegalArgumentException when the dimensions differ (2D image for a 3D model or the reverse), the array does
     *                                  not match the shape, or the channels cannot be converted
     */
    public static float[] prepare(float[] raw, int[] rawShape, Preprocessing p) {
        int[] size = p.size();
        if (rawShape.length != size.length + 1) {
            throw new IllegalArgumentException("the image has shape " + Arrays.toString(rawShape) + " (" + (rawShape.length - 1)
                    + "D) but the model takes " + size.length + "D input of size " + Arrays.toString(size));
        }
        if (raw.length != LabelledImages.voxels(rawShape)) {
            throw new IllegalArgumentException("an image of shape " + Arrays.toString(rawShape) + " needs "
                    + LabelledImages.voxels(rawShape) + " values, got " + raw.length);
        }
        int[] shape = rawShape.clone();
        float[] image = raw;
        if (p.channels() < shape[0]) {
            image = convertChannels(image, shape, p.channels());
            shape[0] = p.channels();
        }
        for (int axis = 1; axis < shape.length; axis++) {
            if (shape[axis] != size[axis - 1]) {
                image = resampleAxis(image, shape, axis, size[axis - 1]);
                shape[axis] = size[axis - 1];
            }
        }
        if (p.channels() > shape[0]) {
            image = convertChannels(image, shape, p.channels());
            shape[0] = p.channels();
        }
        if (image == raw) {
            image = raw.clone();
        }
        p.normaliseInPlace(image);
        return image;
    }

    /** Every image of {@code raw} prepared (in parallel), with the same labels and classes. */
    public static LabelledImages prepare(LabelledImages raw, Preprocessing p) {
        int[] shape = raw.shape();
        float[][] prepared = new float[raw.size()][];
        IntStream.range(0, raw.size()).parallel().forEach(i -> prepared[i] = prepare(raw.image(i), shape, p));
        return new LabelledImages(p.inputShape(), new ArrayList<>(List.of(prepared)), raw.labels(), raw.classes());
    }

    /** Grey repeated to {@code channels}, or all channels averaged to one. */
    private static float[] convertChannels(float[] image, int[] shape, int channels) {
        int from = shape[0];
        int plane = image.length / from;
        if (from == 1) {
            float[] out = new float[plane * channels];
            for (int c = 0; c < channels; c++) {
                System.arraycopy(image, 0, out, c * plane, plane);
            }
            return out;
        }
        if (channels == 1) {
            float[] out = new float[plane];
            for (int c = 0; c < from; c++) {
                for (int i = 0; i < plane; i++) {
                    out[i] += image[c * plane + i];
                }
            }
            float inverse = 1f / from;
            for (int i = 0; i < plane; i++) {
                out[i] *= inverse;
            }
            return out;
        }
        throw new IllegalArgumentException("cannot make " + channels + " channels from an image with " + from
                + " (only grey to any number, or any number to grey)");
    }

    /** {@code image} with axis {@code axis} of {@code shape} resampled to {@code length} samples. */
    static float[] resampleAxis(float[] image, int[] shape, int axis, int length) {
        int inLength = shape[axis];
        int outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= shape[a];
        }
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        Kernel kernel = Kernel.of(inLength, length);
        float[] out = new float[outer * length * inner];
        for (int o = 0; o < outer; o++) {
            int inBase = o * inLength * inner;
            int outBase = o * length * inner;
            for (int t = 0; t < length; t++) {
                int target = outBase + t * inner;
                int first = kernel.first[t];
                float[] weights = kernel.weights[t];
                for (int k = 0; k < weights.length; k++) {
                    float w = weights[k];
                    int source = inBase + (first + k) * inner;
                    for (int i = 0; i < inner; i++) {
                        out[target + i] += w * image[source + i];
                    }
                }
            }
        }
        return out;
    }

    /**
     * The weights of each output sample over a run of source samples starting at {@code first}: a triangle kernel on
     * pixel centres, of radius one source pixel (or the shrink factor, when shrinking), cut at the image edge and
     * renormalised there.
     */
    private record Kernel(int[] first, float[][] weights) {
        static Kernel of(int inLength, int outLength) {
            double scale = (double) inLength / outLength;
            double radius = Math.max(1.0, scale);
            int[] first = new int[outLength];
            float[][] weights = new float[outLength][];
            for (int o = 0; o < outLength; o++) {
                double centre = (o + 0.5) * scale; // in source units where pixel i covers [i, i + 1)
                int lo = Math.max(0, (int) Math.floor(centre - radius - 0.5));
                int hi = Math.min(inLength - 1, (int) Math.ceil(centre + radius - 0.5));
                double[] w = new double[hi - lo + 1];
                double sum = 0;
                for (int i = lo; i <= hi; i++) {
                    double distance = Math.abs(i + 0.5 - centre) / radius;
                    w[i - lo] = Math.max(0, 1 - distance);
                    sum += w[i - lo];
                }
                // trim zero weights at both ends so the inner loop only touches contributing pixels
                int start = 0;
                int end = w.length - 1;
                while (start < end && w[start] == 0) {
                    start++;
                }
                while (end > start && w[end] == 0) {
                    end--;
                }
                first[o] = lo + start;
                weights[o] = new float[end - start + 1];
                for (int k = start; k <= end; k++) {
                    weights[o][k - start] = (float) (w[k] / sum);
                }
            }
            return new Kernel(first, weights);
        }
    }
}
