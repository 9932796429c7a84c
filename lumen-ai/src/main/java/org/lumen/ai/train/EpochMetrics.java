package org.lumen.ai.train;

/**
 * What one training epoch did, kept per epoch for the training-curve chart and the checkpoint.
 *
 * @param epoch         1-based epoch number
 * @param trainLoss     mean training loss over the epoch's batches (with augmentation, smoothing and class weights)
 * @param valLoss       mean cross-entropy on the validation split (no augmentation)
 * @param valAuc        validation AUC of the positive class's probability
 * @param valAccuracy   validation accuracy at probability 0.5 (the operating threshold is chosen after training)
 * @param learningRate  learning rate at the end of the epoch
 * @param seconds       wall time of the epoch, validation included
 */
public record EpochMetrics(int epoch, double trainLoss, double valLoss, double valAuc, double valAccuracy,
                           double learningRate, double seconds) {
}
