package org.lumen.ai.tasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.model.Finding;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.train.Augmentation;
import org.lumen.ai.train.ClassBalance;
import org.lumen.ai.train.OperatingPoint;
import org.lumen.ai.train.TrainConfig;

/**
 * The three task presets of the shipped models. Finding codes (SNOMED CT), checked against NCBI MedGen: 233604007
 * Pneumonia (disorder); 254837009 Malignant tumor of breast; 419920004 Adrenal hyperplasia (MedGen C1621895; the code
 * 237783006 first proposed is "Mass of adrenal gland", a different finding). Brain tumour MRI: 302820008 Intracranial
 * meningioma (disorder) and 254956000 Pituitary adenoma (disorder), each found under that meaning in several independent
 * terminology tables (MONDO's cross-reference SCTID:254956000, a SNOMED release note naming 302820008). Glioma and "no
 * tumour" carry no code: public tables disagree on glioma (393563007 is Glioblastoma multiforme, a subtype) and there is
 * no agreed code for "no tumour found" here, so those classes are reported by name only rather than with a guessed code.
 */
public final class Tasks {
    public static final String BRAIN_TUMOR_MRI = "brain-tumor-mri";
    private static final String MEDMNIST = "MedMNIST v2 (Yang et al., Scientific Data 10, 41 (2023)), "
            + "https://medmnist.com";
    private static final Map<String, TaskPreset> PRESETS = Map.of(
            "pneumonia-cxr", pneumoniaCxr(),
            "breast-us", breastUs(),
            "adrenal-ct3d", adrenalCt3d(),
            BRAIN_TUMOR_MRI, brainTumorMri());

    public static final String HIPPOCAMPUS_SEG = "hippocampus-seg";
    private static final Map<String, SegmentationTaskPreset> SEGMENTATION = Map.of(HIPPOCAMPUS_SEG, hippocampusSeg());

    private Tasks() {
    }

    /** The classification preset of that name, or an error naming the presets there are. */
    public static TaskPreset get(String name) {
        TaskPreset preset = PRESETS.get(name);
        if (preset == null) {
            throw new IllegalArgumentException(SEGMENTATION.containsKey(name)
                    ? name + " is a segmentation task: train it with lumen train --task " + name + " --data DIR"
                    : "no task '" + name + "'; the tasks are " + names());
        }
        return preset;
    }

    /** Whether {@code name} is a segmentation task ({@link #segmentation}). */
    public static boolean isSegmentation(String name) {
        return SEGMENTATION.containsKey(name);
    }

    /** The segmentation preset of that name, or an error naming the tasks there are. */
    public static SegmentationTaskPreset segmentation(String name) {
        SegmentationTaskPreset preset = SEGMENTATION.get(name);
        if (preset == null) {
            throw new IllegalArgumentException("no segmentation task '" + name + "'; the tasks are " + names());
        }
        return preset;
    }

    /** Every task, classification and segmentation, sorted. */
    public static List<String> names() {
        return java.util.stream.Stream.concat(PRESETS.keySet().stream(), SEGMENTATION.keySet().stream()).sorted()
                .collect(Collectors.toList());
    }

    private static final String HIPPOCAMPUS_OUTLOOK = "Target on the 52 held-back labelled cases: mean Dice >= 0.90 over"
            + " anterior and posterior hippocampus (nnU-Net's published level is about 0.90 and 0.89). On the validation"
            + " cases the same network gave 0.884 after 14 epochs (lumen-ai/docs/training-log.md); the held-back cases"
            + " have not been seen, so whether the target is reached is not known from validation.";

    /**
     * Anterior (1) and posterior (2) hippocampus on the Medical Segmentation Decathlon's T1 crops. U-Net of base width 16,
     * depth 4, on 40x56x40 patches ({@link org.lumen.ai.seg.SegmentationTraining#hippocampus}); about 60 s an epoch
     * (training and validation) on two PyTorch threads of a quiet 2-core machine, so 28 epochs fit 45 minutes with the
     * choice of test-time options at the end. 20% of the cases validate.
     */
    static SegmentationTaskPreset hippocampusSeg() {
        return new SegmentationTaskPreset(HIPPOCAMPUS_SEG, "Anterior and posterior hippocampus on a T1 MRI crop about one"
                + " hippocampus (3D U-Net); volumes in mm^3", List.of("MR"), List.of("BRAIN", "HEAD"),
                List.of("nifti", "dicom"),
                List.of("background", "anterior hippocampus", "posterior hippocampus"),
                // SNOMED CT has no concept for the hippocampal head or body as such: both parts are Hippocampus, told
                // apart by the label (the SEG's Segment Label)
                List.of(new Finding("anterior hippocampus", "SCT", "5366008", "Hippocampus"),
                        new Finding("posterior hippocampus", "SCT", "5366008", "Hippocampus")),
                "Medical Segmentation Decathlon Task04_Hippocampus (Simpson et al. 2019), imagesTr/labelsTr",
                "CC BY-SA 4.0", "A. L. Simpson et al., A large annotated medical image dataset for the development and"
                + " evaluation of segmentation algorithms, arXiv:1902.09063 (2019); http://medicaldecathlon.com",
                "hippocampus", 16, 28, 42, 2, 0.2,
                List.of("The model takes T1 MRI crops about one hippocampus (the decathlon crops are about 35x50x36 voxels"
                                + " of 1 mm); a whole-head scan must be cropped about the hippocampus first, else its"
                                + " volumes are meaningless.",
                        "Labels are the anterior (head) and posterior (body and tail) hippocampus of the side in the crop;"
                                + " left and right are not told apart."),
                HIPPOCAMPUS_OUTLOOK);
    }

