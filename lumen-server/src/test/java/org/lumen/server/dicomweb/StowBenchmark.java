package org.lumen.server.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.WriteOptions;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import org.lumen.dicom.testing.OrthancPeer;

/**
 * STOW-RS ingest, Lumen (archive on embedded H2) against Orthanc 1.10.1's DICOMweb plugin (default SQLite index), same
 * machine, same instances: copies of CT_small.dcm with fresh UIDs, sent in requests of {@value #PER_REQUEST} by one
 * client. Not part of the test run (tag "benchmark"); run with
 * {@code mvn -o -pl lumen-server test -Dtest=StowBenchmark -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StowBenchmark {
    static final int INSTANCES = Integer.getInteger("stow.instances", 1000);
    static final int PER_REQUEST = 50;

    @TempDir
    Path storage;

    @Test
    void stowIngestLumenAgainstOrthanc() throws Exception {
        List<byte[]> instances = copies(INSTANCES);
        // Warm-up (JIT, class loading, H2) on a throwaway archive, so that the order of the runs does not decide.
        try (Archive warm = Archive.open(ArchiveConfig.of(storage.resolve("warm-up")))) {
            Javalin app = Javalin.create(cfg -> DicomWebRoutes.register(cfg, warm, DicomWebConfig.DEFAULT)).start("127.0.0.1", 0);
            try {
                run("http://127.0.0.1:" + app.port() + "/dicom-web/studies", copies(300));
            } finally {
                app.stop();
            }
        }
        double lumen;
        try (Archive archive = Archive.open(ArchiveConfig.of(storage.resolve("lumen")))) {
            Javalin app = Javalin.create(cfg -> DicomWebRoutes.register(cfg, new ArchiveBackend(archive), DicomWebConfig.DEFAULT))
                    .start("127.0.0.1", 0);
            try {
                lumen = run("http://127.0.0.1:" + app.port() + "/dicom-web/studies", instances);
            } finally {
                app.stop();
            }
        }
        double direct;
        List<byte[]> again = copies(INSTANCES);
        try (Archive archive = Archive.open(ArchiveConfig.of(storage.resolve("direct")))) {
            long start = System.nanoTime();
            for (byte[] instance : again) {
                archive.store(org.lumen.server.archive.IncomingInstance.fromPart10(new java.io.ByteArrayInputStream(instance), "bench"));
            }
            direct = again.size() / ((System.nanoTime() - start) / 1e9);
        }
        double orthanc;
        try (OrthancPeer peer = OrthancPeer.start()) {
            orthanc = run(peer.baseUrl() + "/dicom-web/studies", instances);
        }
        System.out.printf("STOW-RS ingest, %d x CT_small (%d KB), %d per request, 1 client: Lumen %.0f instances/s, "
                + "Orthanc %.0f instances/s, ratio %.2f (Archive.store alone, no HTTP: %.0f instances/s)%n", INSTANCES,
                instances.get(0).length / 1024, PER_REQUEST, lumen, orthanc, lumen / orthanc, direct);
    }

    private static double run(String url, List<byte[]> instances) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        for (int i = 0; i < instances.size(); i += PER_REQUEST) {
            WebClient.Body body = WebClient.stowBody(instances.subList(i, Math.min(instances.size(), i + PER_REQUEST)));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                    .header("Content-Type", body.contentType()).header("Accept", "application/dicom+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        return instances.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static List<byte[]> copies(int n) throws Exception {
        DicomFile file = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"), ReadOptions.INCLUDE_ALL);
        List<byte[]> out = new ArrayList<>(n);
        String root = "2.25." + System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            Attributes ds = file.dataset().deepCopy();
            ds.setString(org.lumen.dicom.data.Tag.StudyInstanceUID, VR.UI, root + ".1." + (i / 100));
            ds.setString(org.lumen.dicom.data.Tag.SeriesInstanceUID, VR.UI, root + ".2." + (i / 100));
            ds.setString(org.lumen.dicom.data.Tag.SOPInstanceUID, VR.UI, root + ".3." + i);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DicomWriter.write(bytes, null, ds, file.transferSyntax().uid(), WriteOptions.DEFAULT);
            out.add(bytes.toByteArray());
        }
        return out;
    }
}
