package org.lumen.server.node;

import org.lumen.dicom.testing.PeerProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;

import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import org.lumen.server.archive.StoredInstance;
import org.lumen.server.archive.VerifyReport;

/**
 * Kill -9 during ingest: dcmtk's storescu streams {@value #DEFAULT_INSTANCES} small CT instances to a node in a child JVM,
 * which is SIGKILLed at a random moment (after a random number of acknowledged stores plus a random few milliseconds, so
 * that the kill lands anywhere in a store), restarted on the same data folder, and killed again; storescu then sends
 * whatever was not acknowledged. At the end, with the node stopped cleanly: every instance storescu saw acknowledged is
 * in the index with a file whose data set equals the source, no temporary file is left (checked right after each restart,
 * before any new store, and at the end), and {@link Archive#verify()} is clean.
 *
 * <p>Trials: system property {@code lumen.crash.trials} (default 3, the long-test command runs 20); instances:
 * {@code lumen.crash.instances}; kills per trial: {@code lumen.crash.kills} (default 2).
 */
@org.junit.jupiter.api.Tag("crash")
class CrashTest {
    static final int DEFAULT_INSTANCES = 2000;
    static final int TRIALS = Integer.getInteger("lumen.crash.trials", 3);
    static final int INSTANCES = Integer.getInteger("lumen.crash.instances", DEFAULT_INSTANCES);
    static final int KILLS = Integer.getInteger("lumen.crash.kills", 2);
    static final long SEED = Long.getLong("lumen.crash.seed", System.nanoTime());

    @TempDir
    static Path tmp;
    static Path sources;
    static final List<Path> FILES = new ArrayList<>();

    /** The instances: CT_small with new Study, Series (one per 200) and SOP Instance UIDs, as Part 10 files. */
    @BeforeAll
    static void makeInstances() throws IOException {
        DicomFile ct = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"), ReadOptions.INCLUDE_ALL);
        sources = Files.createDirectories(tmp.resolve("sources"));
        String root = "2.25." + Long.toUnsignedString(new Random(SEED).nextLong());
        for (int i = 0; i < INSTANCES; i++) {
            Attributes ds = ct.dataset().deepCopy();
            ds.setString(Tag.StudyInstanceUID, VR.UI, root + ".1");
            ds.setString(Tag.SeriesInstanceUID, VR.UI, root + ".2." + (i / 200));
            ds.setString(Tag.SOPInstanceUID, VR.UI, root + ".3." + i);
            ds.setString(Tag.InstanceNumber, VR.IS, String.valueOf(i + 1));
            Path file = sources.resolve(String.format("%05d.dcm", i));
            DicomWriter.write(file, DicomWriter.createFileMeta(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), ds,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            FILES.add(file);
        }
        System.out.println("CrashTest: " + TRIALS + " trials, " + INSTANCES + " instances, " + KILLS + " kills each, seed "
                + SEED + " (-Dlumen.crash.seed to replay)");
    }

    @TestFactory
    Stream<DynamicTest> killedNodeLosesNothingItAcknowledged() {
        Peers.require("storescu");
        Random random = new Random(SEED);
        return IntStream.rangeClosed(1, TRIALS).mapToObj(trial -> {
            long trialSeed = random.nextLong();
            return DynamicTest.dynamicTest("trial " + trial, () -> trial(trial, new Random(trialSeed)));
        });
    }

    private void trial(int trial, Random random) throws Exception {
        Path data = tmp.resolve("trial-" + trial);
        Path log = tmp.resolve("trial-" + trial + ".log");
        int port = PeerProcess.freePort();
        Set<Path> acknowledged = new LinkedHashSet<>();
        List<String> story = new ArrayList<>();
        for (int round = 0; round <= KILLS; round++) {
            List<Path> remaining = FILES.stream().filter(f -> !acknowledged.contains(f)).toList();
            if (remaining.isEmpty()) {
                break;
            }
            NodeProcess node = NodeProcess.start(data, port, log);
            try {
                assertThat(temporaryFiles(data)).as("temporary files right after (re)start, round " + round).isEmpty();
                boolean kill = round < KILLS && remaining.size() > 2;
                int killAfter = kill ? 1 + random.nextInt(remaining.size() - 1) : -1;
                int extraMillis = random.nextInt(25);
                StorescuRun run = StorescuRun.start(port, remaining, tmp.resolve("trial-" + trial + "-storescu-" + round + ".log"));
                if (kill) {
                    run.awaitResponses(killAfter, 600);
                    Thread.sleep(extraMillis);
                    node.kill();
                }
                Set<Path> ok = run.finish(600);
                acknowledged.addAll(ok);
                story.add((kill ? "killed after " + killAfter + "+" + extraMillis + " ms: " : "ran to the end: ") + ok.size()
                        + " acknowledged");
                if (!kill) {
                    assertThat(ok).as("the last round, without a kill, acknowledges all it sends (" + run.log() + ")")
                            .hasSize(remaining.size());
                }
            } finally {
                node.close();
            }
        }
        System.out.println("CrashTest trial " + trial + ": " + String.join("; ", story));
        assertThat(temporaryFiles(data)).as("temporary files after a clean stop").isEmpty();
        int missing = 0;
        List<String> problems = new ArrayList<>();
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            for (Path file : acknowledged) {
                Attributes source = DataSets.read(file);
                StoredInstance stored = archive.instance(source.getString(Tag.SOPInstanceUID)).orElse(null);
                if (stored == null || !Files.isRegularFile(stored.path())) {
                    missing++;
                    problems.add(file.getFileName() + ": acknowledged, missing (" + stored + ")");
                    continue;
                }
                String difference = DataSets.difference(DataSets.read(stored.path()), source);
                if (difference != null) {
                    problems.add(file.getFileName() + ": stored data set differs: " + difference);
                }
            }
            VerifyReport verify = archive.verify();
            assertThat(verify.clean()).as("Archive.verify(): " + verify).isTrue();
            assertThat(verify.checked()).as("indexed instances").isEqualTo(FILES.size());
        }
        System.out.println("CrashTest trial " + trial + ": acknowledged " + acknowledged.size() + ", acknowledged-but-missing "
                + missing);
        assertThat(problems).as("acknowledged instances missing or different").isEmpty();
        assertThat(acknowledged).hasSize(FILES.size());
    }

