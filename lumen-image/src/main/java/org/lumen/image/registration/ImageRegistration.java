package org.lumen.image.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;

/**
 * Registers a moving volume onto a fixed volume in patient coordinates: finds the transform T (fixed point to moving
 * point) under which the moving image best matches the fixed image, coarse to fine over a Gaussian pyramid.
 *
 * <p>The search starts from the given transform or by aligning the centres of mass. On each level a fresh seeded sample
 * of fixed voxels is drawn and {@link GradientDescent} moves the parameters (about the fixed centre of mass, or the mask's, in
 * millimetres of displacement, see {@link Parameterisation}) from the previous level's result. An affine search is
 * preceded on the coarse levels by a similarity search, which has fewer ways to go wrong while the images are far apart.
 */
public final class ImageRegistration {
    private static final double FIRST_STEP_PER_SPACING = 2.0;
    private static final double STEP_PER_SPACING = 1.0;
    private static final double MIN_STEP_PER_SPACING = 0.02;
    private static final double GRADIENT_DELTA_PER_SPACING = 0.25;

    private ImageRegistration() {
    }

    public static RegistrationResult register(Volume fixed, Volume moving, RegistrationOptions options) {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(moving, "moving");
        Objects.requireNonNull(options, "options");
        double[] levels = options.levelsMm();
        long begin = System.nanoTime(); // the first level's time includes building the pyramids
        List<Volume> fixedLevels = ImagePyramid.levels(fixed, levels);
        List<Volume> movingLevels = ImagePyramid.levels(moving, levels);
        Volume coarseFixed = fixedLevels.get(0);
        Volume coarseMoving = movingLevels.get(0);
        // Rotations and scaling turn about the middle of what is matched (the mask's when there is one), so that they
        // do not also shift it and the parameters stay independent of each other.
        Vec3 centre = options.fixedMask().map(CentreOfMass::of).orElseGet(() -> CentreOfMass.of(coarseFixed));
        AffineTransform transform = options.initial().orElseGet(() ->
                new AffineTransform(Matrix3.identity(),
                        CentreOfMass.of(coarseMoving).minus(CentreOfMass.of(coarseFixed))));
        List<RegistrationResult.Level> done = new ArrayList<>();
        int iterations = 0;
        double metric = Double.NaN;
        for (int l = 0; l < levels.length; l++) {
            long start = l == 0 ? begin : System.nanoTime();
            Volume levelFixed = fixedLevels.get(l);
            Volume levelMoving = movingLevels.get(l);
            Volume mask = options.fixedMask().map(m -> m.sameGeometry(levelFixed, 1e-3) ? m
                    : Resampler.resampleOnto(m, levelFixed, Interpolation.NEAREST, 0f)).orElse(null);
            SampledMetric cost = new SampledMetric(levelFixed, mask, levelMoving, options.metric(), options.bins(),
                    options.samples(), options.seed() + l);
            TransformModel model = modelAt(options.model(), l, levels.length);
            double spacing = levels[l];
            GradientDescent optimiser = new GradientDescent(
                    (l == 0 ? FIRST_STEP_PER_SPACING : STEP_PER_SPACING) * spacing, MIN_STEP_PER_SPACING * spacing,
                    GRADIENT_DELTA_PER_SPACING * spacing, options.maxIterations());
            Parameterisation parameters = new Parameterisation(model, centre, cost.sampleRadius(), transform);
            GradientDescent.Outcome outcome = optimiser.minimise(p -> cost.cost(parameters.transform(p)),
                    parameters.size());
            transform = parameters.transform(outcome.parameters());
            metric = -outcome.cost();
            iterations += outcome.iterations();
            done.add(new RegistrationResult.Level(spacing, model, cost.sampleCount(), outcome.iterations(), metric,
                    (System.nanoTime() - start) / 1_000_000));
        }
        return new RegistrationResult(transform, options.metric(), metric, iterations, done);
    }

    /** AFFINE searches similarity only on levels before the last two; other models search themselves everywhere. */
    private static TransformModel modelAt(TransformModel model, int level, int levelCount) {
        if (model == TransformModel.AFFINE && level < levelCount - 2) {
            return TransformModel.SIMILARITY;
        }
        return model;
    }
}
