package org.lumen.cli.bench;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import org.lumen.server.archive.DuplicatePolicy;
import org.lumen.server.config.NodeConfig;
import org.lumen.server.index.ArchiveIndex;
import org.lumen.server.index.IndexedInstance;
import org.lumen.server.node.LumenNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * {@code lumen bench qido}: QIDO-RS study-search latency over an index of N instances. The index is filled with synthetic
 * rows through the archive's own index code (50 instances a study: 5 series of 10; about 1.5 studies a patient; study
 * dates over ten years; five modalities), then a node serves it and a mix of typical study searches is timed over HTTP on
 * loopback: patient ID, patient name prefix, date range, accession, modality + date range, study UID, and browsing pages.
 */
@Command(name = "qido", mixinStandardHelpOptions = true,
        description = "QIDO-RS study-search latency p50/p95 over N synthetic indexed instances.")
public final class QidoLatencyBench implements Callable<Integer> {
    private static final String[] SURNAMES = {"SMITH", "JONES", "GARCIA", "MULLER", "ROSSI", "DUBOIS", "NOVAK", "SILVA",
            "KOWALSKI", "TANAKA", "NGUYEN", "OKAFOR", "HANSEN", "PETROV", "COHEN", "SINGH"};
    private static final String[] MODALITIES = {"CT", "MR", "CR", "US", "DX"};
    private static final int INSTANCES_PER_SERIES = 10;
    private static final int SERIES_PER_STUDY = 5;
    private static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);

    @Spec
    CommandSpec spec;

    @Option(names = "--instances", defaultValue = "100000", description = "Indexed instances (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default target/bench-qido/<instances>); "
            + "kept between runs so a filled index is reused.")
    Path data;

    @Option(names = "--queries", defaultValue = "700", description = "Timed queries (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--fill-threads", defaultValue = "2", description = "Threads filling the index (default ${DEFAULT-VALUE}).")
    int fillThreads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data != null ? data : Path.of("target", "bench-qido", Integer.toString(instances));
        int studies = Math.max(1, instances / (INSTANCES_PER_SERIES * SERIES_PER_STUDY));
        fill(dir, studies, out);
        NodeConfig config = NodeConfig.defaults().withData(dir);
        config = config.withDicom(config.dicom().withPort(0)).withHttp(config.http().withPort(0));
        try (LumenNode node = LumenNode.start(config)) {
            String base = "http://127.0.0.1:" + node.httpPort() + "/dicom-web/studies";
            Map<String, IntFunction<String>> mix = queryMix(studies);
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(42);
            List<String> names = new ArrayList<>(mix.keySet());
            for (int i = 0; i < 150; i++) {                     // warm-up, not timed
                get(http, base + mix.get(names.get(i % names.size())).apply(random.nextInt(studies)));
            }
            Map<String, List<Double>> millis = new LinkedHashMap<>();
            names.forEach(n -> millis.put(n, new ArrayList<>()));
            List<Double> all = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                String name = names.get(i % names.size());
                String url = base + mix.get(name).apply(random.nextInt(studies));
                long t0 = System.nanoTime();
                get(http, url);
                double ms = (System.nanoTime() - t0) / 1e6;
                millis.get(name).add(ms);
                all.add(ms);
            }
            out.printf("# QIDO-RS study search: %,d instances (%,d studies) indexed in embedded H2; %d timed queries%n",
                    (long) studies * SERIES_PER_STUDY * INSTANCES_PER_SERIES, studies, queries);
            out.printf("%-36s %8s %8s %8s%n", "query", "p50 ms", "p95 ms", "max ms");
            millis.forEach((name, values) -> row(out, name, values));
            row(out, "all", all);
        }
        return 0;
    }

    private static void row(PrintWriter out, String name, List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf("%-36s %8.1f %8.1f %8.1f%n", name, percentile(sorted, 0.50), percentile(sorted, 0.95),
                sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/dicom+json").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Map<String, IntFunction<String>> queryMix(int studies) {
        DateTimeFormatter da = DateTimeFormatter.BASIC_ISO_DATE;
        Map<String, IntFunction<String>> mix = new LinkedHashMap<>();
        mix.put("PatientID=<id>", s -> "?PatientID=" + patientId(patientOf(s)));
        mix.put("PatientName=<prefix>*", s -> "?PatientName=" + SURNAMES[s % SURNAMES.length].substring(0, 3) + "*&limit=100");
        mix.put("StudyDate=<one month>", s -> "?StudyDate=" + da.format(studyDate(s).withDayOfMonth(1)) + "-"
                + da.format(studyDate(s).withDayOfMonth(1).plusMonths(1).minusDays(1)) + "&limit=100");
        mix.put("AccessionNumber=<acc>", s -> "?AccessionNumber=" + accession(s));
        mix.put("ModalitiesInStudy=<m>&StudyDate=<3 m>", s -> "?ModalitiesInStudy=" + MODALITIES[s % MODALITIES.length]
                + "&StudyDate=" + da.format(studyDate(s).withDayOfMonth(1)) + "-"
                + da.format(studyDate(s).withDayOfMonth(1).plusMonths(3)) + "&limit=100");
        mix.put("StudyInstanceUID=<uid>", s -> "?StudyInstanceUID=" + studyUid(s));
        mix.put("limit=100&offset=<n> (browse)", s -> "?limit=100&offset=" + (s % Math.max(1, studies - 100)));
        return mix;
    }

    private void fill(Path dir, int studies, PrintWriter out) throws Exception {
        ArchiveConfig archiveConfig = ArchiveConfig.of(dir).withDuplicatePolicy(DuplicatePolicy.KEEP);
        Archive.open(archiveConfig).close();                   // creates the folders and migrates the schema
        try (ArchiveIndex index = ArchiveIndex.open(archiveConfig.effectiveJdbcUrl(), null, null, fillThreads + 1,
                dir.toAbsolutePath())) {
            long present = index.countInstances();
            long wanted = (long) studies * SERIES_PER_STUDY * INSTANCES_PER_SERIES;
            if (present >= wanted) {
                out.printf("index already holds %,d instances%n", present);
                return;
            }
            if (present > 0) {
                throw new IllegalStateException(dir + " holds " + present + " instances, not " + wanted
                        + ": remove it or pass another --data");
            }
            // Filling is not what is measured: let H2 group its writes (the archive itself writes at every commit).
            index.jdbi().useHandle(h -> h.execute("SET WRITE_DELAY 1000"));
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(fillThreads);
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < fillThreads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int s = first; s < studies; s += fillThreads) {
                        fillStudy(index, s);
                        if (first == 0 && s % 1000 == 0) {
                            out.printf("filled %,d of %,d studies%n", s, studies);
                            out.flush();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            pool.shutdown();
            out.printf("filled %,d instances in %.0f s%n", wanted, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void fillStudy(ArchiveIndex index, int s) {
        Instant now = Instant.now();
        List<IndexedInstance> rows = new ArrayList<>(SERIES_PER_STUDY * INSTANCES_PER_SERIES);
        for (int se = 0; se < SERIES_PER_STUDY; se++) {
            for (int i = 0; i < INSTANCES_PER_SERIES; i++) {
                Attributes ds = new Attributes();
                int patient = patientOf(s);
                ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
                ds.setString(Tag.PatientID, VR.LO, patientId(patient));
                ds.setString(Tag.PatientName, VR.PN, SURNAMES[s % SURNAMES.length] + "^PATIENT" + patient);
                ds.setString(Tag.PatientBirthDate, VR.DA, "19" + (40 + patient % 60) + "0101");
                ds.setString(Tag.PatientSex, VR.CS, patient % 2 == 0 ? "F" : "M");
                ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid(s));
                ds.setString(Tag.StudyDate, VR.DA, DateTimeFormatter.BASIC_ISO_DATE.format(studyDate(s)));
                ds.setString(Tag.StudyTime, VR.TM, String.format("%02d%02d00", 7 + s % 12, s % 60));
                ds.setString(Tag.AccessionNumber, VR.SH, accession(s));
                ds.setString(Tag.StudyID, VR.SH, Integer.toString(s));
                ds.setString(Tag.StudyDescription, VR.LO, MODALITIES[s % MODALITIES.length] + " study");
                ds.setString(Tag.ReferringPhysicianName, VR.PN, "REFERRER^" + (s % 40));
                ds.setString(Tag.SeriesInstanceUID, VR.UI, studyUid(s) + "." + (se + 1));
                ds.setString(Tag.Modality, VR.CS, MODALITIES[s % MODALITIES.length]);
                ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(se + 1));
                ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
                String sop = studyUid(s) + "." + (se + 1) + "." + (i + 1);
                ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
                ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(i + 1));
                rows.add(IndexedInstance.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "files/synthetic/" + sop,
                        1000, "0".repeat(64), now, "BENCH"));
            }
        }
        index.commitNew(rows);
    }

    private static int patientOf(int study) {
        return study * 2 / 3;
    }

    private static String patientId(int patient) {
        return String.format("P%07d", patient);
    }

    private static String accession(int study) {
        return String.format("ACC%08d", study);
    }

    private static String studyUid(int study) {
        return "1.2.826.0.1.3680043.10.1234." + (study + 1);
    }

    private static LocalDate studyDate(int study) {
        return FIRST_DAY.plusDays((study * 37L) % 3650);
    }
}
