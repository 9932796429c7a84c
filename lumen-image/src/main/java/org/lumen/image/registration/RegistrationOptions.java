package org.lumen.image.registration;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.lumen.image.Volume;
import org.lumen.image.resample.AffineTransform;

/**
 * How to register.
 *
 * @param model the degrees of freedom; AFFINE starts with a similarity search on the coarse levels
 * @param metric the match to maximise
 * @param levelsMm grid spacing of each resolution level, coarse to fine (e.g. 4, 2, 1 mm)
 * @param samples fixed-image voxels sampled per level (all of them where a level has fewer)
 * @param bins histogram bins per image for mutual information
 * @param seed the seed of the sample choice, so a registration is repeatable
 * @param maxIterations most optimiser steps per level and stage
 * @param initial the starting transform (fixed to moving); empty: align the centres of mass
 * @param fixedMask where to sample the fixed image (non-zero voxels, on the fixed grid or resampled onto it); empty: all
 *     of it. A mask makes the registration local: it matches only the masked neighbourhood.
 */
public record RegistrationOptions(TransformModel model, Metric metric, double[] levelsMm, int samples, int bins, long seed,
                                  int maxIterations, Optional<AffineTransform> initial,
                                  Optional<Volume> fixedMask) {
    public static final double[] DEFAULT_LEVELS_MM = {4, 2, 1};
    public static final int DEFAULT_SAMPLES = 50_000;
    public static final int DEFAULT_BINS = 32;
    public static final long DEFAULT_SEED = 20_240_601L;
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    public RegistrationOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(fixedMask, "fixedMask");
        if (levelsMm == null || levelsMm.length == 0) {
            throw new IllegalArgumentException("at least one resolution level (grid spacing in mm) is needed");
        }
        for (double level : levelsMm) {
            if (!(level > 0)) {
                throw new IllegalArgumentException("level spacings must be positive mm, got " + Arrays.toString(levelsMm));
            }
        }
        levelsMm = levelsMm.clone();
        if (samples < 100) {
            throw new IllegalArgumentException("at least 100 samples per level are needed, got " + samples);
        }
        if (bins < 8) {
            throw new IllegalArgumentException("mutual information needs at least 8 bins, got " + bins);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
    }

    /** 4/2/1 mm, 50,000 samples, 32 bins, centre-of-mass start. */
    public static RegistrationOptions defaults(TransformModel model, Metric metric) {
        return new RegistrationOptions(model, metric, DEFAULT_LEVELS_MM, DEFAULT_SAMPLES, DEFAULT_BINS, DEFAULT_SEED,
                DEFAULT_MAX_ITERATIONS, Optional.empty(), Optional.empty());
    }

    @Override
    public double[] levelsMm() {
        return levelsMm.clone();
    }

    public RegistrationOptions withLevels(double... spacingsMm) {
        return new RegistrationOptions(model, metric, spacingsMm, samples, bins, seed, maxIterations, initial, fixedMask);
    }

    public RegistrationOptions withSamples(int count) {
        return new RegistrationOptions(model, metric, levelsMm, count, bins, seed, maxIterations, initial, fixedMask);
    }

    public RegistrationOptions withInitial(AffineTransform start) {
        return new RegistrationOptions(model, metric, levelsMm, samples, bins, seed, maxIterations, Optional.of(start), fixedMask);
    }

    public RegistrationOptions withFixedMask(Volume mask) {
        return new RegistrationOptions(model, metric, levelsMm, samples, bins, seed, maxIterations, initial,
                Optional.of(mask));
    }

    public RegistrationOptions withSeed(long newSeed) {
        return new RegistrationOptions(model, metric, levelsMm, samples, bins, newSeed, maxIterations, initial, fixedMask);
    }
}
