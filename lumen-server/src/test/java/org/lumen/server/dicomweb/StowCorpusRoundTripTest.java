package org.lumen.server.dicomweb;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.json.DicomJsonReader;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STOW-RS of the whole shared corpus, one request a file, then WADO-RS of every stored instance as stored: the data set
 * that comes back equals the file's. Files the archive refuses get a failure reason (never a 5xx), and are only those that
 * cannot be stored: not DICOM, or without the UIDs an instance needs.
 */
class StowCorpusRoundTripTest {

    @Test
    void everyCorpusFileStowedComesBackIdenticalThroughWadoRs(@TempDir Path storage) throws Exception {
        try (Archive archive = Archive.open(ArchiveConfig.of(storage))) {
            Javalin app = Javalin.create(cfg -> DicomWebRoutes.register(cfg, new ArchiveBackend(archive),
                    DicomWebConfig.DEFAULT)).start("127.0.0.1", 0);
            try {
                WebClient client = new WebClient("http://127.0.0.1:" + app.port() + "/dicom-web");
                Set<String> seenUids = new HashSet<>();
                List<String> refused = new ArrayList<>();
                List<String> unaddressable = new ArrayList<>();
                int compared = 0;
                for (Path file : TestData.dicomCorpus()) {
                    WebClient.Body body = WebClient.stowBody(List.of(Files.readAllBytes(file)));
                    HttpResponse<byte[]> r = client.post("/studies", body.bytes(), "Content-Type", body.contentType(),
                            "Accept", "application/dicom+json");
                    assertThat(r.statusCode()).as(file.toString()).isIn(200, 202, 409);
                    Attributes result = new DicomJsonReader().read(new String(r.body(), StandardCharsets.UTF_8));
                    Sequence failed = result.getSequence(Tag.FailedSOPSequence);
                    if (failed != null && !failed.isEmpty()) {
                        assertThat(failed.get(0).getInt(Tag.FailureReason, -1)).as(file.toString()).isPositive();
                        assertThat(cannotBeAnInstance(file)).as(file + " refused though it is a storable instance")
                                .isTrue();
                        refused.add(file.toString());
                        continue;
                    }
                    DicomFile original = DicomReader.read(file, ReadOptions.INCLUDE_ALL);
                    Attributes ds = original.dataset();
                    if (!seenUids.add(ds.getString(Tag.SOPInstanceUID))) {
                        continue;                                  // a second file with the same UID: the first is kept
                    }
                    if (!validUids(ds)) {
                        // Stored as received, but WADO-RS paths take only valid UIDs (400 names the bad one), e.g.
                        // pydicom-data/bad_sequence.dcm whose "UIDs" are hex digests.
                        unaddressable.add(file.toString());
                        continue;
                    }
                    HttpResponse<byte[]> back = client.get("/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/"
                            + ds.getString(Tag.SeriesInstanceUID) + "/instances/" + ds.getString(Tag.SOPInstanceUID),
                            "Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
                    assertThat(back.statusCode()).as(file.toString()).isEqualTo(200);
                    DicomFile returned = DicomReader.read(WebClient.parts(back).get(0).body(), "wado",
                            ReadOptions.INCLUDE_ALL);
                    assertThat(returned.dataset().firstDifference(ds)).as(file.toString()).isNull();
                    compared++;
                }
                System.out.printf("STOW-RS/WADO-RS corpus round trip: %d instances identical, %d files refused, %d with"
                        + " invalid UIDs not addressable by WADO-RS %s%n", compared, refused.size(), unaddressable.size(),
                        unaddressable);
                assertThat(unaddressable.size()).isLessThan(5);
                assertThat(compared).isGreaterThan(200);   // 217 distinct SOP Instance UIDs in the corpus today
            } finally {
                app.stop();
            }
        }
    }

    /** Not DICOM, truncated, a DICOMDIR, or without the SOP/Study/Series Instance UIDs an archived instance needs. */
    private static boolean cannotBeAnInstance(Path file) {
        try {
            Attributes ds = DicomReader.read(file, ReadOptions.INCLUDE_ALL).dataset();   // a truncated file throws
            return ds.contains(Tag.DirectoryRecordSequence) || blank(ds.getString(Tag.SOPInstanceUID))
                    || blank(ds.getString(Tag.StudyInstanceUID)) || blank(ds.getString(Tag.SeriesInstanceUID))
                    || blank(ds.getString(Tag.SOPClassUID));
        } catch (Exception notDicom) {
            return true;
        }
    }

    private static boolean validUids(Attributes ds) {
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID}) {
            if (!ds.getString(tag).trim().matches("[0-9]+(\\.[0-9]+)*")) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
