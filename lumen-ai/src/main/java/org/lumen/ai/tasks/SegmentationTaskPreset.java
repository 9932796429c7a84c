package org.lumen.ai.tasks;

import java.util.List;
import org.lumen.ai.model.Finding;
import org.lumen.ai.seg.SegmentationConfig;
import org.lumen.ai.seg.SegmentationTraining;

/**
 * A segmentation task: what the labels are, which inputs the model is meant for, where the data comes from, and the
 * training configuration of the shipped weights.
 *
 * @param name            the task and model name
 * @param description     one line for listings
 * @param modalities      DICOM modalities the model is meant for
 * @param bodyParts       DICOM Body Part Examined values (empty: any)
 * @param formats         file formats it takes without being named ({@code "nifti"}: NIfTI states no modality)
 * @param classes         output classes, index = label value, background first
 * @param findings        the coded structure each foreground label is (class name = label name), written into the
 *                        manifest's {@code output.findings}; a DICOM SEG takes them as Segmented Property Types
 * @param dataset         the training data
 * @param licence         the data's licence
 * @param citation        the source to cite
 * @param dataFolder      where the decathlon-style folder lies under {@code ../shared/data}
 * @param width           U-Net base width
 * @param epochs          epochs of the shipped run
 * @param seed            seed of the shipped run (also of the case split)
 * @param threads         PyTorch threads
 * @param validationShare share of cases held back for validation
 * @param limitations     what is particular to this data, for the model card
 * @param outlook         the target and what validation says about it, for the model card
 */
public record SegmentationTaskPreset(String name, String description, List<String> modalities, List<String> bodyParts,
                                     List<String> formats, List<String> classes, List<Finding> findings,
                                     String dataset, String licence,
                                     String citation, String dataFolder, int width, int epochs, long seed, int threads,
                                     double validationShare, List<String> limitations, String outlook) {

    public SegmentationTaskPreset {
        modalities = List.copyOf(modalities);
        bodyParts = List.copyOf(bodyParts);
        formats = List.copyOf(formats);
        classes = List.copyOf(classes);
        findings = List.copyOf(findings);
        limitations = List.copyOf(limitations);
    }

    /** This preset with another U-Net base width. */
    public SegmentationTaskPreset withWidth(int newWidth) {
        return new SegmentationTaskPreset(name, description, modalities, bodyParts, formats, classes, findings, dataset,
                licence, citation, dataFolder, newWidth, epochs, seed, threads, validationShare, limitations, outlook);
    }

    /** The training configuration for this many epochs and this seed (the preset's width and threads). */
    public SegmentationConfig config(int epochs, long seed) {
        return SegmentationTraining.hippocampus(width, epochs, seed, threads);
    }
}
