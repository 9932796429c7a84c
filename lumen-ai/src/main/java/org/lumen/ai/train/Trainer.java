package org.lumen.ai.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.eval.Auc;
import org.lumen.ai.eval.MulticlassEvaluation;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.Networks;

/**
 * Trains a {@link TrainConfig}'s network on the {@code train} split of its {@code .npz} (or the training side of its image
 * folder's content split, {@link TrainingData}) and picks the epoch with the best validation AUC (macro one-vs-rest for
 * more than two classes). Each epoch: a seeded shuffle (or class-balanced draw), augmented batches, softmax
 * cross-entropy with optional label smoothing and class weights, AdamW on a warm-up + cosine schedule; then validation,
 * a checkpoint, and early stopping after {@code patience} epochs without a better AUC.
 *
 * <p>Determinism: the engine is seeded once (weight initialisation, dropout) and every epoch's order and augmentation come
 * from {@code new Random(f(seed, epoch))}, so a resumed run draws the same images as an uninterrupted one would.
 */
public final class Trainer {
    private static final int EVAL_BATCH = 128;

    private Trainer() {
    }

    public static TrainingResult train(TrainConfig config, TrainingListener listener) throws IOException {
        return train(config, listener, false);
    }

    /**
     * @param resume continue from the checkpoint in {@link TrainConfig#checkpoints()} (its last epoch + 1)
     */
    public static TrainingResult train(TrainConfig config, TrainingListener listener, boolean resume) throws IOException {
        long started = System.nanoTime();
        Engine engine = Engines.pytorch();
        engine.setRandomSeed((int) config.seed());
        Engines.setThreads(config.threads());
        TrainingData data = TrainingData.load(config);
        LabelledImages train = limit(data.train(), config.trainLimit(), config.seed());
        LabelledImages val = data.val();
        boolean[] valPositive = positives(val, config.positiveClass());

        int batchSize = Math.min(config.batchSize(), train.size());
        int batches = Math.max(1, train.size() / batchSize); // the last partial batch is dropped: BatchNorm dislikes tiny ones
        int warmup = (int) Math.round(config.warmupEpochs() * batches);
        CosineSchedule schedule = new CosineSchedule((float) config.lr(), (float) config.lr() / 100,
                Math.min(warmup, config.epochs() * batches - 1), config.epochs() * batches, 0);
        Checkpoints checkpoints = new Checkpoints(config.checkpoints());
        Checkpoints.State state = resume ? checkpoints.state() : null;
        if (state != null && (!state.task().equals(config.task()) || !state.network().equals(config.network()))) {
            throw new IOException("the checkpoint in " + config.checkpoints() + " is of task " + state.task() + " with network "
                    + state.network() + ", not this configuration's; resume with the same configuration");
        }
        int firstEpoch = state == null ? 1 : state.epoch() + 1;
        if (state != null) {
            schedule = schedule.resumedAfter(state.epoch() * batches);
        }

        SequentialBlock net = Networks.build(config.network());
        Augmenter augmenter = new Augmenter(config.augmentation(), train.shape());
        float[] classWeights = classWeights(config.classBalance(), train.classCounts());
        List<EpochMetrics> history = new ArrayList<>(state == null ? List.of() : state.history());
        int bestEpoch = state == null ? 0 : state.bestEpoch();
        double bestAuc = state == null ? Double.NEGATIVE_INFINITY : state.bestAuc();
        double[] bestScores = state == null ? null : state.bestScores();
        double[][] bestProbabilities = state == null ? null : state.bestProbabilities();
        int sinceBest = state == null ? 0 : state.epochsWithoutImprovement();
        boolean stoppedEarly = false;

        try (Model model = Model.newInstance(config.task(), engine.getEngineName())) {
            model.setBlock(net);
            Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(schedule)
                    .optWeightDecays((float) config.weightDecay()).build();
            try (ai.djl.training.Trainer djl = model.newTrainer(
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer))) {
                djl.initialize(new Shape(Classifier.batchShape(1, train.shape())));
                byte[] bestParameters = null;
                if (state != null) {
                    Checkpoints.load(net, model.getNDManager(), checkpoints.last());
                    bestParameters = checkpoints.best();
                }
                listener.started(firstEpoch, config.epochs(), batches);
                for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    Random random = new Random(config.seed() * 1_000_003L + epoch);
                    int[] order = order(config.classBalance(), train, random);
                    double lossSum = 0;
                    for (int b = 0; b < batches; b++) {
                        double loss = trainBatch(djl, config, train, augmenter, classWeights,
                                Arrays.copyOfRange(order, b * batchSize, (b + 1) * batchSize), random);
                        lossSum += loss;
                        listener.batchDone(epoch, b + 1, loss);
                    }
                    Validation validation = validate(djl, val, config.positiveClass(), valPositive);
                    EpochMetrics metrics = new EpochMetrics(epoch, lossSum / batches, validation.loss(), validation.auc(),
                            validation.accuracy(), schedule.rateAt(epoch * batches - 1), (System.nanoTime() - epochStart) / 1e9);
                    history.add(metrics);
                    byte[] current = Checkpoints.parameters(net);
                    boolean improved = validation.auc() > bestAuc;
                    if (improved) {
                        bestAuc = validation.auc();
                        bestEpoch = epoch;
                        bestScores = validation.scores();
                        bestProbabilities = validation.probabilities();
                        bestParameters = current;
                        sinceBest = 0;
                    } else {
                        sinceBest++;
                    }
                    checkpoints.save(new Checkpoints.State(config.task(), config.network(), epoch, bestEpoch, bestAuc,
                            sinceBest, history, bestScores, bestProbabilities), current, improved ? current : null);
                    listener.epochDone(metrics, improved);
                    if (config.patience() > 0 && sinceBest >= config.patience() && epoch < config.epochs()) {
                        stoppedEarly = true;
                        listener.stoppedEarly(epoch, config.patience());
                        break;
                    }
                }
                if (bestParameters == null) {
                    throw new IOException("no epoch left to train: the checkpoint in " + config.checkpoints() + " already holds "
                            + history.size() + " of " + config.epochs() + " epochs (raise --epochs to continue)");
                }
                // Several classes are read by arg-max: there is no threshold to choose.
                OperatingPoint point = config.classes().size() == 2
                        ? OperatingPoint.choose(config.thresholdRule(), bestScores, valPositive) : null;
                return new TrainingResult(config, history, bestEpoch, bestParameters, bestScores, bestProbabilities,
                        val.labels(), point, train.size(), stoppedEarly, (System.nanoTime() - started) / 1e9,
                        data.split());
            }
        }
    }

    private static double trainBatch(ai.djl.training.Trainer djl, TrainConfig config, LabelledImages train,
                                     Augmenter augmenter, float[] classWeights, int[] indices, Random random) {
        int voxels = LabelledImages.voxels(train.shape());
        int classes = config.classes().size();
        float smoothing = (float) config.labelSmoothing();
        float[] images = new float[indices.length * voxels];
        float[] targets = new float[indices.length * classes];
        float[] weights = new float[indices.length];
        float weightSum = 0;
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(augmenter.apply(train.image(indices[i]), random), 0, images, i * voxels, voxels);
            int label = train.label(indices[i]);
            for (int c = 0; c < classes; c++) {
                targets[i * classes + c] = (c == label ? 1 - smoothing : 0) + smoothing / classes;
            }
            weights[i] = classWeights[label];
            weightSum += weights[i];
        }
        try (NDManager batch = djl.getManager().newSubManager()) {
            NDArray x = batch.create(FloatBuffer.wrap(images), new Shape(Classifier.batchShape(indices.length, train.shape())));
            NDArray target = batch.create(targets, new Shape(indices.length, classes));
            NDArray weight = batch.create(weights, new Shape(indices.length));
            float loss;
            try (GradientCollector gradients = djl.newGradientCollector()) {
                NDArray logits = djl.forward(new NDList(x)).singletonOrThrow();
                NDArray perImage = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg();
                NDArray mean = perImage.mul(weight).sum().div(weightSum);
                gradients.backward(mean);
                loss = mean.getFloat();
            }
            djl.step();
            return loss;
        }
    }

    /**
     * @param scores        positive-class probabilities
     * @param probabilities every class's probability, one row per image
     * @param auc           the positive class's AUC for two classes, else the macro one-vs-rest AUC
     */
    private record Validation(double[] scores, double[][] probabilities, double auc, double accuracy, double loss) {
    }

    private static Validation validate(ai.djl.training.Trainer djl, LabelledImages val, int positiveClass,
                                       boolean[] positive) {
        float[][] predicted = predict(djl, val);
        double[] scores = new double[val.size()];
        double[][] probabilities = new double[val.size()][];
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < val.size(); i++) {
            scores[i] = predicted[i][positiveClass];
            probabilities[i] = toDouble(predicted[i]);
            lossSum -= Math.log(Math.max(predicted[i][val.label(i)], 1e-12f));
            correct += Classifier.argMax(predicted[i]) == val.label(i) ? 1 : 0;
        }
        double auc = val.classes().size() == 2 ? Auc.of(scores, positive)
                : MulticlassEvaluation.of(probabilities, val.labels(), val.classes()).auc();
        return new Validation(scores, probabilities, auc, (double) correct / val.size(), lossSum / val.size());
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Softmax probabilities of every image, the network in inference mode (no dropout, BatchNorm running statistics). */
    static float[][] predict(ai.djl.training.Trainer djl, LabelledImages images) {
        int classes = images.classes().size();
        float[][] out = new float[images.size()][];
        for (int start = 0; start < images.size(); start += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, images.size() - start);
            float[] batchImages = Classifier.pack(images.images().subList(start, start + n), images.shape());
            try (NDManager batch = djl.getManager().newSubManager()) {
                NDArray x = batch.create(FloatBuffer.wrap(batchImages), new Shape(Classifier.batchShape(n, images.shape())));
                float[] flat = djl.evaluate(new NDList(x)).singletonOrThrow().softmax(1).toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[start + i] = Arrays.copyOfRange(flat, i * classes, (i + 1) * classes);
                }
            }
        }
        return out;
    }

    /** Every index once in random order, or for balanced sampling as many draws with each class equally likely. */
    static int[] order(ClassBalance balance, LabelledImages train, Random random) {
        int n = train.size();
        if (balance != ClassBalance.BALANCED_SAMPLING) {
            return shuffled(n, random);
        }
        int classes = train.classes().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(train.label(i)).add(i);
        }
        byClass.removeIf(List::isEmpty);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            List<Integer> members = byClass.get(random.nextInt(byClass.size()));
            order[i] = members.get(random.nextInt(members.size()));
        }
        return order;
    }

    /** 0 .. n-1 in a random order (Fisher-Yates). */
    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static float[] classWeights(ClassBalance balance, int[] counts) {
        float[] weights = new float[counts.length];
        int total = Arrays.stream(counts).sum();
        int present = (int) Arrays.stream(counts).filter(c -> c > 0).count();
        for (int c = 0; c < counts.length; c++) {
            weights[c] = balance == ClassBalance.WEIGHTED_LOSS && counts[c] > 0 ? (float) total / (present * counts[c]) : 1f;
        }
        return weights;
    }

    private static boolean[] positives(LabelledImages images, int positiveClass) {
        boolean[] positive = new boolean[images.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = images.label(i) == positiveClass;
        }
        return positive;
    }


    /** A random sample of {@code limit} images (0 = all), drawn with the run's seed: files are often sorted by class. */
    private static LabelledImages limit(LabelledImages images, int limit, long seed) {
        if (limit == 0 || limit >= images.size()) {
            return images;
        }
        int[] sample = Arrays.copyOf(shuffled(images.size(), new Random(seed)), limit);
        Arrays.sort(sample);
        return images.subset(sample);
    }

}