    private static Preprocessing grey(int... size) {
        return new Preprocessing(size, 1, 127.5f, 64f, null);
    }

    // What validation says about the targets of issue 5 (official test split, evaluated outside the repo) and what was tried.
    private static final String PNEUMONIA_OUTLOOK = "Target on the official test split: AUC >= 0.99 and accuracy >= 0.95 (best"
            + " published 0.991 / 0.946). Validation (same distribution as training) gives 0.996 and 0.973, but the test split"
            + " is known to be harder and differently balanced (about 37% normal against 26% in training), so accuracy there may"
            + " fall below 0.95; the threshold is chosen by Youden's J, which does not depend on the class balance, for that"
            + " reason. Tried: 2 to 14 epochs, stronger augmentation with label smoothing 0.1 (0.9954, not better).";
    private static final String BREAST_OUTLOOK = "Target on the official test split: AUC >= 0.93 and accuracy >= 0.91 (best"
            + " published about 0.93 / 0.90). The validation split has only 78 images (21 malignant), so its figures (AUC 0.948,"
            + " 95% CI 0.889-1.0) cannot show whether the target is reached. Tried: 40 epochs with early stopping and Youden's"
            + " threshold (0.924) against 60 epochs, patience 20 and the accuracy threshold (kept).";
    private static final String ADRENAL_OUTLOOK = "Target on the official test split: AUC >= 0.87 and accuracy >= 0.85 (best"
            + " published 0.839 / 0.802). Validation AUC is 0.875 (95% CI 0.784-0.966) and swung between 0.80 and 0.87 from"
            + " epoch to epoch in every run, so the AUC target is at the edge of reach and may not hold on the test split."
            + " Tried: widths 16/32/64 (too slow for 15 minutes on 2 cores), 8/16/32 with flips only (0.853), with affine"
            + " augmentation (0.875, kept), lr 1e-3 without class weighting (0.879 at one epoch, then 0.85: less steady). Not"
            + " tried for lack of time on 2 cores: 64^3 volumes, wider networks, seed ensembles.";

    static TaskPreset pneumoniaCxr() {
        List<String> classes = List.of("normal", "pneumonia");
        TrainConfig config = new TrainConfig("pneumonia-cxr", Path.of("pneumoniamnist.npz"), classes, 1, 14, 64, 2e-3, 5e-4,
                1, 42, new NetworkSpec(2, 1, 2, 32, new int[] {32, 64, 128}, new int[] {1, 1, 1}, 0.2f),
                new Augmentation(true, false, false, 10, 0.08, 0.1, 0.1), grey(28, 28), ClassBalance.WEIGHTED_LOSS, 0.05,
                OperatingPoint.Rule.YOUDEN, 6, 0, 1, Path.of("pneumonia-cxr"), null, 0);
        return new TaskPreset("pneumonia-cxr", "Pneumonia on a frontal chest radiograph (PneumoniaMNIST, 28x28)",
                List.of("CR", "DX"), List.of("CHEST", "THORAX"), List.of(new Finding("pneumonia", "SCT", "233604007", "Pneumonia")),
                "PneumoniaMNIST (MedMNIST v2), from Kermany et al. 2018 paediatric chest X-rays", "CC BY 4.0", MEDMNIST,
                "medmnist/pneumoniamnist.npz", config, PNEUMONIA_OUTLOOK);
    }

    /** Label 0 is malignant: the reported finding is malignancy, so the positive class is 0. */
    static TaskPreset breastUs() {
        List<String> classes = List.of("malignant", "normal-or-benign");
        TrainConfig config = new TrainConfig("breast-us", Path.of("breastmnist.npz"), classes, 0, 60, 32, 2e-3, 5e-4, 2, 42,
                new NetworkSpec(2, 1, 2, 32, new int[] {32, 64, 128}, new int[] {1, 1, 1}, 0.3f),
                new Augmentation(true, false, false, 10, 0.08, 0.1, 0.1), grey(28, 28), ClassBalance.WEIGHTED_LOSS, 0.05,
                OperatingPoint.Rule.ACCURACY, 20, 0, 1, Path.of("breast-us"), null, 0);
        return new TaskPreset("breast-us", "Malignant breast lesion on an ultrasound image (BreastMNIST, 28x28)",
                List.of("US"), List.of("BREAST"),
                List.of(new Finding("malignant", "SCT", "254837009", "Malignant tumor of breast")),
                "BreastMNIST (MedMNIST v2), from Al-Dhabyani et al. 2020 breast ultrasound images", "CC BY 4.0", MEDMNIST,
                "medmnist/breastmnist.npz", config, BREAST_OUTLOOK);
    }

