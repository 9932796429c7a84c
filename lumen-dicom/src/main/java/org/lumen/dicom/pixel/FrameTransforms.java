package org.lumen.dicom.pixel;

import java.util.Optional;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;

/**
 * The modality and VOI transforms that apply to one frame. For enhanced multi-frame objects the functional groups come
 * first, the frame's own item of the Per-frame Functional Groups Sequence before the Shared Functional Groups Sequence
 * (Pixel Value Transformation Sequence for the modality stage, Frame VOI LUT Sequence for the VOI stage); then the
 * top-level Modality LUT Sequence or Rescale Slope/Intercept, and Window Center/Width or VOI LUT Sequence.
 */
final class FrameTransforms {
    private final Attributes dataset;
    private final boolean signedPixels;

    FrameTransforms(Attributes dataset, ImagePixelDescription description) {
        this.dataset = dataset;
        this.signedPixels = description.isSigned();
    }

    ModalityTransform modality(int frame) {
        Attributes transformation = functionalGroup(frame, Tag.PixelValueTransformationSequence);
        if (transformation != null) {
            return rescaleOf(transformation);
        }
        Attributes lutItem = firstItem(dataset, Tag.ModalityLUTSequence);
        if (lutItem != null) {
            return new ModalityTransform.Lut(LookupTable.of(lutItem, signedDescriptor(lutItem, signedPixels), "Modality"));
        }
        return rescaleOf(dataset);
    }

    /** The window the dataset gives for {@code frame}, if any valid one. */
    Optional<Window> window(int frame) {
        Attributes frameVoi = functionalGroup(frame, Tag.FrameVOILUTSequence);
        if (frameVoi != null) {
            Optional<Window> window = windowOf(frameVoi);
            if (window.isPresent()) {
                return window;
            }
        }
        return windowOf(dataset);
    }

    /** The VOI LUT the dataset gives for {@code frame}, if any. */
    Optional<LookupTable> voiLut(int frame, boolean signedInput) {
        Attributes frameVoi = functionalGroup(frame, Tag.FrameVOILUTSequence);
        Attributes item = frameVoi != null ? firstItem(frameVoi, Tag.VOILUTSequence) : null;
        if (item == null) {
            item = firstItem(dataset, Tag.VOILUTSequence);
        }
        return item == null ? Optional.empty() : Optional.of(LookupTable.of(item, signedDescriptor(item, signedInput), "VOI"));
    }

    private static ModalityTransform rescaleOf(Attributes item) {
        double[] slope = DatasetValues.doubles(item, Tag.RescaleSlope, "Rescale Slope");
        double[] intercept = DatasetValues.doubles(item, Tag.RescaleIntercept, "Rescale Intercept");
        if (slope.length == 0 && intercept.length == 0) {
            return ModalityTransform.IDENTITY;
        }
        return new ModalityTransform.Rescale(slope.length > 0 ? slope[0] : 1, intercept.length > 0 ? intercept[0] : 0);
    }

    private static Optional<Window> windowOf(Attributes item) {
        double[] center = DatasetValues.doubles(item, Tag.WindowCenter, "Window Center");
        double[] width = DatasetValues.doubles(item, Tag.WindowWidth, "Window Width");
        if (center.length == 0 || width.length == 0) {
            return Optional.empty();
        }
        VoiFunction function = VoiFunction.of(DatasetValues.string(item, Tag.VOILUTFunction));
        if (function == VoiFunction.LINEAR ? width[0] < 1 : width[0] <= 0) {
            return Optional.empty(); // an unusable window in the file: fall back to the next source rather than fail
        }
        return Optional.of(new Window(center[0], width[0], function));
    }

    /** The first item of {@code sequenceTag} in the frame's per-frame functional group, else in the shared one. */
    private Attributes functionalGroup(int frame, int sequenceTag) {
        Sequence perFrame = dataset.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        if (perFrame != null && frame < perFrame.size()) {
            Attributes item = firstItem(perFrame.get(frame), sequenceTag);
            if (item != null) {
                return item;
            }
        }
        Sequence shared = dataset.getSequence(Tag.SharedFunctionalGroupsSequence);
        return shared != null && !shared.isEmpty() ? firstItem(shared.get(0), sequenceTag) : null;
    }

    private static Attributes firstItem(Attributes dataset, int sequenceTag) {
        Sequence sequence = dataset.getSequence(sequenceTag);
        return sequence != null && !sequence.isEmpty() ? sequence.get(0) : null;
    }

    /** The descriptor's first-mapped value is SS where the file says so, else signed with the values it maps. */
    private static boolean signedDescriptor(Attributes item, boolean signedInput) {
        VR vr = item.vr(Tag.LUTDescriptor);
        return vr == VR.SS || (vr != VR.US && signedInput);
    }
}
