package org.lumen.ai.tasks;

import java.util.List;
import org.lumen.ai.model.Finding;
import org.lumen.ai.train.TrainConfig;

/**
 * A shipped model's task: what the classes mean, which DICOM inputs it is meant for, where its data comes from, and the
 * training configuration that made the shipped weights.
 *
 * @param name        the task and model name
 * @param description one line for listings
 * @param modalities  DICOM modalities the model is meant for
 * @param bodyParts   DICOM Body Part Examined values it is meant for
 * @param findings    the coded findings reported (the positive class of a binary task; each coded class of a task
 *                    of several classes)
 * @param dataset     the training data
 * @param licence     the data's licence
 * @param citation    the source to cite
 * @param dataFile    where the data lies under {@code ../shared/data}: a MedMNIST {@code .npz} or an image folder
 * @param defaults    the configuration of the shipped weights (its {@code npz} is {@link #npzFile} relative to the
 *                    working folder until the command line names the file)
 */
public record TaskPreset(String name, String description, List<String> modalities, List<String> bodyParts,
                         List<Finding> findings, String dataset, String licence, String citation, String dataFile,
                         TrainConfig defaults, String outlook) {

    public TaskPreset {
        modalities = List.copyOf(modalities);
        bodyParts = List.copyOf(bodyParts);
        findings = List.copyOf(findings);
    }
}
