package org.lumen.ai.infer;

import java.util.List;
import java.util.Locale;
import org.lumen.ai.data.RawImage;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelManifest.InputContract;

/**
 * Decides whether a model's input contract accepts an image. The rules, in order:
 * <ol>
 * <li>Dimensions always decide: a 2D model never sees a volume, nor a 3D model a single image.</li>
 * <li>Modality: a DICOM image whose Modality the model does not list is refused. An image without a modality (PNG, JPEG,
 *     NIfTI, or DICOM lacking the attribute) goes to a model that lists modalities only when the user named that model:
 *     nothing else says that a PNG is a chest radiograph.</li>
 * <li>Body part: the same, with DICOM Body Part Examined and the model's body parts (compared without case).</li>
 * <li>Size, for a segmentation model: a volume of more than {@value #MAX_TIMES_TRAINING} times the voxels of the patches
 *     it was trained on is refused. The network saw crops about one structure; a whole head would give meaningless
 *     volumes and cost gigabytes (the whole volume goes through at once).</li>
 * </ol>
 * A model that lists no modalities (or no body parts) accepts any, stated or not. A model whose input contract lists
 * file formats takes an image of such a format that states no modality or body part as if named (a NIfTI volume, for a
 * segmentation model meant for NIfTI and DICOM MR volumes).
 */
final class ModelFit {
    static final long MAX_TIMES_TRAINING = 8;
    static final String CROP_FIRST = "crop it about the structure first";

    private ModelFit() {
    }

    /** Null when the model accepts the image, else why not (one phrase, e.g. "accepts CR/DX, not MR"). */
    static String whyNot(ModelManifest model, RawImage image, boolean namedByUser) {
        InputContract input = model.input();
        if (input.dimensions() != image.spatialDimensions()) {
            return "takes " + input.dimensions() + "D " + (input.dimensions() == 3 ? "volumes" : "images") + ", this is "
                    + image.spatialDimensions() + "D";
        }
        // a file of a format the model lists (NIfTI states neither) counts as meant for it, as if named
        boolean meant = namedByUser || input.formats() != null && input.formats().contains(image.kind());
        String modality = check("modality", input.modalities(), image.modality(), meant);
        if (modality != null) {
            return modality;
        }
        String bodyPart = check("body part", input.bodyParts(), image.bodyPart(), meant);
        return bodyPart != null ? bodyPart : tooLarge(model, image.shape());
    }

    /** Why a segmentation model does not take a volume that many times larger than its training patches, or null. */
    private static String tooLarge(ModelManifest model, int[] shape) {
        int[] patch = model.segments() ? model.segmentation().trainingSize() : null;
        if (patch == null) {
            return null;
        }
        long trained = (long) patch[0] * patch[1] * patch[2];
        long voxels = (long) shape[1] * shape[2] * shape[3];
        if (voxels <= MAX_TIMES_TRAINING * trained) {
            return null;
        }
        return "was trained on " + patch[0] + "x" + patch[1] + "x" + patch[2] + " crops and takes volumes of at most "
                + MAX_TIMES_TRAINING + " times as many voxels; this one is " + shape[3] + "x" + shape[2] + "x" + shape[1]
                + ": " + CROP_FIRST;
    }

    private static String check(String what, List<String> accepted, String stated, boolean namedByUser) {
        if (accepted == null || accepted.isEmpty()) {
            return null;
        }
        if (stated == null) {
            return namedByUser ? null : "accepts only " + String.join("/", accepted) + " and the image states no " + what
                    + " (name the model with --model to run it anyway)";
        }
        for (String a : accepted) {
            if (a.equalsIgnoreCase(stated.trim())) {
                return null;
            }
        }
        return "accepts " + what + " " + String.join("/", accepted) + ", not " + stated.toUpperCase(Locale.ROOT);
    }

    /** The contract in a few words, e.g. "CR/DX CHEST 2D". */
    static String describe(InputContract input) {
        StringBuilder s = new StringBuilder();
        s.append(input.modalities() == null || input.modalities().isEmpty() ? "any modality"
                : String.join("/", input.modalities()));
        if (input.bodyParts() != null && !input.bodyParts().isEmpty()) {
            s.append(' ').append(String.join("/", input.bodyParts()));
        }
        return s.append(' ').append(input.dimensions()).append('D').toString();
    }

    /** The image in a few words, e.g. "2D DICOM MR images of the BRAIN" or "2D PNG images (no modality)". */
    static String describe(RawImage image) {
        String kind = image.kind().toUpperCase(Locale.ROOT);
        StringBuilder s = new StringBuilder().append(image.spatialDimensions()).append("D ").append(kind);
        if (image.modality() != null) {
            s.append(' ').append(image.modality());
        }
        s.append(image.spatialDimensions() == 3 ? " volumes" : " images");
        if (image.bodyPart() != null) {
            s.append(" of the ").append(image.bodyPart().toUpperCase(Locale.ROOT));
        }
        if (image.modality() == null) {
            s.append(" (no modality stated)");
        } else if (image.bodyPart() == null) {
            s.append(" (no body part stated)");
        }
        return s.toString();
    }
}
