package org.lumen.ai.data;

import java.util.Arrays;

/**
 * One image as read from a file, before {@link ImagePreparer}: channels first, x fastest, on the 0-255 display scale
 * (see {@link ImageLoader} for how each format gets there).
 *
 * @param raw      the values, {@code product(shape)} of them
 * @param shape    {@code {C, H, W}} or {@code {C, D, H, W}}
 * @param kind     {@link ImageLoader#PNG}, {@link ImageLoader#JPEG}, {@link ImageLoader#DICOM} or {@link ImageLoader#NIFTI}
 * @param modality DICOM Modality (0008,0060), e.g. "CT", "CR", "DX"; null for other kinds or when absent
 * @param bodyPart DICOM Body Part Examined (0018,0015), e.g. "CHEST"; null for other kinds or when absent
 */
public record RawImage(float[] raw, int[] shape, String kind, String modality, String bodyPart) {

    public RawImage {
        shape = shape.clone();
        if (shape.length != 3 && shape.length != 4) {
            throw new IllegalArgumentException("shape must be {C,H,W} or {C,D,H,W}, not " + Arrays.toString(shape));
        }
        if (raw.length != LabelledImages.voxels(shape)) {
            throw new IllegalArgumentException(raw.length + " values for shape " + Arrays.toString(shape));
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** 2 for {@code {C,H,W}}, 3 for {@code {C,D,H,W}}. */
    public int spatialDimensions() {
        return shape.length - 1;
    }

    /** This image made ready for a model: {@link ImagePreparer#prepare(float[], int[], Preprocessing)}. */
    public float[] prepare(Preprocessing p) {
        return ImagePreparer.prepare(raw, shape, p);
    }

    @Override
    public String toString() {
        return kind + " " + Arrays.toString(shape) + (modality == null ? "" : " " + modality)
                + (bodyPart == null ? "" : " " + bodyPart);
    }
}
