package org.lumen.server.archive;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.server.index.ArchiveIndex;
import org.lumen.server.index.SyntheticIndex;

/**
 * Figures for the README (not part of the test run):
 * <pre>
 *   store   DIR TEMPLATE N THREADS   store N generated instances, print instances/s
 *   query   DIR INSTANCES            fill an H2 index with INSTANCES synthetic rows (10/series, 2 series/study,
 *                                    2 studies/patient), then time QIDO-like study searches, print p50/p95
 * </pre>
 */
public final class ArchiveBenchmark {
    private ArchiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "store" -> store(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "query" -> query(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("store or query");
        }
    }

    static void store(Path dir, Path template, int n, int threads) throws Exception {
        DicomFile file = DicomReader.read(template, ReadOptions.INCLUDE_ALL);
        List<byte[]> datasets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            datasets.add(DurabilityChild.datasetBytes(file, "2.25.777." + i));
        }
        String sopClass = file.dataset().getString(Tag.SOPClassUID);
        try (Archive archive = Archive.open(ArchiveConfig.of(dir))) {
            // warm-up
            for (int i = 0; i < Math.min(50, n); i++) {
                archive.store(new IncomingInstance(file.transferSyntax().uid(), sopClass, "2.25.778." + i, "BENCH",
                        new ByteArrayInputStream(DurabilityChild.datasetBytes(file, "2.25.778." + i))));
            }
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        archive.store(new IncomingInstance(file.transferSyntax().uid(), sopClass, "2.25.777." + i, "BENCH",
                                new ByteArrayInputStream(datasets.get(i))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("store: %d instances of %d bytes, %d threads: %.1f s, %.0f instances/s%n", n, datasets.get(0).length,
                    threads, seconds, n / seconds);
        }
    }

    static void query(Path dir, int instances) throws Exception {
        SyntheticIndex.Shape size = SyntheticIndex.Shape.of(instances);
        int series = size.series();
        int studies = size.studies();
        int patients = size.patients();
        ArchiveConfig config = ArchiveConfig.of(dir);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try (ArchiveIndex index = ArchiveIndex.open(config.effectiveJdbcUrl(), null, null, 2, dir.toAbsolutePath())) {
            if (index.countInstances() > 0) {
                System.out.println("index already filled with " + index.countInstances() + " instances; timing queries only");
            } else {
                SyntheticIndex.fill(index, instances);
            }
        }
        System.out.printf("filled %d instances, %d series, %d studies, %d patients in %.1f s%n", instances, series, studies,
                patients, (System.nanoTime() - t0) / 1e9);
        Random random = new Random(7);
        try (Archive archive = Archive.open(config)) {
            String[][] shapes = {
                    {"all studies, limit 100"},
                    {"PatientID", "P%d"},
                    {"PatientName wildcard", "DOE%d*"},
                    {"StudyDate month range", "range"},
                    {"ModalitiesInStudy=MR", "MR"},
                    {"AccessionNumber", "ACC%d"},
                    {"StudyInstanceUID", "1.2.826.0.1.3680043.10.1.%d"},
                    {"offset 1000 limit 100"},
                    {"SERIES of one study"},
                    {"IMAGE of one study"},
                    {"IMAGE of one series"}};
            for (int round = 0; round < 2; round++) {
                boolean measure = round == 1;
                for (String[] shape : shapes) {
                    long[] times = new long[measure ? 200 : 50];
                    int results = 0;
                    for (int i = 0; i < times.length; i++) {
                        Attributes keys = qidoStudyKeys();
                        QueryOptions options = QueryOptions.DEFAULT.withLimit(100);
                        int p = 1 + random.nextInt(patients);
                        int s = 1 + random.nextInt(studies);
                        switch (shape[0]) {
                            case "PatientID" -> keys.setString(Tag.PatientID, VR.LO, String.format(shape[1], p));
                            case "PatientName wildcard" -> keys.setString(Tag.PatientName, VR.PN, String.format(shape[1], p));
                            case "StudyDate month range" -> {
                                java.time.LocalDate from = java.time.LocalDate.of(2000, 1, 1).plusDays(random.nextInt(8970));
                                keys.setString(Tag.StudyDate, VR.DA, org.lumen.dicom.data.DicomDates.formatDate(from) + "-"
                                        + org.lumen.dicom.data.DicomDates.formatDate(from.plusDays(30)));
                            }
                            case "ModalitiesInStudy=MR" -> keys.setString(Tag.ModalitiesInStudy, VR.CS, "MR");
                            case "AccessionNumber" -> keys.setString(Tag.AccessionNumber, VR.SH, String.format(shape[1], s));
                            case "StudyInstanceUID" -> keys.setString(Tag.StudyInstanceUID, VR.UI, String.format(shape[1], s));
                            case "offset 1000 limit 100" -> options = options.withOffset(1000);
                            default -> { }
                        }
                        QueryLevel level = QueryLevel.STUDY;
                        if (shape[0].startsWith("SERIES") || shape[0].startsWith("IMAGE")) {
                            keys = new Attributes();
                            keys.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1." + s);
                            keys.setNull(Tag.SeriesInstanceUID, VR.UI);
                            keys.setNull(Tag.Modality, VR.CS);
                            keys.setNull(Tag.SeriesNumber, VR.IS);
                            level = shape[0].startsWith("SERIES") ? QueryLevel.SERIES : QueryLevel.IMAGE;
                            if (level == QueryLevel.IMAGE) {
                                keys.setNull(Tag.SOPInstanceUID, VR.UI);
                                keys.setNull(Tag.SOPClassUID, VR.UI);
                                keys.setNull(Tag.InstanceNumber, VR.IS);
                            }
                            if (shape[0].endsWith("series")) {
                                keys.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.2." + (2 * s));
                            }
                            options = QueryOptions.DEFAULT;
                        }
                        long start = System.nanoTime();
                        results += (int) archive.find(level, keys, options).count();
                        times[i] = System.nanoTime() - start;
                    }
                    if (measure) {
                        Arrays.sort(times);
                        System.out.printf("%-28s p50 %6.2f ms  p95 %6.2f ms  (%.1f results/query)%n", shape[0],
                                times[times.length / 2] / 1e6, times[times.length * 95 / 100] / 1e6, results / (double) times.length);
                    }
                }
            }
        }
    }

    /** The attributes QIDO-RS returns by default for studies. */
    static Attributes qidoStudyKeys() {
        Attributes keys = new Attributes();
        for (int tag : new int[] {Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.ModalitiesInStudy,
                Tag.ReferringPhysicianName, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
                Tag.StudyInstanceUID, Tag.StudyID, Tag.NumberOfStudyRelatedSeries, Tag.NumberOfStudyRelatedInstances}) {
            keys.setNull(tag, org.lumen.dicom.dict.ElementDictionary.standard().vrOf(tag));
        }
        return keys;
    }
}
