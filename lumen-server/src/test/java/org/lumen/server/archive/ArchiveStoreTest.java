package org.lumen.server.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

class ArchiveStoreTest {
    @TempDir
    Path data;

    static StoreResult storeFile(Archive archive, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return archive.store(IncomingInstance.fromPart10(in, "TESTSCU"));
        }
    }

    @Test
    void storedFileKeepsTheDatasetBytesAndIsIndexed() throws Exception {
        Path source = TestData.dicom("pydicom/test_files/CT_small.dcm");
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            StoreResult result = storeFile(archive, source);
            assertThat(result.outcome()).isEqualTo(StoreResult.Outcome.STORED);
            StoredInstance stored = result.instance();
            assertThat(stored.path()).exists().startsWith(data.toAbsolutePath().resolve("files"));
            assertThat(stored.sha256()).isEqualTo(Archive.hashFile(stored.path()));
            assertThat(stored.size()).isEqualTo(Files.size(stored.path()));
            assertThat(stored.sourceAet()).isEqualTo("TESTSCU");

            DicomFile original = DicomReader.read(source, ReadOptions.INCLUDE_ALL);
            DicomFile copy = DicomReader.read(stored.path(), ReadOptions.INCLUDE_ALL);
            assertThat(copy.dataset().firstDifference(original.dataset())).isNull();
            assertThat(copy.transferSyntax().uid()).isEqualTo(original.transferSyntax().uid());
            assertThat(archive.instance(stored.sopInstanceUid())).contains(stored);
            assertThat(archive.instances(stored.studyInstanceUid(), null, null)).containsExactly(stored);
            try (Stream<Path> tmp = Files.list(data.resolve("tmp"))) {
                assertThat(tmp).isEmpty();
            }
        }
    }

    @Test
    void findsTheStudyByPatientNameWildcard() throws Exception {
        Path source = TestData.dicom("pydicom/test_files/CT_small.dcm");
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            StoredInstance stored = storeFile(archive, source).instance();
            Attributes keys = new Attributes();
            keys.setNull(Tag.StudyInstanceUID, VR.UI);
            keys.setString(Tag.PatientName, VR.PN, "compressed*");
            keys.setNull(Tag.NumberOfStudyRelatedInstances, VR.IS);
            List<Attributes> found = archive.find(QueryLevel.STUDY, keys, QueryOptions.DEFAULT).toList();
            assertThat(found).hasSize(1);
            assertThat(found.get(0).getString(Tag.StudyInstanceUID)).isEqualTo(stored.studyInstanceUid());
            assertThat(found.get(0).getString(Tag.NumberOfStudyRelatedInstances)).isEqualTo("1");
            assertThat(found.get(0).getString(Tag.QueryRetrieveLevel)).isEqualTo("STUDY");
            keys.setString(Tag.PatientName, VR.PN, "nobody*");
            assertThat(archive.find(QueryLevel.STUDY, keys, QueryOptions.DEFAULT)).isEmpty();
        }
    }

    @Test
    void duplicatePolicies() throws Exception {
        Path source = TestData.dicom("pydicom/test_files/CT_small.dcm");
        try (Archive archive = Archive.open(ArchiveConfig.of(data))) {
            StoredInstance first = storeFile(archive, source).instance();
            StoreResult again = storeFile(archive, source);
            assertThat(again.outcome()).isEqualTo(StoreResult.Outcome.KEPT);
            assertThat(again.instance().path()).isEqualTo(first.path());
        }
        try (Archive archive = Archive.open(ArchiveConfig.of(data).withDuplicatePolicy(DuplicatePolicy.REJECT))) {
            assertThatThrownBy(() -> storeFile(archive, source)).isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.DUPLICATE);
        }
        try (Archive archive = Archive.open(ArchiveConfig.of(data).withDuplicatePolicy(DuplicatePolicy.REPLACE))) {
            StoredInstance old = archive.instances(null == null ? archive.find(QueryLevel.STUDY, studyKeys(), QueryOptions.DEFAULT)
                    .findFirst().orElseThrow().getString(Tag.StudyInstanceUID) : null, null, null).get(0);
            StoreResult replaced = storeFile(archive, source);
            assertThat(replaced.outcome()).isEqualTo(StoreResult.Outcome.REPLACED);
            assertThat(replaced.instance().path()).isNotEqualTo(old.path()).exists();
            assertThat(old.path()).doesNotExist();
            assertThat(archive.instances(old.studyInstanceUid(), null, null)).hasSize(1);
            assertThat(archive.verify().clean()).isTrue();
        }
    }

    @Test
    void refusesInstancesOverTheSizeLimit() throws Exception {
        Path source = TestData.dicom("pydicom/test_files/CT_small.dcm");
        try (Archive archive = Archive.open(ArchiveConfig.of(data).withMaxInstanceBytes(1000))) {
            assertThatThrownBy(() -> storeFile(archive, source)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("limit").extracting(e -> ((StoreException) e).reason())
                    .isEqualTo(StoreException.Reason.TOO_LARGE);
            try (Stream<Path> tmp = Files.list(data.resolve("tmp")); Stream<Path> files = Files.walk(data.resolve("files"))) {
                assertThat(tmp).isEmpty();
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    private static Attributes studyKeys() {
        Attributes keys = new Attributes();
        keys.setNull(Tag.StudyInstanceUID, VR.UI);
        return keys;
    }
}
