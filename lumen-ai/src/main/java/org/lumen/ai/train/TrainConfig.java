package org.lumen.ai.train;

import java.nio.file.Path;
import java.util.List;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.net.NetworkSpec;

/**
 * Everything one training run needs; a task preset ({@code org.lumen.ai.tasks}) fills it and a YAML file or the command
 * line may change any of it.
 *
 * @param task           the task's name, e.g. {@code pneumonia-cxr} (also the model's name)
 * @param npz            the MedMNIST-style {@code .npz} with {@code train} and {@code val} splits
 * @param classes        class names, index = label
 * @param positiveClass  the class whose probability is the score (validation AUC, operating threshold)
 * @param epochs         the most epochs to train
 * @param batchSize      images per optimiser step
 * @param lr             peak learning rate of the cosine schedule
 * @param weightDecay    AdamW's decoupled weight decay
 * @param warmupEpochs   epochs of linear learning-rate warm-up (may be a fraction)
 * @param seed           seeds Java's and the engine's random numbers
 * @param network        the architecture
 * @param augmentation   random changes to training images
 * @param preprocessing  resize, channels and normalisation, as at inference
 * @param classBalance   how unequal class sizes are made up for
 * @param labelSmoothing the share of the target spread evenly over the classes (0 = plain one-hot)
 * @param thresholdRule  how the operating threshold is chosen on the validation scores
 * @param patience       stop after this many epochs without a better validation AUC (0 = never stop early)
 * @param trainLimit     use only a seeded random sample of this many training images (0 = all), for quick runs
 * @param threads        PyTorch intra-op threads (0 = the engine's default). One thread gives steady epochs on a busy
 *                       machine; results are reproducible for a given thread count
 * @param out            the model package folder written by the run (checkpoints go beside it, {@link #checkpoints()})
 * @param images         instead of {@code npz}: an image folder with one subfolder per class (named as {@code classes}),
 *                       split into training and validation by image content ({@code org.lumen.ai.data.ContentSplit});
 *                       null for a {@code .npz} task
 * @param valFraction    the share of each class of {@code images} held back for validation (ignored for a {@code .npz})
 */
public record TrainConfig(String task, Path npz, List<String> classes, int positiveClass, int epochs, int batchSize,
                          double lr, double weightDecay, double warmupEpochs, long seed, NetworkSpec network,
                          Augmentation augmentation, Preprocessing preprocessing, ClassBalance classBalance,
                          double labelSmoothing, OperatingPoint.Rule thresholdRule, int patience, int trainLimit, int threads, Path out,
                          Path images, double valFraction) {

    public TrainConfig {
        classes = List.copyOf(classes);
        if (epochs < 1 || batchSize < 1 || lr <= 0 || weightDecay < 0 || warmupEpochs < 0 || patience < 0
                || trainLimit < 0 || threads < 0) {
            throw new IllegalArgumentException("training numbers out of range: epochs and batch size >= 1, lr > 0, "
                    + "weight decay, warm-up, patience, train limit and threads >= 0");
        }
        if (images != null && !(valFraction > 0 && valFraction < 1)) {
            throw new IllegalArgumentException("the validation share of an image folder must be between 0 and 1, not "
                    + valFraction);
        }
        if (labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), not " + labelSmoothing);
        }
        if (positiveClass < 0 || positiveClass >= classes.size() || network.classes() != classes.size()) {
            throw new IllegalArgumentException("the network has " + network.classes() + " outputs for classes " + classes
                    + " with positive class " + positiveClass);
        }
        if (network.dimensions() != preprocessing.size().length || network.inChannels() != preprocessing.channels()) {
            throw new IllegalArgumentException("the network takes " + network.dimensions() + "D images with "
                    + network.inChannels() + " channels, the preprocessing makes " + preprocessing.size().length + "D with "
                    + preprocessing.channels());
        }
    }

    /**
     * The checkpoint folder: {@code OUT.checkpoints} beside the package folder (a package folder holds only the
     * package, and is replaced whole when written).
     */
    public Path checkpoints() {
        Path name = out.toAbsolutePath().normalize().getFileName();
        return out.toAbsolutePath().normalize().resolveSibling(name + ".checkpoints");
    }

    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(task, npz, classes, positiveClass, newEpochs, batchSize, lr, weightDecay, warmupEpochs, seed,
                network, augmentation, preprocessing, classBalance, labelSmoothing, thresholdRule, patience, trainLimit, threads,
                out, images, valFraction);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(task, npz, classes, positiveClass, epochs, batchSize, lr, weightDecay, warmupEpochs, newSeed,
                network, augmentation, preprocessing, classBalance, labelSmoothing, thresholdRule, patience, trainLimit, threads,
                out, images, valFraction);
    }

    public TrainConfig withNpz(Path newNpz) {
        return new TrainConfig(task, newNpz, classes, positiveClass, epochs, batchSize, lr, weightDecay, warmupEpochs, seed,
                network, augmentation, preprocessing, classBalance, labelSmoothing, thresholdRule, patience, trainLimit, threads,
                out, null, valFraction);
    }

    /** This configuration training from an image folder instead of a {@code .npz}. */
    public TrainConfig withImages(Path newImages) {
        return new TrainConfig(task, null, classes, positiveClass, epochs, batchSize, lr, weightDecay, warmupEpochs, seed,
                network, augmentation, preprocessing, classBalance, labelSmoothing, thresholdRule, patience, trainLimit, threads,
                out, newImages, valFraction);
    }

    /** Whether the data is an image folder ({@link #images}) rather than a {@code .npz}. */
    public boolean fromImages() {
        return images != null;
    }

    public TrainConfig withOut(Path newOut) {
        return new TrainConfig(task, npz, classes, positiveClass, epochs, batchSize, lr, weightDecay, warmupEpochs, seed,
                network, augmentation, preprocessing, classBalance, labelSmoothing, thresholdRule, patience, trainLimit, threads,
                newOut, images, valFraction);
    }
}
