package org.lumen.dicom.codec.jpegls;

import org.lumen.dicom.pixel.PixelDataException;

/**
 * Decodes the entropy-coded lines of one JPEG-LS scan (T.87 Annex A, decoder side as in Annex F). Lines are int arrays
 * of width + 2 holding column x at index x + 1: index 0 and width + 1 carry the edge samples A.2.1 defines (Ra of the
 * first column is the sample above; Rd of the last column repeats Rb).
 *
 * <p>Bits come through a 64-bit cache filled from [pos, end): the scan's data up to the next marker, found before
 * decoding starts, so the inner loop never looks for markers. A byte after 0xFF gives only 7 bits (the stuffed zero).
 * Past the end the cache fills with zeros; {@link #checkNotOverrun} turns using them into an error, and every loop is
 * bounded by the line width or by LIMIT, so corrupt data cannot hang the decoder.
 */
final class ScanDecoder {
    private static final int MAX_PAD_BYTES = 64;

    private final byte[] data;
    private final ContextModel model;
    private final CodingParameters p;
    private final int width;
    private int pos;
    private int end;
    private long cache;
    private int bits;
    private boolean lastFF;
    private int padBytes;

    ScanDecoder(byte[] data, ContextModel model, int width) {
        this.data = data;
        this.model = model;
        this.p = model.p;
        this.width = width;
    }

    /** Starts reading entropy-coded data at {@code from}, up to (not including) the marker at {@code to}. */
    void start(int from, int to) {
        pos = from;
        end = to;
        cache = 0;
        bits = 0;
        lastFF = false;
        padBytes = 0;
    }

    /** Throws when decoding used bits past the end of the scan data: the codestream was truncated or is corrupt. */
    void checkNotOverrun() {
        if (padBytes * 8 > bits) {
            throw new PixelDataException("JPEG-LS: scan data ends at byte " + end
                    + " before all samples were decoded (truncated or corrupt codestream)");
        }
    }

    private void fill() {
        if (bits <= 32 && !lastFF && pos + 4 <= end) {
            // Four bytes at once when none of them is 0xFF (no stuffed bit to drop).
            byte[] d = data;
            int word = (d[pos] & 0xFF) << 24 | (d[pos + 1] & 0xFF) << 16 | (d[pos + 2] & 0xFF) << 8 | (d[pos + 3] & 0xFF);
            int inverted = ~word;
            if (((inverted - 0x01010101) & ~inverted & 0x80808080) == 0) {
                cache |= (word & 0xFFFFFFFFL) << (32 - bits);
                bits += 32;
                pos += 4;
            }
        }
        while (bits <= 56) {
            int value;
            if (pos < end) {
                value = data[pos++] & 0xFF;
            } else {
                value = 0;
                if (++padBytes > MAX_PAD_BYTES) {
                    throw new PixelDataException("JPEG-LS: scan data ends at byte " + end
                            + " before all samples were decoded (truncated or corrupt codestream)");
                }
            }
            if (lastFF) {
                cache |= (long) value << (57 - bits);
                bits += 7;
            } else {
                cache |= (long) value << (56 - bits);
                bits += 8;
            }
            lastFF = value == 0xFF;
        }
    }

    private int readBits(int count) {
        if (count == 0) {
            return 0;
        }
        if (bits < count) {
            fill();
        }
        int value = (int) (cache >>> (64 - count));
        cache <<= count;
        bits -= count;
        return value;
    }

    private boolean readBit() {
        if (bits == 0) {
            fill();
        }
        boolean one = cache < 0;
        cache <<= 1;
        bits--;
        return one;
    }

    /** Counts zero bits up to and consuming the next one bit; more than {@code max} zeros is an error. */
    private int readUnary(int max) {
        int zeros = 0;
        while (true) {
            if (bits < 32) {
                fill();
            }
            int lead = Long.numberOfLeadingZeros(cache);
            if (lead < bits) {
                zeros += lead;
                cache <<= lead + 1;
                bits -= lead + 1;
                break;
            }
            zeros += bits;
            cache = 0;
            bits = 0;
            if (zeros > max) {
                break;
            }
        }
        if (zeros > max) {
            throw new PixelDataException("JPEG-LS: Golomb code of more than " + max + " leading zeros near byte " + pos
                    + " (corrupt codestream)");
        }
        return zeros;
    }

    /** A.5.3 limited-length Golomb code of parameter k; the escape reads qbpp bits of MErrval - 1. */
    private int readGolomb(int k, int limit) {
        int escape = limit - p.qbpp - 1;
        int high = readUnary(escape);
        if (high < escape) {
            return checkMapped((high << k) | readBits(k));
        }
        return readBits(p.qbpp) + 1;
    }

