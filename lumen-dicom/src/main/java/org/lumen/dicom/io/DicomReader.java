package org.lumen.dicom.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.StandardVrs;

/**
 * Reads Part 10 files and bare datasets in every uncompressed and encapsulated transfer syntax. Tolerates the common
 * producer defects and records each as a warning: no preamble, no or wrong meta header, a meta header that names the wrong
 * VR encoding, missing delimiters or a last sequence/item cut short at the end of the file, zero padding after the
 * dataset, odd lengths, repeated or unsorted elements, encapsulated pixel data declared OW. Anything it cannot make sense
 * of is a {@link DicomParseException} naming the offset and tag. It agrees with dcmtk's dcmdump on the shared corpus (see
 * DcmdumpCorpusTest). Pixel data and other large values stay in the file as {@link BulkData} by default.
 */
public final class DicomReader {
    private static final int UNDEFINED_LENGTH = -1;
    private static final int MAX_DEPTH = 64;
    private static final byte[] MAGIC = {'D', 'I', 'C', 'M'};

    private final String source;
    private final Path path;
    private final ReadOptions options;
    private final List<String> warnings = new ArrayList<>();
    private DicomInput input;
    private boolean referencesAllowed;
    private boolean inflated;
    /** The element being read and where its header starts: the context of any error. */
    private int elementTag = UNDEFINED_TAG;
    private long elementStart;

    private DicomReader(String source, Path path, ReadOptions options) {
        this.source = source;
        this.path = path;
        this.options = options;
    }

