package org.lumen.dicom.codec.jpeg2000;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Tier-2 (ISO/IEC 15444-1 B.9, B.10): the one packet of a resolution level of a tile-component when there is one
 * quality layer and one precinct per resolution. The header says, band by band and code-block by code-block, whether the
 * block is included (inclusion tag tree), its missing most significant bit-planes (tag tree), its number of coding passes
 * (Table B.4) and the length of its codeword (Lblock, B.10.7.1); the body is the codewords in the same order.
 */
final class J2kPacketWriter {
    private static final int INITIAL_LBLOCK = 3;

    private final J2kBitWriter header = new J2kBitWriter();

    /**
     * Writes the packet of {@code bands} (the bands of one resolution, in packet order) to {@code out}; {@code
     * magnitudeBits} gives each band's Mb (B.10.5), from which the zero bit-planes follow.
     */
    void write(List<J2kCodeBlocks> bands, int[] magnitudeBits, ByteArrayOutputStream out) {
        header.clear();
        boolean any = false;
        for (J2kCodeBlocks band : bands) {
            for (int k : band.bitPlanes) {
                any |= k > 0;
            }
        }
        if (!any) {
            header.writeBit(0); // an empty packet
            header.flush();
            out.write(header.bytes(), 0, header.size());
            return;
        }
        header.writeBit(1);
        for (int b = 0; b < bands.size(); b++) {
            J2kCodeBlocks band = bands.get(b);
            int count = band.count();
            if (count == 0) {
                continue;
            }
            int[] inclusion = new int[count];
            int[] zeroPlanes = new int[count];
            for (int k = 0; k < count; k++) {
                inclusion[k] = band.bitPlanes[k] > 0 ? 0 : 1;
                zeroPlanes[k] = band.bitPlanes[k] > 0 ? magnitudeBits[b] - band.bitPlanes[k] : magnitudeBits[b];
            }
            J2kTagTreeEncoder inclusionTree = new J2kTagTreeEncoder(band.columns, band.rows, inclusion);
            J2kTagTreeEncoder zeroPlaneTree = new J2kTagTreeEncoder(band.columns, band.rows, zeroPlanes);
            for (int k = 0; k < count; k++) {
                inclusionTree.encode(header, k, 1); // layer 0: included when the value is below 1
                if (band.bitPlanes[k] == 0) {
                    continue;
                }
                zeroPlaneTree.encode(header, k, Integer.MAX_VALUE);
                writePasses(band.passes[k]);
                writeLength(band.data[k].length, band.passes[k]);
            }
        }
        header.flush();
        out.write(header.bytes(), 0, header.size());
        for (J2kCodeBlocks band : bands) {
            for (int k = 0; k < band.count(); k++) {
                if (band.bitPlanes[k] > 0) {
                    out.write(band.data[k], 0, band.data[k].length);
                }
            }
        }
    }

    /** Table B.4: 1, 2, 3-5, 6-36 and 37-164 passes in 1, 2, 4, 9 and 16 bits. */
    private void writePasses(int n) {
        if (n == 1) {
            header.writeBit(0);
        } else if (n == 2) {
            header.writeBits(0b10, 2);
        } else if (n <= 5) {
            header.writeBits(0b1100 | (n - 3), 4);
        } else if (n <= 36) {
            header.writeBits(0b1111_00000 | (n - 6), 9);
        } else {
            header.writeBits(0b1111_11111_0000000 | (n - 37), 16);
        }
    }

    /**
     * B.10.7.1: the length in Lblock + floor(log2(passes)) bits, Lblock (3 for a block's first inclusion) first raised
     * by as many 1 bits as needed, closed by a 0.
     */
    private void writeLength(int length, int passes) {
        int passBits = 31 - Integer.numberOfLeadingZeros(passes);
        int needed = Math.max(1, 32 - Integer.numberOfLeadingZeros(length));
        int lblock = INITIAL_LBLOCK;
        while (lblock + passBits < needed) {
            header.writeBit(1);
            lblock++;
        }
        header.writeBit(0);
        header.writeBits(length, lblock + passBits);
    }
}
