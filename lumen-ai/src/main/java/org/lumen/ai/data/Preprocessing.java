package org.lumen.ai.data;

import java.util.Arrays;

/**
 * What is done to an image before a model sees it, declared in the model package so that training and inference do the
 * same: resize to {@code size} (spatial, {@code {H, W}} or {@code {D, H, W}}), make {@code channels} channels (grey
 * repeated or colour averaged), then {@code (value - mean) / std} on the source's value scale (0-255 for 8-bit images).
 * DICOM pixels reach this scale through the modality LUT and {@code window} (centre/width) when one is given, else the
 * image's own window, else its min-max range.
 *
 * @param size     spatial size the model takes
 * @param channels channels the model takes
 * @param mean     subtracted after resizing
 * @param std      divided by after subtracting the mean
 * @param window   {centre, width} for DICOM pixels, or null for the image's own window
 */
public record Preprocessing(int[] size, int channels, float mean, float std, double[] window) {

    public Preprocessing {
        size = size.clone();
        window = window == null ? null : window.clone();
        if (size.length != 2 && size.length != 3) {
            throw new IllegalArgumentException("size must be {H, W} or {D, H, W}, not " + Arrays.toString(size));
        }
        if (channels < 1 || std <= 0) {
            throw new IllegalArgumentException("channels must be >= 1 and std > 0");
        }
        if (window != null && window.length != 2) {
            throw new IllegalArgumentException("window must be {centre, width}");
        }
    }

    /** Scale 0-255 to 0-1, the MedMNIST convention. */
    public static Preprocessing unitScale(int[] size, int channels) {
        return new Preprocessing(size, channels, 0f, 255f, null);
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    @Override
    public double[] window() {
        return window == null ? null : window.clone();
    }

    /** The model's input shape, channels first. */
    public int[] inputShape() {
        int[] shape = new int[size.length + 1];
        shape[0] = channels;
        System.arraycopy(size, 0, shape, 1, size.length);
        return shape;
    }

    /** Normalises one image already at {@link #inputShape()} in place: {@code (v - mean) / std}. */
    public void normaliseInPlace(float[] image) {
        float inverse = 1f / std;
        for (int i = 0; i < image.length; i++) {
            image[i] = (image[i] - mean) * inverse;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && Arrays.equals(size, p.size) && channels == p.channels && mean == p.mean
                && std == p.std && Arrays.equals(window, p.window);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(size) * 31 + channels;
    }
}
