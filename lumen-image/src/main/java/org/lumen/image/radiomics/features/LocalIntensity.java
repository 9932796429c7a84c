package org.lumen.image.radiomics.features;

import java.util.ArrayList;
import java.util.List;
import org.lumen.image.Volume;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 local intensity features ({@code loc_peak_loc}, {@code loc_peak_glob}): the mean intensity of the voxels whose
 * centres lie within a 1 cm^3 sphere (radius (3 / 4 pi)^(1/3) cm) around a centre voxel of the ROI intensity mask. The
 * sphere draws on every image voxel, inside the ROI or not; voxels beyond the image edge are not counted. The image
 * must reach at least the sphere's radius past the ROI wherever the image allows (the pipeline crops with that margin).
 *
 * <p>Sphere sums come from running sums along x: the sphere is a set of x segments, one per (dy, dz), so a centre costs
 * one addition per segment instead of one per voxel.
 */
public final class LocalIntensity {
    /** Radius in mm of a sphere of 1 cm^3. */
    public static final double SPHERE_RADIUS_MM = 10 * Math.cbrt(3 / (4 * Math.PI));

    private LocalIntensity() {
    }

    /** Voxels to keep on each side of the ROI along x, y and z so that every sphere is whole inside the image. */
    public static int[] margin(Volume image) {
        int[] margin = new int[3];
        for (int axis = 0; axis < 3; axis++) {
            margin[axis] = (int) Math.floor(SPHERE_RADIUS_MM / image.geometry().spacing().get(axis) + 1e-9);
        }
        return margin;
    }

    public static FeatureTable compute(Volume image, boolean[] intensityMask) {
        if (intensityMask.length != image.voxelCount()) {
            throw new IllegalArgumentException("the intensity mask does not match the image grid");
        }
        Sphere sphere = new Sphere(image);
        int nx = image.nx();
        int ny = image.ny();
        double[] rowSums = sphere.rowPrefixSums(image);
        float max = Float.NEGATIVE_INFINITY;
        for (int n = 0; n < intensityMask.length; n++) {
            if (intensityMask[n]) {
                max = Math.max(max, image.get(n));
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("the ROI intensity mask is empty");
        }
        double localPeak = Double.NEGATIVE_INFINITY;
        double globalPeak = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int z = 0; z < image.nz(); z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, n++) {
                    if (intensityMask[n]) {
                        double mean = sphere.mean(rowSums, x, y, z);
                        globalPeak = Math.max(globalPeak, mean);
                        if (image.get(n) == max) {
                            localPeak = Math.max(localPeak, mean);
                        }
                    }
                }
            }
        }
        return new FeatureTable().put("loc_peak_loc", localPeak).put("loc_peak_glob", globalPeak);
    }

    /** The sphere as x half-widths per (dy, dz) row, and means over it from running sums. */
    private static final class Sphere {
        private final int nx;
        private final int ny;
        private final int nz;
        private final int[] dy;
        private final int[] dz;
        private final int[] halfWidth;
        private final int reachX;
        private final int reachY;
        private final int reachZ;
        /** Offset of each row's running sums from the centre row's. */
        private final int[] rowOffset;
        /** Voxels in the sphere when none of it lies beyond the image. */
        private final int wholeCount;

        Sphere(Volume image) {
            nx = image.nx();
            ny = image.ny();
            nz = image.nz();
            double sx = image.geometry().spacing().x();
            double sy = image.geometry().spacing().y();
            double sz = image.geometry().spacing().z();
            double r2 = SPHERE_RADIUS_MM * SPHERE_RADIUS_MM;
            int ry = (int) Math.floor(SPHERE_RADIUS_MM / sy);
            int rz = (int) Math.floor(SPHERE_RADIUS_MM / sz);
            List<int[]> rows = new ArrayList<>();
            for (int k = -rz; k <= rz; k++) {
                for (int j = -ry; j <= ry; j++) {
                    double left = r2 - (j * sy) * (j * sy) - (k * sz) * (k * sz);
                    if (left >= 0) {
                        rows.add(new int[] {j, k, (int) Math.floor(Math.sqrt(left) / sx + 1e-9)});
                    }
                }
            }
            dy = rows.stream().mapToInt(r -> r[0]).toArray();
            dz = rows.stream().mapToInt(r -> r[1]).toArray();
            halfWidth = rows.stream().mapToInt(r -> r[2]).toArray();
            reachX = rows.stream().mapToInt(r -> r[2]).max().orElse(0);
            reachY = ry;
            reachZ = rz;
            rowOffset = new int[dy.length];
            int whole = 0;
            for (int r = 0; r < dy.length; r++) {
                rowOffset[r] = (dy[r] + ny * dz[r]) * (nx + 1);
                whole += 2 * halfWidth[r] + 1;
            }
            wholeCount = whole;
        }

        /** For each row of the image, sums of its first 0, 1, ..., nx values: (nx + 1) per row. */
        double[] rowPrefixSums(Volume image) {
            double[] sums = new double[(nx + 1) * ny * nz];
            for (int row = 0; row < ny * nz; row++) {
                int in = row * nx;
                int out = row * (nx + 1);
                double running = 0;
                for (int x = 0; x < nx; x++) {
                    running += image.get(in + x);
                    sums[out + x + 1] = running;
                }
            }
            return sums;
        }

        double mean(double[] rowSums, int x, int y, int z) {
            if (x >= reachX && x < nx - reachX && y >= reachY && y < ny - reachY && z >= reachZ && z < nz - reachZ) {
                int centre = (y + ny * z) * (nx + 1) + x;
                double sum = 0;
                for (int r = 0; r < rowOffset.length; r++) {
                    int at = centre + rowOffset[r];
                    sum += rowSums[at + halfWidth[r] + 1] - rowSums[at - halfWidth[r]];
                }
                return sum / wholeCount;
            }
            return meanNearEdge(rowSums, x, y, z);
        }

        /** The mean over the part of the sphere inside the image. */
        private double meanNearEdge(double[] rowSums, int x, int y, int z) {
            double sum = 0;
            int count = 0;
            for (int r = 0; r < dy.length; r++) {
                int yy = y + dy[r];
                int zz = z + dz[r];
                if (yy < 0 || yy >= ny || zz < 0 || zz >= nz) {
                    continue;
                }
                int from = Math.max(0, x - halfWidth[r]);
                int to = Math.min(nx - 1, x + halfWidth[r]);
                int base = (yy + ny * zz) * (nx + 1);
                sum += rowSums[base + to + 1] - rowSums[base + from];
                count += to - from + 1;
            }
            return sum / count;
        }
    }
}
