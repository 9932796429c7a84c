package org.lumen.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

/** Parallel stores into the same new studies and series (the C-STORE case of several associations): counts stay exact. */
class ConcurrentStoreTest {
    @TempDir
    Path data;

    @Test
    void parallelStoresIntoTheSameStudiesKeepExactCounts() throws Exception {
        DicomFile template = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"), ReadOptions.INCLUDE_ALL);
        String sopClass = template.dataset().getString(Tag.SOPClassUID);
        int n = 120; // uids 2.25.99.i: 10 per series, 100 per study -> 2 studies, 12 series
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<StoreResult>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String uid = "2.25.99." + i;
                byte[] bytes = DurabilityChild.datasetBytes(template, uid);
                results.add(pool.submit(() -> archive.store(new IncomingInstance(template.transferSyntax().uid(), sopClass, uid,
                        "PAR", new ByteArrayInputStream(bytes)))));
            }
            // The same instances again, concurrently: KEEP answers with the stored copy, nothing is added.
            for (int i = 0; i < n; i += 7) {
                String uid = "2.25.99." + i;
                byte[] bytes = DurabilityChild.datasetBytes(template, uid);
                results.add(pool.submit(() -> archive.store(new IncomingInstance(template.transferSyntax().uid(), sopClass, uid,
                        "PAR", new ByteArrayInputStream(bytes)))));
            }
            for (Future<StoreResult> f : results) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Attributes keys = new Attributes();
            keys.setNull(Tag.StudyInstanceUID, VR.UI);
            keys.setNull(Tag.NumberOfStudyRelatedSeries, VR.IS);
            keys.setNull(Tag.NumberOfStudyRelatedInstances, VR.IS);
            List<Attributes> studies = archive.find(QueryLevel.STUDY, keys, QueryOptions.DEFAULT).toList();
            assertThat(studies).hasSize(2);
            assertThat(studies).extracting(a -> a.getString(Tag.NumberOfStudyRelatedInstances)).containsExactlyInAnyOrder("100", "20");
            assertThat(studies).extracting(a -> a.getString(Tag.NumberOfStudyRelatedSeries)).containsExactlyInAnyOrder("10", "2");
            Attributes seriesKeys = new Attributes();
            seriesKeys.setNull(Tag.NumberOfSeriesRelatedInstances, VR.IS);
            assertThat(archive.find(QueryLevel.SERIES, seriesKeys, QueryOptions.DEFAULT).map(a -> a.getString(Tag.NumberOfSeriesRelatedInstances)))
                    .hasSize(12).containsOnly("10");
            VerifyReport report = archive.verify();
            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.checked()).isEqualTo(n);
        }
    }
}
