package org.lumen.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/** Each encoding rule of the writer, checked byte for byte on small datasets built in code. */
class DicomWriterTest {
    private static final TransferSyntax IMPLICIT_LE = TransferSyntax.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    private static final TransferSyntax EXPLICIT_LE = TransferSyntax.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    private static final TransferSyntax EXPLICIT_BE = TransferSyntax.of(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
    private static final TransferSyntax DEFLATED = TransferSyntax.of(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    private static final TransferSyntax JPEG_BASELINE = TransferSyntax.of(TransferSyntax.JPEG_BASELINE_8BIT);
    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path folder;

    // ---- padding ---------------------------------------------------------------------------------------------------

    @Test
    void padsOddStringsWithTheirVRsPaddingByte() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setString(SOP_INSTANCE_UID, VR.UI, "1.2.3");
        dataset.setString(0x00080050, VR.SH, "ABC");
        dataset.setBytes(0x00080060, VR.CS, "CT".getBytes(StandardCharsets.US_ASCII));
        dataset.setBytes(0x00081030, VR.LO, "XYZ".getBytes(StandardCharsets.US_ASCII));

        assertThat(hex(encode(dataset, EXPLICIT_LE))).isEqualTo(
                "08001800" + "5549" + "0600" + ascii("1.2.3") + "00"
                        + "08005000" + "5348" + "0400" + ascii("ABC") + "20"
                        + "08006000" + "4353" + "0200" + ascii("CT")
                        + "08003010" + "4c4f" + "0400" + ascii("XYZ") + "20");
    }

    @Test
    void padsOddLengthOBAndUNWithNul() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setBytes(0x00420011, VR.OB, new byte[] {1, 2, 3});
        dataset.setBytes(0x00430010, VR.UN, new byte[] {9});

        assertThat(hex(encode(dataset, EXPLICIT_LE))).isEqualTo(
                "42001100" + "4f42" + "0000" + "04000000" + "01020300"
                        + "43001000" + "554e" + "0000" + "02000000" + "0900");
        assertThat(hex(encode(dataset, IMPLICIT_LE))).isEqualTo(
                "42001100" + "04000000" + "01020300"
                        + "43001000" + "02000000" + "0900");
    }

    @Test
    void encodesStringsOfAnItemWithTheCharacterSetItInherits() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        Attributes item = dataset.newSequence(0x00081111).addItem();
        item.setString(0x00100010, VR.PN, "Müller^Jörg");

