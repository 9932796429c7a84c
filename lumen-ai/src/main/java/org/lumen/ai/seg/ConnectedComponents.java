package org.lumen.ai.seg;

import java.util.Arrays;

/**
 * Largest-connected-component filtering of label maps (x fastest, dims {@code {nx, ny, nz}}). Voxels are connected
 * through their six faces (scipy's default structure, which nnU-Net's post-processing uses too).
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /** A copy of {@code labels} with the chosen post-processing applied. */
    public static int[] apply(int[] labels, int[] dims, PostProcessing mode) {
        return switch (mode) {
            case NONE -> labels.clone();
            case LARGEST_COMPONENT_PER_LABEL -> perLabel(labels, dims);
            case LARGEST_COMPONENT_OF_UNION -> union(labels, dims);
        };
    }

    private static int[] perLabel(int[] labels, int[] dims) {
        int[] out = labels.clone();
        int max = Arrays.stream(labels).max().orElse(0);
        for (int label = 1; label <= max; label++) {
            boolean[] member = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                member[i] = labels[i] == label;
            }
            boolean[] keep = largest(member, dims);
            for (int i = 0; i < labels.length; i++) {
                if (member[i] && !keep[i]) {
                    out[i] = 0;
                }
            }
        }
        return out;
    }

    private static int[] union(int[] labels, int[] dims) {
        boolean[] member = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            member[i] = labels[i] > 0;
        }
        boolean[] keep = largest(member, dims);
        int[] out = labels.clone();
        for (int i = 0; i < labels.length; i++) {
            if (!keep[i]) {
                out[i] = 0;
            }
        }
        return out;
    }

    /** The largest six-connected component of {@code member} (the first found on ties); all false when there is none. */
    static boolean[] largest(boolean[] member, int[] dims) {
        int[] component = new int[member.length];
        int[] stack = new int[member.length];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        int plane = dims[0] * dims[1];
        for (int seed = 0; seed < member.length; seed++) {
            if (!member[seed] || component[seed] != 0) {
                continue;
            }
            int id = ++next;
            int size = 0;
            int top = 0;
            stack[top++] = seed;
            component[seed] = id;
            while (top > 0) {
                int at = stack[--top];
                size++;
                int x = at % dims[0];
                int y = at / dims[0] % dims[1];
                int z = at / plane;
                if (x > 0) top = visit(at - 1, id, member, component, stack, top);
                if (x < dims[0] - 1) top = visit(at + 1, id, member, component, stack, top);
                if (y > 0) top = visit(at - dims[0], id, member, component, stack, top);
                if (y < dims[1] - 1) top = visit(at + dims[0], id, member, component, stack, top);
                if (z > 0) top = visit(at - plane, id, member, component, stack, top);
                if (z < dims[2] - 1) top = visit(at + plane, id, member, component, stack, top);
            }
            if (size > bestSize) {
                bestSize = size;
                best = id;
            }
        }
        boolean[] out = new boolean[member.length];
        for (int i = 0; i < member.length; i++) {
            out[i] = best != 0 && component[i] == best;
        }
        return out;
    }

    private static int visit(int at, int id, boolean[] member, int[] component, int[] stack, int top) {
        if (member[at] && component[at] == 0) {
            component[at] = id;
            stack[top++] = at;
        }
        return top;
    }
}
