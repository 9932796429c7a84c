package org.lumen.cli.net;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.lumen.cli.BadInputException;
import org.lumen.cli.ExitCodes;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.Association;
import org.lumen.net.ConnectOptions;
import org.lumen.net.RetrieveService.Instance;
import org.lumen.net.TranscodingStore;
import org.lumen.net.dimse.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lumen dicom send HOST PORT FILE|DIR...}: C-STORE of files and folders (recursively), like storescu. Per SOP class
 * it proposes each stored syntax and Explicit/Implicit VR Little Endian; {@link TranscodingStore} sends as stored or
 * transcodes when the peer took only another syntax.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send DICOM files and folders (recursively) with C-STORE (like storescu); transcodes when the peer "
                + "does not accept the stored transfer syntax.")
public final class SendCommand implements java.util.concurrent.Callable<Integer> {
    /** The most presentation contexts one association may carry (IDs 1..255, odd). */
    private static final int MAX_CONTEXTS = 128;
    private static final String DICOMDIR = "1.2.840.10008.1.3.10";

    @Spec
    CommandSpec spec;

    @Mixin
    NetOptions net;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "FILE|DIR", description = "Files and folders to send.")
    List<Path> inputs;

    @Option(names = "--propose", paramLabel = "TS", split = ",",
            description = "Transfer syntaxes proposed beside each file's own, preferred first (UIDs or explicit, implicit, "
                    + "big, deflate, rle, jpeg-lossless, jpeg-ls, j2k-lossless, j2k, jpeg-baseline); default: explicit,implicit.")
    List<String> propose;

    @Option(names = "--allow-lossy", description = "Allow transcoding into a lossy syntax when the peer accepts nothing else.")
    boolean allowLossy;

    @Option(names = "-j", paramLabel = "N", defaultValue = "1", description = "Parallel associations (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--no-progress", description = "No progress bar (there is none when stderr is not a terminal).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > 64) {
            throw new BadInputException("-j must be 1 to 64: " + parallel);
        }
        List<String> fallback = proposed();
        net.aeConfig();                                    // bad options are usage errors before any file is read
        PrintWriter err = spec.commandLine().getErr();
        List<Instance> instances = new ArrayList<>();
        Map<Instance, Path> files = new HashMap<>();
        long totalBytes = scan(err, instances, files);
        if (instances.isEmpty()) {
            throw new BadInputException("No DICOM files to send");
        }
        Tally tally = new Tally();
        long start = System.nanoTime();
        try (ProgressBar bar = progressBar(instances.size(), totalBytes)) {
            TranscodingStore store = TranscodingStore.lossless().allowLossy(allowLossy)
                    .withProgress(bar == null ? n -> { } : bar::stepBy);
            List<List<Instance>> shares = share(instances, Math.min(parallel, instances.size()));
            ExecutorService pool = Executors.newFixedThreadPool(shares.size());
            try {
                List<Future<?>> running = new ArrayList<>();
                for (List<Instance> share : shares) {
                    running.add(pool.submit(() -> {
                        for (List<Instance> batch : batches(share, fallback)) {
                            sendBatch(batch, fallback, store, files, tally, err);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            if (bar != null) {
                bar.stepTo(bar.getMax());          // the bar counted data set bytes; the total was file sizes
            }
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        double mb = tally.bytes.get() / 1e6;
        spec.commandLine().getOut().printf(Locale.ROOT,
                "Sent %d of %d instances to %s (%d transcoded, %d with warnings), %d failed; %.1f MB in %.1f s, %.1f MB/s%n",
                tally.sent.get() + tally.warnings.get(), instances.size(), net.peer(), tally.transcoded.get(), tally.warnings.get(),
                tally.failed.get(), mb, seconds, mb / seconds);
        if (tally.failed.get() > 0) {
            String first = tally.firstError.get();
            err.println("lumen: " + tally.failed.get() + " of " + instances.size() + " instances not stored"
                    + (first == null ? "" : "; first error: " + first));
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /**
     * Sends a batch over one association; when the peer aborts it (a data set it cannot read, say), the instance in flight
     * counts as failed and a new association carries on with the rest, as long as one can be opened.
     */
    private void sendBatch(List<Instance> batch, List<String> fallback, TranscodingStore store, Map<Instance, Path> files,
            Tally tally, PrintWriter err) {
        ConnectOptions options = ConnectOptions.none().propose(TranscodingStore.contextsFor(batch, fallback));
        int next = 0;
        while (next < batch.size()) {
            Association association;
            try {
                association = net.connect(options);
            } catch (IOException | RuntimeException e) {
                for (int i = next; i < batch.size(); i++) {
                    tally.fail(i == next ? files.get(batch.get(i)) + ": " + e.getMessage() : null, err);
                }
                return;
            }
            try (association) {
                while (next < batch.size()) {
                    Instance instance = batch.get(next++);
                    if (!sendOne(association, instance, files.get(instance), store, tally, err)) {
                        break;                        // the association is gone: open another for the rest
                    }
                }
            }
        }
    }

    /** One C-STORE; false when the association ended with it. */
    private static boolean sendOne(Association association, Instance instance, Path file, TranscodingStore store, Tally tally,
            PrintWriter err) {
        try {
            TranscodingStore.Result result = store.store(association, instance);
            tally.bytes.addAndGet(result.bytes());
            if (result.transcoded()) {
                tally.transcoded.incrementAndGet();
            }
            int status = result.response().status();
            if (Status.isSuccess(status)) {
                tally.sent.incrementAndGet();
            } else if (Status.isWarning(status)) {
                tally.warnings.incrementAndGet();
                err.println("lumen: " + file + ": stored with warning " + Status.hex(status) + comment(result));
            } else {
                tally.fail(file + ": status " + Status.hex(status) + comment(result), err);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            tally.fail(file + ": " + e.getMessage(), err);
            return association.isOpen();
        }
    }

    private static String comment(TranscodingStore.Result result) {
        String comment = result.response().errorComment();
        return comment == null || comment.isBlank() ? "" : " (" + comment.trim() + ")";
    }

    /** Reads the header of every file; named files must be DICOM, files found in folders that are not are skipped. */
    private long scan(PrintWriter err, List<Instance> instances, Map<Instance, Path> files) throws IOException {
        long bytes = 0;
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(input)) {
                    found = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : found) {
                    try {
                        Instance instance = TranscodingStore.fromFile(file);
                        if (DICOMDIR.equals(instance.sopClassUid())) {
                            err.println("lumen: skipped " + file + ": a DICOMDIR (media directory), not an instance");
                            continue;
                        }
                        instances.add(instance);
                        files.put(instance, file);
                        bytes += Files.size(file);
                    } catch (IOException | RuntimeException e) {
                        err.println("lumen: skipped " + file + ": not a DICOM instance (" + e.getMessage() + ")");
                    }
                }
            } else if (Files.isRegularFile(input)) {
                Instance instance;
                try {
                    instance = TranscodingStore.fromFile(input);
                } catch (IOException | RuntimeException e) {
                    throw new BadInputException(input + " is not a DICOM instance: " + e.getMessage(), e);
                }
                instances.add(instance);
                files.put(instance, input);
                bytes += Files.size(input);
            } else {
                throw new BadInputException("No such file or folder: " + input);
            }
        }
        return bytes;
    }

    /** Round-robin shares, one per parallel association. */
    private static List<List<Instance>> share(List<Instance> instances, int n) {
        List<List<Instance>> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < instances.size(); i++) {
            shares.get(i % n).add(instances.get(i));
        }
        return shares;
    }

    /** Consecutive runs of instances whose presentation contexts fit in one association. */
    private static List<List<Instance>> batches(List<Instance> instances, List<String> fallback) {
        List<List<Instance>> out = new ArrayList<>();
        List<Instance> current = new ArrayList<>();
        Map<String, Set<String>> syntaxes = new HashMap<>();
        for (Instance instance : instances) {
            Map<String, Set<String>> next = new HashMap<>();
            syntaxes.forEach((k, v) -> next.put(k, new LinkedHashSet<>(v)));
            next.computeIfAbsent(instance.sopClassUid(), k -> new LinkedHashSet<>()).add(instance.transferSyntaxUid());
            int contexts = next.values().stream().mapToInt(s -> TranscodingStore.contextCount(s, fallback)).sum();
            if (contexts > MAX_CONTEXTS && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
                next.clear();
                next.computeIfAbsent(instance.sopClassUid(), k -> new LinkedHashSet<>()).add(instance.transferSyntaxUid());
            }
            current.add(instance);
            syntaxes = next;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private ProgressBar progressBar(int count, long totalBytes) {
        boolean worthIt = count > 1 || totalBytes > (16L << 20);
        if (noProgress || System.console() == null || !worthIt) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("Sending " + count + " instance" + (count == 1 ? "" : "s"))
                .setInitialMax(totalBytes).setUnit(" MB", 1 << 20).showSpeed().setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    private List<String> proposed() {
        if (propose == null || propose.isEmpty()) {
            return TranscodingStore.UNCOMPRESSED;
        }
        List<String> out = new ArrayList<>();
        for (String name : propose) {
            out.add(TransferSyntaxNames.resolve(name));
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /** Counts shared by the parallel associations. */
    private static final class Tally {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger warnings = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger transcoded = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();

        void fail(String message, PrintWriter err) {
            failed.incrementAndGet();
            if (message != null) {
                firstError.compareAndSet(null, message);
                err.println("lumen: failed " + message);
            }
        }
    }
}
