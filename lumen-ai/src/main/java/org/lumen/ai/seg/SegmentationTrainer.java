package org.lumen.ai.seg;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lumen.ai.net.Engines;
import org.lumen.ai.train.Checkpoints;
import org.lumen.ai.train.CosineSchedule;

/**
 * Trains a U-Net on prepared cases and keeps the epoch with the best mean validation Dice. Each epoch: a seeded shuffle,
 * one sample per volume (whole volume, or {@code samplesPerVolume} patches with foreground oversampling), augmented
 * alike in image and labels ({@link SampleMaker}), Dice + cross-entropy ({@link DiceCrossEntropyLoss}), AdamW on the
 * warm-up + cosine {@link CosineSchedule}; then every validation volume is segmented whole ({@link Segmenter}) and
 * scored, a checkpoint is written, and the run stops after {@code patience} epochs without a better Dice.
 *
 * <p>Determinism: the engine is seeded once (initial weights) and each epoch's order, patches and augmentation come from
 * {@code new Random(f(seed, epoch))}; results repeat for the same thread count.
 */
public final class SegmentationTrainer {
    private SegmentationTrainer() {
    }

    public static SegmentationTrainingResult train(List<PreparedCase> train, List<PreparedCase> val, SegmentationConfig config,
                                                   SegmentationListener listener) throws IOException {
        if (train.isEmpty() || val.isEmpty()) {
            throw new IllegalArgumentException("need training and validation cases, got " + train.size() + " and " + val.size());
        }
        long started = System.nanoTime();
        Engine engine = Engines.pytorch();
        engine.setRandomSeed((int) config.seed());
        Engines.setThreads(config.threads());
        UNetSpec spec = config.network();
        int samples = train.size() * (config.sampling() == SegmentationConfig.Sampling.PATCHES ? config.samplesPerVolume() : 1);
        int batchSize = Math.min(config.batchSize(), samples);
        int batches = Math.max(1, samples / batchSize);
        int total = config.epochs() * batches;
        CosineSchedule schedule = new CosineSchedule((float) config.lr(), (float) config.lr() / 100,
                Math.min((int) Math.round(config.warmupEpochs() * batches), total - 1), total, 0);
        SegmentationCheckpoints checkpoints = config.checkpoints() == null ? null
                : new SegmentationCheckpoints(config.checkpoints());
        SampleMaker sampler = new SampleMaker(config);
        SequentialBlock net = UNets.build(spec);
        List<SegmentationEpoch> history = new ArrayList<>();
        int bestEpoch = 0;
        double bestDice = Double.NEGATIVE_INFINITY;
        byte[] bestParameters = null;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        try (Model model = Model.newInstance("segmentation", engine.getEngineName())) {
            model.setBlock(net);
            Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(schedule)
                    .optWeightDecays((float) config.weightDecay()).build();
            // the loss is computed here (Dice needs whole samples); DJL's trainer only needs one for its bookkeeping
            try (ai.djl.training.Trainer djl = model.newTrainer(
                    new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer))) {
                djl.initialize(Segmenter.inputShape(spec, config.size()));
                listener.started(config.epochs(), batches);
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    Random random = new Random(config.seed() * 1_000_003L + epoch);
                    int[] order = order(train.size(), config, random);
                    double lossSum = 0;
                    for (int b = 0; b < batches; b++) {
                        List<SampleMaker.Sample> batch = new ArrayList<>();
                        for (int i = b * batchSize; i < (b + 1) * batchSize; i++) {
                            batch.add(sampler.sample(train.get(order[i]), random));
                        }
                        double loss = step(djl, spec, config.size(), batch);
                        lossSum += loss;
                        listener.batchDone(epoch, b + 1, loss);
                    }
                    double[] perLabel = validate(Segmenter.of(spec, net, djl.getManager()), val, config.validation());
                    double dice = mean(perLabel);
                    SegmentationEpoch metrics = new SegmentationEpoch(epoch, lossSum / batches, dice, perLabel,
                            schedule.rateAt(epoch * batches - 1), (System.nanoTime() - epochStart) / 1e9);
                    history.add(metrics);
                    byte[] current = Checkpoints.parameters(net);
                    boolean improved = dice > bestDice;
                    if (improved) {
                        bestDice = dice;
                        bestEpoch = epoch;
                        bestParameters = current;
                        sinceBest = 0;
                    } else {
                        sinceBest++;
                    }
                    if (checkpoints != null) {
                        checkpoints.save(history, bestEpoch, current, improved);
                    }
                    listener.epochDone(metrics, improved);
                    if (config.patience() > 0 && sinceBest >= config.patience() && epoch < config.epochs()) {
                        stoppedEarly = true;
                        listener.stoppedEarly(epoch, config.patience());
                        break;
                    }
                }
            }
        }
        return new SegmentationTrainingResult(config, List.copyOf(history), bestEpoch, bestParameters, train.size(), val.size(),
                stoppedEarly, (System.nanoTime() - started) / 1e9);
    }

    private static double step(ai.djl.training.Trainer djl, UNetSpec spec, int[] size, List<SampleMaker.Sample> batch) {
        int voxels = VoxelGrid.count(size);
        int classes = spec.classes();
        float[] images = new float[batch.size() * voxels];
        float[] targets = new float[batch.size() * classes * voxels];
        for (int s = 0; s < batch.size(); s++) {
            System.arraycopy(batch.get(s).image(), 0, images, s * voxels, voxels);
            int[] labels = batch.get(s).labels();
            for (int i = 0; i < voxels; i++) {
                targets[(s * classes + labels[i]) * voxels + i] = 1f;
            }
        }
        try (NDManager manager = djl.getManager().newSubManager()) {
            NDArray x = manager.create(FloatBuffer.wrap(images), Segmenter.inputShape(spec, batch.size(), size));
            NDArray target = manager.create(FloatBuffer.wrap(targets),
                    Segmenter.shape(spec.dimensions(), batch.size(), classes, size));
            float loss;
            try (GradientCollector gradients = djl.newGradientCollector()) {
                NDArray logits = djl.forward(new NDList(x)).singletonOrThrow();
                NDArray value = DiceCrossEntropyLoss.of(logits, target);
                gradients.backward(value);
                loss = value.getFloat();
            }
            djl.step();
            return loss;
        }
    }

    /** Mean Dice per foreground label over the validation volumes, each segmented whole. */
    static double[] validate(Segmenter segmenter, List<PreparedCase> val, Segmenter.Options options) {
        int foreground = segmenter.spec().classes() - 1;
        double[] sums = new double[foreground];
        for (PreparedCase c : val) {
            int[] predicted = segmenter.labels(c.image(), c.dims(), options);
            for (int label = 1; label <= foreground; label++) {
                sums[label - 1] += dice(c.labels(), predicted, label);
            }
        }
        for (int l = 0; l < foreground; l++) {
            sums[l] /= val.size();
        }
        return sums;
    }

    /** Dice of one label in two label arrays; 1 when neither holds it. */
    public static double dice(int[] truth, int[] predicted, int label) {
        long both = 0;
        long sum = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean a = truth[i] == label;
            boolean b = predicted[i] == label;
            sum += (a ? 1 : 0) + (b ? 1 : 0);
            both += a && b ? 1 : 0;
        }
        return sum == 0 ? 1 : 2.0 * both / sum;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Which volume each sample comes from: every volume {@code samplesPerVolume} times, shuffled. */
    private static int[] order(int cases, SegmentationConfig config, Random random) {
        int repeats = config.sampling() == SegmentationConfig.Sampling.PATCHES ? config.samplesPerVolume() : 1;
        int[] order = new int[cases * repeats];
        for (int i = 0; i < order.length; i++) {
            order[i] = i % cases;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
