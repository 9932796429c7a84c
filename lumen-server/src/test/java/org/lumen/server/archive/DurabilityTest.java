package org.lumen.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

/**
 * kill -9 at random moments while another JVM stores instances: after each kill the archive reopens with every
 * acknowledged instance present and byte-identical, no temporary file left, and the index matching the files. Trials
 * accumulate in one archive, so each reopening also reconciles after the earlier crashes. LUMEN_CRASH_TRIALS sets the
 * number of trials (default 3; the long-test command uses 20).
 */
class DurabilityTest {
    @TempDir
    Path data;

    @Test
    void acknowledgedInstancesSurviveKillDashNine() throws Exception {
        int trials = Integer.parseInt(System.getenv().getOrDefault("LUMEN_CRASH_TRIALS", "3"));
        Path template = TestData.dicom("pydicom/test_files/CT_small.dcm");
        DicomFile templateFile = DicomReader.read(template, ReadOptions.INCLUDE_ALL);
        Random random = new Random(42);
        List<String> allAcked = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            String prefix = "2.25.4242." + trial;
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    DurabilityChild.class.getName(), data.toString(), template.toString(), prefix, "100000")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> acked = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch opened = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.equals("OPEN")) {
                            opened.countDown();
                        } else if (line.startsWith("ACK ")) {
                            acked.add(line.substring(4));
                        }
                    }
                } catch (java.io.IOException e) {
                    // the child was killed
                }
            });
            reader.start();
            assertThat(opened.await(60, TimeUnit.SECONDS)).as("child opened the archive").isTrue();
            // Kill at a random moment once the child is storing (a loaded machine can take a while for the first one).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked.isEmpty() && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(1500));
            child.destroyForcibly(); // SIGKILL on Linux
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(acked).as("trial " + trial + " acknowledged something before the kill").isNotEmpty();
            allAcked.addAll(acked);
            System.out.printf("trial %d: killed after %d acknowledged stores%n", trial, acked.size());

            try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
                for (String uid : allAcked) {
                    StoredInstance stored = archive.instance(uid).orElse(null);
                    assertThat(stored).as("acknowledged " + uid + " is indexed after kill -9").isNotNull();
                    byte[] file = Files.readAllBytes(stored.path());
                    byte[] expected = DurabilityChild.datasetBytes(templateFile, uid);
                    assertThat(Arrays.copyOfRange(file, file.length - expected.length, file.length))
                            .as("data set bytes of " + uid).isEqualTo(expected);
                }
                VerifyReport report = archive.verify();
                assertThat(report.mismatches()).isEmpty();
                assertThat(report.missing()).isEmpty();
                assertThat(report.unindexed()).isEmpty();
                try (Stream<Path> tmp = Files.list(data.resolve("tmp"))) {
                    assertThat(tmp).as("no temporary files after reopening").isEmpty();
                }
                try (Stream<Path> walk = Files.walk(data.resolve("files"))) {
                    assertThat(walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".dcm")))
                            .as("no partial files").isEmpty();
                }
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
