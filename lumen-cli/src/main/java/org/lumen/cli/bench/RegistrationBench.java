package org.lumen.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.atlas.BrainAtlas;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.registration.ImageRegistration;
import org.lumen.image.registration.Metric;
import org.lumen.image.registration.RegistrationOptions;
import org.lumen.image.registration.RegistrationResult;
import org.lumen.image.registration.TransformModel;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times registration of a full-size pair: Colin27 (181 x 217 x 181, 1 mm) against itself moved by a fixed known motion
 * (rigid for the rigid runs, rigid plus 6% scale for the affine runs), for each model and metric and thread count, and
 * prints the time, the optimiser steps and the mean target registration error over the brain.
 */
@Command(name = "registration", mixinStandardHelpOptions = true,
        description = "Time rigid and affine registration (MI and NCC) of a full-size Colin27 pair; print a table.")
public final class RegistrationBench implements Callable<Integer> {
    @Option(names = "--image", paramLabel = "NIFTI", description = "The image to register against itself moved"
            + " (default: ch2bet.nii.gz from $LUMEN_ATLAS_DIR or /usr/share/mricron/templates).")
    Path image;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N[,N...]",
            description = "Thread counts to run with (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--repeat", defaultValue = "1", description = "Runs per case; the fastest is printed (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        Path file = image != null ? image
                : BrainAtlas.locate(BrainAtlas.searchPath(System.getenv())).resolve(BrainAtlas.TEMPLATE_FILE);
        Volume fixedSource = NiftiReader.read(file);
        System.out.printf(Locale.ROOT, "registration of %s (%d x %d x %d), levels 4/2/1 mm, %d samples per level%n", file,
                fixedSource.nx(), fixedSource.ny(), fixedSource.nz(), RegistrationOptions.DEFAULT_SAMPLES);
        System.out.printf(Locale.ROOT, "%-10s %-6s %7s %9s %7s %9s%n", "model", "metric", "threads", "seconds", "steps",
                "TRE mm");
        for (TransformModel model : List.of(TransformModel.RIGID, TransformModel.AFFINE)) {
            AffineTransform motion = motion(fixedSource, model == TransformModel.RIGID ? 1.0 : 1.06);
            Volume moved = Resampler.resample(fixedSource, fixedSource.nx(), fixedSource.ny(), fixedSource.nz(),
                    fixedSource.geometry(), motion, Interpolation.LINEAR, 0f);
            for (Metric metric : Metric.values()) {
                for (int n : threads) {
                    run(moved, fixedSource, motion, model, metric, n);
                }
            }
        }
        return 0;
    }

    private void run(Volume fixed, Volume moving, AffineTransform truth, TransformModel model, Metric metric, int n)
            throws Exception {
        RegistrationOptions options = RegistrationOptions.defaults(model, metric);
        long best = Long.MAX_VALUE;
        RegistrationResult result = null;
        ForkJoinPool pool = new ForkJoinPool(n);
        try {
            for (int r = 0; r < Math.max(1, repeat); r++) {
                long start = System.nanoTime();
                // Parallel streams inside a task of this pool run on its n threads.
                result = pool.submit(() -> ImageRegistration.register(fixed, moving, options)).get();
                best = Math.min(best, System.nanoTime() - start);
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "%-10s %-6s %7d %9.2f %7d %9.3f%n", model.name().toLowerCase(Locale.ROOT),
                metric == Metric.MUTUAL_INFORMATION ? "MI" : "NCC", n, best / 1e9, result.iterations(),
                meanError(result.transform(), truth, fixed));
    }

    /** Rotations of 7, -5 and 4 degrees, a shift of (6, -8, 5) mm and an isotropic scale about the grid centre. */
    private static AffineTransform motion(Volume v, double scale) {
        double a = Math.toRadians(7);
        double b = Math.toRadians(-5);
        double c = Math.toRadians(4);
        Matrix3 rx = Matrix3.ofRows(1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a));
        Matrix3 ry = Matrix3.ofRows(Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b));
        Matrix3 rz = Matrix3.ofRows(Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c), 0, 0, 0, 1);
        Matrix3 linear = rz.times(ry).times(rx).scaleColumns(new Vec3(scale, scale, scale));
        Vec3 centre = v.indexToPatient((v.nx() - 1) / 2.0, (v.ny() - 1) / 2.0, (v.nz() - 1) / 2.0);
        return new AffineTransform(linear, centre.minus(linear.times(centre)).plus(new Vec3(6, -8, 5)));
    }

    /** Mean distance between where the two transforms take every second voxel centre of the brain (value above 0). */
    private static double meanError(AffineTransform found, AffineTransform truth, Volume where) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < where.nz(); k += 2) {
            for (int j = 0; j < where.ny(); j += 2) {
                for (int i = 0; i < where.nx(); i += 2) {
                    if (where.get(i, j, k) > 0) {
                        Vec3 p = where.indexToPatient(i, j, k);
                        sum += found.apply(p).minus(truth.apply(p)).norm();
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }
}
