package org.lumen.cli.bench;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.infer.LatencyStats;
import org.lumen.ai.infer.ModelService;
import org.lumen.ai.infer.ServiceOptions;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.DjlClassifier;
import org.lumen.ai.model.ForwardingClassifier;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.SegmentationContract;
import org.lumen.ai.seg.PostProcessing;
import org.lumen.ai.seg.Segmenter;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;
import org.lumen.image.Geometry;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Inference speed per model on this machine: single-image latency and batched throughput of a bare DJL {@link Predictor}
 * on the model's network, the same through {@link ModelService} (one request at a time, and all requests at once so the
 * service batches them), and the service's overhead as ratios. Inputs are seeded random images of the model's input
 * shape (the work does not depend on the values).
 */
@Command(name = "inference", mixinStandardHelpOptions = true,
        description = "Single-image latency (p50/p95), batched throughput (batch 1/8/32) and the model service's overhead"
                + " over a bare DJL predictor, per installed DJL model (or a freshly built small network when none is"
                + " installed); per-volume latency of segmentation models.")
public final class InferenceBench implements Callable<Integer> {
    private static final int[] BATCHES = {1, 8, 32};
    private static final int ROUNDS = 5;

    @Option(names = "--model", paramLabel = "NAME", description = "Only this model (default: every installed DJL model).")
    String model;

    @Option(names = "--images", defaultValue = "256", paramLabel = "N", description = "Images per measurement; volumes"
            + " use a quarter of them (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--warmup", defaultValue = "32", paramLabel = "N", description = "Untimed calls first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        Engines.pytorch();
        List<ModelPackage> packages = new ArrayList<>();
        ModelRegistry registry = ModelRegistry.standard();
        if (model != null) {
            packages.add(registry.find(model));
        } else {
            packages.addAll(registry.all().stream()
                    .filter(p -> p.manifest().network() != null || p.manifest().segments()).toList());
        }
        System.out.printf("%-16s %-38s %7s %8s %8s %10s%n", "MODEL", "MEASURE", "IMAGES", "P50 MS", "P95 MS", "IMAGES/S");
        if (packages.isEmpty()) {
            System.out.println("(no installed DJL model: measuring freshly built NetworkSpec.small networks, 2D at 28x28"
                    + " and 3D at 28^3 (a quarter of the images), random weights)");
            measureFresh("small-2d", new int[] {1, 28, 28}, images);
            measureFresh("small-3d", new int[] {1, 28, 28, 28}, Math.max(16, images / 4));
        }
        for (ModelPackage pkg : packages) {
            if (pkg.manifest().segments()) {
                measureSegmentation(pkg, Math.max(8, images / 8));
                continue;
            }
            Classifier classifier = pkg.classifier();
            if (!(classifier instanceof DjlClassifier djl)) {
                System.out.println(pkg.name() + ": skipped (not a DJL network)");
                classifier.close();
                continue;
            }
            try (djl) {
                measure(pkg.name(), djl, djl.inputShape().length == 4 ? Math.max(16, images / 4) : images);
            }
        }
        return 0;
    }

