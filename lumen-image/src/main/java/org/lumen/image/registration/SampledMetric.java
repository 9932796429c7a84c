package org.lumen.image.registration;

import java.util.Arrays;
import java.util.HashMap;
import java.util.SplittableRandom;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.resample.AffineTransform;

/**
 * A registration metric evaluated at a fixed set of sample points of the fixed image: a seeded random choice of voxel
 * centres (all of them when there are fewer than asked for), so that repeated evaluations differ only through the
 * transform and the metric is a smooth, deterministic function of it. The moving image is read by trilinear
 * interpolation; samples that fall outside it are left out. Lower values are better (the negative of MI or NCC).
 */
final class SampledMetric {
    /** Below this fraction of samples inside the moving image a transform is taken as no match at all. */
    private static final double MIN_OVERLAP = 0.1;
    private static final double NO_MATCH = 1e9;

    private final Metric metric;
    private final int bins;
    private final double[] points;
    private final float[] fixedValues;
    private final int[] fixedBins;
    private final float[] moving;
    private final int nx;
    private final int ny;
    private final int nz;
    private final Matrix3 movingPatientToIndex;
    private final Vec3 movingOrigin;
    private final double movingMin;
    private final double movingBinWidth;
    private final Vec3 sampleCentre;
    private final double sampleRadius;

    SampledMetric(Volume fixed, Volume movingVolume, Metric metric, int bins, int sampleCount, long seed) {
        this(fixed, null, movingVolume, metric, bins, sampleCount, seed);
    }

    /** As above, sampling only where {@code mask} (on the fixed grid, or null for everywhere) is non-zero. */
    SampledMetric(Volume fixed, Volume mask, Volume movingVolume, Metric metric, int bins, int sampleCount, long seed) {
        this.metric = metric;
        this.bins = bins;
        int[] chosen = chooseVoxels(candidates(fixed, mask), sampleCount, seed);
        points = new double[3 * chosen.length];
        fixedValues = new float[chosen.length];
        int plane = fixed.nx() * fixed.ny();
        for (int s = 0; s < chosen.length; s++) {
            int index = chosen[s];
            Vec3 p = fixed.indexToPatient(index % fixed.nx(), (index % plane) / fixed.nx(), index / plane);
            points[3 * s] = p.x();
            points[3 * s + 1] = p.y();
            points[3 * s + 2] = p.z();
            fixedValues[s] = fixed.get(index);
        }
        fixedBins = hardBins(fixedValues, bins);
        moving = movingVolume.data();
        nx = movingVolume.nx();
        ny = movingVolume.ny();
        nz = movingVolume.nz();
        movingPatientToIndex = movingVolume.geometry().indexToPatientMatrix().inverse();
        movingOrigin = movingVolume.geometry().origin();
        double[] range = range(moving);
        movingMin = range[0];
        // Mattes: the moving intensities fill bins 2 .. bins-3 so that the cubic window (4 bins wide) stays inside.
        movingBinWidth = Math.max(range[1] - range[0], 1e-12) / (bins - 5);
        sampleCentre = centre(points);
        sampleRadius = rmsDistance(points, sampleCentre);
    }

    /** The mean position of the samples (mm): a centre for rotations. */
    Vec3 sampleCentre() {
        return sampleCentre;
    }

    /** The RMS distance of the samples from their centre (mm). */
    double sampleRadius() {
        return sampleRadius;
    }

    int sampleCount() {
        return fixedValues.length;
    }

    /** The cost of a transform (fixed space to moving space): negative MI or negative NCC. */
    double cost(AffineTransform fixedToMoving) {
        // Fixed patient point -> moving continuous index, as one 3x4 map.
        Matrix3 a = movingPatientToIndex.times(fixedToMoving.linear());
        Vec3 b = movingPatientToIndex.times(fixedToMoving.translation().minus(movingOrigin));
        double[] m = a.toRowMajor();
        return metric == Metric.MUTUAL_INFORMATION ? negativeMutualInformation(m, b) : negativeCorrelation(m, b);
    }

    private double negativeMutualInformation(double[] m, Vec3 b) {
        double[] joint = new double[bins * bins];
        int inside = 0;
        for (int s = 0; s < fixedValues.length; s++) {
            double value = movingValueAt(s, m, b);
            if (Double.isNaN(value)) {
                continue;
            }
            inside++;
            double position = 2 + (value - movingMin) / movingBinWidth;
            int centreBin = (int) Math.floor(position);
            int row = fixedBins[s] * bins;
            for (int o = -1; o <= 2; o++) {
                int bin = Math.min(bins - 1, Math.max(0, centreBin + o));
                joint[row + bin] += cubicBSpline(position - (centreBin + o));
            }
        }
        if (inside < MIN_OVERLAP * fixedValues.length) {
            return NO_MATCH;
        }
        return -mutualInformation(joint);
    }

    private double mutualInformation(double[] joint) {
        double total = 0;
        for (double h : joint) {
            total += h;
        }
        double[] fixedMarginal = new double[bins];
        double[] movingMarginal = new double[bins];
        for (int f = 0; f < bins; f++) {
            for (int g = 0; g < bins; g++) {
                double p = joint[f * bins + g] / total;
                fixedMarginal[f] += p;
                movingMarginal[g] += p;
            }
        }
        double mi = 0;
        for (int f = 0; f < bins; f++) {
            for (int g = 0; g < bins; g++) {
                double p = joint[f * bins + g] / total;
                if (p > 1e-16) {
                    mi += p * Math.log(p / (fixedMarginal[f] * movingMarginal[g]));
                }
            }
        }
        return mi;
    }

