package org.lumen.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

/**
 * Every file of the shared corpus through {@link IncomingInstance#fromPart10} and {@link Archive#store}: each is stored
 * with its data set bytes unchanged (Part 10 files) or its data set equal (files without meta, which are parsed whole),
 * or refused with a reason; nothing else happens.
 */
class CorpusStoreTest {
    @TempDir
    Path data;

    @Test
    void everyCorpusFileIsStoredIdenticallyOrRefusedWithAReason() throws Exception {
        List<String> refused = new ArrayList<>();
        Set<String> sops = new HashSet<>();
        int stored = 0;
        try (Archive archive = Archive.open(ArchiveConfig.of(data).withDuplicatePolicy(DuplicatePolicy.REPLACE))) {
            for (Path file : TestData.dicomCorpus()) {
                StoreResult result;
                try (InputStream in = Files.newInputStream(file)) {
                    result = archive.store(IncomingInstance.fromPart10(in, "import"));
                } catch (StoreException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    refused.add(TestData.dataRoot().relativize(file) + ": " + e.reason() + " " + e.getMessage());
                    continue;
                }
                stored++;
                sops.add(result.instance().sopInstanceUid());
                Path copy = result.instance().path();
                byte[] original = Files.readAllBytes(file);
                byte[] ours = Files.readAllBytes(copy);
                int originalStart = datasetStart(original);
                if (originalStart > 0) {
                    assertThat(Arrays.copyOfRange(ours, datasetStart(ours), ours.length)).as("data set bytes of " + file)
                            .isEqualTo(Arrays.copyOfRange(original, originalStart, original.length));
                } else {
                    // No Part 10 header with group length: a bare data set is kept byte for byte; a preamble or meta
                    // without group length makes the archive re-encode the data set (group lengths are not written).
                    DicomFile a = DicomReader.read(file, ReadOptions.INCLUDE_ALL);
                    DicomFile b = DicomReader.read(copy, ReadOptions.INCLUDE_ALL);
                    if (!a.hasPreamble() && a.fileMeta().isEmpty()) {
                        assertThat(Arrays.copyOfRange(ours, datasetStart(ours), ours.length)).as("bare data set " + file).isEqualTo(original);
                        continue;
                    }
                    org.lumen.dicom.data.Attributes expected = a.dataset().deepCopy();
                    for (int tag : expected.tags()) {
                        if ((tag & 0xFFFF) == 0) {
                            expected.remove(tag);
                        }
                    }
                    assertThat(b.dataset().firstDifference(expected)).as("data set of " + file).isNull();
                }
                assertThat(DicomReader.read(copy, ReadOptions.HEADER_ONLY).fileMeta().getString(Tag.SendingApplicationEntityTitle))
                        .isEqualTo("import");
            }
            System.out.printf("corpus: %d stored (%d distinct SOP Instance UIDs), %d refused%n", stored, sops.size(), refused.size());
            refused.forEach(r -> System.out.println("  refused " + r));
            assertThat(stored).isGreaterThan(300);
            VerifyReport report = archive.verify();
            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.checked()).isEqualTo(sops.size());
        }
        assertThat(refused).allSatisfy(r -> assertThat(r).containsAnyOf("INVALID_DATASET", "has no"));
    }

    /** Where the data set starts in a Part 10 file with a group length, or -1 when it has no preamble and meta. */
    static int datasetStart(byte[] file) {
        if (file.length < 144 || file[128] != 'D' || file[129] != 'I' || file[130] != 'C' || file[131] != 'M'
                || file[132] != 2 || file[133] != 0 || file[134] != 0 || file[135] != 0) {
            return -1;
        }
        int length = (file[140] & 0xFF) | (file[141] & 0xFF) << 8 | (file[142] & 0xFF) << 16 | (file[143] & 0xFF) << 24;
        return 144 + length;
    }
}