    private void measureFresh(String name, int[] shape, int count) throws Exception {
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            SequentialBlock block = Networks.build(NetworkSpec.small(shape.length - 1, 1, 2));
            block.initialize(manager, DataType.FLOAT32, new Shape(Classifier.batchShape(1, shape)));
            // As a loaded package is: parameters that need no gradient (else PyTorch now and then stalls for ~0.5 s).
            block.freezeParameters(true);
            try (DjlClassifier classifier = DjlClassifier.of(block, manager, shape, List.of("0", "1"))) {
                measure(name, classifier, count);
            }
        }
    }

    /**
     * Bare and served calls alternate (image by image, pass by pass) so that both see the same machine: on a shared
     * machine the load changes within seconds, and measuring one after the other would compare the load, not the code.
     */
    private void measure(String name, DjlClassifier classifier, int count) throws Exception {
        List<float[]> inputs = randomImages(classifier.inputShape(), count, 17);
        // the service closes what it loaded; the bench closes the classifier itself
        Classifier shared = ForwardingClassifier.borrowed(classifier);
        try (Model djlModel = Model.newInstance(name);
             Predictor<List<float[]>, float[][]> predictor = predictor(djlModel, classifier);
             ModelService service = new ModelService(n -> shared, ServiceOptions.DEFAULTS)) {
            for (int i = 0; i < warmup; i++) {
                predictor.predict(List.of(inputs.get(i % inputs.size())));
                service.submit(name, inputs.get(i % inputs.size())).get();
            }
            long[] bare = new long[inputs.size()];
            long[] served = new long[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                long start = System.nanoTime();
                predictor.predict(List.of(inputs.get(i)));
                long middle = System.nanoTime();
                service.submit(name, inputs.get(i)).get();
                bare[i] = middle - start;
                served[i] = System.nanoTime() - middle;
            }
            double bareP50 = LatencyStats.percentileMs(bare.clone(), 0.5);
            double servedP50 = LatencyStats.percentileMs(served.clone(), 0.5);
            row(name, "DJL predictor, single image", inputs.size(), bareP50,
                    LatencyStats.percentileMs(bare.clone(), 0.95), 0);
            row(name, "ModelService, one request at a time", inputs.size(), servedP50,
                    LatencyStats.percentileMs(served.clone(), 0.95), 0);
            for (int batch : BATCHES) {
                row(name, "DJL predictor, batch " + batch, inputs.size(), Double.NaN, Double.NaN,
                        barePass(predictor, inputs, batch));
            }
            double[] bare32 = new double[ROUNDS];
            double[] servedAll = new double[ROUNDS];
            double meanBatch = 0;
            for (int round = 0; round < ROUNDS; round++) {
                bare32[round] = barePass(predictor, inputs, 32);
                LatencyStats before = service.stats(name);
                long start = System.nanoTime();
                List<CompletableFuture<float[]>> all = new ArrayList<>();
                for (float[] input : inputs) {
                    all.add(service.submit(name, input));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
                servedAll[round] = inputs.size() / ((System.nanoTime() - start) / 1e9);
                LatencyStats after = service.stats(name);
                meanBatch = (double) (after.requests() - before.requests()) / (after.batches() - before.batches());
            }
            double bareThroughput = median(bare32);
            double servedThroughput = median(servedAll);
            row(name, String.format(Locale.ROOT, "DJL predictor, batch 32 (median of %d)", ROUNDS), inputs.size(),
                    Double.NaN, Double.NaN, bareThroughput);
            row(name, String.format(Locale.ROOT, "ModelService, all at once (batch %.1f)", meanBatch), inputs.size(),
                    Double.NaN, Double.NaN, servedThroughput);
            System.out.printf(Locale.ROOT, "%-16s overhead of ModelService over the bare predictor: single-image p50 %.2fx,"
                    + " throughput %.2fx (goal <= 1.2x)%n", name, servedP50 / bareP50, bareThroughput / servedThroughput);
        }
    }

    /**
     * A segmentation model, one volume at a time as {@code analyze} runs it: seeded random volumes of its training patch
     * size (z-scored inside, so the scale does not matter), with the inference options of its manifest (test-time flip,
     * post-processing) and with neither, alternating volume by volume.
     */
    private void measureSegmentation(ModelPackage pkg, int count) {
        SegmentationContract contract = pkg.manifest().segmentation();
        int[] size = contract.trainingSize();
        List<float[]> inputs = randomImages(new int[] {1, size[2], size[1], size[0]}, count, 17);
        Segmenter.Options plain = new Segmenter.Options(false, PostProcessing.NONE);
        try (Segmenter segmenter = pkg.segmenter()) {
            for (int i = 0; i < Math.min(warmup, 4); i++) {
                segmenter.segment(volume(size, inputs.get(i % count)), contract.inference());
            }
            long[] chosen = new long[count];
            long[] bare = new long[count];
            for (int i = 0; i < count; i++) {
                Volume volume = volume(size, inputs.get(i));
                long start = System.nanoTime();
                segmenter.segment(volume, contract.inference());
                long middle = System.nanoTime();
                segmenter.segment(volume, plain);
                chosen[i] = middle - start;
                bare[i] = System.nanoTime() - middle;
            }
            String shape = "volume " + size[0] + "x" + size[1] + "x" + size[2];
            String post = switch (contract.inference().postProcessing()) {
                case NONE -> "";
                case LARGEST_COMPONENT_PER_LABEL -> " + LCC/label";
                case LARGEST_COMPONENT_OF_UNION -> " + LCC";
            };
            row(pkg.name(), shape + (contract.inference().flipX() ? ", flip" : "") + post, count,
                    LatencyStats.percentileMs(chosen, 0.5), LatencyStats.percentileMs(chosen, 0.95), 0);
            row(pkg.name(), shape + ", network only", count, LatencyStats.percentileMs(bare, 0.5),
                    LatencyStats.percentileMs(bare, 0.95), 0);
        }
    }

    private static Volume volume(int[] size, float[] values) {
        return new Volume(size[0], size[1], size[2], values, VoxelType.FLOAT32, Geometry.identity());
    }

    /** Images per second of one pass over the inputs in batches of {@code batch}. */
    private static double barePass(Predictor<List<float[]>, float[][]> predictor, List<float[]> inputs, int batch)
            throws Exception {
        long start = System.nanoTime();
        for (int from = 0; from < inputs.size(); from += batch) {
            predictor.predict(inputs.subList(from, Math.min(inputs.size(), from + batch)));
        }
        return inputs.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A bare DJL predictor on the classifier's network: images in, softmax probabilities out, no Lumen code between. */
    private static Predictor<List<float[]>, float[][]> predictor(Model djlModel, DjlClassifier classifier) {
        djlModel.setBlock(classifier.block());
        int[] shape = classifier.inputShape();
        return djlModel.newPredictor(new NoBatchifyTranslator<List<float[]>, float[][]>() {
            @Override
            public NDList processInput(TranslatorContext ctx, List<float[]> batch) {
                return new NDList(ctx.getNDManager().create(Classifier.pack(batch, shape),
                        new Shape(Classifier.batchShape(batch.size(), shape))));
            }

            @Override
            public float[][] processOutput(TranslatorContext ctx, NDList list) {
                NDArray probabilities = list.singletonOrThrow().softmax(1);
                int rows = (int) probabilities.getShape().get(0);
                float[] flat = probabilities.toFloatArray();
                int k = flat.length / rows;
                float[][] out = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    out[r] = Arrays.copyOfRange(flat, r * k, (r + 1) * k);
                }
                return out;
            }
        });
    }

    private static List<float[]> randomImages(int[] shape, int count, long seed) {
        int length = LabelledImages.voxels(shape);
        Random random = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] image = new float[length];
            for (int j = 0; j < length; j++) {
                image[j] = (float) random.nextGaussian();
            }
            out.add(image);
        }
        return out;
    }


    private static void row(String model, String measure, int count, double p50, double p95, double perSecond) {
        System.out.printf(Locale.ROOT, "%-16s %-38s %7d %8s %8s %10s%n", model, measure, count, format(p50), format(p95),
                perSecond > 0 ? String.format(Locale.ROOT, "%.0f", perSecond) : "-");
    }

    private static String format(double ms) {
        return Double.isNaN(ms) || ms == 0 ? "-" : String.format(Locale.ROOT, "%.2f", ms);
    }
}
