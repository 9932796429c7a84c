package org.lumen.dicom.codec.jpeg;

/**
 * An optimal Huffman table for given symbol frequencies, limited to 16-bit codes, as T.81 Annex K.2 describes: code
 * lengths by repeatedly merging the two least frequent trees (with one reserved symbol so that no code is all ones),
 * lengths over 16 shortened (Figure K.3), symbols listed by code length. Then the codes themselves (Annex C).
 */
final class HuffmanCodeBuilder {
    /** BITS: how many codes of each length 1..16. */
    final int[] counts = new int[16];
    /** HUFFVAL: the symbols in order of increasing code length. */
    final int[] symbols;
    /** Per symbol (0-255): its code and length, length 0 for symbols without a code. */
    final int[] code = new int[256];
    final int[] length = new int[256];

    /** A table for {@code frequencies} (256 entries); symbols of frequency 0 get no code. */
    HuffmanCodeBuilder(long[] frequencies) {
        long[] freq = new long[257];
        System.arraycopy(frequencies, 0, freq, 0, 256);
        freq[256] = 1; // the reserved point: keeps the all-ones code of the longest length unused (K.2)
        int[] codeSize = new int[257];
        int[] others = new int[257];
        java.util.Arrays.fill(others, -1);
        while (true) {
            int v1 = -1;
            int v2 = -1;
            for (int v = 0; v < 257; v++) {
                if (freq[v] > 0 && (v1 < 0 || freq[v] <= freq[v1])) {
                    v1 = v;
                }
            }
            for (int v = 0; v < 257; v++) {
                if (freq[v] > 0 && v != v1 && (v2 < 0 || freq[v] <= freq[v2])) {
                    v2 = v;
                }
            }
            if (v2 < 0) {
                break;
            }
            freq[v1] += freq[v2];
            freq[v2] = 0;
            codeSize[v1]++;
            while (others[v1] >= 0) {
                v1 = others[v1];
                codeSize[v1]++;
            }
            others[v1] = v2;
            codeSize[v2]++;
            while (others[v2] >= 0) {
                v2 = others[v2];
                codeSize[v2]++;
            }
        }
        int[] bits = new int[33];
        for (int v = 0; v < 257; v++) {
            if (codeSize[v] > 0) {
                bits[codeSize[v]]++;
            }
        }
        // Figure K.3: move pairs of over-long codes up, one prefix down, until none is longer than 16 bits.
        for (int i = 32; i > 16; i--) {
            while (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        int longest = 16;
        while (longest > 0 && bits[longest] == 0) {
            longest--;
        }
        bits[longest]--; // drop the reserved point's code
        System.arraycopy(bits, 1, counts, 0, 16);
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        symbols = new int[total];
        int k = 0;
        for (int size = 1; size <= 32 && k < total; size++) {
            for (int v = 0; v < 256; v++) {
                if (codeSize[v] == size) {
                    symbols[k++] = v;
                }
            }
        }
        // Annex C: canonical codes from the lengths, in HUFFVAL order with lengths taken from BITS.
        int c = 0;
        k = 0;
        for (int len = 1; len <= 16; len++) {
            for (int i = 0; i < counts[len - 1]; i++, k++) {
                code[symbols[k]] = c++;
                length[symbols[k]] = len;
            }
            c <<= 1;
        }
    }
}
