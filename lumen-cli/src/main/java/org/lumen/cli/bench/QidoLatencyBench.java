package org.lumen.cli.bench;

import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import org.lumen.server.config.NodeConfig;
import org.lumen.server.index.ArchiveIndex;
import org.lumen.server.index.SyntheticIndex;
import org.lumen.server.node.LumenNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code lumen bench qido}: QIDO-RS study-search latency over an index of N instances, end to end over HTTP on loopback
 * (routing, query, JSON). The index is a {@link SyntheticIndex} (filled once and kept in the data folder); a node serves
 * it and a mix of typical study searches, each with the default QIDO return keys and limit 100, is timed.
 */
@Command(name = "qido", mixinStandardHelpOptions = true,
        description = "QIDO-RS study-search latency p50/p95 over N synthetic indexed instances (embedded H2).")
public final class QidoLatencyBench implements Callable<Integer> {
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    @Spec
    CommandSpec spec;

    @Option(names = "--instances", defaultValue = "100000", description = "Indexed instances (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default target/bench-qido/<instances>); "
            + "kept between runs so a filled index is reused.")
    Path data;

    @Option(names = "--queries", defaultValue = "200", description = "Timed queries of each kind (default ${DEFAULT-VALUE}).")
    int queries;

    /** One kind of search: a name and the query string for a random draw. */
    private record Search(String name, Function<Random, String> query) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data != null ? data : Path.of("target", "bench-qido", Integer.toString(instances));
        SyntheticIndex.Shape shape = fill(dir, out);
        NodeConfig config = NodeConfig.defaults().withData(dir);
        config = config.withDicom(config.dicom().withPort(0)).withHttp(config.http().withPort(0));
        try (LumenNode node = LumenNode.start(config)) {
            String base = "http://127.0.0.1:" + node.httpPort() + "/dicom-web/studies?limit=100";
            HttpClient http = HttpClient.newHttpClient();
            List<Search> searches = searches(shape);
            Random random = new Random(42);
            for (int i = 0; i < 50; i++) {                          // warm-up, not timed
                for (Search search : searches) {
                    get(http, base + search.query().apply(random));
                }
            }
            Map<String, double[]> millis = new LinkedHashMap<>();
            double[] all = new double[queries * searches.size()];
            for (Search search : searches) {
                millis.put(search.name(), new double[queries]);
            }
            int n = 0;
            for (int i = 0; i < queries; i++) {                      // interleaved, so that no kind gets a quiet minute
                for (Search search : searches) {
                    String url = base + search.query().apply(random);
                    long t0 = System.nanoTime();
                    get(http, url);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    millis.get(search.name())[i] = ms;
                    all[n++] = ms;
                }
            }
            out.printf("# QIDO-RS study search over HTTP: %,d instances, %,d series, %,d studies, %,d patients (embedded H2);"
                    + " %d queries of each kind, limit 100%n", shape.instances(), shape.series(), shape.studies(),
                    shape.patients(), queries);
            out.printf("%-40s %8s %8s %8s%n", "query", "p50 ms", "p95 ms", "max ms");
            millis.forEach((name, values) -> row(out, name, values));
            row(out, "all", all);
        }
        return 0;
    }

    private static List<Search> searches(SyntheticIndex.Shape shape) {
        List<Search> searches = new ArrayList<>();
        searches.add(new Search("(no key: first page)", r -> ""));
        searches.add(new Search("PatientID=P<n>", r -> "&PatientID=P" + (1 + r.nextInt(shape.patients()))));
        searches.add(new Search("PatientName=DOE<n>*", r -> "&PatientName=DOE" + (1 + r.nextInt(shape.patients())) + "*"));
        searches.add(new Search("StudyDate=<one month>", r -> {
            LocalDate from = FIRST_DAY.plusDays(r.nextInt(SyntheticIndex.DATE_SPAN_DAYS - 31));
            return "&StudyDate=" + DA.format(from) + "-" + DA.format(from.plusDays(30));
        }));
        searches.add(new Search("ModalitiesInStudy=MR&StudyDate=<3 months>", r -> {
            LocalDate from = FIRST_DAY.plusDays(r.nextInt(SyntheticIndex.DATE_SPAN_DAYS - 92));
            return "&ModalitiesInStudy=MR&StudyDate=" + DA.format(from) + "-" + DA.format(from.plusDays(91));
        }));
        searches.add(new Search("AccessionNumber=ACC<s>", r -> "&AccessionNumber=ACC" + (1 + r.nextInt(shape.studies()))));
        searches.add(new Search("StudyInstanceUID=<uid>", r -> "&StudyInstanceUID=" + SyntheticIndex.STUDY_UID_ROOT
                + (1 + r.nextInt(shape.studies()))));
        searches.add(new Search("offset=<n> (browsing)", r -> "&offset=" + r.nextInt(Math.max(1, shape.studies() - 100))));
        return searches;
    }

    private SyntheticIndex.Shape fill(Path dir, PrintWriter out) throws Exception {
        ArchiveConfig archiveConfig = ArchiveConfig.of(dir);
        Archive.open(archiveConfig).close();                       // creates the folders and migrates the schema
        try (ArchiveIndex index = ArchiveIndex.open(archiveConfig.effectiveJdbcUrl(), null, null, 2, dir.toAbsolutePath())) {
            SyntheticIndex.Shape shape = SyntheticIndex.Shape.of(instances);
            long present = index.countInstances();
            if (present == shape.instances()) {
                out.printf("index already holds %,d instances%n", present);
                return shape;
            }
            if (present > 0) {
                throw new IllegalStateException(dir + " holds " + present + " instances, not " + shape.instances()
                        + ": remove it or pass another --data");
            }
            long t0 = System.nanoTime();
            SyntheticIndex.fill(index, instances);
            out.printf("filled %,d instances in %.0f s%n", shape.instances(), (System.nanoTime() - t0) / 1e9);
            return shape;
        }
    }

    private static void row(PrintWriter out, String name, double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        out.printf("%-40s %8.1f %8.1f %8.1f%n", name, percentile(sorted, 0.50), percentile(sorted, 0.95),
                sorted[sorted.length - 1]);
        out.flush();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/dicom+json").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }
}
