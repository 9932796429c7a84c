package org.lumen.dicom.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.testing.TestData;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Part10LayoutTest {

    @Test
    void datasetStreamedFromTheOffsetParsesToTheSameDatasetForEveryCorpusPart10File() throws Exception {
        int checked = 0;
        for (Path file : TestData.dicomCorpus()) {
            if (Files.size(file) > 4 << 20) {
                continue;                                   // keep the test quick; size does not change the walk
            }
            DicomFile whole;
            try {
                whole = DicomReader.read(file, ReadOptions.INCLUDE_ALL);
            } catch (DicomParseException e) {
                continue;                                   // broken on purpose: not this test's subject
            }
            if (!whole.hasPreamble() || whole.fileMeta().isEmpty() || !whole.warnings().isEmpty()) {
                continue;
            }
            try (InputStream in = Part10Layout.openDataset(file)) {
                Attributes dataset = DicomReader.readDataset(in, file.toString(), whole.transferSyntax(),
                        ReadOptions.INCLUDE_ALL);
                assertThat(dataset.size()).as(file.toString()).isEqualTo(whole.dataset().size());
                assertThat(dataset.tags()).as(file.toString()).isEqualTo(whole.dataset().tags());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void fileWithoutPreambleStartsAtZeroAndTruncatedMetaIsNamed(@TempDir Path dir) throws Exception {
        Path bare = Files.write(dir.resolve("bare.dcm"), new byte[] {8, 0, 0x16, 0, 2, 0, 0, 0, 'A', 0});
        assertThat(Part10Layout.datasetOffset(bare)).isZero();
        Path source = TestData.dicom("pydicom/test_files/CT_small.dcm");
        byte[] bytes = Files.readAllBytes(source);
        Path truncated = Files.write(dir.resolve("truncated.dcm"), Arrays.copyOf(bytes, 150));
        assertThatThrownBy(() -> Part10Layout.datasetOffset(truncated))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("past the end");
    }
}
