package org.lumen.dicom.codec.jpeg2000;

/**
 * A tag tree (ISO/IEC 15444-1 B.10.2) over a grid of code-blocks: each node holds the minimum of its children, and a
 * leaf's value is coded as the unary answers to "is it at most t?" from the root down, each node's answers coded once
 * and shared by all leaves below it.
 */
final class J2kTagTreeEncoder {
    private final int[] value;
    private final int[] low;
    private final boolean[] known;
    private final int[] parent;
    private final int leaves;
    private final int[] path = new int[32];

    /** A tree over {@code columns x rows} leaves with the given leaf values (row by row). */
    J2kTagTreeEncoder(int columns, int rows, int[] leafValues) {
        int nodes = 0;
        int w = columns;
        int h = rows;
        do {
            nodes += w * h;
            if (w == 1 && h == 1) {
                break;
            }
            w = (w + 1) >> 1;
            h = (h + 1) >> 1;
        } while (true);
        value = new int[nodes];
        low = new int[nodes];
        known = new boolean[nodes];
        parent = new int[nodes];
        leaves = columns * rows;
        System.arraycopy(leafValues, 0, value, 0, leaves);
        java.util.Arrays.fill(value, leaves, nodes, Integer.MAX_VALUE);
        int levelStart = 0;
        w = columns;
        h = rows;
        while (w > 1 || h > 1) {
            int nextStart = levelStart + w * h;
            int nw = (w + 1) >> 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int node = levelStart + y * w + x;
                    int up = nextStart + (y >> 1) * nw + (x >> 1);
                    parent[node] = up;
                    value[up] = Math.min(value[up], value[node]);
                }
            }
            levelStart = nextStart;
            w = nw;
            h = (h + 1) >> 1;
        }
        parent[nodes - 1] = -1;
    }

    /**
     * Codes what the decoder needs to learn whether leaf {@code leaf}'s value is below {@code threshold} (and the value
     * itself when it is): bits 0 while the running lower bound is below the node's value, 1 once it is reached.
     */
    void encode(J2kBitWriter out, int leaf, int threshold) {
        int depth = 0;
        for (int node = leaf; node >= 0; node = parent[node]) {
            path[depth++] = node;
        }
        int bound = 0;
        for (int k = depth - 1; k >= 0; k--) {
            int node = path[k];
            if (bound > low[node]) {
                low[node] = bound;
            } else {
                bound = low[node];
            }
            while (bound < threshold) {
                if (bound >= value[node]) {
                    if (!known[node]) {
                        out.writeBit(1);
                        known[node] = true;
                    }
                    break;
                }
                out.writeBit(0);
                bound++;
            }
            low[node] = bound;
        }
    }

    int leaves() {
        return leaves;
    }
}