    private static final String BRAIN_OUTLOOK = "Target on the de-duplicated official Testing split (1,208 images at full"
            + " resolution): accuracy >= 0.986 and macro AUC >= 0.998 (the seed's cited 98.56%). The validation split is made"
            + " by image content (every copy of an image on one side; the list is validation-split.tsv), so its figures are"
            + " not flattered by the repeated images in Training. Training images are at most 256 px and the model sees them at"
            + " 128 px from scratch on 2 CPU cores, so the target may be out of reach without pre-training or larger inputs.";

    /**
     * The four-class brain tumour MRI task (Nickparvar's merged set): classes in folder order, read by arg-max. Axial
     * slices are flipped left-right only (up-down is not a plausible head position); 15% of each class, by content, is
     * held back for validation. Size for 45 minutes on 2 cores: at 128 px this five-stage network (stem 16, widths
     * 16-256, stride 2 from the second stage on) takes 150-172 s an epoch (training and validation) for the 4,855
     * training images on two PyTorch threads of a quiet 2-core machine, so 14 epochs fit. Widths 8-128 for 20 epochs
     * on one thread reached a validation accuracy of 0.928 (macro AUC 0.992) on the same split.
     */
    static TaskPreset brainTumorMri() {
        List<String> classes = List.of("glioma", "meningioma", "notumor", "pituitary");
        TrainConfig config = new TrainConfig(BRAIN_TUMOR_MRI, null, classes, 0, 14, 32, 2e-3, 5e-4, 1, 42,
                new NetworkSpec(2, 1, 4, 16, new int[] {16, 32, 64, 128, 256}, new int[] {1, 1, 1, 1, 1}, 0.2f),
                new Augmentation(true, false, false, 10, 0.06, 0.1, 0.1), grey(128, 128), ClassBalance.WEIGHTED_LOSS, 0.05,
                OperatingPoint.Rule.ACCURACY, 6, 0, 2, Path.of(BRAIN_TUMOR_MRI), Path.of("brain-tumor-mri/Training"), 0.15);
        return new TaskPreset(BRAIN_TUMOR_MRI, "Brain tumour type on an axial MRI slice: glioma, meningioma, no tumour or"
                + " pituitary tumour (128x128 grey)", List.of("MR"), List.of("BRAIN", "HEAD"),
                List.of(new Finding("meningioma", "SCT", "302820008", "Intracranial meningioma"),
                        new Finding("pituitary", "SCT", "254956000", "Pituitary adenoma")),
                "Brain Tumor MRI Dataset (M. Nickparvar; merges Figshare (Cheng et al.), SARTAJ and Br35H), Training folder",
                "CC0 1.0", "M. Nickparvar, Brain Tumor MRI Dataset, Kaggle (2021), CC0 1.0",
                "brain-tumor-mri/Training", config, BRAIN_OUTLOOK);
    }

    static TaskPreset adrenalCt3d() {
        List<String> classes = List.of("normal", "hyperplasia");
        TrainConfig config = new TrainConfig("adrenal-ct3d", Path.of("adrenalmnist3d.npz"), classes, 1, 16, 32, 2e-3, 5e-4, 1,
                42, new NetworkSpec(3, 1, 2, 8, new int[] {8, 16, 32}, new int[] {1, 1, 1}, 0.3f),
                new Augmentation(true, false, false, 10, 0.05, 0.1, 0), grey(28, 28, 28), ClassBalance.WEIGHTED_LOSS, 0.05,
                OperatingPoint.Rule.ACCURACY, 0, 0, 1, Path.of("adrenal-ct3d"), null, 0);
        return new TaskPreset("adrenal-ct3d", "Adrenal hyperplasia from a 3D adrenal-gland mask segmented on abdominal CT"
                + " (AdrenalMNIST3D, 28^3); the input is the binary mask, not CT intensities",
                List.of("SEG"), List.of("ADRENAL", "ABDOMEN"),
                List.of(new Finding("hyperplasia", "SCT", "419920004", "Adrenal hyperplasia")),
                "AdrenalMNIST3D (MedMNIST v2), adrenal masks from Zhongshan Hospital CT", "CC BY 4.0", MEDMNIST,
                "medmnist/adrenalmnist3d.npz", config, ADRENAL_OUTLOOK);
    }
}
