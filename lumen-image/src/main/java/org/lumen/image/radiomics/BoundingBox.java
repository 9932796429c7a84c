package org.lumen.image.radiomics;

import java.util.Optional;
import org.lumen.image.Geometry;
import org.lumen.image.Volume;

/**
 * An axis-aligned box of voxels [x0, x1] x [y0, y1] x [z0, z1] (inclusive) on a grid: the extent of an ROI mask, and
 * the crop the pipeline works on so that no step scans the whole image.
 */
public record BoundingBox(int x0, int y0, int z0, int x1, int y1, int z1) {

    /** The smallest box holding every true voxel of {@code mask} on an {@code nx x ny x nz} grid; empty when none is. */
    public static Optional<BoundingBox> of(boolean[] mask, int nx, int ny, int nz) {
        int x0 = nx;
        int y0 = ny;
        int z0 = nz;
        int x1 = -1;
        int y1 = -1;
        int z1 = -1;
        int n = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, n++) {
                    if (mask[n]) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                        z0 = Math.min(z0, z);
                        z1 = Math.max(z1, z);
                    }
                }
            }
        }
        return x1 < 0 ? Optional.empty() : Optional.of(new BoundingBox(x0, y0, z0, x1, y1, z1));
    }

    public int nx() {
        return x1 - x0 + 1;
    }

    public int ny() {
        return y1 - y0 + 1;
    }

    public int nz() {
        return z1 - z0 + 1;
    }

    public int voxelCount() {
        return nx() * ny() * nz();
    }

    /** This box grown by the given number of voxels on each side, kept within an {@code nx x ny x nz} grid. */
    public BoundingBox grow(int mx, int my, int mz, int nx, int ny, int nz) {
        return new BoundingBox(Math.max(0, x0 - mx), Math.max(0, y0 - my), Math.max(0, z0 - mz),
                Math.min(nx - 1, x1 + mx), Math.min(ny - 1, y1 + my), Math.min(nz - 1, z1 + mz));
    }

    /** The box as seen from inside {@code outer} (both on the same grid; this box must lie within it). */
    public BoundingBox relativeTo(BoundingBox outer) {
        return new BoundingBox(x0 - outer.x0, y0 - outer.y0, z0 - outer.z0, x1 - outer.x0, y1 - outer.y0, z1 - outer.z0);
    }

    /** The voxels of this box from a grid {@code gridNx x gridNy x ...} (x fastest). */
    public float[] crop(float[] values, int gridNx, int gridNy) {
        float[] out = new float[voxelCount()];
        int n = 0;
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                System.arraycopy(values, x0 + gridNx * (y + gridNy * z), out, n, nx());
                n += nx();
            }
        }
        return out;
    }

    /** The voxels of this box from a mask on a grid {@code gridNx x gridNy x ...} (x fastest). */
    public boolean[] crop(boolean[] mask, int gridNx, int gridNy) {
        boolean[] out = new boolean[voxelCount()];
        int n = 0;
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                System.arraycopy(mask, x0 + gridNx * (y + gridNy * z), out, n, nx());
                n += nx();
            }
        }
        return out;
    }

    /** The part of {@code image} inside this box, placed where it was in patient space. */
    public Volume crop(Volume image) {
        float[] values = new float[voxelCount()];
        int n = 0;
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    values[n++] = image.get(x + image.nx() * (y + image.ny() * z));
                }
            }
        }
        Geometry g = image.geometry();
        Geometry moved = new Geometry(g.indexToPatient(x0, y0, z0), g.direction(), g.spacing());
        return new Volume(nx(), ny(), nz(), values, image.voxelType(), moved);
    }
}
