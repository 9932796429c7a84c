package org.lumen.ai.seg;

/** Hears how a segmentation training run goes; every method does nothing unless overridden. */
public interface SegmentationListener {
    SegmentationListener SILENT = new SegmentationListener() {
    };

    default void started(int epochs, int batchesPerEpoch) {
    }

    default void batchDone(int epoch, int batch, double loss) {
    }

    default void epochDone(SegmentationEpoch epoch, boolean best) {
    }

    default void stoppedEarly(int epoch, int patience) {
    }
}
