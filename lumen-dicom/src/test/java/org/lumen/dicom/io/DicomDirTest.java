package org.lumen.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.testing.TestData;

/** Every DICOMDIR of the corpus becomes the record tree its offsets describe, with the records dcmdump shows. */
class DicomDirTest {
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
    private static final Pattern DUMP_RECORD_TYPE = Pattern.compile("\\(0004,1430\\) CS \\[(.*?)\\]");
    private static final String DIRS = "pydicom/test_files/dicomdirtests/";

    /** The DICOMDIRs of the corpus, found by their Media Storage SOP Class. */
    static Stream<String> dicomdirs() throws IOException {
        Path root = TestData.dicom("");
        List<String> found = new ArrayList<>();
        for (Path file : TestData.dicomCorpus()) {
            try {
                DicomFile dicom = DicomReader.read(file, ReadOptions.HEADER_ONLY);
                if (MEDIA_STORAGE_DIRECTORY.equals(dicom.fileMeta().getString(0x00020002))) {
                    found.add(root.relativize(file).toString());
                }
            } catch (DicomParseException e) {
                // not readable at all: DcmdumpCorpusTest covers it
            }
        }
        assertThat(found).hasSizeGreaterThanOrEqualTo(8);
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dicomdirs")
    void recordsMatchDcmdumpAndReferencedFilesExist(String name) throws Exception {
        Path path = TestData.dicom(name);
        DicomDir dir = DicomDir.read(path);

        Map<String, Integer> ours = new TreeMap<>();
        dir.records().forEach(r -> ours.merge(r.type(), 1, Integer::sum));
        assertThat(ours).as("record types and counts of %s", name).isEqualTo(dcmdumpRecordCounts(path));

        List<DicomDir.Record> inTree = new ArrayList<>();
        dir.roots().forEach(r -> flatten(r, inTree));
        assertThat(inTree).as("every record is in the tree once").containsExactlyInAnyOrderElementsOf(dir.records());

        byte[] bytes = Files.readAllBytes(path);
        boolean bigEndian = dir.file().transferSyntax().bigEndian();
        for (DicomDir.Record record : dir.records()) {
            assertThat(ByteUtils.tag(bytes, (int) record.offset(), bigEndian)).as("item tag at the offset of %s", record)
                    .isEqualTo(0xFFFEE000);
            Path referenced = dir.referencedFile(record);
            if (referenced != null) {
                assertThat(referenced).as("file referenced by %s", record).isRegularFile();
            }
        }
        long firstRoot = dir.file().dataset().getLong(DicomDir.FIRST_ROOT_RECORD, 0);
        if (!dir.roots().isEmpty() && dir.roots().get(0).offset() != firstRoot) {
            assertThat(dir.warnings()).as("a wrong first-record offset is reported")
                    .anyMatch(w -> w.contains("Offset of the First Directory Record of the Root Directory Entity is " + firstRoot));
        }
        assertThat(dir.builtFromOffsets()).as("%s has usable offsets", name).isTrue();
    }

    @Test
    void variantsOfOneFileSetGiveTheSameTree() throws Exception {
        String expected = outline(DicomDir.read(TestData.dicom(DIRS + "DICOMDIR")));
        assertThat(expected).startsWith("PATIENT[STUDY[SERIES[IMAGE 77654033/CR1/6154 ]");
        for (String variant : List.of("DICOMDIR-bigEnd", "DICOMDIR-implicit", "DICOMDIR-nooffset", "DICOMDIR-reordered")) {
            assertThat(outline(DicomDir.read(TestData.dicom(DIRS + variant)))).as(variant).isEqualTo(expected);
        }
        assertThat(outline(DicomDir.read(TestData.dicom(DIRS + "DICOMDIR-nopatient"))))
                .isEqualTo(expected.replace("PATIENT[", "UNKNOWN["));
    }

    @Test
    void reorderedRecordsAreFoundThroughTheirOffsets() throws Exception {
        DicomDir dir = DicomDir.read(TestData.dicom(DIRS + "DICOMDIR-reordered"));
        assertThat(dir.records().subList(0, 4)).extracting(DicomDir.Record::type)
                .containsExactly("IMAGE", "SERIES", "STUDY", "PATIENT");
        assertThat(dir.roots().get(0).type()).isEqualTo("PATIENT");
        assertThat(dir.builtFromOffsets()).isTrue();
    }

    @Test
    void truncatedDicomdirWithoutZeroOffsetsKeepsEveryRecordWithAWarning() throws Exception {
        DicomDir dir = DicomDir.read(TestData.dicom(DIRS + "DICOMDIR-nooffset"));
        assertThat(dir.records()).hasSize(52);
        assertThat(dir.warnings()).anyMatch(w -> w.contains("runs") && w.contains("past the end of the file"));
    }

    @Test
    void wrongOffsetsFallBackToRecordOrder(@TempDir Path folder) throws Exception {
        Path original = TestData.dicom(DIRS + "DICOMDIR");
        byte[] bytes = Files.readAllBytes(original);
        // The first PATIENT record's Offset of the Next Directory Record: (0004,1400) UL 4 bytes = 3126, the second patient.
        int at = indexOf(bytes, new byte[] {0x04, 0x00, 0x00, 0x14, 'U', 'L', 4, 0, 0x36, 0x0C, 0, 0});
        assertThat(at).isPositive();
        ByteUtils.put32(bytes, at + 8, 12345, false); // points at no record
        Path broken = folder.resolve("DICOMDIR");
        Files.write(broken, bytes);

        DicomDir dir = DicomDir.read(broken);
        assertThat(dir.builtFromOffsets()).isFalse();
        assertThat(dir.warnings()).anyMatch(w -> w.contains("offset 12345 is not the offset of a directory record"));
        assertThat(outline(dir)).isEqualTo(outline(DicomDir.read(original)));
    }

    @Test
    void aWrongFirstRecordOffsetIsRepairedFromTheRecordsOwnOffsets() throws Exception {
        // DICOMDIR-nopatient keeps the reordered records of DICOMDIR-reordered but points its root at the first item (an IMAGE).
        DicomDir dir = DicomDir.read(TestData.dicom(DIRS + "DICOMDIR-nopatient"));
        assertThat(dir.builtFromOffsets()).isTrue();
        assertThat(dir.warnings()).anyMatch(w -> w.contains("root chain starts at offset 976"));
        assertThat(dir.roots()).extracting(DicomDir.Record::type).containsExactly("UNKNOWN", "UNKNOWN");
    }

    @Test
    void emptyDicomdirHasNoRecords() throws Exception {
        DicomDir dir = DicomDir.read(TestData.dicom(DIRS + "DICOMDIR-empty.dcm"));
        assertThat(dir.records()).isEmpty();
        assertThat(dir.roots()).isEmpty();
    }

    @Test
    void aFileThatIsNotADicomdirIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DicomDir.read(TestData.dicom("pydicom/test_files/CT_small.dcm")))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("not a DICOMDIR");
    }

    /**
     * The record counts by type from the Directory Record Type values dcmdump prints ({@code (0004,1430) CS [IMAGE]}); its
     * item lines would name types it does not know PRIVATE.
     */
    private static Map<String, Integer> dcmdumpRecordCounts(Path path) {
        Path dcmdump = DcmdumpCorpusTest.dcmdumpOrSkip();
        String text = Dcmdump.run(dcmdump, path, List.of()).stdout();
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = DUMP_RECORD_TYPE.matcher(text);
        while (m.find()) {
            counts.merge(m.group(1).trim(), 1, Integer::sum);
        }
        return counts;
    }

    /** The tree as text: type, referenced file (for leaves) and children in brackets. */
    private static String outline(DicomDir dir) {
        StringBuilder sb = new StringBuilder();
        dir.roots().forEach(r -> outline(r, sb));
        return sb.toString();
    }

    private static void outline(DicomDir.Record record, StringBuilder sb) {
        sb.append(record.type());
        if (record.referencedFileId().length > 0) {
            sb.append(' ').append(String.join("/", record.referencedFileId()));
        }
        if (!record.children().isEmpty()) {
            sb.append('[');
            record.children().forEach(c -> outline(c, sb));
            sb.append(']');
        }
        sb.append(' ');
    }

    private static void flatten(DicomDir.Record record, List<DicomDir.Record> out) {
        out.add(record);
        record.children().forEach(c -> flatten(c, out));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
