package org.lumen.dicom.codec.jpeg2000;

/**
 * A tag tree (ISO 15444-1 B.10.2) over a grid of code-blocks: each node keeps the value it is known to reach (or
 * UNKNOWN) and the lower bound read so far, nodes of all levels in one array, leaves first.
 */
final class J2kTagTree {
    private static final int UNKNOWN = Integer.MAX_VALUE;
    private final int[] value;
    private final int[] low;
    private final int[] parent;
    private final int[] path = new int[32];

    J2kTagTree(int width, int height) {
        int nodes = 0;
        int w = width;
        int h = height;
        int levels = 0;
        do {
            nodes += w * h;
            levels++;
            if (w == 1 && h == 1) {
                break;
            }
            w = (w + 1) >> 1;
            h = (h + 1) >> 1;
        } while (true);
        value = new int[nodes];
        low = new int[nodes];
        parent = new int[nodes];
        java.util.Arrays.fill(value, UNKNOWN);
        int start = 0;
        w = width;
        h = height;
        for (int l = 0; l < levels; l++) {
            int pw = (w + 1) >> 1;
            int ph = (h + 1) >> 1;
            int next = start + w * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    parent[start + y * w + x] = l == levels - 1 ? -1 : next + (y >> 1) * pw + (x >> 1);
                }
            }
            start = next;
            w = pw;
            h = ph;
        }
    }

    /** Reads bits until leaf {@code leaf}'s value is known to be below {@code threshold} or not; true when it is below. */
    boolean decode(J2kPacketHeaderReader in, int leaf, int threshold) {
        int depth = 0;
        for (int n = leaf; n >= 0; n = parent[n]) {
            path[depth++] = n;
        }
        int lowBound = 0;
        int node = -1;
        for (int k = depth - 1; k >= 0; k--) {
            node = path[k];
            if (lowBound > low[node]) {
                low[node] = lowBound;
            } else {
                lowBound = low[node];
            }
            while (lowBound < threshold && lowBound < value[node]) {
                if (in.bit() != 0) {
                    value[node] = lowBound;
                } else {
                    lowBound++;
                }
            }
            low[node] = lowBound;
        }
        return value[node] < threshold;
    }

    /** The value of leaf {@code leaf}, read in full (at most {@code limit}, beyond which the data is corrupt). */
    int value(J2kPacketHeaderReader in, int leaf, int limit) {
        if (!decode(in, leaf, limit)) {
            throw new org.lumen.dicom.pixel.PixelDataException("JPEG 2000: a tag tree value in a packet header exceeds "
                    + limit + " (corrupt packet header)");
        }
        return value[leaf];
    }
}
