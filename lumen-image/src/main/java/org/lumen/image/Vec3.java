package org.lumen.image;

/** A point or direction in 3D (patient coordinates in mm, or continuous voxel indices). */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public Vec3 {
        // Adding +0.0 turns -0.0 into 0.0, so that vectors that are equal as numbers are equal as records.
        x += 0.0;
        y += 0.0;
        z += 0.0;
    }

    /** The vector from the first three values of an array, as DICOM multi-valued decimals arrive. */
    public static Vec3 of(double[] values, int offset) {
        if (values == null || values.length < offset + 3) {
            throw new IllegalArgumentException("need 3 values from offset " + offset + ", got "
                    + (values == null ? "none" : values.length + " in all"));
        }
        return new Vec3(values[offset], values[offset + 1], values[offset + 2]);
    }

    /** Component 0, 1 or 2. */
    public double get(int axis) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException("axis " + axis + " is not 0, 1 or 2");
        };
    }

    public Vec3 plus(Vec3 other) {
        return new Vec3(x + other.x, y + other.y, z + other.z);
    }

    public Vec3 minus(Vec3 other) {
        return new Vec3(x - other.x, y - other.y, z - other.z);
    }

    public Vec3 times(double factor) {
        return new Vec3(x * factor, y * factor, z * factor);
    }

    public double dot(Vec3 other) {
        return x * other.x + y * other.y + z * other.z;
    }

    public Vec3 cross(Vec3 other) {
        return new Vec3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** This vector scaled to length 1; fails for a (near) zero vector, which has no direction. */
    public Vec3 normalized() {
        double length = norm();
        if (!(length > 1e-12) || !Double.isFinite(length)) {
            throw new IllegalArgumentException("cannot normalise " + this + ": it has no direction");
        }
        return times(1.0 / length);
    }

    /** The largest absolute difference of the three components. */
    public double maxAbsDifference(Vec3 other) {
        return Math.max(Math.abs(x - other.x), Math.max(Math.abs(y - other.y), Math.abs(z - other.z)));
    }

    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
