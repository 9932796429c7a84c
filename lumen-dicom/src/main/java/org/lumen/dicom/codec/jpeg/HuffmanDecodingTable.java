package org.lumen.dicom.codec.jpeg;

import org.lumen.dicom.pixel.PixelDataException;

/**
 * A Huffman table of a DHT segment (T.81 B.2.4.2, C) ready for decoding: codes of up to {@value #LOOKAHEAD} bits are
 * found with one table look-up of the next {@value #LOOKAHEAD} bits; longer ones with the MAXCODE/VALPTR procedure of
 * F.2.2.3.
 */
final class HuffmanDecodingTable {
    static final int LOOKAHEAD = 9;

    /** Per {@value #LOOKAHEAD}-bit prefix: code length << 8 | symbol, 0 when the code is longer. */
    private final int[] lookup = new int[1 << LOOKAHEAD];
    /**
     * For AC tables, per {@value #LOOKAHEAD}-bit prefix holding a whole run/size code and its extra bits: the coefficient
     * (signed) << 16 | zero run << 8 | bits used; 0 when they do not fit, or the code is EOB or ZRL.
     */
    final int[] fastAc = new int[1 << LOOKAHEAD];
    /**
     * For DC and lossless tables, per {@value #LOOKAHEAD}-bit prefix holding a whole category code and its extra bits:
     * the difference (signed) << 16 | 1 << 8 | bits used; 0 when they do not fit (or for category 16).
     */
    final int[] fastDifference = new int[1 << LOOKAHEAD];
    private final int[] maxCode = new int[18];
    private final int[] valueOffset = new int[17];
    private final int[] values;

    /** Builds the table from the 16 code counts and the symbols, checking that the codes fit their lengths. */
    HuffmanDecodingTable(int[] counts, int[] symbols) {
        this.values = symbols;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            valueOffset[length] = k - code;
            int n = counts[length - 1];
            if (n > 0 && code + n > (1 << length)) {
                throw new PixelDataException("JPEG: a Huffman table holds more codes of length " + length + " than fit");
            }
            for (int i = 0; i < n; i++, k++, code++) {
                if (length <= LOOKAHEAD) {
                    int shift = LOOKAHEAD - length;
                    int entry = length << 8 | symbols[k];
                    for (int j = code << shift, last = (code + 1) << shift; j < last; j++) {
                        lookup[j] = entry;
                    }
                }
            }
            maxCode[length] = n > 0 ? code - 1 : -1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int prefix = 0; prefix < lookup.length; prefix++) {
            int entry = lookup[prefix];
            int length = entry >> 8;
            int size = entry & 15;
            if (entry != 0 && size > 0 && length + size <= LOOKAHEAD) {
                int bits = (prefix >> (LOOKAHEAD - length - size)) & ((1 << size) - 1);
                int value = bits < (1 << (size - 1)) ? bits - (1 << size) + 1 : bits;
                fastAc[prefix] = value << 16 | ((entry >> 4) & 15) << 8 | (length + size);
            }
            int category = entry & 0xFF;
            if (entry != 0 && category < 16 && length + category <= LOOKAHEAD) {
                int bits = (prefix >> (LOOKAHEAD - length - category)) & ((1 << category) - 1);
                int value = category == 0 ? 0 : bits < (1 << (category - 1)) ? bits - (1 << category) + 1 : bits;
                fastDifference[prefix] = value << 16 | 1 << 8 | (length + category);
            }
        }
    }

    /** The next symbol (DECODE, F.2.2.3). */
    int decode(EntropyReader in) {
        int look = in.peek(LOOKAHEAD);
        int entry = lookup[look];
        if (entry != 0) {
            in.skip(entry >> 8);
            return entry & 0xFF;
        }
        int bits = in.peek(16);
        for (int length = LOOKAHEAD + 1; length <= 16; length++) {
            int code = bits >>> (16 - length);
            if (code <= maxCode[length]) {
                in.skip(length);
                return values[valueOffset[length] + code];
            }
        }
        throw new PixelDataException("JPEG: a Huffman code that is in no table (corrupt entropy-coded data)");
    }
}
