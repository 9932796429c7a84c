package org.lumen.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.testing.TestData;

/** Parsing a header never loads pixel data, and a gigabyte file parses in a small heap. */
class StreamingReadTest {
    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int ROWS = 512;
    private static final int COLUMNS = 1024;
    private static final int FRAMES = 1000;
    private static final int FRAME_BYTES = ROWS * COLUMNS * 2;
    private static final long PIXEL_BYTES = (long) FRAME_BYTES * FRAMES;
    private static final String CHILD_HEAP = "-Xmx64m";

    @Test
    void pixelDataOfEveryCorpusFileStaysInTheFile() throws IOException {
        int native_ = 0;
        int encapsulated = 0;
        List<String> loaded = new ArrayList<>();
        for (Path file : TestData.dicomCorpus()) {
            DicomFile dicom;
            try {
                dicom = DicomReader.read(file, ReadOptions.DEFAULT);
            } catch (DicomParseException e) {
                continue; // the broken files of the corpus; DcmdumpCorpusTest checks those
            }
            Object pixels = dicom.dataset().value(PIXEL_DATA);
            if (pixels == null || dicom.transferSyntax().deflated()) {
                continue; // no pixel data, or deflated: nothing in the file to refer to
            }
            if (pixels instanceof BulkData bulk) {
                assertThat(bulk.file()).isEqualTo(file);
                native_++;
            } else if (pixels instanceof Fragments fragments) {
                for (int i = 1; i < fragments.size(); i++) {
                    if (!(fragments.items().get(i) instanceof BulkData)) {
                        loaded.add(file + " fragment " + i);
                    }
                }
                encapsulated++;
            } else {
                loaded.add(file + " holds " + pixels.getClass().getSimpleName());
            }
            assertThat(DicomReader.read(file, ReadOptions.HEADER_ONLY).dataset().contains(PIXEL_DATA))
                    .as("HEADER_ONLY stops before the pixel data of %s", file).isFalse();
        }
        assertThat(loaded).as("pixel data loaded into memory by a DEFAULT read").isEmpty();
        assertThat(native_).isGreaterThan(100);
        assertThat(encapsulated).isGreaterThan(50);
    }

    @Test
    void referencedPixelDataReadsBackTheFileBytes() throws IOException {
        Path file = TestData.dicom("pydicom/test_files/CT_small.dcm");
        BulkData bulk = DicomReader.read(file).dataset().getBulkData(PIXEL_DATA);
        Attributes inMemory = DicomReader.read(file, ReadOptions.INCLUDE_ALL).dataset();
        assertThat(bulk.read()).isEqualTo(inMemory.getBytes(PIXEL_DATA));
    }

    @Test
    void gigabyteNativeMultiFrameFileParsesIn64MegabytesOfHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("native-1GB.dcm");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                DicomBytes header = imageHeader(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).header(PIXEL_DATA, VR.OW, PIXEL_BYTES);
                out.write(header.toBytes());
                writeZeros(out, PIXEL_BYTES);
            }
            assertThat(Files.size(file)).isGreaterThan(PIXEL_BYTES);
            String output = parseInChildJvm(file);
            assertThat(output).contains("pixel data: BulkData " + PIXEL_BYTES + " bytes");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void gigabyteEncapsulatedFileWithAThousandFragmentsParsesIn64MegabytesOfHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("encapsulated-1GB.dcm");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                DicomBytes header = imageHeader(TransferSyntax.RLE_LOSSLESS)
                        .header(PIXEL_DATA, VR.OB, DicomBytes.UNDEFINED)
                        .delimiter(DicomBytes.ITEM, 4L * FRAMES);
                out.write(header.toBytes());
                byte[] offsets = new byte[4 * FRAMES];
                for (int i = 0; i < FRAMES; i++) {
                    ByteUtils.put32(offsets, 4 * i, i * (FRAME_BYTES + 8), false);
                }
                out.write(offsets);
                for (int i = 0; i < FRAMES; i++) {
                    out.write(DicomBytes.explicitLittle().delimiter(DicomBytes.ITEM, FRAME_BYTES).toBytes());
                    writeZeros(out, FRAME_BYTES);
                }
                out.write(DicomBytes.explicitLittle().delimiter(DicomBytes.SEQUENCE_DELIMITATION, 0).toBytes());
            }
            String output = parseInChildJvm(file);
            assertThat(output).contains("pixel data: Fragments " + (FRAMES + 1) + " items, " + (PIXEL_BYTES + 4L * FRAMES) + " bytes");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static DicomBytes imageHeader(String transferSyntax) {
        return DicomBytes.part10(transferSyntax)
                .string(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.7.3")
                .string(0x00080018, VR.UI, "1.2.826.0.1.3680043.9.7433.99.2")
                .us(0x00280002, 1)
                .string(0x00280004, VR.CS, "MONOCHROME2")
                .string(0x00280008, VR.IS, Integer.toString(FRAMES))
                .us(0x00280010, ROWS)
                .us(0x00280011, COLUMNS)
                .us(0x00280100, 16)
                .us(0x00280101, 16)
                .us(0x00280102, 15)
                .us(0x00280103, 0);
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1 << 20];
        for (long left = count; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    /** Parses {@code file} in a fresh JVM limited to 64 MB of heap; returns its output after asserting it succeeded. */
    private static String parseInChildJvm(Path file) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), CHILD_HEAP, "-cp", System.getProperty("java.class.path"),
                ParseInSmallHeap.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("child JVM (%s) parsing %s:%n%s", CHILD_HEAP, file, text).isZero();
        return text;
    }
}
