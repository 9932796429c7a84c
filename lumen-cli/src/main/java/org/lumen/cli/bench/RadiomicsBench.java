package org.lumen.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.radiomics.FeatureFamilies;
import org.lumen.image.radiomics.RadiomicsConfig;
import org.lumen.image.radiomics.RadiomicsPipeline;
import org.lumen.image.roi.RoiMasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lumen bench radiomics --image IMG --mask MASK}: IBSI 1 radiomics time per case for each configuration, warm
 * (after warm-up runs in the same JVM), against PyRadiomics' published 2.9 s per case on one thread (goal: 0.3 s). For n
 * threads it reports both the time of one case on n threads (the feature families side by side) and the time per case
 * when n cases run side by side on one thread each.
 */
@Command(name = "radiomics", mixinStandardHelpOptions = true,
        description = "Time IBSI 1 radiomics per configuration (e.g. on the IBSI CT phantom) on one and more threads.")
public final class RadiomicsBench implements Callable<Integer> {
    private static final double PYRADIOMICS_SECONDS = 2.9;
    private static final double GOAL_SECONDS = 0.3;

    @Option(names = "--image", required = true, paramLabel = "IMG", description = "A NIfTI image.")
    Path image;

    @Option(names = "--mask", required = true, paramLabel = "MASK", description = "A NIfTI mask on the image's grid.")
    Path mask;

    @Option(names = "--configs", split = ",", defaultValue = "A,B,C,D,E", paramLabel = "NAMES",
            description = "Configurations to time (default: ${DEFAULT-VALUE}).")
    List<String> configs;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = "Thread counts (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--repeat", defaultValue = "10", description = "Timed cases per measurement (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed cases before (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        Volume imageVolume = NiftiReader.read(image);
        Volume maskVolume = RoiMasks.load(mask, imageVolume, Optional.empty());
        if (!FeatureFamilies.unavailable().isEmpty()) {
            System.out.println("note: not in this build (not timed): " + String.join(", ", FeatureFamilies.unavailable()));
        }
        System.out.printf(Locale.ROOT, "%-8s %-8s %-28s %-28s %s%n", "config", "threads", "one case on n threads (s)",
                "n cases side by side (s/case)", "vs PyRadiomics 2.9 s");
        for (String name : configs) {
            RadiomicsConfig config = RadiomicsConfig.named(name);
            for (int n : threads) {
                ExecutorService pool = Executors.newFixedThreadPool(n);
                try {
                    for (int i = 0; i < warmup; i++) {
                        RadiomicsPipeline.run(imageVolume, maskVolume, config, pool);
                    }
                    double latency = medianSeconds(() -> RadiomicsPipeline.run(imageVolume, maskVolume, config, pool));
                    double perCase = sideBySide(imageVolume, maskVolume, config, pool, n);
                    double best = Math.min(latency, perCase);
                    System.out.printf(Locale.ROOT, "%-8s %-8d %-28.3f %-28.3f %.0fx faster; goal %.1f s %s%n", name, n,
                            latency, perCase, PYRADIOMICS_SECONDS / best, GOAL_SECONDS, best <= GOAL_SECONDS ? "met" : "missed");
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        return 0;
    }

    /** Median wall time of {@link #repeat} runs. */
    private double medianSeconds(Runnable run) {
        double[] seconds = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            run.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[repeat / 2];
    }

    /** Wall time per case of {@link #repeat} cases spread over n threads, each case on its own thread. */
    private double sideBySide(Volume imageVolume, Volume maskVolume, RadiomicsConfig config, ExecutorService pool, int n)
            throws Exception {
        int cases = Math.max(repeat, n);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            futures.add(pool.submit(() -> RadiomicsPipeline.run(imageVolume, maskVolume, config)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        return (System.nanoTime() - start) / 1e9 / cases;
    }
}
