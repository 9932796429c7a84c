package org.lumen.ai.train;

import java.util.Random;

/**
 * Applies an {@link Augmentation} to images of one shape ({@code {C,H,W}} or {@code {C,D,H,W}}). The random draws come
 * only from the {@link Random} passed in, so the same seed gives the same images.
 */
public final class Augmenter {
    private final Augmentation augmentation;
    private final int channels;
    private final int depth;
    private final int height;
    private final int width;

    public Augmenter(Augmentation augmentation, int[] shape) {
        this.augmentation = augmentation;
        channels = shape[0];
        depth = shape.length == 4 ? shape[1] : 1;
        height = shape[shape.length - 2];
        width = shape[shape.length - 1];
    }

    /** A changed copy of {@code image}; the input is left as it is. */
    public float[] apply(float[] image, Random random) {
        boolean flipX = augmentation.flipLeftRight() && random.nextBoolean();
        boolean flipY = augmentation.flipUpDown() && random.nextBoolean();
        boolean flipZ = depth > 1 && augmentation.flipDepth() && random.nextBoolean();
        double angle = Math.toRadians(uniform(random, augmentation.rotationDegrees()));
        double zoom = 1 + uniform(random, augmentation.scale());
        double shiftX = uniform(random, augmentation.translate()) * width;
        double shiftY = uniform(random, augmentation.translate()) * height;
        double shiftZ = depth > 1 ? uniform(random, augmentation.translate()) * depth : 0;
        float contrast = (float) (1 + uniform(random, augmentation.intensity()));
        float brightness = (float) uniform(random, augmentation.intensity());

        float[] out = augmentation.affine()
                ? resample(image, angle, zoom, shiftX, shiftY, shiftZ)
                : image.clone();
        if (flipX || flipY || flipZ) {
            out = flip(out, flipX, flipY, flipZ);
        }
        if (contrast != 1f || brightness != 0f) {
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * contrast + brightness;
            }
        }
        return out;
    }

    private static double uniform(Random random, double halfRange) {
        return halfRange == 0 ? 0 : (random.nextDouble() * 2 - 1) * halfRange;
    }

    private float[] flip(float[] image, boolean flipX, boolean flipY, boolean flipZ) {
        float[] out = new float[image.length];
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            for (int z = 0; z < depth; z++) {
                int sz = flipZ ? depth - 1 - z : z;
                for (int y = 0; y < height; y++) {
                    int sy = flipY ? height - 1 - y : y;
                    int to = ((c * depth + z) * height + y) * width;
                    int from = ((c * depth + sz) * height + sy) * width;
                    for (int x = 0; x < width; x++) {
                        out[to + x] = image[from + (flipX ? width - 1 - x : x)];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Output voxel p takes the input at {@code centre + R^-1 (p - centre - shift) / zoom} (rotation in x-y, zoom on all
     * axes), interpolated linearly with coordinates clamped to the image.
     */
    private float[] resample(float[] image, double angle, double zoom, double shiftX, double shiftY, double shiftZ) {
        float[] out = new float[image.length];
        double cos = Math.cos(angle) / zoom;
        double sin = Math.sin(angle) / zoom;
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double cz = (depth - 1) / 2.0;
        int plane = height * width;
        for (int z = 0; z < depth; z++) {
            double sz = depth > 1 ? clamp(cz + (z - cz - shiftZ) / zoom, depth - 1) : 0;
            int z0 = (int) sz;
            int z1 = Math.min(z0 + 1, depth - 1);
            float fz = (float) (sz - z0);
            for (int y = 0; y < height; y++) {
                double dy = y - cy - shiftY;
                for (int x = 0; x < width; x++) {
                    double dx = x - cx - shiftX;
                    double sx = clamp(cx + cos * dx + sin * dy, width - 1);
                    double sy = clamp(cy - sin * dx + cos * dy, height - 1);
                    int x0 = (int) sx;
                    int y0 = (int) sy;
                    int x1 = Math.min(x0 + 1, width - 1);
                    int y1 = Math.min(y0 + 1, height - 1);
                    float fx = (float) (sx - x0);
                    float fy = (float) (sy - y0);
                    for (int c = 0; c < channels; c++) {
                        int base0 = (c * depth + z0) * plane;
                        int base1 = (c * depth + z1) * plane;
                        float v0 = bilinear(image, base0, x0, x1, y0, y1, fx, fy);
                        float v = fz == 0 ? v0 : v0 + (bilinear(image, base1, x0, x1, y0, y1, fx, fy) - v0) * fz;
                        out[((c * depth + z) * height + y) * width + x] = v;
                    }
                }
            }
        }
        return out;
    }

    private float bilinear(float[] image, int base, int x0, int x1, int y0, int y1, float fx, float fy) {
        float top = image[base + y0 * width + x0] + (image[base + y0 * width + x1] - image[base + y0 * width + x0]) * fx;
        float bottom = image[base + y1 * width + x0] + (image[base + y1 * width + x1] - image[base + y1 * width + x0]) * fx;
        return top + (bottom - top) * fy;
    }

    private static double clamp(double v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
