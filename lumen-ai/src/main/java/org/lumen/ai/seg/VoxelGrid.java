package org.lumen.ai.seg;

import java.util.Arrays;
import org.lumen.image.Volume;

/**
 * Voxel arrays of one volume in the engine's layout: x fastest, then y, then z (the order of {@link Volume#data()}), so
 * the array is a tensor of shape {@code {nz, ny, nx}}. Sizes are always given as {@code {nx, ny, nz}}.
 */
public final class VoxelGrid {
    private VoxelGrid() {
    }

    public static int[] dims(Volume volume) {
        return new int[] {volume.nx(), volume.ny(), volume.nz()};
    }

    public static int count(int[] dims) {
        return dims[0] * dims[1] * dims[2];
    }

    /**
     * The image z-scored within itself: {@code (v - mean) / sd} over all its voxels (MRI intensities have no absolute
     * scale, so each volume is put on its own). A constant volume becomes all zeros.
     */
    public static float[] zScore(Volume image) {
        var v = image.view();
        double sum = 0;
        double sumSq = 0;
        int n = v.limit();
        for (int i = 0; i < n; i++) {
            sum += v.get(i);
            sumSq += (double) v.get(i) * v.get(i);
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = sd > 0 ? (float) ((v.get(i) - mean) / sd) : 0f;
        }
        return out;
    }

    /** The label values as whole numbers. */
    public static int[] labels(Volume mask) {
        var v = mask.view();
        int[] out = new int[v.limit()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(v.get(i));
        }
        return out;
    }

    /**
     * The box of {@code size} starting at voxel {@code start} (may be negative or run past the end): voxels outside the
     * source are {@code fill}.
     */
    public static float[] crop(float[] source, int[] dims, int[] start, int[] size, float fill) {
        float[] out = new float[count(size)];
        Arrays.fill(out, fill);
        for (int z = 0; z < size[2]; z++) {
            int sz = start[2] + z;
            if (sz < 0 || sz >= dims[2]) {
                continue;
            }
            for (int y = 0; y < size[1]; y++) {
                int sy = start[1] + y;
                if (sy < 0 || sy >= dims[1]) {
                    continue;
                }
                int x0 = Math.max(0, -start[0]);
                int x1 = Math.min(size[0], dims[0] - start[0]);
                if (x1 > x0) {
                    System.arraycopy(source, start[0] + x0 + dims[0] * (sy + dims[1] * sz), out, x0 + size[0] * (y + size[1] * z),
                            x1 - x0);
                }
            }
        }
        return out;
    }

    /** {@link #crop} for labels; outside is background. */
    public static int[] crop(int[] source, int[] dims, int[] start, int[] size) {
        float[] asFloat = new float[source.length];
        for (int i = 0; i < source.length; i++) {
            asFloat[i] = source[i];
        }
        float[] cropped = crop(asFloat, dims, start, size, 0f);
        int[] out = new int[cropped.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) cropped[i];
        }
        return out;
    }

    /** The start of a box of {@code size} centred on a grid of {@code dims} (negative where the box is larger). */
    public static int[] centredStart(int[] dims, int[] size) {
        return new int[] {(dims[0] - size[0]) / 2, (dims[1] - size[1]) / 2, (dims[2] - size[2]) / 2};
    }

    /** Each size rounded up to a multiple of {@code multiple}. */
    public static int[] roundedUp(int[] dims, int multiple) {
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            out[a] = (dims[a] + multiple - 1) / multiple * multiple;
        }
        return out;
    }
}
