package org.lumen.ai.eval;

/**
 * One bin of a reliability diagram: the cases whose predicted probability lies in {@code [lower, upper)} (the last bin
 * also holds 1.0), their mean prediction and the share of them that were positive. Both are NaN for an empty bin.
 */
public record ReliabilityBin(double lower, double upper, int count, double meanPredicted, double observedRate) {
}
