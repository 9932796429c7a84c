package org.lumen.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.testing.TestData;

/**
 * Every corpus file our reader reads survives read, write, read in every syntax it can be expressed in: the dataset read back
 * equals the one written ({@link Attributes#firstDifference} is null), the file read back needs no repair (no reader
 * warnings) and names the syntax it was written in.
 *
 * <p>Which combinations are tried, and what "equal" allows, are the rules below; nothing else is skipped or relaxed.
 * <ul>
 * <li>Files the reader rejects ({@link DicomParseException}) are skipped: there is nothing to write.</li>
 * <li>Native input is written in implicit VR LE, explicit VR LE, explicit VR BE and deflated explicit VR LE. Encapsulated
 * input is written only in its own syntax: re-encoding pixel data needs codecs, which the writer refuses (tested in
 * {@code DicomWriterTest}). Big endian with encapsulated pixel data is likewise refused, never tried. Each file is also
 * written once with defined-length sequences (explicit VR LE, or its own encapsulated syntax); implicit VR with defined
 * lengths is not tried, since a private sequence of defined length is indistinguishable from bytes there.</li>
 * <li>A dataset with neither SOP Class/Instance UID nor a meta header naming them (DICOMDIR-like fragments, test
 * snippets) cannot be a Part 10 file; it is written and read back as a bare dataset instead.</li>
 * <li>Group length elements (gggg,0000) are removed from the expected dataset: the writer drops them by design.</li>
 * <li>Values of odd length (producer defects, e.g. 8-bit OB pixel data of 169 x 211 bytes) are padded in the expected
 * dataset with the VR's padding byte, as the writer pads them (PS3.5 7.1.1).</li>
 * <li>The output may carry the reader warnings the input carried (e.g. an unknown transfer syntax UID); any other warning
 * is a failure.</li>
 * <li>Implicit VR carries no VRs: where the VR read back differs, the expected element takes the VR read back and its value
 * in little endian bytes, so the value is still compared byte for byte. Likewise an explicit VR value too long for a
 * 16-bit length comes back as UN (CP-1066) unless the reader's dictionary knows the tag.</li>
 * </ul>
 */
