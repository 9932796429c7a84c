package org.lumen.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.testing.TestData;

/**
 * Hand-built broken streams: each must end in a {@link DicomParseException} whose message names the byte offset and the
 * tag, never another exception, a hang or an out-of-memory error. Each case is read both from a file (known size) and
 * from a stream (unknown size), the two paths that bound lengths differently.
 */
class MalformedInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    @TempDir
    Path dir;

    private static DicomBytes validStart() {
        return DicomBytes.part10(EXPLICIT)
                .string(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .string(0x00100010, VR.PN, "Doe^Jane");
    }

    @Test
    void truncatedElementHeader() throws Exception {
        byte[] whole = validStart().string(0x00100020, VR.LO, "ID42").toBytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 4 - 2); // keeps the tag and the VR of (0010,0020)
        assertRejected(cut, cut.length - 6, "(0010,0020)", "ends inside an element header");
    }

    @Test
    void elementHeaderCutInsideTheTag() throws Exception {
        byte[] whole = validStart().string(0x00100020, VR.LO, "ID42").toBytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 4 - 6); // two bytes of the tag of (0010,0020) remain
        assertRejected(cut, cut.length - 2, "(0010,0010)", "ends inside an element header");
    }

    @Test
    void valueLengthBeyondTheEndOfTheFile() throws Exception {
        DicomBytes bytes = validStart();
        int offset = bytes.size();
        byte[] data = bytes.header(0x00181030, VR.LO, 1000).raw("short".getBytes(StandardCharsets.US_ASCII)).toBytes();
        assertRejected(data, offset, "(0018,1030)", "runs past the end");
    }

    @Test
    void itemOutsideASequence() throws Exception {
        DicomBytes bytes = validStart();
        int offset = bytes.size();
        byte[] data = bytes.delimiter(DicomBytes.ITEM, 8).string(0x00100020, VR.LO, "ID42").toBytes();
        assertRejected(data, offset, "(FFFE,E000)", "item appears outside a sequence");
    }

    @Test
    void absurdNestingDepthOfTenThousand() throws Exception {
        DicomBytes bytes = validStart();
        int depth = 10_000;
        for (int i = 0; i < depth; i++) {
            bytes.header(0x00400275, VR.SQ, DicomBytes.UNDEFINED).delimiter(DicomBytes.ITEM, DicomBytes.UNDEFINED);
        }
        for (int i = 0; i < depth; i++) {
            bytes.delimiter(DicomBytes.ITEM_DELIMITATION, 0).delimiter(DicomBytes.SEQUENCE_DELIMITATION, 0);
        }
        byte[] data = bytes.toBytes();
        int firstSequence = validStart().size();
        // Each level is a 12-byte sequence header and an 8-byte item header; the limit trips at the 66th sequence.
        assertRejected(data, firstSequence + 65L * 20, "(0040,0275)", "nested more than 64 deep");
    }

    @Test
    void hugeLengthOnASmallFile() throws Exception {
        DicomBytes bytes = validStart();
        int offset = bytes.size();
        byte[] data = bytes.header(0x00091010, VR.OB, 0xFFFFFFF0L).raw(new byte[64]).toBytes();
        assertRejected(data, offset, "(0009,1010)", "4294967280");
    }

    @Test
    void hugeItemLengthAtTheEndOfTheFileIsReadToTheEndWithAWarning() throws Exception {
        byte[] data = validStart().header(0x00081140, VR.SQ, DicomBytes.UNDEFINED)
                .delimiter(DicomBytes.ITEM, 0xFFFFFFF0L).string(0x00081150, VR.UI, "1.2.3").toBytes();
        // The complete elements of a truncated last item are kept, as dcmtk does (pydicom DICOMDIR-nooffset).
        for (DicomFile file : new DicomFile[] {readFile(data), readStream(data)}) {
            assertThat(file.dataset().getSequence(0x00081140).get(0).getString(0x00081150)).isEqualTo("1.2.3");
            assertThat(file.warnings()).isNotEmpty();
        }
        assertThat(readFile(data).warnings()).anyMatch(w -> w.contains("(0008,1140) item length 4294967280 runs"));
    }

    @Test
    void garbageAfterThePreamble() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(20240601).nextBytes(garbage);
        byte[] data = concat(new byte[128], "DICM".getBytes(StandardCharsets.US_ASCII), garbage);
        assertRejectedSomewhere(data);
        byte[] text = concat(new byte[128], "DICM".getBytes(StandardCharsets.US_ASCII),
                "This is not a DICOM dataset, just some text that happens to follow the magic bytes.".repeat(20)
                        .getBytes(StandardCharsets.US_ASCII));
        assertRejectedSomewhere(text);
    }

    @Test
    void tooShortToBeDicom() throws Exception {
        byte[] data = {1, 2, 3};
        assertThatThrownBy(() -> readFile(data)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("too short").hasMessageContaining("at byte offset 0");
    }

    @Test
    void everyTruncationOfARealFileIsReadOrRejectedCleanly() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.dicom("pydicom/test_files/rtplan.dcm"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int length = 0; length < whole.length; length += length < 4096 ? 1 : 97) {
                byte[] cut = Arrays.copyOf(whole, length);
                readOrReject(cut, "truncated to " + length);
            }
        });
    }

    @Test
    void randomByteCorruptionsOfARealFileAreReadOrRejectedCleanly() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.dicom("pydicom/test_files/CT_small.dcm"));
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 2000; round++) {
                byte[] corrupt = whole.clone();
                int position = random.nextInt(4000); // the header; the pixel data beyond is opaque
                corrupt[position] = (byte) random.nextInt(256);
                readOrReject(corrupt, "byte " + position + " set to " + (corrupt[position] & 0xFF));
            }
        });
    }

    /** A file may parse (tolerated defects) or be rejected, but only with our exception naming an offset. */
    private static void readOrReject(byte[] data, String what) {
        try {
            DicomReader.read(data, what, ReadOptions.DEFAULT);
        } catch (DicomParseException e) {
            assertThat(e.getMessage()).as(what).contains("at byte offset");
        } catch (Throwable e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    private void assertRejected(byte[] data, long offset, String tag, String problem) {
        for (boolean fromFile : new boolean[] {true, false}) {
            assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> {
                if (fromFile) {
                    readFile(data);
                } else {
                    readStream(data);
                }
            }).as(fromFile ? "from a file" : "from a stream")
                    .isInstanceOf(DicomParseException.class)
                    .hasMessageContaining(problem)
                    .hasMessageContaining("at byte offset " + offset + ", tag " + tag));
        }
    }

    private void assertRejectedSomewhere(byte[] data) {
        for (boolean fromFile : new boolean[] {true, false}) {
            assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> {
                if (fromFile) {
                    readFile(data);
                } else {
                    readStream(data);
                }
            }).isInstanceOf(DicomParseException.class).hasMessageMatching("(?s).*at byte offset \\d+, tag \\([0-9A-F]{4},[0-9A-F]{4}\\).*"));
        }
    }

    private DicomFile readFile(byte[] data) throws Exception {
        Path file = Files.createTempFile(dir, "broken", ".dcm");
        Files.write(file, data);
        return DicomReader.read(file);
    }

    private static DicomFile readStream(byte[] data) throws Exception {
        return DicomReader.read(new ByteArrayInputStream(data) {
            // Hide the length: a network stream does not know it.
        }, "stream", ReadOptions.DEFAULT);
    }

    private static byte[] concat(byte[]... parts) {
        int total = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
