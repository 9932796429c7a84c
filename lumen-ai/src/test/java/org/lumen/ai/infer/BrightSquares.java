package org.lumen.ai.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny synthetic problem where the evidence has a known place: noise images of side {@code side} (2D or 3D); class 1
 * images also hold a bright square (cube) somewhere inside one randomly chosen quadrant (octant), class 0 images hold none.
 */
final class BrightSquares {
    final List<float[]> images = new ArrayList<>();
    final int[] labels;
    /** For class 1 images: the quadrant (octant) of the square, bit d set when it lies in the upper half of axis d. */
    final int[] regions;
    final int dimensions;
    final int side;

    BrightSquares(int dimensions, int side, int count, long seed) {
        this.dimensions = dimensions;
        this.side = side;
        this.labels = new int[count];
        this.regions = new int[count];
        Random random = new Random(seed);
        int square = side / 4;
        int half = side / 2;
        for (int n = 0; n < count; n++) {
            float[] image = new float[(int) Math.pow(side, dimensions)];
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) (random.nextGaussian() * 0.2);
            }
            labels[n] = n % 2;
            regions[n] = -1;
            if (labels[n] == 1) {
                int region = random.nextInt(1 << dimensions);
                regions[n] = region;
                int[] corner = new int[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    int low = (region >> d & 1) == 1 ? half : 0;
                    corner[d] = low + random.nextInt(half - square + 1);
                }
                paint(image, corner, square);
            }
            images.add(image);
        }
    }

    /** The region (bit d = upper half of axis d, axis 0 = x) that a flat index falls in. */
    int regionOf(int index) {
        int region = 0;
        for (int d = 0; d < dimensions; d++) {
            int coordinate = index % side;
            index /= side;
            if (coordinate >= side / 2) {
                region |= 1 << d;
            }
        }
        return region;
    }

    int[] inputShape() {
        int[] shape = new int[dimensions + 1];
        java.util.Arrays.fill(shape, side);
        shape[0] = 1;
        return shape;
    }

    private void paint(float[] image, int[] corner, int square) {
        int cells = (int) Math.pow(square, dimensions);
        for (int cell = 0; cell < cells; cell++) {
            int rest = cell;
            int index = 0;
            int stride = 1;
            for (int d = 0; d < dimensions; d++) {
                index += (corner[d] + rest % square) * stride;
                rest /= square;
                stride *= side;
            }
            image[index] += 1.5f;
        }
    }
}
