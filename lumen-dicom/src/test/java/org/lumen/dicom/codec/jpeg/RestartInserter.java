package org.lumen.dicom.codec.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Test tool: rewrites a single-scan sequential Huffman JPEG with a restart marker every {@code interval} MCUs, since
 * neither the corpus nor the peers' encoders give lossy streams with restart intervals. The scan's symbols are decoded
 * and written again: AC codes and bits unchanged, DC differences recomputed (the prediction restarts at 0 in each
 * interval) and coded with new DC tables that hold every category.
 */
final class RestartInserter {
    private RestartInserter() {
    }

    static byte[] insert(byte[] jpeg, int interval) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(0xFF);
        head.write(0xD8);
        int[][] counts = new int[8][];
        int[][] symbols = new int[8][];
        int p = 2;
        int[] h = null;
        int[] v = null;
        int[] ids = null;
        int precision = 8;
        int width = 0;
        int height = 0;
        while (true) {
            int marker = jpeg[p + 1] & 0xFF;
            int length = (jpeg[p + 2] & 0xFF) << 8 | jpeg[p + 3] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            if (marker == 0xC4) {
                for (int q = p + 4; q < p + 2 + length; ) {
                    int slot = ((jpeg[q] & 0xF0) >> 4) * 4 + (jpeg[q] & 0x0F);
                    counts[slot] = new int[16];
                    int total = 0;
                    for (int i = 0; i < 16; i++) {
                        counts[slot][i] = jpeg[q + 1 + i] & 0xFF;
                        total += counts[slot][i];
                    }
                    symbols[slot] = new int[total];
                    for (int i = 0; i < total; i++) {
                        symbols[slot][i] = jpeg[q + 17 + i] & 0xFF;
                    }
                    q += 17 + total;
                }
            } else {
                if (marker == 0xC0 || marker == 0xC1) {
                    precision = jpeg[p + 4] & 0xFF;
                    height = (jpeg[p + 5] & 0xFF) << 8 | jpeg[p + 6] & 0xFF;
                    width = (jpeg[p + 7] & 0xFF) << 8 | jpeg[p + 8] & 0xFF;
                    int n = jpeg[p + 9] & 0xFF;
                    h = new int[n];
                    v = new int[n];
                    ids = new int[n];
                    for (int i = 0; i < n; i++) {
                        ids[i] = jpeg[p + 10 + 3 * i] & 0xFF;
                        h[i] = (jpeg[p + 11 + 3 * i] & 0xFF) >> 4;
                        v[i] = jpeg[p + 11 + 3 * i] & 0x0F;
                    }
                }
                head.write(jpeg, p, 2 + length);
            }
            p += 2 + length;
        }
        int sosLength = (jpeg[p + 2] & 0xFF) << 8 | jpeg[p + 3] & 0xFF;
        int n = jpeg[p + 4] & 0xFF;
        if (n != ids.length) {
            throw new IllegalArgumentException("only single-scan streams");
        }
        int[] dcSlot = new int[n];
        int[] acSlot = new int[n];
        for (int i = 0; i < n; i++) {
            dcSlot[i] = (jpeg[p + 6 + 2 * i] & 0xF0) >> 4;
            acSlot[i] = 4 + (jpeg[p + 6 + 2 * i] & 0x0F);
        }
        byte[] sos = Arrays.copyOfRange(jpeg, p, p + 2 + sosLength);
        int hMax = Arrays.stream(h).max().getAsInt();
        int vMax = Arrays.stream(v).max().getAsInt();
        int mcus = JpegDecoder.ceilDiv(width, 8 * hMax) * JpegDecoder.ceilDiv(height, 8 * vMax);
        if (n == 1) {
            mcus = JpegDecoder.ceilDiv(width * h[0] / hMax, 8) * JpegDecoder.ceilDiv(height * v[0] / vMax, 8);
            h[0] = 1;
            v[0] = 1;
        }
        // Pass 1: every block's DC value, to size the new DC tables; pass 2 writes.
        EntropyReader in = new EntropyReader(jpeg, p + 2 + sosLength, jpeg.length);
        HuffmanDecodingTable[] dc = new HuffmanDecodingTable[n];
        HuffmanDecodingTable[] ac = new HuffmanDecodingTable[n];
        for (int i = 0; i < n; i++) {
            dc[i] = new HuffmanDecodingTable(counts[dcSlot[i]], symbols[dcSlot[i]]);
            ac[i] = new HuffmanDecodingTable(counts[acSlot[i]], symbols[acSlot[i]]);
        }
        long[][] dcFreq = new long[n][256];
        int categories = precision == 8 ? 12 : 16;
        for (long[] f : dcFreq) {
            for (int c = 0; c < categories; c++) {
                f[c] = 1;
            }
        }
        HuffmanCodeBuilder[] newDc = new HuffmanCodeBuilder[n];
        for (int i = 0; i < n; i++) {
            newDc[i] = new HuffmanCodeBuilder(dcFreq[i]);
        }
        int[][] acCode = new int[n][256];
        int[][] acLength = new int[n][256];
        for (int i = 0; i < n; i++) {
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                for (int j = 0; j < counts[acSlot[i]][len - 1]; j++, k++) {
                    acCode[i][symbols[acSlot[i]][k]] = code++;
                    acLength[i][symbols[acSlot[i]][k]] = len;
                }
                code <<= 1;
            }
        }
        JpegWriter out = new JpegWriter(jpeg.length * 2);
        int[] pred = new int[n];
        int[] written = new int[n];
        for (int mcu = 0; mcu < mcus; mcu++) {
            if (mcu > 0 && mcu % interval == 0) {
                out.flushBits();
                out.marker(0xD0 + ((mcu / interval - 1) & 7));
                Arrays.fill(written, 0);
            }
            for (int c = 0; c < n; c++) {
                for (int b = 0; b < h[c] * v[c]; b++) {
                    int t = dc[c].decode(in);
                    pred[c] += in.receiveExtend(t);
                    int diff = pred[c] - written[c];
                    written[c] = pred[c];
                    int s = diff == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
                    out.bits(newDc[c].code[s], newDc[c].length[s]);
                    out.bits(diff < 0 ? diff - 1 : diff, s);
                    for (int k = 1; k < 64; k++) {
                        int rs = ac[c].decode(in);
                        out.bits(acCode[c][rs], acLength[c][rs]);
                        int size = rs & 15;
                        if (size == 0) {
                            if (rs != 0xF0) {
                                break;
                            }
                            k += 15;
                            continue;
                        }
                        k += rs >> 4;
                        int bits = in.peek(size);
                        in.skip(size);
                        out.bits(bits, size);
                    }
                }
            }
        }
        out.flushBits();
        out.marker(0xD9);
        byte[] entropy = out.toByteArray();

        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.writeBytes(head.toByteArray());
        ByteArrayOutputStream dht = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            dht.write(dcSlot[i]);
            for (int c : newDc[i].counts) {
                dht.write(c);
            }
            for (int s : newDc[i].symbols) {
                dht.write(s);
            }
        }
        boolean[] done = new boolean[8];
        for (int i = 0; i < n; i++) {
            int slot = acSlot[i];
            if (!done[slot]) {
                done[slot] = true;
                dht.write(0x10 | (slot - 4));
                for (int c : counts[slot]) {
                    dht.write(c);
                }
                for (int s : symbols[slot]) {
                    dht.write(s);
                }
            }
        }
        // A DC table shared by components is written once per component; the last one wins, and all are equal.
        result.write(0xFF);
        result.write(0xC4);
        result.write((dht.size() + 2) >> 8);
        result.write(dht.size() + 2);
        result.writeBytes(dht.toByteArray());
        result.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (interval >> 8), (byte) interval});
        result.writeBytes(sos);
        result.writeBytes(entropy);
        return result.toByteArray();
    }
}
