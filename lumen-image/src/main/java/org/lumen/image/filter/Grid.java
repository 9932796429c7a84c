package org.lumen.image.filter;

import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/** Working copy of a volume's values in double precision (x fastest), what the filters compute on. */
record Grid(int nx, int ny, int nz, double[] v) {
    Grid {
        if (v.length != (long) nx * ny * nz) {
            throw new IllegalArgumentException("grid of " + nx + "x" + ny + "x" + nz + " needs " + (long) nx * ny * nz
                    + " values, got " + v.length);
        }
    }

    static Grid of(Volume volume) {
        double[] values = new double[volume.voxelCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = volume.get(i);
        }
        return new Grid(volume.nx(), volume.ny(), volume.nz(), values);
    }

    Grid withValues(double[] values) {
        return new Grid(nx, ny, nz, values);
    }

    int size(int axis) {
        return axis == 0 ? nx : axis == 1 ? ny : nz;
    }

    int stride(int axis) {
        return axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
    }

    /** The response map as a float volume on the image's grid. */
    Volume toVolume(Volume template) {
        float[] out = new float[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) v[i];
        }
        return template.withData(out, VoxelType.FLOAT32);
    }
}