    private static List<Path> temporaryFiles(Path data) throws IOException {
        Path tmpDir = data.resolve("tmp");
        if (!Files.isDirectory(tmpDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(tmpDir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /** storescu as it runs: its verbose output read line by line, responses counted as they come. */
    static final class StorescuRun {
        private final Process process;
        private final Path log;
        private final AtomicInteger responses = new AtomicInteger();
        private final StringBuilder output = new StringBuilder();
        private final Thread reader;

        private StorescuRun(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.reader = new Thread(this::read, "storescu-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static StorescuRun start(int port, List<Path> files, Path log) throws IOException {
            List<String> command = new ArrayList<>(List.of(Peers.require("storescu").toString(), "-v", "-nh", "-xe",
                    "-aet", "STORESCU", "-aec", "LUMEN", "127.0.0.1", String.valueOf(port)));
            files.forEach(f -> command.add(f.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            return new StorescuRun(process, log);
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("Received Store Response")) {
                        synchronized (responses) {
                            responses.incrementAndGet();
                            responses.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // storescu ended
            }
        }

        /** Waits until storescu logged {@code n} responses (or ended). */
        void awaitResponses(int n, long timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            synchronized (responses) {
                while (responses.get() < n && process.isAlive()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new IllegalStateException("storescu logged " + responses.get() + " of " + n + " responses in "
                                + timeoutSeconds + " s");
                    }
                    responses.wait(Math.min(left, 200));
                }
            }
        }

        /** Waits for storescu to end; the files it saw acknowledged. */
        Set<Path> finish(long timeoutSeconds) throws InterruptedException, IOException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("storescu did not end within " + timeoutSeconds + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            String text;
            synchronized (output) {
                text = output.toString();
            }
            Files.writeString(log, text);
            Set<Path> ok = new LinkedHashSet<>();
            Storescu.parse(text).forEach((file, response) -> {
                if (response.startsWith("Success")) {
                    ok.add(file);
                }
            });
            return ok;
        }

        String log() {
            return log.toString();
        }
    }
}
