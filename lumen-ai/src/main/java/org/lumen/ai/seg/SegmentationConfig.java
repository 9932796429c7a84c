package org.lumen.ai.seg;

import java.nio.file.Path;
import java.util.Arrays;
import org.lumen.ai.train.Augmentation;

/**
 * How to train a {@link UNetSpec}.
 *
 * @param network            the U-Net
 * @param sampling           whole volumes (padded or cropped about the centre to {@code size}) or random patches of
 *                           {@code size}
 * @param size               {nx, ny, nz} of what the network sees in training; multiples of the network's size step
 * @param foregroundFraction patches only: the share of patches centred on a random foreground voxel (the rest anywhere)
 * @param samplesPerVolume   patches only: patches drawn per training volume per epoch (whole volumes: 1)
 * @param epochs             epochs at most
 * @param batchSize          samples per optimiser step
 * @param lr                 peak learning rate of AdamW's warm-up + cosine schedule
 * @param weightDecay        AdamW's decoupled weight decay
 * @param warmupEpochs       linear warm-up length
 * @param patience           stop after this many epochs without a better validation Dice (0: never)
 * @param augmentation       applied to training samples (geometry to image and labels alike, intensity to the image);
 *                           for structures named anterior/posterior only the left-right flip (x) keeps labels meaningful
 * @param seed               seeds the engine (initial weights) and every epoch's draws
 * @param threads            PyTorch intra-op threads (0: leave as is)
 * @param checkpoints        folder for {@code last.params}, {@code best.params}, {@code history.json}; null for none
 * @param validation         how validation volumes are segmented each epoch (Dice of the arg-max, after post-processing)
 */
public record SegmentationConfig(UNetSpec network, Sampling sampling, int[] size, double foregroundFraction,
                                 int samplesPerVolume, int epochs, int batchSize, double lr, double weightDecay,
                                 double warmupEpochs, int patience, Augmentation augmentation, long seed, int threads,
                                 Path checkpoints, Segmenter.Options validation) {

    /** Whole volumes or patches. */
    public enum Sampling { WHOLE_VOLUME, PATCHES }

    public SegmentationConfig {
        size = size.clone();
        if (size.length != 3) {
            throw new IllegalArgumentException("size is {nx, ny, nz}, got " + Arrays.toString(size));
        }
        for (int a = 0; a < (network.dimensions() == 2 ? 2 : 3); a++) {
            if (size[a] < 1 || size[a] % network.sizeMultiple() != 0) {
                throw new IllegalArgumentException("training size " + Arrays.toString(size) + " must be made of multiples of "
                        + network.sizeMultiple() + " for a U-Net of depth " + network.depth());
            }
        }
        if (network.dimensions() == 2 && size[2] != 1) {
            throw new IllegalArgumentException("a 2D U-Net trains on slices: size nz must be 1");
        }
        if (epochs < 1 || batchSize < 1 || samplesPerVolume < 1 || lr <= 0 || weightDecay < 0 || warmupEpochs < 0
                || patience < 0 || foregroundFraction < 0 || foregroundFraction > 1) {
            throw new IllegalArgumentException("bad training numbers: epochs " + epochs + ", batch " + batchSize + ", lr " + lr
                    + ", weight decay " + weightDecay + ", warm-up " + warmupEpochs + ", patience " + patience
                    + ", foreground fraction " + foregroundFraction + ", samples per volume " + samplesPerVolume);
        }
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    /** This configuration with another epoch count. */
    public SegmentationConfig withEpochs(int newEpochs) {
        return new SegmentationConfig(network, sampling, size, foregroundFraction, samplesPerVolume, newEpochs, batchSize, lr,
                weightDecay, warmupEpochs, patience, augmentation, seed, threads, checkpoints, validation);
    }

    /** This configuration with another checkpoint folder (null for none). */
    public SegmentationConfig withCheckpoints(Path folder) {
        return new SegmentationConfig(network, sampling, size, foregroundFraction, samplesPerVolume, epochs, batchSize, lr,
                weightDecay, warmupEpochs, patience, augmentation, seed, threads, folder, validation);
    }
}
