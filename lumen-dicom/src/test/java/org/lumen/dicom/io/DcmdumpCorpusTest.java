package org.lumen.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.testing.TestData;

/**
 * Proves the reader against dcmtk on every file of the shared corpus: what dcmdump prints (meta header and dataset: tags,
 * VRs, values, nesting, item and fragment counts) must be what {@link DicomReader} reads, except for the short committed
 * list of reasoned differences. Where dcmdump rejects a file, our reader must throw a {@link DicomParseException} naming
 * the file, offset and tag, unless the list says we read more than dcmtk (and then what we read must agree with a
 * reference run of dcmdump).
 *
 * <p>All dcmdump runs start when the cases are listed, two at a time, so that the cases mostly wait for finished output.
 */
class DcmdumpCorpusTest {
    private static final int PARALLEL_DUMPS = 2;
    private static final KnownDifferences KNOWN = KnownDifferences.load();
    private static final Map<Path, CompletableFuture<Dumps>> DUMPS = new ConcurrentHashMap<>();
    private static final AtomicInteger CASES_RUN = new AtomicInteger();
    private static final List<String> TOLERATED = new ArrayList<>();
    private static int corpusSize;
    private static ExecutorService pool;

    /** The dcmdump output for a file, and the reference run when dcmdump rejects it and we read more. */
    private record Dumps(Dcmdump.Output normal, Dcmdump.Output reference) {
    }

    private static final String NO_DCMDUMP = "dcmdump (dcmtk) is not on the PATH; install dcmtk to run the corpus comparison";

    static Stream<Arguments> corpus() {
        if (Dcmdump.executable().isEmpty() && !isCI()) {
            // One visible skipped case rather than a silently empty run.
            return Stream.of(Arguments.of("dcmdump not installed", null));
        }
        Path dcmdump = dcmdumpOrSkip();
        Path root = TestData.dicom("");
        List<Path> files = TestData.dicomCorpus();
        corpusSize = files.size();
        pool = Executors.newFixedThreadPool(PARALLEL_DUMPS, runnable -> {
            Thread thread = new Thread(runnable, "dcmdump");
            thread.setDaemon(true);
            return thread;
        });
        for (Path file : files) {
            String name = root.relativize(file).toString();
            DUMPS.put(file, CompletableFuture.supplyAsync(() -> dump(dcmdump, file, name), pool));
        }
        return files.stream().map(file -> Arguments.of(root.relativize(file).toString(), file));
    }

    /** dcmdump, or a skip outside CI and a failure under CI=true when it is not installed. */
    static Path dcmdumpOrSkip() {
        Optional<Path> dcmdump = Dcmdump.executable();
        if (dcmdump.isEmpty()) {
            if (isCI()) {
                fail(NO_DCMDUMP + " (CI=true: the comparison must run in CI)");
            }
            Assumptions.abort(NO_DCMDUMP);
        }
        return dcmdump.get();
    }

    private static boolean isCI() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Dumps dump(Path dcmdump, Path file, String name) {
        Dcmdump.Output normal = Dcmdump.run(dcmdump, file, List.of());
        if (!normal.rejected()) {
            return new Dumps(normal, null);
        }
        Optional<KnownDifferences.Entry> readsMore = KNOWN.entries().stream()
                .filter(e -> e.file().equals(name) && e.readsMore()).findFirst();
        if (readsMore.isEmpty()) {
            return new Dumps(normal, null);
        }
        Dcmdump.Output reference = switch (readsMore.get().reference()) {
            case IGNORE_ERRORS -> Dcmdump.run(dcmdump, file, List.of("+E"));
            case DATASET_AS_IMPLICIT -> dumpDatasetAsImplicit(dcmdump, file);
        };
        return new Dumps(normal, reference);
    }

    /** Writes the bytes after the meta header to a temporary file and dumps them as an implicit VR dataset. */
    private static Dcmdump.Output dumpDatasetAsImplicit(Path dcmdump, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int metaStart = 132;
            int datasetStart = metaStart + 12 + ByteUtils.i32(bytes, metaStart + 8, false);
            Path dataset = Files.createTempFile("lumen-dataset", ".dcm");
            try {
                Files.write(dataset, java.util.Arrays.copyOfRange(bytes, datasetStart, bytes.length));
                return Dcmdump.run(dcmdump, dataset, List.of("-f", "-ti"));
            } finally {
                Files.deleteIfExists(dataset);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsWhatDcmdumpReads(String name, Path file) throws Exception {
        if (file == null) {
            Assumptions.abort(NO_DCMDUMP);
        }
        CASES_RUN.incrementAndGet();
        Dumps dumps = DUMPS.get(file).get();
        Optional<KnownDifferences.Entry> readsMore = KNOWN.readsMore(name);
        if (dumps.normal().rejected() && readsMore.isEmpty()) {
            assertThatThrownBy(() -> DicomReader.read(file))
                    .as("dcmdump rejects %s (%s); our reader must reject it too", name, firstLine(dumps.normal().stderr()))
                    .isInstanceOf(DicomParseException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("at byte offset")
                    .hasMessageContaining("tag (");
            return;
        }
        DicomFile ours = DicomReader.read(file);
        List<String> differences = new ArrayList<>();
        if (readsMore.isPresent()) {
            assertThat(dumps.normal().rejected()).as("%s is listed as READS-MORE but dcmdump now accepts it", name).isTrue();
            assertThat(ours.warnings()).as("a file dcmdump rejects must give us a warning: %s", name).isNotEmpty();
            DumpTree reference = DumpTree.parse(dumps.reference().stdout());
            if (readsMore.get().reference() == KnownDifferences.Reference.IGNORE_ERRORS) {
                differences.addAll(prefixed("meta ", DumpComparison.compare(reference.meta(), ours.fileMeta())));
            }
            differences.addAll(DumpComparison.compare(reference.dataset(), ours.dataset()));
            synchronized (TOLERATED) {
                TOLERATED.add(name + ": " + ours.warnings());
            }
        } else {
            DumpTree tree = DumpTree.parse(dumps.normal().stdout());
            differences.addAll(prefixed("meta ", DumpComparison.compare(tree.meta(), ours.fileMeta())));
            differences.addAll(DumpComparison.compare(tree.dataset(), ours.dataset()));
        }
        List<String> unexplained = KNOWN.unexplained(name, differences);
        assertThat(unexplained).as("differences from dcmdump in %s (warnings: %s)", name, ours.warnings()).isEmpty();
    }

    private static List<String> prefixed(String prefix, List<String> differences) {
        return differences.stream().map(d -> prefix + d).toList();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    @AfterAll
    static void everyKnownDifferenceIsStillNeeded() {
        if (pool != null) {
            pool.shutdownNow();
        }
        TOLERATED.forEach(line -> System.out.println("read more than dcmdump: " + line));
        if (corpusSize > 0 && CASES_RUN.get() == corpusSize) {
            assertThat(KNOWN.unused()).as("entries of dcmdump-known-differences.tsv no longer needed: remove them").isEmpty();
        }
    }
}
