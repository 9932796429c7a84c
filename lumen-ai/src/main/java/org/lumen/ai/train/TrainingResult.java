package org.lumen.ai.train;

import java.util.List;
import org.lumen.ai.data.ContentSplit;

/**
 * The outcome of a training run: the weights of the epoch with the best validation AUC, its validation scores, and the
 * history of every epoch.
 *
 * @param config          the configuration that ran
 * @param history         one entry per epoch run, resumed epochs included
 * @param bestEpoch       the epoch whose weights are kept
 * @param bestParameters  the kept weights in DJL's {@code Block.saveParameters} format (the package's weights file)
 * @param valScores       positive-class probabilities of the validation images at the best epoch
 * @param valProbabilities every class's probability for each validation image at the best epoch
 * @param valLabels       the class of each validation image
 * @param operatingPoint  the threshold chosen on those scores (two classes; null for more, which are read by arg-max)
 * @param trainCount      training images used
 * @param stoppedEarly    whether early stopping ended the run
 * @param seconds         wall time of this run (not counting epochs done before a resume)
 * @param split           the content split of an image folder (null for a {@code .npz})
 */
public record TrainingResult(TrainConfig config, List<EpochMetrics> history, int bestEpoch, byte[] bestParameters,
                             double[] valScores, double[][] valProbabilities, int[] valLabels,
                             OperatingPoint operatingPoint, int trainCount, boolean stoppedEarly, double seconds,
                             ContentSplit split) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The best epoch's metrics. */
    public EpochMetrics best() {
        return history.stream().filter(m -> m.epoch() == bestEpoch).findFirst().orElseThrow();
    }

    public int valCount() {
        return valScores.length;
    }
}
