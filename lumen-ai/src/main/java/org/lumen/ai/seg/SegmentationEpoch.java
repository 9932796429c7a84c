package org.lumen.ai.seg;

/**
 * One training epoch's figures.
 *
 * @param valDicePerLabel mean validation Dice of each foreground label 1..K-1
 * @param valDice         their mean
 */
public record SegmentationEpoch(int epoch, double trainLoss, double valDice, double[] valDicePerLabel, double learningRate,
                                double seconds) {
}
