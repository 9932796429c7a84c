package org.lumen.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;

class ArchiveMaintenanceTest {
    @TempDir
    Path data;

    static final List<String> FILES = List.of("test_files/CT_small.dcm", "test_files/MR_small.dcm", "test_files/JPEG2000.dcm",
            "test_files/rtplan.dcm");

    private void storeAll(Archive archive) throws Exception {
        for (String f : FILES) {
            ArchiveStoreTest.storeFile(archive, TestData.dicom("pydicom/" + f));
        }
    }

    @Test
    void studyStableFiresOnceAfterTheQuietTime() throws Exception {
        List<String> stable = new CopyOnWriteArrayList<>();
        List<Long> firedAt = new CopyOnWriteArrayList<>();
        try (Archive archive = Archive.open(ArchiveConfig.of(data).withStudyStable(Duration.ofMillis(600)))) {
            archive.onStudyStable(uid -> {
                stable.add(uid);
                firedAt.add(System.nanoTime());
            });
            long start = System.nanoTime();
            StoredInstance ct = ArchiveStoreTest.storeFile(archive, TestData.dicom("pydicom/test_files/CT_small.dcm")).instance();
            Thread.sleep(300);
            assertThat(stable).as("not yet quiet for 600 ms").isEmpty();
            // A second study keeps arriving: its instances restart its own clock only.
            StoredInstance mr = ArchiveStoreTest.storeFile(archive, TestData.dicom("pydicom/test_files/MR_small.dcm")).instance();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (stable.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(stable).containsExactly(ct.studyInstanceUid(), mr.studyInstanceUid());
            assertThat(firedAt.get(0) - start).isGreaterThanOrEqualTo(Duration.ofMillis(600).toNanos());
            Thread.sleep(800);
            assertThat(stable).as("fires once per quiet period").hasSize(2);
        }
    }

    @Test
    void reindexRebuildsTheSameIndexFromTheFiles() throws Exception {
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            storeAll(archive);
            List<StoredInstance> before = archive.instances(
                    archive.instance(sop(archive, "CT")).orElseThrow().studyInstanceUid(), null, null);
            ReindexReport report = archive.reindex();
            assertThat(report.files()).isEqualTo(FILES.size());
            assertThat(report.indexed()).isEqualTo(FILES.size());
            assertThat(report.problems()).isEmpty();
            List<StoredInstance> after = archive.instances(before.get(0).studyInstanceUid(), null, null);
            assertThat(after).hasSize(1);
            assertThat(after.get(0).sha256()).isEqualTo(before.get(0).sha256());
            assertThat(after.get(0).path()).isEqualTo(before.get(0).path());
            assertThat(archive.find(QueryLevel.STUDY, new org.lumen.dicom.data.Attributes(), QueryOptions.DEFAULT)).hasSize(FILES.size());
            assertThat(archive.verify().clean()).isTrue();
        }
    }

    private static String sop(Archive archive, String modality) {
        org.lumen.dicom.data.Attributes keys = new org.lumen.dicom.data.Attributes();
        keys.setString(org.lumen.dicom.data.Tag.Modality, org.lumen.dicom.data.VR.CS, modality);
        return archive.find(QueryLevel.IMAGE, keys, QueryOptions.DEFAULT).findFirst().orElseThrow()
                .getString(org.lumen.dicom.data.Tag.SOPInstanceUID);
    }

    @Test
    void verifyReportsChangedMissingAndUnindexedFiles() throws Exception {
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            storeAll(archive);
            assertThat(archive.verify().clean()).isTrue();
            assertThat(archive.verify().checked()).isEqualTo(FILES.size());
            StoredInstance ct = archive.instance(sop(archive, "CT")).orElseThrow();
            StoredInstance mr = archive.instance(sop(archive, "MR")).orElseThrow();
            byte[] bytes = Files.readAllBytes(ct.path());
            bytes[bytes.length - 1] ^= 1;
            Files.write(ct.path(), bytes);
            Files.delete(mr.path());
            Path stray = ct.path().resolveSibling("stray.dcm");
            Files.copy(TestData.dicom("pydicom/test_files/rtdose.dcm"), stray);
            VerifyReport report = archive.verify();
            assertThat(report.clean()).isFalse();
            assertThat(report.mismatches()).extracting(VerifyReport.Problem::sopInstanceUid).containsExactly(ct.sopInstanceUid());
            assertThat(report.missing()).extracting(VerifyReport.Problem::sopInstanceUid).containsExactly(mr.sopInstanceUid());
            assertThat(report.unindexed()).containsExactly(stray.toAbsolutePath());
        }
    }

    @Test
    void reopeningAfterACrashReconcilesFilesAndIndex() throws Exception {
        Path orphanSource = TestData.dicom("pydicom/test_files/rtdose.dcm");
        Path orphan;
        Path oldCopy;
        Path temp;
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            storeAll(archive);
            StoredInstance ct = archive.instance(sop(archive, "CT")).orElseThrow();
            // What a crash between the rename and the index commit leaves: a complete file without row.
            orphan = ct.path().resolveSibling("0123456789abcdef.00000000.dcm");
            Files.copy(orphanSource, orphan);
            // What a crash of a REPLACE after its commit, before the old copy was deleted, leaves: a second file with
            // the same SOP Instance UID; the indexed one is the acknowledged one, the other must go.
            oldCopy = ct.path().resolveSibling("0123456789abcdef.11111111.dcm");
            Files.copy(ct.path(), oldCopy);
            // And what a crash while writing leaves: a temporary file.
            temp = data.resolve("tmp").resolve("dead.part");
            Files.write(temp, new byte[] {1, 2, 3});
            // A crash leaves the lock file behind; simulate it by recreating it after close.
        }
        Files.writeString(data.resolve("archive.lock"), "");
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            assertThat(temp).doesNotExist();
            assertThat(oldCopy).doesNotExist();
            assertThat(orphan).exists();
            VerifyReport report = archive.verify();
            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.checked()).isEqualTo(FILES.size() + 1);
            try (Stream<Path> tmp = Files.list(data.resolve("tmp"))) {
                assertThat(tmp).isEmpty();
            }
        }
    }
}
