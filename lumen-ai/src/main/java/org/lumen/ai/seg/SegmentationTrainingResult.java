package org.lumen.ai.seg;

import java.util.List;

/**
 * What a run produced: the kept epoch (best validation Dice) with its parameters ({@code Block.saveParameters} bytes,
 * loadable with {@link Segmenter#load}), the history, and counts.
 */
public record SegmentationTrainingResult(SegmentationConfig config, List<SegmentationEpoch> history, int bestEpoch,
                                         byte[] bestParameters, int trainCount, int valCount, boolean stoppedEarly,
                                         double seconds) {

    public SegmentationEpoch best() {
        return history.stream().filter(e -> e.epoch() == bestEpoch).findFirst().orElseThrow();
    }
}
