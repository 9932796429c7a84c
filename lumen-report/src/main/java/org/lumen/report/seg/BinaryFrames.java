package org.lumen.report.seg;

import java.util.List;
import org.lumen.image.Volume;

/**
 * Packs BINARY SEG frames as 1-bit Pixel Data (PS3.5 8.1.1 and 8.2): pixel n of the whole frame stream (frames one after
 * another, each row by row) is bit n mod 8 of byte n / 8, least significant bit first. Frames are not padded to whole
 * bytes, so when Rows x Columns is not a multiple of 8 a frame starts inside a byte; only the end of the value is padded
 * to an even length.
 */
final class BinaryFrames {
    private BinaryFrames() {
    }

    /** The Pixel Data value of {@code frames} cut from {@code labelMap} (one bit per pixel: voxel == segment number). */
    static byte[] pack(Volume labelMap, List<LabelFrames.Frame> frames) {
        int sliceSize = labelMap.nx() * labelMap.ny();
        long bits = (long) sliceSize * frames.size();
        long bytes = (bits + 7) / 8;
        bytes += bytes & 1;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(frames.size() + " frames of " + sliceSize + " pixels are more than one"
                    + " Pixel Data value can hold");
        }
        byte[] packed = new byte[(int) bytes];
        long bit = 0;
        for (LabelFrames.Frame frame : frames) {
            float label = frame.segmentNumber();
            int offset = frame.slice() * sliceSize;
            for (int p = 0; p < sliceSize; p++, bit++) {
                if (labelMap.get(offset + p) == label) {
                    packed[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        return packed;
    }
}