        byte[] encoded = encode(dataset, EXPLICIT_LE);
        byte[] utf8 = "Müller^Jörg".getBytes(StandardCharsets.UTF_8);
        assertThat(utf8.length % 2).as("the test needs an odd UTF-8 length").isEqualTo(1);
        String element = "10001000" + "504e" + String.format("%02x00", utf8.length + 1) + hex(utf8) + "20";
        assertThat(hex(encoded)).contains(element);
    }

    // ---- byte order ------------------------------------------------------------------------------------------------

    @Test
    void swapsEveryBinaryVRToBigEndianAndLeavesBytesAndStringsAlone() throws IOException {
        Attributes little = binarySamples(new Attributes(false, 16));

        assertThat(hex(encode(little, EXPLICIT_BE))).isEqualTo(bigEndianSamples());
    }

    @Test
    void swapsABigEndianDatasetToLittleEndian() throws IOException {
        Attributes big = binarySamples(new Attributes(true, 16));
        assertThat(hex(big.getBytes(0x00181310))).as("values are held big endian").isEqualTo("0001020300000000");

        assertThat(hex(encode(big, EXPLICIT_LE))).isEqualTo(hex(encode(binarySamples(new Attributes()), EXPLICIT_LE)));
        assertThat(hex(encode(big, EXPLICIT_BE))).isEqualTo(bigEndianSamples());
    }

    @Test
    void bigEndianOutputReadsBackEqual() throws IOException {
        Attributes little = binarySamples(new Attributes());
        Attributes readBack = DicomReader.readDataset(new ByteArrayInputStream(encode(little, EXPLICIT_BE)), "test",
                EXPLICIT_BE, ReadOptions.INCLUDE_ALL);

        assertThat(readBack.bigEndian()).isTrue();
        assertThat(little.firstDifference(readBack)).isNull();
        assertThat(readBack.getInts(0x00280009)).containsExactly(0x00540080);
        assertThat(readBack.getDoubles(0x00181310)).containsExactly(1, 0x0203, 0, 0);
    }

    /** One element of each byte-order-sensitive VR, and OB and a string that must never swap. */
    private static Attributes binarySamples(Attributes dataset) {
        dataset.setInt(0x00181310, VR.US, 1, 0x0203, 0, 0);
        dataset.setInt(0x00280009, VR.AT, 0x00540080);
        dataset.setFloat(0x00281052, VR.FL, 1.5f);
        dataset.setInt(0x00286100, VR.SS, -2);
        dataset.setInt(0x00291001, VR.UL, 0x01020304);
        dataset.setDouble(0x00300010, VR.FD, 2.25);
        dataset.setBytes(0x00420011, VR.OB, new byte[] {1, 2, 3, 4});
        dataset.setString(0x00431010, VR.LO, "AB");
        byte[] words = new byte[4];
        ByteUtils.put16(words, 0, 0x0102, dataset.bigEndian());
        ByteUtils.put16(words, 2, 0x0304, dataset.bigEndian());
        dataset.setBytes(0x00660023, VR.OW, words);
        dataset.setFloat(0x00660024, VR.OF, 1.0f);
        return dataset;
    }

    private static String bigEndianSamples() {
        return "00181310" + "5553" + "0008" + "0001" + "0203" + "0000" + "0000"
                + "00280009" + "4154" + "0004" + "0054" + "0080"
                + "00281052" + "464c" + "0004" + "3fc00000"
                + "00286100" + "5353" + "0002" + "fffe"
                + "00291001" + "554c" + "0004" + "01020304"
                + "00300010" + "4644" + "0008" + "4002000000000000"
                + "00420011" + "4f42" + "0000" + "00000004" + "01020304"
                + "00431010" + "4c4f" + "0002" + ascii("AB")
                + "00660023" + "4f57" + "0000" + "00000004" + "0102" + "0304"
                + "00660024" + "4f46" + "0000" + "00000004" + "3f800000";
    }

    @Test
    void swapsBulkDataInChunksAcrossChunkBoundaries() throws IOException {
        int words = 100_003; // several 64 KiB chunks and a partial one
        byte[] little = new byte[words * 2];
        for (int k = 0; k < words; k++) {
            ByteUtils.put16(little, 2 * k, k * 7 + 1, false);
        }
        Path file = folder.resolve("words.raw");
        Files.write(file, little);
        Attributes dataset = new Attributes();
        dataset.setBulkData(Tags.PIXEL_DATA, VR.OW, new BulkData(file, 0, little.length, false));

        byte[] encoded = encode(dataset, EXPLICIT_BE);
        byte[] value = Arrays.copyOfRange(encoded, 12, encoded.length);
        assertThat(value).hasSize(little.length);
        for (int k = 0; k < words; k++) {
            assertThat(ByteUtils.u16(value, 2 * k, true)).as("word %d", k).isEqualTo((k * 7 + 1) & 0xFFFF);
        }
    }

    /**
     * A 256 MiB value (a sparse file) is copied and swapped while the writing thread allocates less than 1 MiB: the writer
     * streams bulk data through one chunk and never holds the value.
     */
    @Test
    void streamsBulkDataWithoutHoldingIt() throws IOException {
        long length = 256L << 20;
        Path file = folder.resolve("large.raw");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 0);
            channel.write(ByteBuffer.wrap(new byte[] {5, 6, 7, 8}), length - 4);
        }
        Attributes dataset = new Attributes();
        dataset.setBulkData(Tags.PIXEL_DATA, VR.OW, new BulkData(file, 0, length, false));
        EndsRecorder sink = new EndsRecorder();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();

        long allocatedBefore = threads.getThreadAllocatedBytes(threadId);
        DicomWriter.writeDataset(sink, dataset, EXPLICIT_BE);
        long allocated = threads.getThreadAllocatedBytes(threadId) - allocatedBefore;

        assertThat(allocated).as("bytes allocated while writing").isLessThan(1L << 20);
        assertThat(sink.count).isEqualTo(12 + length);
        assertThat(hex(Arrays.copyOf(sink.head, 16))).isEqualTo("7fe00010" + "4f57" + "0000" + "10000000" + "0201" + "0403");
        assertThat(hex(sink.tail())).endsWith("06050807");
    }

    // ---- sequences -------------------------------------------------------------------------------------------------

    @Test
    void writesUndefinedLengthSequencesWithDelimitersByDefault() throws IOException {
        assertThat(hex(encode(referencedSeries(), EXPLICIT_LE))).isEqualTo(
                "08001511" + "5351" + "0000" + "ffffffff"
                        + "feff00e0" + "ffffffff"
                        + "08005011" + "5549" + "0400" + ascii("1.2") + "00"
                        + "feff0de0" + "00000000"
                        + "feffdde0" + "00000000");
    }

    @Test
    void writesDefinedLengthsWhenAsked() throws IOException {
        assertThat(hex(encode(referencedSeries(), EXPLICIT_LE, WriteOptions.DEFINED_LENGTHS))).isEqualTo(
                "08001511" + "5351" + "0000" + "14000000"
                        + "feff00e0" + "0c000000"
                        + "08005011" + "5549" + "0400" + ascii("1.2") + "00");
        assertThat(hex(encode(referencedSeries(), IMPLICIT_LE, WriteOptions.DEFINED_LENGTHS))).isEqualTo(
                "08001511" + "14000000"
                        + "feff00e0" + "0c000000"
                        + "08005011" + "04000000" + ascii("1.2") + "00");
    }

    @Test
    void definedLengthsOfNestedSequencesReadBackEqual() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setString(0x00080060, VR.CS, "SR");
        Sequence outer = dataset.newSequence(0x0040A730);
        Attributes first = outer.addItem();
        first.setString(0x0040A040, VR.CS, "CONTAINER");
        Attributes nested = first.newSequence(0x0040A730).addItem();
        nested.setString(0x0040A160, VR.UT, "odd text");
        nested.newSequence(0x0040A043);
        outer.addItem();
        dataset.newSequence(0x00081115);

        for (TransferSyntax syntax : new TransferSyntax[] {EXPLICIT_LE, EXPLICIT_BE}) {
            byte[] encoded = encode(dataset, syntax, WriteOptions.DEFINED_LENGTHS);
            assertThat(containsTag(encoded, Tags.ITEM_DELIMITATION, syntax.bigEndian())).isFalse();
            assertThat(containsTag(encoded, Tags.SEQUENCE_DELIMITATION, syntax.bigEndian())).isFalse();
            Attributes readBack = DicomReader.readDataset(new ByteArrayInputStream(encoded), "test", syntax,
                    ReadOptions.INCLUDE_ALL);
            assertThat(dataset.firstDifference(readBack)).as(syntax.name()).isNull();
        }
    }

    private static Attributes referencedSeries() {
        Attributes dataset = new Attributes();
        dataset.newSequence(0x00081115).addItem().setString(0x00081150, VR.UI, "1.2");
        return dataset;
    }

    // ---- long values and group lengths -----------------------------------------------------------------------------

    @Test
    void writesAValueTooLongForA16BitLengthAsUN() throws IOException {
        byte[] text = new byte[70_000];
        Arrays.fill(text, (byte) 'A');
        Attributes dataset = new Attributes();
        dataset.setBytes(0x00091010, VR.LO, text);

        byte[] explicit = encode(dataset, EXPLICIT_LE);
        assertThat(hex(Arrays.copyOf(explicit, 12))).isEqualTo("09001010" + "554e" + "0000" + "70110100");
        assertThat(explicit).hasSize(12 + text.length);
        byte[] implicit = encode(dataset, IMPLICIT_LE);
        assertThat(hex(Arrays.copyOf(implicit, 8))).isEqualTo("09001010" + "70110100");
    }

    @Test
    void dropsGroupLengthsOutsideTheFileMeta() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setInt(0x00080000, VR.UL, 999);
        dataset.setString(0x00080060, VR.CS, "CT");
        Attributes item = dataset.newSequence(0x00081115).addItem();
        item.setInt(0x00080000, VR.UL, 1);
        item.setString(0x00081150, VR.UI, "1.2");

        assertThat(hex(encode(dataset, EXPLICIT_LE, WriteOptions.DEFINED_LENGTHS))).isEqualTo(
                "08006000" + "4353" + "0200" + ascii("CT")
                        + "08001511" + "5351" + "0000" + "14000000"
                        + "feff00e0" + "0c000000"
                        + "08005011" + "5549" + "0400" + ascii("1.2") + "00");
    }

    // ---- Part 10 and file meta -------------------------------------------------------------------------------------

    @Test
    void writesPreambleMagicAndAMetaGroupWhoseLengthCoversIt() throws IOException {
        Attributes dataset = ctDataset();
        Attributes given = new Attributes();
        given.setString(0x00020016, VR.AE, "MODALITY1");
        given.setString(FileMeta.IMPLEMENTATION_CLASS_UID, VR.UI, "1.2.3.4");
        given.setInt(FileMeta.GROUP_LENGTH, VR.UL, 12345);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(out, given, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        byte[] file = out.toByteArray();

        assertThat(Arrays.copyOf(file, 128)).containsOnly(0);
        assertThat(new String(file, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
        assertThat(hex(Arrays.copyOfRange(file, 132, 140))).isEqualTo("02000000" + "554c" + "0400");
        long groupLength = ByteUtils.i32(file, 140, false) & 0xFFFFFFFFL;
        int datasetStart = (int) (144 + groupLength);
        assertThat(ByteUtils.u16(file, datasetStart, false)).as("first group after the meta").isEqualTo(0x0008);
        assertThat(endOfGroup2(file, 144)).as("the meta elements end where the group length says").isEqualTo(datasetStart);

        DicomFile readBack = DicomReader.read(file, "test", ReadOptions.INCLUDE_ALL);
        Attributes meta = readBack.fileMeta();
        assertThat(readBack.warnings()).isEmpty();
        assertThat(readBack.hasPreamble()).isTrue();
        assertThat(meta.getBytes(FileMeta.VERSION)).containsExactly(0, 1);
        assertThat(meta.vr(FileMeta.VERSION)).isEqualTo(VR.OB);
        assertThat(meta.getString(FileMeta.MEDIA_STORAGE_SOP_CLASS_UID)).isEqualTo(CT_IMAGE_STORAGE);
        assertThat(meta.getString(FileMeta.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo("1.2.826.0.1.3680043.2.1125.1");
        assertThat(meta.getString(Tags.TRANSFER_SYNTAX_UID)).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(meta.getString(FileMeta.IMPLEMENTATION_CLASS_UID)).isEqualTo(Implementation.CLASS_UID);
        assertThat(meta.getString(FileMeta.IMPLEMENTATION_VERSION_NAME)).isEqualTo("LUMEN_0.1");
        assertThat(meta.getString(0x00020016)).isEqualTo("MODALITY1");
        assertThat(meta.getLong(FileMeta.GROUP_LENGTH, -1)).isEqualTo(groupLength);
        assertThat(dataset.firstDifference(readBack.dataset())).isNull();
    }

    @Test
    void takesSopUidsFromTheGivenMetaWhenTheDatasetHasNone() {
        Attributes directory = new Attributes();
        directory.setString(0x00041130, VR.CS, "FILESET");
        Attributes given = new Attributes();
        given.setString(FileMeta.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, "1.2.840.10008.1.3.10");
        given.setString(FileMeta.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, "1.2.3");

        Attributes meta = FileMeta.create(given, directory, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        assertThat(meta.getString(FileMeta.MEDIA_STORAGE_SOP_CLASS_UID)).isEqualTo("1.2.840.10008.1.3.10");
        assertThatThrownBy(() -> DicomWriter.createFileMeta(directory, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOP Class UID (0008,0016)");
    }

    @Test
    void createFileMetaNamesTheDatasetAndTheImplementation() {
        Attributes meta = DicomWriter.createFileMeta(ctDataset(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

        assertThat(meta.tags()).containsExactly(0x00020001, 0x00020002, 0x00020003, 0x00020010, 0x00020012, 0x00020013);
        assertThat(meta.getString(Tags.TRANSFER_SYNTAX_UID)).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(meta.getString(FileMeta.IMPLEMENTATION_CLASS_UID)).isEqualTo(Implementation.CLASS_UID);
    }

    @Test
    void implementationClassUidIsDerivedFromItsUuid() {
        UUID uuid = UUID.nameUUIDFromBytes("org.lumen".getBytes(StandardCharsets.US_ASCII));
        byte[] bits = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();

        assertThat(uuid).hasToString(Implementation.CLASS_UUID);
        assertThat(Implementation.CLASS_UID).isEqualTo("2.25." + new BigInteger(1, bits));
        assertThat(Implementation.CLASS_UID).hasSizeLessThanOrEqualTo(64).matches("2\\.25\\.[1-9][0-9]*");
        assertThat(Implementation.VERSION_NAME).hasSizeLessThanOrEqualTo(16);
    }

    @Test
    void deflatesTheDatasetAsRawDeflateToEvenLength() throws Exception {
        Attributes dataset = ctDataset();
        dataset.setBytes(Tags.PIXEL_DATA, VR.OW, new byte[4096]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(out, null, dataset, DEFLATED.uid(), WriteOptions.DEFAULT);
        byte[] file = out.toByteArray();
        int datasetStart = 144 + ByteUtils.i32(file, 140, false);

        Inflater inflater = new Inflater(true);
        inflater.setInput(file, datasetStart, file.length - datasetStart);
        byte[] inflated = new byte[65536];
        int n = inflater.inflate(inflated);
        assertThat(inflater.finished()).isTrue();
        inflater.end();

        assertThat(file.length % 2).isZero();
        assertThat(Arrays.copyOf(inflated, n)).isEqualTo(encode(dataset, EXPLICIT_LE));
        assertThat(file.length - datasetStart).isLessThan(n / 4);
        assertThat(DicomReader.read(file, "test", ReadOptions.INCLUDE_ALL).dataset().firstDifference(dataset)).isNull();
    }

    // ---- encapsulated pixel data and refusals ----------------------------------------------------------------------

    @Test
    void writesFragmentsAsTheyAreInTheirOwnSyntax() throws IOException {
        Attributes dataset = new Attributes();
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        dataset.setFragments(Tags.PIXEL_DATA, fragments);

        assertThat(hex(encode(dataset, JPEG_BASELINE))).isEqualTo(
                "e07f1000" + "4f42" + "0000" + "ffffffff"
                        + "feff00e0" + "00000000"
                        + "feff00e0" + "04000000" + "ffd8ff00"
                        + "feffdde0" + "00000000");
    }

    @Test
    void refusesToCompressNativePixelData() {
        Attributes dataset = ctDataset();
        dataset.setBytes(Tags.PIXEL_DATA, VR.OW, new byte[8]);

        assertThatThrownBy(() -> DicomWriter.write(folder.resolve("x.dcm"), null, dataset, JPEG_BASELINE.uid()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("native (uncompressed)")
                .hasMessageContaining("JPEG Baseline (Process 1) 1.2.840.10008.1.2.4.50");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void refusesToWriteFragmentsInANativeOrAnotherEncapsulatedSyntax() {
        Attributes dataset = ctDataset();
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add(new byte[] {1, 2});
        dataset.setFragments(Tags.PIXEL_DATA, fragments);
        Attributes meta = DicomWriter.createFileMeta(dataset, JPEG_BASELINE.uid());

        for (TransferSyntax target : new TransferSyntax[] {EXPLICIT_LE, EXPLICIT_BE, IMPLICIT_LE, DEFLATED}) {
            assertThatThrownBy(() -> DicomWriter.write(folder.resolve("x.dcm"), meta, dataset, target.uid()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("JPEG Baseline (Process 1) 1.2.840.10008.1.2.4.50")
                    .hasMessageContaining(target.name() + " " + target.uid());
        }
        assertThatThrownBy(() -> DicomWriter.write(folder.resolve("x.dcm"), meta, dataset, TransferSyntax.JPEG_LS_LOSSLESS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JPEG Baseline (Process 1)")
                .hasMessageContaining("JPEG-LS Lossless");
        assertThatThrownBy(() -> DicomWriter.writeDataset(new ByteArrayOutputStream(), dataset, EXPLICIT_BE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Explicit VR Big Endian");
        assertThat(folder).isEmptyDirectory();
    }

    // ---- atomic files ----------------------------------------------------------------------------------------------

    @Test
    void leavesNoFileUnderTheFinalNameWhenWritingFailsMidway() throws IOException {
        Path truncated = folder.resolve("pixels.raw");
        Files.write(truncated, new byte[100_000]);
        Attributes dataset = ctDataset();
        dataset.setBulkData(Tags.PIXEL_DATA, VR.OW, new BulkData(truncated, 0, 300_000, false));
        Path target = folder.resolve("out.dcm");

        assertThatThrownBy(() -> DicomWriter.write(target, null, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("pixels.raw");

        assertThat(target).doesNotExist();
        assertThat(listNames(folder)).containsExactly("pixels.raw");
    }

    @Test
    void keepsThePreviousFileWhenWritingFailsAndReplacesItWhenWritingSucceeds() throws IOException {
        Path target = folder.resolve("out.dcm");
        Files.write(target, "previous".getBytes(StandardCharsets.US_ASCII));
        Attributes broken = ctDataset();
        broken.setBulkData(Tags.PIXEL_DATA, VR.OW, new BulkData(folder.resolve("missing.raw"), 0, 10, false));

        assertThatThrownBy(() -> DicomWriter.write(target, null, broken, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("previous");
        assertThat(listNames(folder)).containsExactly("out.dcm");

        DicomWriter.write(target, null, ctDataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(DicomReader.read(target).dataset().firstDifference(ctDataset())).isNull();
        assertThat(listNames(folder)).containsExactly("out.dcm");
    }

    @Test
    void rewritesAFileInPlaceFromItsOwnBulkDataReferences() throws IOException {
        Path file = folder.resolve("ct.dcm");
        Files.copy(org.lumen.dicom.testing.TestData.dicom("pydicom/test_files/CT_small.dcm"), file);
        DicomFile original = DicomReader.read(file, ReadOptions.DEFAULT);
        assertThat(original.dataset().value(Tags.PIXEL_DATA)).isInstanceOf(BulkData.class);
        Attributes expected = DicomReader.read(file, ReadOptions.INCLUDE_ALL).dataset();

        DicomWriter.write(file, original.fileMeta(), original.dataset(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);

        DicomFile rewritten = DicomReader.read(file, ReadOptions.INCLUDE_ALL);
        assertThat(rewritten.transferSyntax().uid()).isEqualTo(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        expected.remove(0x00080000);
        assertThat(expected.firstDifference(rewritten.dataset())).isNull();
        assertThat(listNames(folder)).containsExactly("ct.dcm");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Attributes ctDataset() {
        Attributes dataset = new Attributes();
        dataset.setString(SOP_CLASS_UID, VR.UI, CT_IMAGE_STORAGE);
        dataset.setString(SOP_INSTANCE_UID, VR.UI, "1.2.826.0.1.3680043.2.1125.1");
        dataset.setString(0x00080060, VR.CS, "CT");
        dataset.setString(0x00100010, VR.PN, "Doe^Jane");
        return dataset;
    }

    private static byte[] encode(Attributes dataset, TransferSyntax syntax) throws IOException {
        return encode(dataset, syntax, WriteOptions.DEFAULT);
    }

    private static byte[] encode(Attributes dataset, TransferSyntax syntax, WriteOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeDataset(out, dataset, syntax, options);
        return out.toByteArray();
    }

    /** Walks explicit VR little endian elements of group 0002 from {@code offset}; returns where they end. */
    private static int endOfGroup2(byte[] file, int offset) {
        int position = offset;
        while (ByteUtils.u16(file, position, false) == 0x0002) {
            VR vr = VR.ofCode(ByteUtils.u16(file, position + 4, true));
            position += vr.hasLongHeader() ? 12 + ByteUtils.i32(file, position + 8, false) : 8 + ByteUtils.u16(file, position + 6, false);
        }
        return position;
    }

    private static boolean containsTag(byte[] encoded, int tag, boolean bigEndian) {
        for (int i = 0; i + 4 <= encoded.length; i += 2) {
            if (ByteUtils.tag(encoded, i, bigEndian) == tag) {
                return true;
            }
        }
        return false;
    }

    private static String[] listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String ascii(String text) {
        return hex(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Counts what it is given and keeps the first and last 64 bytes. */
    private static final class EndsRecorder extends java.io.OutputStream {
        final byte[] head = new byte[64];
        private final byte[] ring = new byte[64];
        long count;

        @Override
        public void write(int b) {
            if (count < head.length) {
                head[(int) count] = (byte) b;
            }
            ring[(int) (count % ring.length)] = (byte) b;
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int skip = Math.max(0, len - ring.length);
            for (int k = 0; k < Math.min(len, head.length); k++) {
                if (count + k < head.length) {
                    head[(int) (count + k)] = b[off + k];
                }
            }
            count += skip;
            for (int k = skip; k < len; k++) {
                ring[(int) (count % ring.length)] = b[off + k];
                count++;
            }
        }

        byte[] tail() {
            byte[] out = new byte[ring.length];
            for (int k = 0; k < ring.length; k++) {
                out[k] = ring[(int) ((count + k) % ring.length)];
            }
            return out;
        }
    }
}
