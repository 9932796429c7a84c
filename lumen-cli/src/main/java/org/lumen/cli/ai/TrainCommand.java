package org.lumen.cli.ai;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import java.util.Map;
import org.lumen.ai.seg.SegmentationConfig;
import org.lumen.ai.seg.SegmentationEpoch;
import org.lumen.ai.seg.SegmentationListener;
import org.lumen.ai.tasks.SegmentationTaskPreset;
import org.lumen.ai.tasks.SegmentationTaskTraining;
import org.lumen.ai.tasks.TaskPreset;
import org.lumen.ai.tasks.TaskTraining;
import org.lumen.ai.tasks.Tasks;
import org.lumen.ai.tasks.TrainConfigFile;
import org.lumen.ai.train.EpochMetrics;
import org.lumen.ai.train.OperatingPoint;
import org.lumen.ai.train.TrainConfig;
import org.lumen.ai.train.TrainingListener;
import org.lumen.ai.train.TrainingResult;
import org.lumen.cli.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lumen train --task NAME (--npz FILE | --images DIR) [--epochs N] [--out DIR] [--seed S] [--resume]} or
 * {@code lumen train --config FILE.yaml [...]}, or for a segmentation task {@code lumen train --task hippocampus-seg
 * --data DIR [--epochs N] [--out DIR] [--seed S]}: trains a task preset and writes its model package folder. An image folder
 * (one subfolder per class) is split into training and validation by image content; the split is written into the
 * package ({@code validation-split.tsv}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on a MedMNIST-style .npz (train and val splits) or an image folder (one subfolder per"
                + " class, split by image content), or a segmentation task on a decathlon-style folder (--data DIR with"
                + " imagesTr/ and labelsTr/, split by case), and write its model package folder.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--task", paramLabel = "NAME", description = "Task preset: pneumonia-cxr, breast-us, adrenal-ct3d, "
            + "brain-tumor-mri or hippocampus-seg (segmentation, with --data).")
    String task;

    @Option(names = "--config", paramLabel = "FILE.yaml", description = "Configuration file naming a task and changing "
            + "any of its settings; the other options override it.")
    Path config;

    @Option(names = "--npz", paramLabel = "FILE", description = "The .npz with train_* and val_* arrays.")
    Path npz;

    @Option(names = "--images", paramLabel = "DIR", description = "An image folder with one subfolder per class (e.g. "
            + "../shared/data/brain-tumor-mri/Training); the project holds back 15% of each class, split by content.")
    Path images;

    @Option(names = "--data", paramLabel = "DIR", description = "A segmentation task's decathlon-style folder with imagesTr/"
            + " and labelsTr/ (e.g. ../shared/data/hippocampus); the project holds back 20% of the cases, split by a seed.")
    Path data;

    @Option(names = "--width", paramLabel = "N", description = "Segmentation tasks: the U-Net's base width (default: the"
            + " task's, 16); smaller trains faster and segments worse.")
    Integer width;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: the task's).")
    Integer epochs;

    @Option(names = "--out", paramLabel = "DIR", description = "Model package folder (default: ./NAME).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: the task's).")
    Long seed;

    @Option(names = "--resume", description = "Continue from the checkpoint in DIR/checkpoints.")
    boolean resume;

    @Override
    public Integer call() throws IOException {
        if (task != null && Tasks.isSegmentation(task)) {
            return trainSegmentation();
        }
        if (data != null || width != null) {
            throw new BadInputException("--data DIR and --width N are for segmentation tasks (hippocampus-seg); "
                    + (task == null ? "this configuration" : task) + " reads --npz FILE or --images DIR");
        }
        TrainConfig settings = settings();
        if (settings.fromImages() && !Files.isDirectory(settings.images())) {
            throw new BadInputException("no such image folder: " + settings.images() + " (give it with --images)");
        }
        if (!settings.fromImages() && (settings.npz() == null || !Files.isRegularFile(settings.npz()))) {
            throw new BadInputException("no such .npz: " + settings.npz() + " (give it with --npz)");
        }
        PrintStream progress = System.err;
        try (ProgressListener listener = new ProgressListener(progress, settings.task())) {
            TrainingResult result = TaskTraining.run(settings, listener, resume, commandLine());
            EpochMetrics best = result.best();
            OperatingPoint point = result.operatingPoint();
            if (point == null) {
                System.out.printf(Locale.ROOT, "%s: best epoch %d of %d%s, validation macro AUC %.4f, accuracy %.4f "
                                + "(most probable class), %d training and %d validation images, %.1f min%n", settings.out(),
                        best.epoch(), result.history().size(), result.stoppedEarly() ? " (stopped early)" : "",
                        best.valAuc(), best.valAccuracy(), result.trainCount(), result.valCount(), result.seconds() / 60);
                return 0;
            }
            System.out.printf(Locale.ROOT, "%s: best epoch %d of %d%s, validation AUC %.4f, accuracy %.4f at threshold %.3f "
                            + "(sensitivity %.3f, specificity %.3f), %.1f min%n", settings.out(), best.epoch(),
                    result.history().size(), result.stoppedEarly() ? " (stopped early)" : "", best.valAuc(),
                    point.accuracy(), point.threshold(), point.sensitivity(), point.specificity(), result.seconds() / 60);
        }
        return 0;
    }

    /** A segmentation task: a decathlon folder in, a "segmentation" model package out. */
    private int trainSegmentation() throws IOException {
        SegmentationTaskPreset preset = Tasks.segmentation(task);
        if (config != null || npz != null || images != null || resume) {
            throw new BadInputException(task + " is a segmentation task: give --data DIR (with imagesTr/ and labelsTr/),"
                    + " not --config, --npz, --images or --resume (resuming a segmentation run is not implemented yet)");
        }
        if (data == null) {
            throw new BadInputException("--data DIR is needed with --task " + task + " (e.g. ../shared/data/"
                    + preset.dataFolder() + ")");
        }
        if (!Files.isDirectory(data.resolve("imagesTr")) || !Files.isDirectory(data.resolve("labelsTr"))) {
            throw new BadInputException(data + " is not a decathlon-style folder: it needs imagesTr/ and labelsTr/");
        }
        if (epochs != null && epochs < 1 || width != null && width < 1) {
            throw new BadInputException("--epochs and --width must be at least 1");
        }
        Path target = out == null ? Path.of(preset.name()) : out;
        SegmentationConfig settings = (width == null ? preset : preset.withWidth(width))
                .config(epochs == null ? preset.epochs() : epochs, seed == null ? preset.seed() : seed);
        SegmentationTaskTraining.Result result;
        try (SegmentationProgress listener = new SegmentationProgress(System.err, task)) {
            result = SegmentationTaskTraining.run(preset, data, settings, target, listener, commandLine());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        var run = result.run();
        Map<String, Double> v = result.pkg().manifest().validation();
        System.out.printf(Locale.ROOT, "%s: best epoch %d of %d%s, validation Dice %.4f (95%% CI %.4f-%.4f; anterior %.4f,"
                        + " posterior %.4f) with %s, %d training and %d validation cases, %.1f min%n", target,
                run.training().bestEpoch(), run.training().history().size(),
                run.training().stoppedEarly() ? " (stopped early)" : "", v.getOrDefault("dice", Double.NaN),
                v.getOrDefault("dice_ci_low", Double.NaN), v.getOrDefault("dice_ci_high", Double.NaN),
                v.getOrDefault("dice_1", Double.NaN), v.getOrDefault("dice_2", Double.NaN),
                result.pkg().manifest().segmentation().inferenceInWords(), run.split().train().size(),
                run.split().validation().size(), run.training().seconds() / 60);
        return 0;
    }

    private TrainConfig settings() throws IOException {
        if ((task == null) == (config == null)) {
            throw new BadInputException("give either --task NAME (one of " + Tasks.names() + ") or --config FILE.yaml");
        }
        TrainConfig settings;
        if (config != null) {
            settings = TrainConfigFile.read(config);
        } else {
            TaskPreset preset;
            try {
                preset = Tasks.get(task);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            boolean folderTask = preset.defaults().fromImages();
            if (folderTask ? images == null : npz == null) {
                throw new BadInputException((folderTask ? "--images DIR" : "--npz FILE") + " is needed with --task "
                        + preset.name() + " (e.g. ../shared/data/" + preset.dataFile() + ")");
            }
            settings = preset.defaults().withOut(Path.of(preset.name()));
        }
        if (npz != null && images != null) {
            throw new BadInputException("give either --npz FILE or --images DIR, not both");
        }
        try {
            settings = npz == null ? settings : settings.withNpz(npz);
            settings = images == null ? settings : settings.withImages(images);
            settings = epochs == null ? settings : settings.withEpochs(epochs);
            settings = seed == null ? settings : settings.withSeed(seed);
            return out == null ? settings : settings.withOut(out);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private String commandLine() {
        StringBuilder line = new StringBuilder("./lumen train");
        if (config != null) {
            line.append(" --config ").append(config);
        }
        if (task != null) {
            line.append(" --task ").append(task);
        }
        if (npz != null) {
            line.append(" --npz ").append(npz);
        }
        if (images != null) {
            line.append(" --images ").append(images);
        }
        if (data != null) {
            line.append(" --data ").append(data);
        }
        if (width != null) {
            line.append(" --width ").append(width);
        }
        if (epochs != null) {
            line.append(" --epochs ").append(epochs);
        }
        if (seed != null) {
            line.append(" --seed ").append(seed);
        }
        return line.toString();
    }

    /**
     * The one progress bar of a training run, classifier or segmentation: all batches of the run with an ETA, the current
     * epoch and loss beside it, and a cleared line before each epoch's metrics line.
     */
    static final class BatchProgress implements AutoCloseable {
        private final PrintStream stream;
        private final String name;
        private ProgressBar bar;
        private int batchesPerEpoch;

        BatchProgress(PrintStream stream, String name) {
            this.stream = stream;
            this.name = name;
        }

        void start(int firstEpoch, int epochs, int batchesPerEpoch) {
            this.batchesPerEpoch = batchesPerEpoch;
            long done = (long) (firstEpoch - 1) * batchesPerEpoch;
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax((long) epochs * batchesPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" batches", 1).setMaxRenderedLength(120)
                    .setConsumer(new ConsoleProgressBarConsumer(stream)).startsFrom(done, Duration.ZERO).build();
        }

        void batchDone(int epoch, int batch, double loss) {
            bar.stepTo((long) (epoch - 1) * batchesPerEpoch + batch);
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d loss %.4f", epoch, loss));
        }

        void epochLine(String line) {
            stream.print("\r" + " ".repeat(120) + "\r");
            stream.println(line);
        }

        void stoppedEarly(int epoch, int patience, String metric) {
            stream.println("\rstopped after epoch " + epoch + ": no better validation " + metric + " for " + patience
                    + " epochs");
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** A segmentation run's progress: the batch bar and one line per epoch with the validation Dice. */
    static final class SegmentationProgress implements SegmentationListener, AutoCloseable {
        private final BatchProgress progress;

        SegmentationProgress(PrintStream stream, String name) {
            this.progress = new BatchProgress(stream, name);
        }

        @Override
        public void started(int epochs, int batchesPerEpoch) {
            progress.start(1, epochs, batchesPerEpoch);
        }

        @Override
        public void batchDone(int epoch, int batch, double loss) {
            progress.batchDone(epoch, batch, loss);
        }

        @Override
        public void epochDone(SegmentationEpoch e, boolean best) {
            progress.epochLine(String.format(Locale.ROOT, "epoch %3d  loss %.4f  val Dice %.4f %s  lr %.2e  %.0f s%s",
                    e.epoch(), e.trainLoss(), e.valDice(), Arrays.toString(e.valDicePerLabel()), e.learningRate(),
                    e.seconds(), best ? "  best" : ""));
        }

        @Override
        public void stoppedEarly(int epoch, int patience) {
            progress.stoppedEarly(epoch, patience, "Dice");
        }

        @Override
        public void close() {
            progress.close();
        }
    }

    /** A classifier run's progress: the batch bar and one line of metrics per epoch. */
    static final class ProgressListener implements TrainingListener, AutoCloseable {
        private final BatchProgress progress;

        ProgressListener(PrintStream stream, String name) {
            this.progress = new BatchProgress(stream, name);
        }

        @Override
        public void started(int firstEpoch, int epochs, int batchesPerEpoch) {
            progress.start(firstEpoch, epochs, batchesPerEpoch);
        }

        @Override
        public void batchDone(int epoch, int batch, double loss) {
            progress.batchDone(epoch, batch, loss);
        }

        @Override
        public void epochDone(EpochMetrics m, boolean best) {
            progress.epochLine(String.format(Locale.ROOT, "epoch %3d  loss %.4f  val loss %.4f  val AUC %.4f  val acc %.4f  "
                            + "lr %.2e  %.0f s%s", m.epoch(), m.trainLoss(), m.valLoss(), m.valAuc(), m.valAccuracy(),
                    m.learningRate(), m.seconds(), best ? "  best" : ""));
        }

        @Override
        public void stoppedEarly(int epoch, int patience) {
            progress.stoppedEarly(epoch, patience, "AUC");
        }

        @Override
        public void close() {
            progress.close();
        }
    }
}
