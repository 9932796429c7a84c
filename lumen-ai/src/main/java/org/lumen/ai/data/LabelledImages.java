package org.lumen.ai.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lumen's one in-memory dataset: images of one shape with a class index each. Every source (MedMNIST {@code .npz}, image
 * folders, labelled DICOM, NIfTI volumes) reads into this, so training, evaluation and inference see one type.
 *
 * @param shape   the shape of every image, channels first: {@code {C, H, W}} for 2D, {@code {C, D, H, W}} for 3D
 * @param images  one array per image, {@code product(shape)} floats each, in the layout of {@code shape} (x fastest);
 *                values as the source stores them (0-255 for MedMNIST) until {@link Preprocessing} normalises them
 * @param labels  the class index of each image ({@code -1} where unknown, e.g. images to analyse)
 * @param classes the class names, index = label
 */
public record LabelledImages(int[] shape, List<float[]> images, int[] labels, List<String> classes) {

    public LabelledImages {
        shape = shape.clone();
        images = List.copyOf(images);
        labels = labels.clone();
        classes = List.copyOf(classes);
        if (images.size() != labels.length) {
            throw new IllegalArgumentException(images.size() + " images but " + labels.length + " labels");
        }
        int voxels = voxels(shape);
        for (float[] image : images) {
            if (image.length != voxels) {
                throw new IllegalArgumentException("an image has " + image.length + " values, the shape "
                        + Arrays.toString(shape) + " needs " + voxels);
            }
        }
        for (int label : labels) {
            if (label < -1 || label >= classes.size()) {
                throw new IllegalArgumentException("label " + label + " outside the " + classes.size() + " classes");
            }
        }
    }

    /** The number of values in one image of this shape. */
    public static int voxels(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image shape " + Arrays.toString(shape) + " too large");
        }
        return (int) n;
    }

    public int size() {
        return labels.length;
    }

    /** 2 for {@code {C,H,W}}, 3 for {@code {C,D,H,W}}. */
    public int spatialDimensions() {
        return shape.length - 1;
    }

    public int channels() {
        return shape[0];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int label(int index) {
        return labels[index];
    }

    public float[] image(int index) {
        return images.get(index);
    }

    /** How many images each class has. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labels) {
            if (label >= 0) {
                counts[label]++;
            }
        }
        return counts;
    }

    /** The images at these indices, in that order (shared arrays: images are never changed in place). */
    public LabelledImages subset(int[] indices) {
        float[][] picked = new float[indices.length][];
        int[] pickedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = images.get(indices[i]);
            pickedLabels[i] = labels[indices[i]];
        }
        return new LabelledImages(shape, Arrays.asList(picked), pickedLabels, classes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledImages other && Arrays.equals(shape, other.shape) && Arrays.equals(labels, other.labels)
                && classes.equals(other.classes) && sameImages(other);
    }

    private boolean sameImages(LabelledImages other) {
        for (int i = 0; i < images.size(); i++) {
            if (!Arrays.equals(images.get(i), other.images.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(labels), classes);
    }

    @Override
    public String toString() {
        return size() + " images " + Arrays.toString(shape) + " in classes " + classes;
    }
}
