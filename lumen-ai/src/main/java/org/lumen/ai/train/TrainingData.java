package org.lumen.ai.train;

import java.io.IOException;
import org.lumen.ai.data.ContentSplit;
import org.lumen.ai.data.ImagePreparer;
import org.lumen.ai.data.ImageReadException;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.data.npz.NpzReader;

/**
 * The prepared training and validation images of a run: the {@code train} and {@code val} splits of a {@code .npz}, or
 * the two sides of an image folder split by content ({@link ContentSplit}, seeded by the run's seed).
 *
 * @param split the image folder's split (null for a {@code .npz})
 */
record TrainingData(LabelledImages train, LabelledImages val, ContentSplit split) {

    static TrainingData load(TrainConfig config) throws IOException {
        if (!config.fromImages()) {
            return new TrainingData(
                    ImagePreparer.prepare(NpzReader.read(config.npz(), "train", config.classes()), config.preprocessing()),
                    ImagePreparer.prepare(NpzReader.read(config.npz(), "val", config.classes()), config.preprocessing()),
                    null);
        }
        ContentSplit split = ContentSplit.of(config.images(), config.preprocessing(), config.valFraction(), config.seed());
        if (!split.classes().equals(config.classes())) {
            throw new ImageReadException(config.images(), "its class folders are " + split.classes() + " but task "
                    + config.task() + " has classes " + config.classes() + ": name one folder after each class");
        }
        return new TrainingData(split.trainImages(), split.valImages(), split);
    }
}