class DicomWriterRoundTripTest {
    static final List<String> NATIVE_SYNTAXES = List.of(
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    /** Round trips that passed, by syntax (and "bare" for datasets written without Part 10 framing), for the log. */
    private static final Map<String, Integer> PASSED = new ConcurrentSkipListMap<>();

    @TempDir
    Path folder;

    @AfterAll
    static void printCounts() {
        System.out.println("Round trips passed: " + PASSED);
    }

    static Stream<String> corpus() {
        Path root = TestData.data("dicom");
        List<Path> files = TestData.dicomCorpus();
        assertThat(files).as("corpus size").hasSizeGreaterThan(300);
        return files.stream().map(file -> root.relativize(file).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void datasetSurvivesWriteAndRead(String relativePath) throws IOException {
        DicomFile original;
        try {
            original = DicomReader.read(TestData.dicom(relativePath), ReadOptions.INCLUDE_ALL);
        } catch (DicomParseException e) {
            Assumptions.abort("reader rejects the file: " + e.getMessage());
            return;
        }
        List<String> failures = new ArrayList<>();
        List<String> syntaxes = targetSyntaxes(original);
        for (String syntax : syntaxes) {
            String failure = roundTrip(original, syntax, WriteOptions.DEFAULT, folder);
            if (failure != null) {
                failures.add(TransferSyntax.of(syntax).name() + ": " + failure);
            } else {
                PASSED.merge(TransferSyntax.of(syntax).name(), 1, Integer::sum);
            }
        }
        String definedLengthSyntax = syntaxes.size() == 1 ? syntaxes.get(0) : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        String failure = roundTrip(original, definedLengthSyntax, WriteOptions.DEFINED_LENGTHS, folder);
        if (failure != null) {
            failures.add(TransferSyntax.of(definedLengthSyntax).name() + " with defined lengths: " + failure);
        } else {
            PASSED.merge("defined lengths", 1, Integer::sum);
        }
        if (!canBePart10(original.dataset(), original.fileMeta())) {
            PASSED.merge("of which bare datasets", 1, Integer::sum);
        }
        assertThat(failures).as(relativePath).isEmpty();
    }

    /**
     * Native syntaxes for native pixel data; the source syntax for fragments. The meta header names that syntax even when
     * the reader reports another (it reports the encoding it repaired, e.g. implicit VR under a JPEG meta header).
     */
    static List<String> targetSyntaxes(DicomFile original) {
        if (!(original.dataset().value(Tags.PIXEL_DATA) instanceof Fragments) && !original.transferSyntax().encapsulated()) {
            return NATIVE_SYNTAXES;
        }
        String declared = original.fileMeta().getString(Tags.TRANSFER_SYNTAX_UID);
        return List.of(declared != null && TransferSyntax.of(declared).encapsulated() ? declared : original.transferSyntax().uid());
    }

    /** Writes, reads back and compares; returns what differs, or null. */
    static String roundTrip(DicomFile original, String syntaxUid, WriteOptions options, Path folder) throws IOException {
        TransferSyntax syntax = TransferSyntax.of(syntaxUid);
        Attributes dataset = original.dataset();
        Attributes meta = original.fileMeta().isEmpty() ? null : original.fileMeta();
        Attributes readBack;
        if (canBePart10(dataset, meta)) {
            Path out = folder.resolve("out.dcm");
            DicomWriter.write(out, meta, dataset, syntaxUid, options);
            DicomFile written = DicomReader.read(out, ReadOptions.INCLUDE_ALL);
            List<String> newWarnings = withoutOffsets(written.warnings());
            newWarnings.removeAll(withoutOffsets(original.warnings()));
            if (!newWarnings.isEmpty()) {
                return "reader needed repairs it did not need on the input: " + newWarnings;
            }
            if (!written.transferSyntax().uid().equals(syntaxUid)
                    || !syntaxUid.equals(written.fileMeta().getString(Tags.TRANSFER_SYNTAX_UID))) {
                return "read back as " + written.transferSyntax().uid();
            }
            readBack = written.dataset();
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DicomWriter.writeDataset(bytes, dataset, syntax, options);
            readBack = DicomReader.readDataset(new ByteArrayInputStream(bytes.toByteArray()), "bare", syntax,
                    ReadOptions.INCLUDE_ALL);
        }
        Attributes expected = expectedAfterWriting(dataset, readBack, !syntax.explicitVR());
        return expected.firstDifference(readBack);
    }

    /** Warnings without their "(at byte offset N)" suffix, which differs between input and output. */
    private static List<String> withoutOffsets(List<String> warnings) {
        List<String> out = new ArrayList<>();
        for (String warning : warnings) {
            out.add(warning.replaceAll(" \\(at byte offset \\d+\\)$", ""));
        }
        return out;
    }

    static boolean canBePart10(Attributes dataset, Attributes meta) {
        return (dataset.getString(0x00080016) != null || meta != null && meta.getString(0x00020002) != null)
                && (dataset.getString(0x00080018) != null || meta != null && meta.getString(0x00020003) != null);
    }

    /**
     * The dataset the writer is meant to produce from {@code original}, in little endian: group lengths dropped, and VRs that
     * the encoding cannot carry taken from what was read back (see the class comment).
     */
    static Attributes expectedAfterWriting(Attributes original, Attributes readBack, boolean implicitVR) {
        Attributes expected = new Attributes(false, original.size());
        copyExpected(original, expected, readBack, implicitVR);
        return expected;
    }

    private static void copyExpected(Attributes source, Attributes target, Attributes readBack, boolean implicitVR) {
        for (int i = 0; i < source.size(); i++) {
            int tag = source.tagAt(i);
            if (Tags.isGroupLength(tag)) {
                continue;
            }
            VR vr = source.vrAt(i);
            Object value = source.valueAt(i);
            int j = readBack == null ? -1 : readBack.indexOf(tag);
            Object valueBack = j >= 0 ? readBack.valueAt(j) : null;
            if (value instanceof Sequence sequence) {
                Sequence copy = target.newSequence(tag, sequence.size());
                Sequence sequenceBack = valueBack instanceof Sequence s ? s : null;
                for (int k = 0; k < sequence.size(); k++) {
                    Attributes itemBack = sequenceBack != null && k < sequenceBack.size() ? sequenceBack.get(k) : null;
                    copyExpected(sequence.get(k), copy.addItem(), itemBack, implicitVR);
                }
                continue;
            }
            if (value != null && !(value instanceof byte[]) && !(value instanceof String[])) {
                target.setValue(tag, vr, value);
                continue;
            }
            byte[] bytes = littleEndian(source, i);
            VR vrBack = j >= 0 ? readBack.vrAt(j) : vr;
            boolean vrLost = vrBack != vr && !(valueBack instanceof Sequence)
                    && (implicitVR || vrBack == VR.UN && bytes.length > 0xFFFE && !vr.hasLongHeader());
            if (vrLost) {
                target.setValue(tag, vrBack, bytes.length == 0 ? null : padded(bytes, vr));
            } else {
                target.setValue(tag, vr, value instanceof String[] || value == null ? value : padded(bytes, vr));
            }
        }
    }

    private static byte[] littleEndian(Attributes source, int i) {
        byte[] bytes = source.bytesAt(i);
        if (bytes == null) {
            return new byte[0];
        }
        VR vr = source.vrAt(i);
        return source.bigEndian() && vr.isByteOrderSensitive() ? ByteUtils.swap(bytes.clone(), vr.byteSwapUnit()) : bytes;
    }

    private static byte[] padded(byte[] bytes, VR vr) {
        if ((bytes.length & 1) == 0) {
            return bytes;
        }
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        out[bytes.length] = vr.paddingByte();
        return out;
    }

}
