package org.lumen.ai.plot;

/**
 * One epoch of a training curve. Any value may be NaN where it was not measured (e.g. no validation that epoch); NaN
 * points are left out of the line.
 *
 * @param epoch     1-based epoch number
 * @param trainLoss mean training loss of the epoch
 * @param valLoss   validation loss after the epoch
 * @param valAuc    validation AUC after the epoch
 */
public record CurvePoint(int epoch, double trainLoss, double valLoss, double valAuc) {
}
