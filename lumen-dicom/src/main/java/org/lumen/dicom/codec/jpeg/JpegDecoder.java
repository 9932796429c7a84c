package org.lumen.dicom.codec.jpeg;

import org.lumen.dicom.pixel.PixelDataException;

/**
 * Decodes one JPEG interchange-format image (ITU T.81) into one sample plane per component, at each component's own
 * (possibly subsampled) size: sequential DCT with Huffman coding (processes 1, 2 and 4; SOF0 and SOF1) and lossless
 * (process 14; SOF3), interleaved or one scan per component, with restart intervals; progressive DCT (SOF2, processes
 * 10 and 12) with spectral selection and successive approximation. Hierarchical and arithmetic-coded frames are
 * refused by name. One instance decodes one frame: markers, tables and sequential DCT scans here, lossless scans in
 * {@link LosslessScan}, progressive ones in {@link ProgressiveScan}.
 */
final class JpegDecoder {
    /** Zigzag position k to natural (row-major) position in an 8x8 block (T.81 Figure A.6). */
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63};

    /** A frame component (T.81 B.2.2) and its decoded samples. */
    static final class Component {
        int id;
        int h;
        int v;
        int quantTable;
        /** Samples across and down the component: ceil(X * h / Hmax), ceil(Y * v / Vmax) (A.1.1). */
        int width;
        int height;
        /** The plane holds whole MCUs: planeWidth x planeHeight samples. */
        int planeWidth;
        int planeHeight;
        int[] plane;
        /** Progressive frames: every block's quantized coefficients (64 per block, natural order), built up scan by scan. */
        int[] coefficients;
        int blocksPerLine;
        boolean scanned;
        /** Lossless: the point transform of the component's scan; its samples are shifted left by it on output. */
        int pointTransform;
        int dcPredictor;
        HuffmanDecodingTable dcTable;
        HuffmanDecodingTable acTable;
    }

    /**
     * More scans than any real stream has (a progressive one has about 10): each scan may cost a pass over the whole
     * image, so a stream of thousands of tiny scans would take long to refuse otherwise.
     */
    static final int MAX_SCANS = 256;

    private final byte[] data;
    private final int end;
    private int pos;
    private final int expectedWidth;
    private final int expectedHeight;

    private final HuffmanDecodingTable[] dcTables = new HuffmanDecodingTable[4];
    private final HuffmanDecodingTable[] acTables = new HuffmanDecodingTable[4];
    private final int[][] quantTables = new int[4][];
    int restartInterval;

    int frameMarker = -1;
    int precision;
    int width;
    int height;
    Component[] components;
    int hMax = 1;
    int vMax = 1;
    /** Adobe APP14 colour transform flag: -1 when there is no APP14 segment. */
    int adobeTransform = -1;
    boolean jfif;

    private InverseDct idct;
    private final int[] block = new int[64];

    JpegDecoder(byte[] data, int expectedWidth, int expectedHeight) {
        this.data = data;
        this.end = data.length;
        this.expectedWidth = expectedWidth;
        this.expectedHeight = expectedHeight;
    }

    boolean lossless() {
        return frameMarker == 0xC3;
    }

    /** Parses the markers and decodes every scan into the component planes. */
    void decode() {
        if (end < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new PixelDataException("JPEG: the frame does not start with an SOI marker (FFD8)"
                    + (end >= 2 ? "; it starts with " + EntropyReader.hex(data[0]) + EntropyReader.hex(data[1]) : ""));
        }
        pos = 2;
        int scans = 0;
        while (true) {
            int marker = nextMarker();
            if (marker < 0 || marker == 0xD9) {
                break;
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue; // stand-alone markers outside a scan carry nothing
            }
            int length = segmentLength(marker);
            int start = pos + 2;
            int segmentEnd = pos + length;
            switch (marker) {
                case 0xC0, 0xC1, 0xC2, 0xC3 -> readFrameHeader(marker, start, segmentEnd);
                case 0xC5, 0xC6, 0xC7 -> throw new PixelDataException("JPEG: hierarchical frames (SOF"
                        + (marker - 0xC0) + ") are not supported");
                case 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> throw new PixelDataException("JPEG: arithmetic-coded frames (SOF"
                        + (marker - 0xC0) + ") are not supported");
                case 0xC4 -> readHuffmanTables(start, segmentEnd);
                case 0xDB -> readQuantTables(start, segmentEnd);
                case 0xDD -> readRestartInterval(start, segmentEnd);
                case 0xCC -> throw new PixelDataException("JPEG: arithmetic coding conditioning (DAC) is not supported");
                case 0xEE -> readAdobe(start, segmentEnd);
                case 0xE0 -> jfif = segmentEnd - start >= 5 && data[start] == 'J' && data[start + 1] == 'F'
                        && data[start + 2] == 'I' && data[start + 3] == 'F';
                case 0xDA -> {
                    if (scans == MAX_SCANS) {
                        throw new PixelDataException("JPEG: more than " + MAX_SCANS + " scans in one frame");
                    }
                    pos = segmentEnd;
                    readScan(start, segmentEnd);
                    scans++;
                    continue;
                }
                default -> {
                    // APPn, COM, DNL, EXP and the like: nothing the samples depend on
                }
            }
            pos = segmentEnd;
        }
        if (frameMarker < 0) {
            throw new PixelDataException("JPEG: no frame header (SOF marker) before the end of the frame");
        }
        if (scans == 0) {
            throw new PixelDataException("JPEG: no scan (SOS marker) in the frame");
        }
        for (Component c : components) {
            if (!c.scanned) {
                throw new PixelDataException("JPEG: component " + c.id + " is in no scan");
            }
        }
        if (progressive()) {
            transformProgressive();
        }
    }

    boolean progressive() {
        return frameMarker == 0xC2;
    }

    /** The next marker code at or after pos (skipping fill bytes), -1 at the end of the data. */
    private int nextMarker() {
        if (pos >= end) {
            return -1;
        }
        if ((data[pos] & 0xFF) != 0xFF) {
            throw new PixelDataException("JPEG: a marker expected at byte " + pos + ", found " + EntropyReader.hex(data[pos]));
        }
        while (pos < end && (data[pos] & 0xFF) == 0xFF) {
            pos++;
        }
        if (pos >= end) {
            return -1;
        }
        return data[pos++] & 0xFF;
    }

    /** The length of the segment of {@code marker} starting at pos, checked against the data left. */
    private int segmentLength(int marker) {
        if (pos + 2 > end) {
            throw new PixelDataException("JPEG: the frame ends inside marker FF" + Integer.toHexString(marker).toUpperCase());
        }
        int length = u16(pos);
        if (length < 2 || pos + length > end) {
            throw new PixelDataException("JPEG: marker FF" + Integer.toHexString(marker).toUpperCase() + " at byte " + (pos - 2)
                    + " has length " + length + ", but " + (end - pos) + " bytes are left");
        }
        return length;
    }

    private int u16(int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    private void need(int at, int count, int segmentEnd, String what) {
        if (at + count > segmentEnd) {
            throw new PixelDataException("JPEG: the " + what + " segment is too short");
        }
    }

    private void readFrameHeader(int marker, int p, int segmentEnd) {
        if (frameMarker >= 0) {
            throw new PixelDataException("JPEG: a second frame header (SOF) in one frame");
        }
        need(p, 6, segmentEnd, "SOF");
        precision = data[p] & 0xFF;
        height = u16(p + 1);
        width = u16(p + 3);
        int count = data[p + 5] & 0xFF;
        String kind = "SOF" + (marker - 0xC0);
        if (marker == 0xC3 ? precision < 2 || precision > 16 : precision != 8 && precision != 12) {
            throw new PixelDataException("JPEG: " + kind + " precision " + precision + " is not supported");
        }
        if (height == 0) {
            throw new PixelDataException("JPEG: the number of lines is 0 (defined later by DNL), which is not supported");
        }
        if (width != expectedWidth || height != expectedHeight) {
            throw new PixelDataException("JPEG: the frame is " + width + " x " + height + " but the dataset says Columns "
                    + expectedWidth + " x Rows " + expectedHeight);
        }
        if (count != 1 && count != 3 && count != 4 && count != 2) {
            throw new PixelDataException("JPEG: " + count + " components in the frame header are not supported");
        }
        need(p + 6, 3 * count, segmentEnd, "SOF");
        components = new Component[count];
        for (int i = 0; i < count; i++) {
            Component c = new Component();
            int q = p + 6 + 3 * i;
            c.id = data[q] & 0xFF;
            c.h = (data[q + 1] & 0xFF) >> 4;
            c.v = data[q + 1] & 0x0F;
            c.quantTable = data[q + 2] & 0xFF;
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.quantTable > 3) {
                throw new PixelDataException("JPEG: component " + c.id + " has sampling factors " + c.h + "x" + c.v
                        + " or quantization table " + c.quantTable + " out of range");
            }
            for (int j = 0; j < i; j++) {
                if (components[j].id == c.id) {
                    throw new PixelDataException("JPEG: two frame components have the identifier " + c.id);
                }
            }
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
            components[i] = c;
        }
        frameMarker = marker;
        int unit = marker == 0xC3 ? 1 : 8;
        int mcusX = ceilDiv(width, unit * hMax);
        int mcusY = ceilDiv(height, unit * vMax);
        for (Component c : components) {
            c.width = ceilDiv(width * c.h, hMax);
            c.height = ceilDiv(height * c.v, vMax);
            c.planeWidth = mcusX * c.h * unit;
            c.planeHeight = mcusY * c.v * unit;
            c.plane = new int[c.planeWidth * c.planeHeight];
            if (marker == 0xC2) {
                c.blocksPerLine = c.planeWidth / 8;
                c.coefficients = new int[c.planeWidth * c.planeHeight];
            }
        }
        if (marker != 0xC3) {
            idct = new InverseDct(precision);
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private void readHuffmanTables(int p, int segmentEnd) {
        while (p < segmentEnd) {
            need(p, 17, segmentEnd, "DHT");
            int tc = (data[p] & 0xFF) >> 4;
            int th = data[p] & 0x0F;
            if (tc > 1 || th > 3) {
                throw new PixelDataException("JPEG: Huffman table class " + tc + " / destination " + th + " is out of range");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[p + 1 + i] & 0xFF;
                total += counts[i];
            }
            if (total > 256) {
                throw new PixelDataException("JPEG: a Huffman table holds " + total + " codes (at most 256)");
            }
            need(p + 17, total, segmentEnd, "DHT");
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[p + 17 + i] & 0xFF;
            }
            HuffmanDecodingTable table = new HuffmanDecodingTable(counts, symbols);
            if (tc == 0) {
                dcTables[th] = table;
            } else {
                acTables[th] = table;
            }
            p += 17 + total;
        }
    }

    private void readQuantTables(int p, int segmentEnd) {
        while (p < segmentEnd) {
            int pq = (data[p] & 0xFF) >> 4;
            int tq = data[p] & 0x0F;
            if (pq > 1 || tq > 3) {
                throw new PixelDataException("JPEG: quantization table precision " + pq + " / destination " + tq
                        + " is out of range");
            }
            need(p + 1, 64 << pq, segmentEnd, "DQT");
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[ZIGZAG[k]] = pq == 0 ? data[p + 1 + k] & 0xFF : u16(p + 1 + 2 * k);
            }
            quantTables[tq] = table;
            p += 1 + (64 << pq);
        }
    }

    private void readRestartInterval(int p, int segmentEnd) {
        need(p, 2, segmentEnd, "DRI");
        restartInterval = u16(p);
    }

    private void readAdobe(int p, int segmentEnd) {
        if (segmentEnd - p >= 12 && data[p] == 'A' && data[p + 1] == 'd' && data[p + 2] == 'o' && data[p + 3] == 'b'
                && data[p + 4] == 'e') {
            adobeTransform = data[p + 11] & 0xFF;
        }
    }

    private void readScan(int p, int segmentEnd) {
        if (frameMarker < 0) {
            throw new PixelDataException("JPEG: a scan (SOS) before the frame header (SOF)");
        }
        need(p, 1, segmentEnd, "SOS");
        int count = data[p] & 0xFF;
        if (count < 1 || count > 4) {
            throw new PixelDataException("JPEG: a scan of " + count + " components");
        }
        need(p + 1, 2 * count + 3, segmentEnd, "SOS");
        Component[] scan = new Component[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++) {
            int id = data[p + 1 + 2 * i] & 0xFF;
            int tables = data[p + 2 + 2 * i] & 0xFF;
            Component c = null;
            for (Component candidate : components) {
                if (candidate.id == id) {
                    c = candidate;
                }
            }
            if (c == null) {
                throw new PixelDataException("JPEG: the scan names component " + id + ", which the frame does not have");
            }
            int td = tables >> 4;
            int ta = tables & 0x0F;
            int ss0 = data[p + 1 + 2 * count] & 0xFF;
            boolean needsDc = !progressive() || ss0 == 0;
            boolean needsAc = !lossless() && (!progressive() || ss0 > 0);
            if (td > 3 || ta > 3 || (needsDc && dcTables[td] == null) || (needsAc && acTables[ta] == null)) {
                throw new PixelDataException("JPEG: the scan of component " + id + " uses a Huffman table that is not defined");
            }
            c.dcTable = dcTables[td];
            c.acTable = needsAc ? acTables[ta] : null;
            c.dcPredictor = 0;
            c.scanned = true;
            scan[i] = c;
            blocksPerMcu += c.h * c.v;
        }
        if (count > 1 && blocksPerMcu > 10) {
            throw new PixelDataException("JPEG: an MCU of " + blocksPerMcu + " blocks (at most 10)");
        }
        int q = p + 1 + 2 * count;
        int ss = data[q] & 0xFF;
        int se = data[q + 1] & 0xFF;
        int ah = (data[q + 2] & 0xFF) >> 4;
        int al = data[q + 2] & 0x0F;
        EntropyReader in = new EntropyReader(data, pos, end);
        if (lossless()) {
            if (ss < 1 || ss > 7) {
                throw new PixelDataException("JPEG: lossless predictor " + ss + " is not supported (1 to 7)");
            }
            if (al >= precision) {
                throw new PixelDataException("JPEG: point transform " + al + " is not below the precision " + precision);
            }
            for (Component c : scan) {
                c.pointTransform = al;
            }
            LosslessScan.decode(this, in, scan, ss, al);
        } else {
            for (Component c : scan) {
                if (quantTables[c.quantTable] == null) {
                    throw new PixelDataException("JPEG: component " + c.id + " uses quantization table " + c.quantTable
                            + ", which is not defined");
                }
            }
            if (progressive()) {
                new ProgressiveScan(this, in, ss, se, ah, al).decode(scan);
            } else {
                // Ss, Se, Ah, Al mean nothing to a sequential scan; some encoders write 0 for Se (pydicom's
                // JPEG-lossy.dcm), which IJG (and so GDCM) only warns about, so they are ignored as there.
                decodeDctScan(in, scan);
            }
        }
        in.checkNotOverrun("the scan");
        pos = in.endOfScan();
    }

    private void decodeDctScan(EntropyReader in, Component[] scan) {
        int mcusX;
        int mcusY;
        if (scan.length == 1) {
            mcusX = ceilDiv(scan[0].width, 8);
            mcusY = ceilDiv(scan[0].height, 8);
        } else {
            mcusX = ceilDiv(width, 8 * hMax);
            mcusY = ceilDiv(height, 8 * vMax);
        }
        int[][] quant = new int[scan.length][];
        for (int i = 0; i < scan.length; i++) {
            quant[i] = quantTables[scan[i].quantTable];
        }
        int restart = 0;
        int mcu = 0;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++, mcu++) {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                    in.restart(restart);
                    restart = (restart + 1) & 7;
                    for (Component c : scan) {
                        c.dcPredictor = 0;
                    }
                }
                for (int i = 0; i < scan.length; i++) {
                    Component c = scan[i];
                    if (scan.length == 1) {
                        decodeBlock(in, c, quant[i], (my * 8) * c.planeWidth + mx * 8);
                    } else {
                        for (int v = 0; v < c.v; v++) {
                            for (int h = 0; h < c.h; h++) {
                                decodeBlock(in, c, quant[i], ((my * c.v + v) * 8) * c.planeWidth + (mx * c.h + h) * 8);
                            }
                        }
                    }
                }
            }
        }
    }

    /** One 8x8 block (F.2.2.1, F.2.2.2): DC difference, AC run/size codes, dequantized, inverse transformed. */
    private void decodeBlock(EntropyReader in, Component c, int[] quant, int offset) {
        int[] coef = block; // all zero between blocks: the positions used are cleared after each transform
        int t = c.dcTable.decode(in);
        if (t > 16) {
            throw new PixelDataException("JPEG: DC difference category " + t + " is out of range (corrupt data)");
        }
        c.dcPredictor += in.receiveExtend(t);
        coef[0] = c.dcPredictor * quant[0];
        HuffmanDecodingTable ac = c.acTable;
        int[] fast = ac.fastAc;
        int last = 0;
        for (int k = 1; k < 64; k++) {
            int f = fast[in.peek(HuffmanDecodingTable.LOOKAHEAD)];
            if (f != 0) {
                // The common short code: run, size and the coefficient's bits in one look-up.
                in.skip(f & 0xFF);
                k += (f >> 8) & 0xFF;
                if (k > 63) {
                    throw new PixelDataException("JPEG: AC coefficients run past the end of a block (corrupt data)");
                }
                int z = ZIGZAG[k];
                coef[z] = (f >> 16) * quant[z];
                last = k;
                continue;
            }
            int rs = ac.decode(in);
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r != 15) {
                    break;
                }
                k += 15;
                continue;
            }
            k += r;
            if (k > 63) {
                throw new PixelDataException("JPEG: AC coefficients run past the end of a block (corrupt data)");
            }
            int z = ZIGZAG[k];
            coef[z] = in.receiveExtend(s) * quant[z];
            last = k;
        }
        if (last == 0) {
            idct.transformDcOnly(coef[0], c.plane, offset, c.planeWidth);
        } else if (precision == 8) {
            idct.transform8(coef, c.plane, offset, c.planeWidth);
        } else {
            idct.transform(coef, c.plane, offset, c.planeWidth);
        }
        for (int k = 0; k <= last; k++) {
            coef[ZIGZAG[k]] = 0;
        }
    }

    /** After the last scan of a progressive frame: every block dequantized and inverse transformed. */
    private void transformProgressive() {
        int[] coef = block;
        for (Component c : components) {
            int[] quant = quantTables[c.quantTable];
            if (quant == null) {
                throw new PixelDataException("JPEG: component " + c.id + " uses quantization table " + c.quantTable
                        + ", which is not defined");
            }
            int blocks = c.coefficients.length / 64;
            for (int b = 0; b < blocks; b++) {
                int base = b * 64;
                boolean acZero = true;
                for (int i = 0; i < 64; i++) {
                    int v = c.coefficients[base + i];
                    coef[i] = v * quant[i];
                    acZero &= i == 0 || v == 0;
                }
                int offset = (b / c.blocksPerLine) * 8 * c.planeWidth + (b % c.blocksPerLine) * 8;
                if (acZero) {
                    idct.transformDcOnly(coef[0], c.plane, offset, c.planeWidth);
                } else if (precision == 8) {
                    idct.transform8(coef, c.plane, offset, c.planeWidth);
                } else {
                    idct.transform(coef, c.plane, offset, c.planeWidth);
                }
            }
            java.util.Arrays.fill(coef, 0);
        }
    }
}
