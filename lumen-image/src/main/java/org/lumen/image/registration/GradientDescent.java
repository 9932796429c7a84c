package org.lumen.image.registration;

import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Regular-step gradient descent: steps of a set length along the negative gradient (central differences), kept when the
 * cost falls; a step that does not lower the cost is refused and the step length halved, a kept one
 * lengthens it by a quarter (never beyond the first). Stops when the step is shorter
 * than {@code minStep} or after {@code maxIterations} steps. The costs of a gradient's 2n probes are independent and
 * computed in parallel.
 *
 * @param initialStep first step length (parameter units, here millimetres of displacement)
 * @param minStep the step length at which the search has converged
 * @param gradientDelta half the distance between the two probes of a central difference
 * @param maxIterations most steps tried (kept or refused)
 */
record GradientDescent(double initialStep, double minStep, double gradientDelta, int maxIterations) {
    /** A kept step lengthens the next one a little (up to the first), so a long shallow valley is not crawled. */
    private static final double GROWTH = 1.25;

    /** Where the search ended: the parameters, their cost and the number of steps tried. */
    record Outcome(double[] parameters, double cost, int iterations) {
    }

    Outcome minimise(ToDoubleFunction<double[]> cost, int dimensions) {
        double[] x = new double[dimensions];
        double fx = cost.applyAsDouble(x);
        double[] gradient = gradient(cost, x);
        double step = initialStep;
        int iterations = 0;
        while (iterations < maxIterations && step >= minStep) {
            double norm = norm(gradient);
            if (!(norm > 0)) {
                break;
            }
            iterations++;
            double[] candidate = x.clone();
            for (int d = 0; d < dimensions; d++) {
                candidate[d] -= step * gradient[d] / norm;
            }
            double fc = cost.applyAsDouble(candidate);
            if (fc < fx) {
                x = candidate;
                fx = fc;
                gradient = gradient(cost, x);
                step = Math.min(initialStep, step * GROWTH);
            } else {
                step /= 2;
            }
        }
        return new Outcome(x, fx, iterations);
    }

    private double[] gradient(ToDoubleFunction<double[]> cost, double[] x) {
        int n = x.length;
        double[] probes = IntStream.range(0, 2 * n).parallel().mapToDouble(p -> {
            double[] shifted = x.clone();
            shifted[p / 2] += (p % 2 == 0 ? gradientDelta : -gradientDelta);
            return cost.applyAsDouble(shifted);
        }).toArray();
        double[] g = new double[n];
        for (int d = 0; d < n; d++) {
            g[d] = (probes[2 * d] - probes[2 * d + 1]) / (2 * gradientDelta);
        }
        return g;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