    public static DicomFile read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT);
    }

    public static DicomFile read(Path file, ReadOptions options) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return new DicomReader(file.toString(), file, options).parse(in, size);
        }
    }

    /** Reads from a stream; bulk data cannot be referenced, so REFERENCE behaves as INCLUDE. */
    public static DicomFile read(InputStream in, String sourceName, ReadOptions options) throws IOException {
        return new DicomReader(sourceName, null, options).parse(in, -1);
    }

    public static DicomFile read(byte[] bytes, String sourceName, ReadOptions options) throws IOException {
        return new DicomReader(sourceName, null, options).parse(new ByteArrayInputStream(bytes), bytes.length);
    }

    /**
     * Parses a bare dataset (no preamble or meta) in a known transfer syntax, such as a DIMSE data set or the value of an item.
     */
    public static Attributes readDataset(InputStream in, String sourceName, TransferSyntax syntax, ReadOptions options)
            throws IOException {
        DicomReader reader = new DicomReader(sourceName, null, options);
        reader.inflated = syntax.deflated();
        reader.input = new DicomInput(syntax.deflated() ? inflate(in) : buffered(in), -1);
        return reader.guarded(() -> {
            Attributes dataset = new Attributes(syntax.bigEndian(), 64);
            reader.readItemContent(dataset, UNDEFINED_LENGTH, syntax.explicitVR(), syntax.bigEndian(), 0, true);
            return dataset;
        });
    }

    private DicomFile parse(InputStream raw, long size) throws IOException {
        input = new DicomInput(buffered(raw), size);
        referencesAllowed = path != null;
        return guarded(this::parseFile);
    }

    private static InputStream buffered(InputStream raw) {
        return raw instanceof BufferedInputStream || raw instanceof ByteArrayInputStream ? raw : new BufferedInputStream(raw, 8192);
    }

    /** A parse step that may fail on bad input. */
    private interface Step<T> {
        T run() throws IOException;
    }

    /**
     * Runs a parse and turns every failure caused by the input into a {@link DicomParseException} that names the element
     * being read and the offset of its header: the only exception a caller has to handle.
     */
    private <T> T guarded(Step<T> step) throws IOException {
        try {
            return step.run();
        } catch (DicomParseException e) {
            throw e;
        } catch (EOFException e) {
            throw error("file ends unexpectedly: " + e.getMessage(), e);
        } catch (java.util.zip.ZipException e) {
            throw error("deflated dataset is corrupt: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw error("unreadable data: " + e, e);
        }
    }

    private static final int UNDEFINED_TAG = DicomParseException.NO_TAG;

    private DicomFile parseFile() throws IOException {
        boolean preamble = skipPreamble();
        Attributes meta = new Attributes(false, 12);
        if (startsWithMetaGroup()) {
            readFileMeta(meta);
        } else if (preamble) {
            warn(input.position(), "no file meta information after the DICM prefix");
        }
        String tsUid = meta.getString(Tags.TRANSFER_SYNTAX_UID);
        TransferSyntax syntax;
        if (tsUid == null) {
            syntax = guessSyntax();
            if (!meta.isEmpty()) {
                warn(0, "file meta information has no Transfer Syntax UID; the dataset looks like " + syntax.name());
            }
        } else {
            syntax = TransferSyntax.of(tsUid.trim());
            if (!TransferSyntax.isKnown(syntax.uid())) {
                warn(0, "unknown Transfer Syntax UID " + syntax.uid() + "; reading as explicit VR little endian, encapsulated");
            }
        }
        if (syntax.deflated()) {
            input = new DicomInput(inflate(new RestOfInput(input)), -1);
            referencesAllowed = false;
            inflated = true;
        } else {
            syntax = correctEncoding(syntax);
        }
        Attributes dataset = new Attributes(syntax.bigEndian(), 64);
        readItemContent(dataset, UNDEFINED_LENGTH, syntax.explicitVR(), syntax.bigEndian(), 0, true);
        return new DicomFile(source, path, preamble, meta, dataset, syntax, warnings);
    }

    private static InputStream inflate(InputStream in) {
        return new BufferedInputStream(new InflaterInputStream(in, new Inflater(true), 8192), 65536);
    }

    /** Consumes the preamble and "DICM" when present; tolerates files that start with "DICM" or with data. */
    private boolean skipPreamble() throws IOException {
        if (input.ensure(132) && hasMagicAt(128)) {
            input.advance(132);
            return true;
        }
        if (input.ensure(4) && hasMagicAt(0)) {
            warn(0, "no 128-byte preamble before DICM");
            input.advance(4);
            return true;
        }
        if (!input.ensure(8)) {
            throw error(UNDEFINED_TAG, 0, "too short to be DICOM (" + input.buffered() + " bytes)", null);
        }
        return false;
    }

    private boolean hasMagicAt(int at) {
        for (int i = 0; i < 4; i++) {
            if (input.peek(at + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithMetaGroup() throws IOException {
        return input.ensure(8) && input.peek(0) == 0x02 && input.peek(1) == 0x00;
    }

    /** Group 0002 is explicit VR little endian; some producers write it implicit, which is tolerated. */
    private void readFileMeta(Attributes meta) throws IOException {
        boolean explicit = looksExplicit(false);
        if (!explicit) {
            warn(input.position(), "file meta information is encoded with implicit VR");
        }
        long start = input.position();
        while (input.ensure(8) && input.peek(0) == 0x02 && input.peek(1) == 0x00) {
            readElement(meta, explicit, false, 0, true);
        }
        if (!meta.contains(0x00020000)) {
            warn(start, "file meta information has no group length (0002,0000)");
        }
    }

    /** True when the next element header carries two letters that form a VR. */
    private boolean looksExplicit(boolean bigEndian) throws IOException {
        if (!input.ensure(6)) {
            return true;
        }
        return VR.ofCode(((input.peek(4) & 0xFF) << 8) | (input.peek(5) & 0xFF)) != null;
    }

    /** For a file without meta header: decide byte order and VR encoding from the first element. */
    private TransferSyntax guessSyntax() throws IOException {
        if (!input.ensure(8)) {
            return TransferSyntax.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        }
        boolean bigEndian = input.peek(0) == 0 && input.peek(1) != 0;
        boolean explicit = looksExplicit(bigEndian);
        String uid = explicit
                ? (bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        return TransferSyntax.of(uid);
    }

    /** A meta header that names the wrong VR encoding is a common defect: trust the data, and say so. */
    private TransferSyntax correctEncoding(TransferSyntax syntax) throws IOException {
        if (!input.ensure(8)) {
            return syntax;
        }
        int tag = ByteUtils.tag(input.buffer(), input.bufferPos(), syntax.bigEndian());
        VR found = VR.ofCode(((input.peek(4) & 0xFF) << 8) | (input.peek(5) & 0xFF));
        if (syntax.explicitVR() && found == null && !Tags.isDelimiter(tag)) {
            warn(input.position(), syntax.name() + " named in the meta header, but the dataset is implicit VR; reading it as such");
            return TransferSyntax.of(syntax.bigEndian() ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)
                    .withExplicitVR(false);
        }
        if (!syntax.explicitVR() && found != null && found == StandardVrs.first(tag) && found != VR.UN) {
            warn(input.position(), "Implicit VR named in the meta header, but the dataset is explicit VR; reading it as such");
            return TransferSyntax.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return syntax;
    }

    /**
     * Reads elements into {@code dataset} until {@code end} (a stream position) or, for undefined length, an item delimiter
     * (or, at the top level, the end of input).
     */
    private void readItemContent(Attributes dataset, long end, boolean explicit, boolean bigEndian, int depth, boolean topLevel)
            throws IOException {
        while (true) {
            if (end >= 0 && input.position() >= end) {
                if (input.position() > end) {
                    throw error("the element runs " + (input.position() - end) + " bytes past the end of its item", null);
                }
                return;
            }
            if (!input.ensure(8)) {
                if (input.atEnd()) {
                    if (!topLevel) {
                        warn(input.position(), "file ends inside an item without its delimiter");
                    }
                    return;
                }
                if (topLevel && trailingZeros()) {
                    return;
                }
                long at = input.position();
                int partialTag = input.buffered() >= 4 ? ByteUtils.tag(input.buffer(), input.bufferPos(), bigEndian) : elementTag;
                throw error(partialTag, at, "file ends inside an element header (" + input.buffered() + " of at least 8 bytes)", null);
            }
            int tag = ByteUtils.tag(input.buffer(), input.bufferPos(), bigEndian);
            if (tag == Tags.ITEM_DELIMITATION) {
                input.advance(8);
                if (topLevel) {
                    warn(input.position() - 8, "item delimiter outside any item ignored");
                    continue;
                }
                return;
            }
            if (tag == Tags.SEQUENCE_DELIMITATION && !topLevel) {
                // Missing item delimiter: leave the sequence delimiter for the sequence to consume.
                warn(input.position(), "item ends without its delimiter");
                return;
            }
            if (topLevel && tag == 0 && skipZeroPadding()) {
                continue;
            }
            if (topLevel && options.stopBeforePixelData() && Integer.compareUnsigned(tag, Tags.FLOAT_PIXEL_DATA) >= 0
                    && Integer.compareUnsigned(tag, 0x7FE10000) < 0) {
                return;
            }
            readElement(dataset, explicit, bigEndian, depth, topLevel);
        }
    }

    /**
     * Some producers pad a file with zero bytes after the dataset. Eight zero bytes would parse as an empty (0000,0000)
     * element, which no dataset holds (a real group length has length 4), so a run of them is skipped with one warning.
     *
     * @return true when zero bytes were skipped
     */
    private boolean skipZeroPadding() throws IOException {
        long start = input.position();
        while (input.ensure(8) && isZero(8)) {
            input.advance(8);
        }
        long skipped = input.position() - start;
        if (skipped == 0) {
            return false;
        }
        // The loop stopped at fewer than 8 bytes (all of them buffered now) or at a non-zero byte.
        int tail = input.buffered();
        if (tail < 8 && isZero(tail)) {
            input.advance(tail);
            warn(start, (input.position() - start) + " bytes of zero padding at the end of the file ignored");
        } else {
            warn(start, skipped + " zero bytes (empty (0000,0000) elements) before more data skipped");
        }
        return true;
    }

    private boolean isZero(int count) {
        for (int i = 0; i < count; i++) {
            if (input.peek(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A run of zero bytes at the end of a file is padding some producers add; anything else is an error. */
    private boolean trailingZeros() throws IOException {
        long left = input.remaining();
        if (left >= 8 || left == Long.MAX_VALUE) {
            return false;
        }
        for (int i = 0; i < left; i++) {
            if (input.peek(i) != 0) {
                return false;
            }
        }
        warn(input.position(), left + " stray bytes at the end of the file ignored");
        input.advance((int) left);
        return true;
    }

    private void readElement(Attributes dataset, boolean explicit, boolean bigEndian, int depth, boolean topLevel)
            throws IOException {
        long headerStart = input.position();
        int tag = input.readTag(bigEndian);
        elementTag = tag;
        elementStart = headerStart;
        Attributes target = placeFor(dataset, tag, headerStart);
        VR vr;
        long length;
        if (explicit && !Tags.isDelimiter(tag)) {
            input.ensure(2);
            int code = ((input.peek(0) & 0xFF) << 8) | (input.peek(1) & 0xFF);
            vr = VR.ofCode(code);
            if (vr == null) {
                if (looksLikeImplicitLength(code)) {
                    warn(headerStart, Tags.toString(tag) + " has no VR in an explicit VR dataset; using the dictionary's");
                    vr = implicitVR(dataset, tag);
                    length = input.readI32(bigEndian) & 0xFFFFFFFFL;
                } else {
                    warn(headerStart, Tags.toString(tag) + " has an invalid VR " + printable(code) + "; read as UN");
                    input.advance(2);
                    vr = VR.UN;
                    length = input.readU16(bigEndian);
                }
            } else {
                input.advance(2);
                if (vr.hasLongHeader()) {
                    input.ensure(2);
                    input.advance(2);
                    length = input.readI32(bigEndian) & 0xFFFFFFFFL;
                } else {
                    length = input.readU16(bigEndian);
                }
            }
        } else {
            length = input.readI32(bigEndian) & 0xFFFFFFFFL;
            vr = Tags.isDelimiter(tag) ? VR.UN : implicitVR(dataset, tag);
        }
        if (tag == Tags.ITEM) {
            throw error("an item appears outside a sequence", null);
        }
        boolean undefined = length == 0xFFFFFFFFL;
        if (undefined) {
            length = UNDEFINED_LENGTH;
        }
        if (depth > MAX_DEPTH) {
            throw error("sequences nested more than " + MAX_DEPTH + " deep", null);
        }
        if ((tag == Tags.PIXEL_DATA && undefined && depth == 0) || (undefined && isEncapsulatedCandidate(tag, vr) && depth == 0)) {
            readFragments(target, tag, vr, headerStart, bigEndian);
            return;
        }
        if (vr == VR.SQ || undefined) {
            boolean itemsImplicit = vr == VR.UN || !explicit;
            if (vr == VR.UN) {
                // PS3.5 6.2.2: a UN of undefined length is a sequence encoded in implicit VR little endian.
                VR known = knownVR(dataset, tag);
                vr = VR.SQ;
                if (known != VR.SQ && known != null && known != VR.UN) {
                    warn(headerStart, Tags.toString(tag) + " UN of undefined length read as a sequence");
                }
                readSequence(target, tag, length, false, false, depth);
                return;
            }
            if (vr != VR.SQ) {
                warn(headerStart, Tags.toString(tag) + " " + vr + " has undefined length; read as a sequence");
            }
            readSequence(target, tag, length, !itemsImplicit, bigEndian, depth);
            return;
        }
        if (length > input.remaining()) {
            throw error("value length " + length + " runs past the end of the file (" + input.remaining() + " bytes left)", null);
        }
        if (vr == VR.UN && options.reinterpretUnknown()) {
            VR known = knownVR(dataset, tag);
            if (known == VR.SQ) {
                long valueStart = input.position();
                byte[] bytes = input.readBytes(length);
                readUnknownAsSequence(target, tag, bytes, valueStart, depth);
                return;
            }
            if (known != null && known != VR.UN) {
                vr = known;
            }
        }
        readValue(target, tag, vr, length, bigEndian);
    }

    /**
     * Elements must ascend by tag. One out of order is kept (the dataset sorts it) with a warning; a repeated tag is read
     * but dropped, keeping the first, as dcmtk does.
     */
    private Attributes placeFor(Attributes dataset, int tag, long headerStart) {
        int size = dataset.size();
        if (size == 0 || Tags.isDelimiter(tag) || Integer.compareUnsigned(tag, dataset.tagAt(size - 1)) > 0) {
            return dataset;
        }
        if (dataset.contains(tag)) {
            warn(headerStart, Tags.toString(tag) + " appears twice in one dataset; the second is ignored");
            return new Attributes(dataset.bigEndian(), 4);
        }
        warn(headerStart, Tags.toString(tag) + " is out of ascending tag order");
        return dataset;
    }

    /** Pixel data of the dataset itself is bulk data whatever its size: parsing a header never loads pixels. */
    private static boolean isTopLevelPixelData(Attributes dataset, int tag) {
        return dataset.parent() == null
                && (tag == Tags.PIXEL_DATA || tag == Tags.FLOAT_PIXEL_DATA || tag == Tags.DOUBLE_FLOAT_PIXEL_DATA);
    }

    private static boolean isEncapsulatedCandidate(int tag, VR vr) {
        return (tag == Tags.PIXEL_DATA) && (vr == VR.OB || vr == VR.OW || vr == VR.UN);
    }

    private static String printable(int code) {
        char a = (char) (code >> 8);
        char b = (char) (code & 0xFF);
        return (a >= 32 && a < 127 && b >= 32 && b < 127) ? "'" + a + b + "'" : String.format("0x%04X", code);
    }

    /** In an explicit dataset, a missing VR shows as two bytes that are the low half of a 32-bit little endian length. */
    private boolean looksLikeImplicitLength(int code) throws IOException {
        input.ensure(4);
        int high = ((input.peek(2) & 0xFF) << 8) | (input.peek(3) & 0xFF);
        return high == 0 || high == 0xFFFF;
    }

    /** The VR an implicit VR element has: from the dictionary, private dictionary, or by the context of the dataset. */
    private VR implicitVR(Attributes dataset, int tag) {
        if (Tags.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tags.isPrivate(tag)) {
            if (Tags.isPrivateCreator(tag)) {
                return VR.LO;
            }
            VR known = knownVR(dataset, tag);
            return known != null ? known : VR.UN;
        }
        VR vr = StandardVrs.first(tag);
        return resolveAmbiguous(dataset, tag, vr);
    }

    /** The dictionary's VR for a tag (standard, or private through its creator), or null when unknown. */
    private VR knownVR(Attributes dataset, int tag) {
        if (Tags.isPrivate(tag)) {
            if (Tags.isPrivateCreator(tag)) {
                return VR.LO;
            }
            return PrivateVRs.lookup(dataset.privateCreatorOf(tag), tag);
        }
        VR vr = StandardVrs.first(tag);
        return vr == VR.UN ? null : resolveAmbiguous(dataset, tag, vr);
    }

    /** US or SS elements follow Pixel Representation; OB or OW pixel data is OW in implicit VR (PS3.5 A.1 and 8.2). */
    private VR resolveAmbiguous(Attributes dataset, int tag, VR vr) {
        if (vr != VR.US && vr != VR.SS && vr != VR.OB && vr != VR.OW) {
            return vr; // only "US or SS", "OB or OW" and "US or OW" (LUT data) are ambiguous
        }
        List<VR> choices = StandardVrs.of(tag);
        if (choices.size() < 2) {
            return vr;
        }
        if (choices.contains(VR.SS) && choices.contains(VR.US)) {
            Attributes top = dataset;
            while (top.parent() != null && !top.contains(0x00280103)) {
                top = top.parent();
            }
            return top.getInt(0x00280103, 0) == 1 ? VR.SS : VR.US;
        }
        if (choices.contains(VR.OW)) {
            return VR.OW;
        }
        return vr;
    }

    private void readValue(Attributes dataset, int tag, VR vr, long length, boolean bigEndian) throws IOException {
        long valueStart = input.position();
        if ((length & 1) == 1) {
            warn(elementStart, Tags.toString(tag) + " " + vr + " has odd length " + length);
        }
        if (vr.isBulk() && length > 0 && (length >= options.bulkDataThreshold() || isTopLevelPixelData(dataset, tag))) {
            switch (options.bulkData()) {
                case SKIP -> {
                    input.skip(length);
                    return;
                }
                case REFERENCE -> {
                    if (referencesAllowed) {
                        input.skip(length);
                        dataset.setValue(tag, vr, new BulkData(path, valueStart, length, bigEndian));
                        return;
                    }
                }
                default -> {
                }
            }
        }
        byte[] value = input.readBytes(length);
        dataset.setValue(tag, vr, value.length == 0 ? null : value);
    }

    private void readSequence(Attributes dataset, int tag, long length, boolean explicit, boolean bigEndian, int depth)
            throws IOException {
        Sequence sequence = dataset.newSequence(tag, 4);
        long end = length == UNDEFINED_LENGTH ? -1 : input.position() + clipToInput(tag, "sequence", length);
        while (true) {
            if (end >= 0 && input.position() >= end) {
                return;
            }
            if (!input.ensure(8)) {
                if (end < 0) {
                    warn(input.position(), Tags.toString(tag) + " sequence ends without its delimiter at the end of the file");
                    return;
                }
                throw error(tag, input.position(), "file ends inside sequence " + Tags.toString(tag), null);
            }
            long itemStart = input.position();
            int itemTag = input.readTag(bigEndian);
            long itemLength = input.readI32(bigEndian) & 0xFFFFFFFFL;
            elementTag = itemTag;
            elementStart = itemStart;
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                return;
            }
            if (itemTag == Tags.ITEM_DELIMITATION && end < 0) {
                warn(itemStart, Tags.toString(tag) + " has a stray item delimiter");
                continue;
            }
            if (itemTag != Tags.ITEM) {
                throw error("expected an item (FFFE,E000) in sequence " + Tags.toString(tag), null);
            }
            Attributes item = sequence.addItem();
            item.setItemOffset(itemStart);
            long itemEnd = itemLength == 0xFFFFFFFFL ? -1 : input.position() + clipToInput(tag, "item", itemLength);
            readItemContent(item, itemEnd, explicit, bigEndian, depth + 1, false);
        }
    }

    /**
     * A sequence or item whose length runs past the end of the file (a truncated file, or one whose producer removed
     * elements without fixing the lengths) is read up to the end of the file; an element cut off inside it is still an error.
     */
    private long clipToInput(int tag, String what, long length) {
        long left = input.remaining();
        if (length <= left) {
            return length;
        }
        warn(input.position(), Tags.toString(tag) + " " + what + " length " + length + " runs " + (length - left)
                + " bytes past the end of the file; read up to the end");
        return left;
    }

    /** A defined-length UN whose tag the dictionary calls SQ: its value is a sequence in implicit VR little endian. */
    private void readUnknownAsSequence(Attributes dataset, int tag, byte[] bytes, long valueStart, int depth) throws IOException {
        DicomInput saved = input;
        boolean savedReferences = referencesAllowed;
        input = new DicomInput(new ByteArrayInputStream(bytes), bytes.length, valueStart);
        referencesAllowed = false;
        try {
            readSequence(dataset, tag, bytes.length, false, false, depth);
        } catch (DicomParseException e) {
            // Not a valid sequence after all: keep the bytes as they came.
            warn(valueStart, Tags.toString(tag) + " UN could not be read as a sequence (" + e.getMessage() + "); kept as UN");
            dataset.setValue(tag, VR.UN, bytes);
        } finally {
            input = saved;
            referencesAllowed = savedReferences;
        }
    }

    private void readFragments(Attributes dataset, int tag, VR vr, long headerStart, boolean bigEndian) throws IOException {
        if (vr == VR.OW) {
            // PS3.5 A.4: encapsulated pixel data is OB whatever the producer wrote; dcmtk normalises it the same way.
            warn(headerStart, Tags.toString(tag) + " encapsulated pixel data is declared OW; read as OB (PS3.5 A.4)");
        }
        Fragments fragments = new Fragments(VR.OB, bigEndian);
        dataset.setFragments(tag, fragments);
        while (true) {
            if (!input.ensure(8)) {
                warn(input.position(), "encapsulated pixel data ends without its sequence delimiter");
                return;
            }
            long itemStart = input.position();
            int itemTag = input.readTag(bigEndian);
            long length = input.readI32(bigEndian) & 0xFFFFFFFFL;
            elementTag = itemTag;
            elementStart = itemStart;
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                return;
            }
            if (itemTag != Tags.ITEM) {
                throw error("expected a fragment item (FFFE,E000) in the encapsulated pixel data " + Tags.toString(tag), null);
            }
            if (length == 0xFFFFFFFFL) {
                throw error("a fragment of pixel data " + Tags.toString(tag) + " has undefined length", null);
            }
            if (length > input.remaining()) {
                throw error("fragment length " + length + " runs past the end of the file (" + input.remaining()
                        + " bytes left)", null);
            }
            long valueStart = input.position();
            if ((length & 1) == 1) {
                warn(itemStart, "fragment " + fragments.size() + " of " + Tags.toString(tag) + " has odd length " + length);
            }
            boolean firstItem = fragments.size() == 0;
            if (!firstItem && referencesAllowed && options.bulkData() != ReadOptions.BulkDataMode.INCLUDE) {
                input.skip(length);
                fragments.add(new BulkData(path, valueStart, length, bigEndian));
            } else {
                fragments.add(input.readBytes(length));
            }
        }
    }

    private void warn(long offset, String message) {
        warnings.add(message + " (at byte offset " + offset + ")");
    }

    /** An error in the element being read, reported at the offset of its header. */
    private DicomParseException error(String problem, Throwable cause) {
        return error(elementTag, elementStart, problem, cause);
    }

    private DicomParseException error(int tag, long offset, String problem, Throwable cause) {
        String where = inflated ? problem + " (offsets count in the inflated dataset)" : problem;
        return new DicomParseException(source, offset, tag, where, cause);
    }

    /** Lets the inflater read whatever the buffered input still holds, then the rest of the stream. */
    private static final class RestOfInput extends InputStream {
        private final DicomInput input;

        RestOfInput(DicomInput input) {
            this.input = input;
        }

        @Override
        public int read() throws IOException {
            if (!input.ensure(1)) {
                return -1;
            }
            int b = input.peek(0) & 0xFF;
            input.advance(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return input.readSome(b, off, len);
        }
    }
}
