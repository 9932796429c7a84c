package org.lumen.image.change;

import java.util.ArrayList;
import java.util.List;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;

/** The 6-connected regions of equal non-zero label in a label map. */
public final class ConnectedRegions {
    /**
     * One region.
     *
     * @param label its label value
     * @param voxels the linear indices of its voxels
     */
    public record Region(int label, int[] voxels) {
        public int size() {
            return voxels.length;
        }

        /** The mean patient position of its voxel centres (mm). */
        public Vec3 centroid(Volume grid) {
            double i = 0;
            double j = 0;
            double k = 0;
            for (int v : voxels) {
                i += v % grid.nx();
                j += (v / grid.nx()) % grid.ny();
                k += v / (grid.nx() * grid.ny());
            }
            int n = voxels.length;
            return grid.indexToPatient(i / n, j / n, k / n);
        }
    }

    private ConnectedRegions() {
    }

    public static List<Region> of(Volume labels) {
        int nx = labels.nx();
        int ny = labels.ny();
        int nz = labels.nz();
        int[] value = new int[labels.voxelCount()];
        for (int v = 0; v < value.length; v++) {
            value[v] = Math.round(labels.get(v));
        }
        boolean[] seen = new boolean[value.length];
        int[] queue = new int[value.length];
        List<Region> regions = new ArrayList<>();
        for (int start = 0; start < value.length; start++) {
            if (value[start] == 0 || seen[start]) {
                continue;
            }
            int label = value[start];
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int v = queue[head++];
                int i = v % nx;
                int j = (v / nx) % ny;
                int k = v / (nx * ny);
                tail = visit(i > 0, v - 1, label, value, seen, queue, tail);
                tail = visit(i < nx - 1, v + 1, label, value, seen, queue, tail);
                tail = visit(j > 0, v - nx, label, value, seen, queue, tail);
                tail = visit(j < ny - 1, v + nx, label, value, seen, queue, tail);
                tail = visit(k > 0, v - nx * ny, label, value, seen, queue, tail);
                tail = visit(k < nz - 1, v + nx * ny, label, value, seen, queue, tail);
            }
            regions.add(new Region(label, java.util.Arrays.copyOf(queue, tail)));
        }
        return regions;
    }

    private static int visit(boolean inside, int v, int label, int[] value, boolean[] seen, int[] queue, int tail) {
        if (inside && !seen[v] && value[v] == label) {
            seen[v] = true;
            queue[tail++] = v;
        }
        return tail;
    }
}