    /**
     * A mapped error is at most RANGE <= 2^qbpp in a valid stream. Corrupt data can decode to anything; letting a huge
     * value into A would overflow it and make the Golomb parameter loop spin forever, so it is an error here.
     */
    private int checkMapped(int mapped) {
        if ((mapped >>> (p.qbpp + 1)) != 0) {
            throw new PixelDataException("JPEG-LS: prediction error " + mapped + " out of range near byte " + pos
                    + " (corrupt codestream)");
        }
        return mapped;
    }

    /**
     * Decodes one line of one component (non-interleaved and line-interleaved scans) into {@code cur}. The regular
     * mode is written out here with everything in locals (context, prediction, Golomb code, update): it is where the
     * time goes.
     */
    void decodeLine(int[] prev, int[] cur, int slot) {
        final ContextModel m = model;
        final int[] ca = m.a;
        final int[] cb = m.b;
        final int[] cc = m.c;
        final int[] cn = m.n;
        final int[] quant = m.quantized;
        final int maxval = p.maxval;
        final int near = p.near;
        final int limit = p.limit;
        final int escape = limit - p.qbpp - 1;
        final int reset = p.reset;
        final int step = p.step;
        cur[0] = prev[1];
        prev[width + 1] = prev[width];
        int x = 0;
        int rb = prev[1];
        int rd = prev[2];
        int rc = prev[0];
        while (x < width) {
            int ra = cur[x];
            int q = 81 * quant[rd - rb + maxval] + 9 * quant[rb - rc + maxval] + quant[rc - ra + maxval];
            if (q == 0) {
                x = decodeRun(prev, cur, x, slot);
                if (x < width) {
                    rc = prev[x];
                    rb = prev[x + 1];
                    rd = prev[x + 2];
                }
                continue;
            }
            int sign = q >> 31;
            q = (q ^ sign) - sign;
            int px;
            if (rc >= Math.max(ra, rb)) {
                px = Math.min(ra, rb);
            } else if (rc <= Math.min(ra, rb)) {
                px = Math.max(ra, rb);
            } else {
                px = ra + rb - rc;
            }
            px += (cc[q] ^ sign) - sign;
            px = px < 0 ? 0 : Math.min(px, maxval);
            int nq = cn[q];
            int aq = ca[q];
            int k = 0;
            while ((nq << k) < aq) {
                k++;
            }
            int mapped;
            if (bits < 32) {
                fill();
            }
            int lead = Long.numberOfLeadingZeros(cache);
            if (lead < escape && lead + 1 + k <= bits) {
                long rest = cache << (lead + 1);
                mapped = k == 0 ? lead : checkMapped((lead << k) | (int) (rest >>> (64 - k)));
                cache = rest << k;
                bits -= lead + 1 + k;
            } else {
                mapped = readGolomb(k, limit);
            }
            int errval = (mapped >>> 1) ^ -(mapped & 1);
            int bq = cb[q];
            if (k == 0 && near == 0 && 2 * bq <= -nq) {
                errval = ~errval;
            }
            // A.6 update and A.6.2 bias correction
            bq += errval * step;
            aq += Math.abs(errval);
            if (nq == reset) {
                aq >>= 1;
                bq >>= 1;
                nq >>= 1;
            }
            nq++;
            ca[q] = aq;
            if (bq <= -nq) {
                bq += nq;
                if (cc[q] > -128) {
                    cc[q]--;
                }
                if (bq <= -nq) {
                    bq = -nq + 1;
                }
            } else if (bq > 0) {
                bq -= nq;
                if (cc[q] < 127) {
                    cc[q]++;
                }
                if (bq > 0) {
                    bq = 0;
                }
            }
            cb[q] = bq;
            cn[q] = nq;
            cur[x + 1] = m.reconstruct(px, (errval ^ sign) - sign);
            x++;
            rc = rb;
            rb = rd;
            rd = prev[x + 2];
        }
    }

    /** A.7.1 run of samples equal (within NEAR) to Ra from column x, then the interruption sample; the next column. */
    private int decodeRun(int[] prev, int[] cur, int x, int slot) {
        int ra = cur[x];
        int remaining = width - x;
        int count = 0;
        int index = model.runIndex[slot];
        while (readBit()) {
            int length = Math.min(1 << ContextModel.J[index], remaining - count);
            count += length;
            if (length == 1 << ContextModel.J[index] && index < 31) {
                index++;
            }
            if (count == remaining) {
                break;
            }
        }
        if (count != remaining) {
            count += readBits(ContextModel.J[index]);
            if (count >= remaining) {
                throw new PixelDataException("JPEG-LS: run of " + count + " samples passes the end of a " + width
                        + "-sample line near byte " + pos + " (corrupt codestream)");
            }
        }
        for (int i = 1; i <= count; i++) {
            cur[x + i] = ra;
        }
        x += count;
        if (x < width) {
            int rb = prev[x + 1];
            int riType = Math.abs(ra - rb) <= p.near ? 1 : 0;
            int errval = decodeInterruptionError(riType, index);
            cur[x + 1] = riType == 1 ? model.reconstruct(ra, errval) : model.reconstruct(rb, ra > rb ? -errval : errval);
            x++;
            if (index > 0) {
                index--;
            }
        }
        model.runIndex[slot] = index;
        return x;
    }

