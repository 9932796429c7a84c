package org.lumen.ai.train;

/**
 * Hears how training goes, for a progress bar or a log. Called on the training thread; keep it quick.
 * All methods do nothing by default.
 */
public interface TrainingListener {

    /** Nothing to report to. */
    TrainingListener SILENT = new TrainingListener() {
    };

    /**
     * @param firstEpoch      1 for a fresh run, later on resume
     * @param epochs          the last epoch that may run (early stopping may end sooner)
     * @param batchesPerEpoch training batches in every epoch
     */
    default void started(int firstEpoch, int epochs, int batchesPerEpoch) {
    }

    /** One training batch of {@code epoch} is done ({@code batch} counts from 1); {@code loss} is its loss. */
    default void batchDone(int epoch, int batch, double loss) {
    }

    /** An epoch and its validation are done; {@code best} when its validation AUC is the best so far. */
    default void epochDone(EpochMetrics metrics, boolean best) {
    }

    /** Training stopped early: {@code patience} epochs without a better validation AUC. */
    default void stoppedEarly(int epoch, int patience) {
    }
}
