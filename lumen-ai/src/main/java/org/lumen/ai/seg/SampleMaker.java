package org.lumen.ai.seg;

import java.util.Random;
import org.lumen.ai.train.Augmentation;
import org.lumen.ai.train.Augmenter;

/**
 * Cuts one training sample from a prepared case and augments it. Whole volumes are padded (image 0 = the mean, labels
 * background) or cropped about the centre to the training size; patches start anywhere the patch still overlaps the
 * volume, or with probability {@code foregroundFraction} are centred on a random foreground voxel. Geometry comes from
 * {@link Augmenter} with the same draws for the image and for the one-hot labels (linear interpolation of the one-hot
 * channels, then the arg-max: a smooth nearest-label resampling); the intensity change touches the image only.
 */
final class SampleMaker {
    /** One sample: image and labels of the training size, x fastest. */
    record Sample(float[] image, int[] labels) {
    }

    private final SegmentationConfig config;
    private final int[] size;
    private final int classes;
    private final Augmenter imageAugmenter;
    private final Augmenter labelAugmenter;
    private final boolean geometry;

    SampleMaker(SegmentationConfig config) {
        this.config = config;
        this.size = config.size();
        this.classes = config.network().classes();
        Augmentation a = config.augmentation();
        boolean volume = config.network().dimensions() == 3;
        int[] shape1 = volume ? new int[] {1, size[2], size[1], size[0]} : new int[] {1, size[1], size[0]};
        int[] shapeK = shape1.clone();
        shapeK[0] = classes;
        imageAugmenter = new Augmenter(a, shape1);
        labelAugmenter = new Augmenter(new Augmentation(a.flipLeftRight(), a.flipUpDown(), a.flipDepth(), a.rotationDegrees(),
                a.translate(), a.scale(), 0), shapeK);
        geometry = a.affine() || a.flipLeftRight() || a.flipUpDown() || a.flipDepth();
    }

    Sample sample(PreparedCase c, Random random) {
        int[] start = config.sampling() == SegmentationConfig.Sampling.WHOLE_VOLUME
                ? VoxelGrid.centredStart(c.dims(), size) : patchStart(c, random);
        float[] image = VoxelGrid.crop(c.image(), c.dims(), start, size, 0f);
        int[] labels = VoxelGrid.crop(c.labels(), c.dims(), start, size);
        long draws = random.nextLong();
        image = imageAugmenter.apply(image, new Random(draws));
        if (geometry) {
            labels = argMax(labelAugmenter.apply(oneHot(labels), new Random(draws)));
        }
        return new Sample(image, labels);
    }

    private int[] patchStart(PreparedCase c, Random random) {
        int[] dims = c.dims();
        int[] start = new int[3];
        boolean onForeground = c.foreground().length > 0 && random.nextDouble() < config.foregroundFraction();
        int centre = onForeground ? c.foreground()[random.nextInt(c.foreground().length)] : -1;
        int[] at = {centre % dims[0], centre / dims[0] % dims[1], centre / (dims[0] * dims[1])};
        for (int a = 0; a < 3; a++) {
            // the patch may hang over the edge by up to half its size, never lie wholly outside
            int lo = Math.min(0, dims[a] - size[a]) - size[a] / 2;
            int hi = Math.max(0, dims[a] - size[a]) + size[a] / 2;
            start[a] = onForeground ? Math.max(lo, Math.min(hi, at[a] - size[a] / 2 + random.nextInt(size[a] / 4 + 1)
                    - size[a] / 8)) : lo + random.nextInt(hi - lo + 1);
        }
        return start;
    }

    private float[] oneHot(int[] labels) {
        float[] out = new float[classes * labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[labels[i] * labels.length + i] = 1f;
        }
        return out;
    }

    private int[] argMax(float[] channels) {
        int voxels = channels.length / classes;
        int[] out = new int[voxels];
        for (int i = 0; i < voxels; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (channels[k * voxels + i] > channels[best * voxels + i]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
