package org.lumen.image;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * A scalar 3D image: voxel values on a grid with its place in patient space. The one voxel type shared across Lumen (DICOM
 * series, NIfTI files, masks, resampled images, model outputs).
 *
 * <p>Voxels are floats in one array, x (i) fastest, then y (j), then z (k): index {@code i + nx * (j + ny * k)}. The
 * constructor takes the array over without copying (volumes are large); whoever hands it in must not change it later.
 * Nothing here changes it, and {@link #data()} returns a copy, so a volume is immutable as long as that rule is kept.
 */
public final class Volume {
    private final int nx;
    private final int ny;
    private final int nz;
    private final float[] data;
    private final VoxelType voxelType;
    private final Geometry geometry;
    private final Matrix3 patientToIndex;

    /**
     * @param data voxel values, x fastest; taken over, not copied
     * @param voxelType the type to write the values as (see {@link VoxelType})
     * @param geometry place of the grid in patient coordinates (LPS)
     */
    public Volume(int nx, int ny, int nz, float[] data, VoxelType voxelType, Geometry geometry) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, got " + nx + " x " + ny + " x " + nz);
        }
        long count = (long) nx * ny * nz;
        Objects.requireNonNull(data, "data");
        if (data.length != count) {
            throw new IllegalArgumentException("data has " + data.length + " values but " + nx + " x " + ny + " x " + nz
                    + " needs " + count);
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.data = data;
        this.voxelType = Objects.requireNonNull(voxelType, "voxelType");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.patientToIndex = geometry.indexToPatientMatrix().inverse();
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    public int voxelCount() {
        return data.length;
    }

    public VoxelType voxelType() {
        return voxelType;
    }

    public Geometry geometry() {
        return geometry;
    }

    /** The value at voxel (i, j, k). */
    public float get(int i, int j, int k) {
        return data[index(i, j, k)];
    }

    /** The value at a linear index (x fastest). */
    public float get(int linearIndex) {
        return data[linearIndex];
    }

    /** The linear index of voxel (i, j, k); fails outside the grid. */
    public int index(int i, int j, int k) {
        if (i < 0 || i >= nx || j < 0 || j >= ny || k < 0 || k >= nz) {
            throw new IndexOutOfBoundsException("voxel (" + i + ", " + j + ", " + k + ") is outside " + nx + " x " + ny
                    + " x " + nz);
        }
        return i + nx * (j + ny * k);
    }

    /** A copy of all values, x fastest. */
    public float[] data() {
        return data.clone();
    }

    /** A read-only view of all values without copying them, for code that scans large volumes. */
    public FloatBuffer view() {
        return FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** A copy of the k-th slice (nx * ny values, x fastest), for rendering. */
    public float[] slice(int k) {
        if (k < 0 || k >= nz) {
            throw new IndexOutOfBoundsException("slice " + k + " is outside 0.." + (nz - 1));
        }
        float[] slice = new float[nx * ny];
        System.arraycopy(data, k * nx * ny, slice, 0, slice.length);
        return slice;
    }

    /** The patient position (LPS, mm) of continuous index (i, j, k). */
    public Vec3 indexToPatient(double i, double j, double k) {
        return geometry.indexToPatient(i, j, k);
    }

    /** The continuous index (i, j, k) of a patient position (LPS, mm); may lie outside the grid. */
    public Vec3 patientToIndex(double x, double y, double z) {
        return patientToIndex.times(new Vec3(x, y, z).minus(geometry.origin()));
    }

    /** A volume on the same grid with other values (taken over, not copied) and the same voxel type. */
    public Volume withData(float[] newData) {
        return new Volume(nx, ny, nz, newData, voxelType, geometry);
    }

    /** A volume on the same grid with other values (taken over, not copied) and another voxel type. */
    public Volume withData(float[] newData, VoxelType newType) {
        return new Volume(nx, ny, nz, newData, newType, geometry);
    }

    /** The same values placed elsewhere. */
    public Volume withGeometry(Geometry newGeometry) {
        return new Volume(nx, ny, nz, data, voxelType, newGeometry);
    }

    /** True when both volumes have the same dimensions and their geometries agree within {@code toleranceMm}. */
    public boolean sameGeometry(Volume other, double toleranceMm) {
        return nx == other.nx && ny == other.ny && nz == other.nz && geometry.isCloseTo(other.geometry, toleranceMm);
    }

    @Override
    public String toString() {
        return "Volume[" + nx + " x " + ny + " x " + nz + " " + voxelType + ", " + geometry + "]";
    }
}