    private double negativeCorrelation(double[] m, Vec3 b) {
        double sf = 0;
        double sm = 0;
        double sff = 0;
        double smm = 0;
        double sfm = 0;
        int inside = 0;
        for (int s = 0; s < fixedValues.length; s++) {
            double value = movingValueAt(s, m, b);
            if (Double.isNaN(value)) {
                continue;
            }
            double f = fixedValues[s];
            inside++;
            sf += f;
            sm += value;
            sff += f * f;
            smm += value * value;
            sfm += f * value;
        }
        if (inside < MIN_OVERLAP * fixedValues.length) {
            return NO_MATCH;
        }
        double cov = sfm - sf * sm / inside;
        double varF = sff - sf * sf / inside;
        double varM = smm - sm * sm / inside;
        if (varF <= 0 || varM <= 0) {
            return 0;
        }
        return -cov / Math.sqrt(varF * varM);
    }

    /** Trilinear value of the moving image at sample s's mapped position; NaN outside the moving grid. */
    private double movingValueAt(int s, double[] m, Vec3 b) {
        double px = points[3 * s];
        double py = points[3 * s + 1];
        double pz = points[3 * s + 2];
        double x = m[0] * px + m[1] * py + m[2] * pz + b.x();
        double y = m[3] * px + m[4] * py + m[5] * pz + b.y();
        double z = m[6] * px + m[7] * py + m[8] * pz + b.z();
        if (x < 0 || y < 0 || z < 0 || x > nx - 1 || y > ny - 1 || z > nz - 1) {
            return Double.NaN;
        }
        int i = Math.min((int) x, Math.max(nx - 2, 0));
        int j = Math.min((int) y, Math.max(ny - 2, 0));
        int k = Math.min((int) z, Math.max(nz - 2, 0));
        double fx = x - i;
        double fy = y - j;
        double fz = z - k;
        int di = nx > 1 ? 1 : 0;
        int dj = ny > 1 ? nx : 0;
        int dk = nz > 1 ? nx * ny : 0;
        int base = i + nx * (j + ny * k);
        double c00 = moving[base] + fx * (moving[base + di] - moving[base]);
        double c10 = moving[base + dj] + fx * (moving[base + dj + di] - moving[base + dj]);
        double c01 = moving[base + dk] + fx * (moving[base + dk + di] - moving[base + dk]);
        double c11 = moving[base + dk + dj] + fx * (moving[base + dk + dj + di] - moving[base + dk + dj]);
        double c0 = c00 + fy * (c10 - c00);
        double c1 = c01 + fy * (c11 - c01);
        return c0 + fz * (c1 - c0);
    }

    private static double cubicBSpline(double u) {
        double a = Math.abs(u);
        if (a < 1) {
            return (4 - 6 * a * a + 3 * a * a * a) / 6;
        }
        if (a < 2) {
            double t = 2 - a;
            return t * t * t / 6;
        }
        return 0;
    }

    private static int[] hardBins(float[] values, int bins) {
        double[] range = range(values);
        double width = Math.max(range[1] - range[0], 1e-12) / bins;
        int[] out = new int[values.length];
        for (int s = 0; s < values.length; s++) {
            out[s] = Math.min(bins - 1, (int) ((values[s] - range[0]) / width));
        }
        return out;
    }

    private static double[] range(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    /** The voxel indices samples may be drawn from: the mask's non-zero voxels, or all. */
    private static int[] candidates(Volume fixed, Volume mask) {
        if (mask == null) {
            int[] all = new int[fixed.voxelCount()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        if (mask.voxelCount() != fixed.voxelCount()) {
            throw new IllegalArgumentException("mask " + mask + " is not on the fixed grid " + fixed);
        }
        int n = 0;
        int[] inside = new int[mask.voxelCount()];
        for (int v = 0; v < inside.length; v++) {
            if (mask.get(v) != 0) {
                inside[n++] = v;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the fixed mask is empty: nothing to register");
        }
        return Arrays.copyOf(inside, n);
    }

    /** {@code count} distinct entries of {@code pool} chosen at random with the seed (partial Fisher-Yates), or all. */
    private static int[] chooseVoxels(int[] pool, int count, long seed) {
        int total = pool.length;
        if (count >= total) {
            return pool;
        }
        SplittableRandom random = new SplittableRandom(seed);
        HashMap<Integer, Integer> swapped = new HashMap<>();
        int[] chosen = new int[count];
        for (int s = 0; s < count; s++) {
            int r = s + random.nextInt(total - s);
            int atR = swapped.getOrDefault(r, r);
            int atS = swapped.getOrDefault(s, s);
            chosen[s] = pool[atR];
            swapped.put(r, atS);
        }
        Arrays.sort(chosen); // memory order: kinder to the cache
        return chosen;
    }

    private static Vec3 centre(double[] points) {
        double x = 0;
        double y = 0;
        double z = 0;
        int n = points.length / 3;
        for (int s = 0; s < n; s++) {
            x += points[3 * s];
            y += points[3 * s + 1];
            z += points[3 * s + 2];
        }
        return new Vec3(x / n, y / n, z / n);
    }

    private static double rmsDistance(double[] points, Vec3 c) {
        double sum = 0;
        int n = points.length / 3;
        for (int s = 0; s < n; s++) {
            double dx = points[3 * s] - c.x();
            double dy = points[3 * s + 1] - c.y();
            double dz = points[3 * s + 2] - c.z();
            sum += dx * dx + dy * dy + dz * dz;
        }
        return Math.sqrt(sum / n);
    }
}
