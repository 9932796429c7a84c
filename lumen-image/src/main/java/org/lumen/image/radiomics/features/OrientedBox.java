package org.lumen.image.radiomics.features;

/**
 * A bounding box of a point set along three orthonormal axes, and the search for a small one. IBSI gives no reference
 * for the oriented minimum bounding box, and the exact one (O'Rourke's rotating callipers) is costly, so it is
 * approximated: the smaller of the axis-aligned box and the box along the principal axes, then refined by rotating the
 * frame by shrinking angles about each of its axes while the box volume goes down.
 *
 * @param extents edge lengths along the three axes, mm
 */
record OrientedBox(double[] extents) {

    double volume() {
        return extents[0] * extents[1] * extents[2];
    }

    double area() {
        return 2 * (extents[0] * extents[1] + extents[1] * extents[2] + extents[2] * extents[0]);
    }

    /** The box of the points (x, y, z triples) along the rows of {@code axes}. */
    static OrientedBox along(double[][] axes, double[] points) {
        double[] extents = new double[3];
        for (int r = 0; r < 3; r++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < points.length; i += 3) {
                double t = axes[r][0] * points[i] + axes[r][1] * points[i + 1] + axes[r][2] * points[i + 2];
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
            extents[r] = max - min;
        }
        return new OrientedBox(extents);
    }

    static OrientedBox axisAligned(double[] points) {
        return along(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, points);
    }

    /** An approximate minimum-volume box of the points (best used with convex hull vertices, which are few). */
    static OrientedBox approximateMinimum(double[] points, double[][] principalAxes) {
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[][] best = along(principalAxes, points).volume() < along(identity, points).volume()
                ? copy(principalAxes) : identity;
        double bestVolume = along(best, points).volume();
        for (double angle = 0.2; angle > 1e-3; angle /= 2) {
            boolean improved = true;
            while (improved) {
                improved = false;
                for (int axis = 0; axis < 3; axis++) {
                    for (double signed : new double[] {angle, -angle}) {
                        double[][] turned = rotated(best, axis, signed);
                        double volume = along(turned, points).volume();
                        if (volume < bestVolume * (1 - 1e-12)) {
                            best = turned;
                            bestVolume = volume;
                            improved = true;
                        }
                    }
                }
            }
        }
        return along(best, points);
    }

    /** The frame turned by {@code angle} about its own axis {@code axis} (the other two rows rotate). */
    private static double[][] rotated(double[][] frame, int axis, double angle) {
        int u = (axis + 1) % 3;
        int v = (axis + 2) % 3;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[][] turned = copy(frame);
        for (int k = 0; k < 3; k++) {
            turned[u][k] = c * frame[u][k] + s * frame[v][k];
            turned[v][k] = -s * frame[u][k] + c * frame[v][k];
        }
        return turned;
    }

    private static double[][] copy(double[][] frame) {
        return new double[][] {frame[0].clone(), frame[1].clone(), frame[2].clone()};
    }
}