    private int decodeInterruptionError(int riType, int runIndex) {
        int k = model.runGolombK(riType);
        int mapped = readGolomb(k, p.limit - ContextModel.J[runIndex] - 1);
        int errval = model.runErrval(riType, k, mapped + riType);
        model.runUpdate(riType, errval, mapped);
        return errval;
    }

    /**
     * Decodes one line of a sample-interleaved scan of three components. Run mode needs all three gradients flat; a run
     * covers whole pixels, and its interruption codes each component as a type-0 interruption sample predicted by Rb.
     */
    void decodeInterleavedLine(int[] prev0, int[] cur0, int[] prev1, int[] cur1, int[] prev2, int[] cur2) {
        final ContextModel m = model;
        cur0[0] = prev0[1];
        cur1[0] = prev1[1];
        cur2[0] = prev2[1];
        prev0[width + 1] = prev0[width];
        prev1[width + 1] = prev1[width];
        prev2[width + 1] = prev2[width];
        int x = 0;
        while (x < width) {
            int q0 = m.context(prev0[x + 2], prev0[x + 1], prev0[x], cur0[x]);
            int q1 = m.context(prev1[x + 2], prev1[x + 1], prev1[x], cur1[x]);
            int q2 = m.context(prev2[x + 2], prev2[x + 1], prev2[x], cur2[x]);
            if ((q0 | q1 | q2) == 0) {
                x = decodeInterleavedRun(prev0, cur0, prev1, cur1, prev2, cur2, x);
                continue;
            }
            cur0[x + 1] = decodeRegular(q0, cur0[x], prev0[x + 1], prev0[x]);
            cur1[x + 1] = decodeRegular(q1, cur1[x], prev1[x + 1], prev1[x]);
            cur2[x + 1] = decodeRegular(q2, cur2[x], prev2[x + 1], prev2[x]);
            x++;
        }
    }

    private int decodeRegular(int context, int ra, int rb, int rc) {
        final ContextModel m = model;
        int sign = context >> 31;
        int q = (context ^ sign) - sign;
        int px = ContextModel.predict(ra, rb, rc);
        px += sign == 0 ? m.c[q] : -m.c[q];
        px = px < 0 ? 0 : Math.min(px, p.maxval);
        int k = m.golombK(q);
        int mapped = readGolomb(k, p.limit);
        int errval = (mapped >>> 1) ^ -(mapped & 1);
        if (k == 0 && p.near == 0 && 2 * m.b[q] <= -m.n[q]) {
            errval = ~errval;
        }
        m.update(q, errval);
        return m.reconstruct(px, sign == 0 ? errval : -errval);
    }

    private int decodeInterleavedRun(int[] prev0, int[] cur0, int[] prev1, int[] cur1, int[] prev2, int[] cur2, int x) {
        int ra0 = cur0[x];
        int ra1 = cur1[x];
        int ra2 = cur2[x];
        int remaining = width - x;
        int count = 0;
        int index = model.runIndex[0];
        while (readBit()) {
            int length = Math.min(1 << ContextModel.J[index], remaining - count);
            count += length;
            if (length == 1 << ContextModel.J[index] && index < 31) {
                index++;
            }
            if (count == remaining) {
                break;
            }
        }
        if (count != remaining) {
            count += readBits(ContextModel.J[index]);
            if (count >= remaining) {
                throw new PixelDataException("JPEG-LS: run of " + count + " pixels passes the end of a " + width
                        + "-pixel line near byte " + pos + " (corrupt codestream)");
            }
        }
        for (int i = 1; i <= count; i++) {
            cur0[x + i] = ra0;
            cur1[x + i] = ra1;
            cur2[x + i] = ra2;
        }
        x += count;
        if (x < width) {
            cur0[x + 1] = interleavedInterruption(ra0, prev0[x + 1], index);
            cur1[x + 1] = interleavedInterruption(ra1, prev1[x + 1], index);
            cur2[x + 1] = interleavedInterruption(ra2, prev2[x + 1], index);
            x++;
            if (index > 0) {
                index--;
            }
        }
        model.runIndex[0] = index;
        return x;
    }

    private int interleavedInterruption(int ra, int rb, int index) {
        int errval = decodeInterruptionError(0, index);
        return model.reconstruct(rb, ra > rb ? -errval : errval);
    }
}
