package org.lumen.image.change;

import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.resample.Resampler;
import org.lumen.image.volumetry.LabelVolumes;

/** Test fixtures: a labelled region shrunk about its centroid (image and label), and painted balls. */
final class Shrinking {
    private Shrinking() {
    }

    record Shrunk(Volume image, Volume labels) {
    }

    /**
     * Shrinks region {@code label} to {@code volumeFraction} of its volume: in a box around it, each voxel p takes the
     * image value and label at c + (p - c) / s, s the cube root of the fraction, so the region's geometry is scaled by s
     * about its centroid c. Voxels that held the label and no longer do take label 0.
     */
    static Shrunk shrinkLabel(Volume image, Volume labels, int label, double volumeFraction) {
        double s = Math.cbrt(volumeFraction);
        int[] box = boundingBox(labels, label, 4);
        Vec3 c = new ConnectedRegions.Region(label, voxelsOf(labels, label)).centroid(labels);
        float[] img = image.data();
        float[] lab = labels.data();
        for (int k = box[2]; k <= box[5]; k++) {
            for (int j = box[1]; j <= box[4]; j++) {
                for (int i = box[0]; i <= box[3]; i++) {
                    Vec3 p = image.indexToPatient(i, j, k);
                    Vec3 source = c.plus(p.minus(c).times(1 / s));
                    Vec3 at = image.patientToIndex(source.x(), source.y(), source.z());
                    int v = image.index(i, j, k);
                    img[v] = Resampler.linear(image, at.x(), at.y(), at.z(), 0f);
                    boolean inside = Resampler.nearest(labels, at.x(), at.y(), at.z(), 0f) == label;
                    if (inside) {
                        lab[v] = label;
                    } else if (lab[v] == label) {
                        lab[v] = 0;
                    }
                }
            }
        }
        return new Shrunk(image.withData(img), labels.withData(lab));
    }

    static Volume paintBall(Volume labels, Vec3 centre, double radiusMm, int label) {
        float[] out = labels.data();
        forBall(labels, centre, radiusMm, v -> out[v] = label);
        return labels.withData(out);
    }

    /** Sets the image to {@code fractionOfMax} of its maximum inside a ball: a bright new lesion. */
    static Volume paintBallImage(Volume image, Vec3 centre, double radiusMm, float fractionOfMax) {
        float value = fractionOfMax * max(image);
        float[] out = image.data();
        forBall(image, centre, radiusMm, v -> out[v] += value);
        return image.withData(out);
    }

    static float max(Volume volume) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < volume.voxelCount(); v++) {
            max = Math.max(max, volume.get(v));
        }
        return max;
    }

    private static void forBall(Volume grid, Vec3 centre, double radiusMm, java.util.function.IntConsumer action) {
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    if (grid.indexToPatient(i, j, k).minus(centre).norm() <= radiusMm) {
                        action.accept(grid.index(i, j, k));
                    }
                }
            }
        }
    }

    private static int[] voxelsOf(Volume labels, int label) {
        int[] out = new int[LabelVolumes.count(labels, label)];
        int n = 0;
        for (int v = 0; v < labels.voxelCount(); v++) {
            if (Math.round(labels.get(v)) == label) {
                out[n++] = v;
            }
        }
        return out;
    }

    /** {imin, jmin, kmin, imax, jmax, kmax} of the label, grown by {@code margin} voxels and kept inside the grid. */
    private static int[] boundingBox(Volume labels, int label, int margin) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        for (int k = 0; k < labels.nz(); k++) {
            for (int j = 0; j < labels.ny(); j++) {
                for (int i = 0; i < labels.nx(); i++) {
                    if (Math.round(labels.get(i, j, k)) == label) {
                        box[0] = Math.min(box[0], i);
                        box[1] = Math.min(box[1], j);
                        box[2] = Math.min(box[2], k);
                        box[3] = Math.max(box[3], i);
                        box[4] = Math.max(box[4], j);
                        box[5] = Math.max(box[5], k);
                    }
                }
            }
        }
        return new int[] {Math.max(0, box[0] - margin), Math.max(0, box[1] - margin), Math.max(0, box[2] - margin),
                Math.min(labels.nx() - 1, box[3] + margin), Math.min(labels.ny() - 1, box[4] + margin),
                Math.min(labels.nz() - 1, box[5] + margin)};
    }
}
