package org.lumen.ai.train;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate per optimiser update: a linear warm-up from {@code peak / warmupSteps} to {@code peak} over the first
 * {@code warmupSteps} updates, then half a cosine from {@code peak} down to {@code floor} at {@code totalSteps}, and
 * {@code floor} after. {@code offset} shifts the step count so that a resumed run continues the schedule where the
 * checkpoint left it (DJL's optimiser counts its updates from zero again).
 */
public record CosineSchedule(float peak, float floor, int warmupSteps, int totalSteps, int offset) implements Tracker {

    public CosineSchedule {
        if (peak <= 0 || floor < 0 || floor > peak) {
            throw new IllegalArgumentException("learning rates must satisfy 0 <= floor <= peak, peak > 0");
        }
        if (warmupSteps < 0 || totalSteps < 1 || warmupSteps >= totalSteps || offset < 0) {
            throw new IllegalArgumentException("need 0 <= warm-up < total steps, got warm-up " + warmupSteps
                    + " of " + totalSteps);
        }
    }

    /** The same schedule continued from {@code steps} updates already made. */
    public CosineSchedule resumedAfter(int steps) {
        return new CosineSchedule(peak, floor, warmupSteps, totalSteps, steps);
    }

    /** The rate for the {@code update}-th update of this run (0-based, before the offset). */
    @Override
    public float getNewValue(int update) {
        return rateAt(update + offset);
    }

    /** The rate at absolute step {@code step} (0-based). */
    public float rateAt(int step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (step >= totalSteps) {
            return floor;
        }
        double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
        return (float) (floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
