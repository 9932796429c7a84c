package org.lumen.image.change;

import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.registration.ImageRegistration;
import org.lumen.image.registration.RegistrationOptions;
import org.lumen.image.registration.RegistrationResult;
import org.lumen.image.registration.TransformModel;
import org.lumen.image.resample.AffineTransform;

/**
 * The volume change of one labelled structure without a segmentation of the current scan: the prior is registered onto
 * the current again, affinely and only around the structure (the prior's label carried onto the current by the global
 * registration, grown by {@value #MARGIN_VOXELS} voxels), starting from the global transform. The local transform maps
 * the current's neighbourhood onto the prior's, so the structure's current volume is its prior volume divided by the
 * determinant of its linear part.
 */
final class LocalVolumeChange {
    static final int MARGIN_VOXELS = 3;
    private static final double[] LOCAL_LEVELS_MM = {2, 1};

    private LocalVolumeChange() {
    }

    /** The local transform (current to prior) around {@code label} of the warped prior labels. */
    static RegistrationResult localTransform(Volume current, Volume prior, Volume warpedPriorLabels, int label,
                                             AffineTransform global, RegistrationOptions globalOptions) {
        Volume mask = grown(warpedPriorLabels, label, MARGIN_VOXELS);
        RegistrationOptions local = RegistrationOptions.defaults(TransformModel.AFFINE, globalOptions.metric())
                .withLevels(LOCAL_LEVELS_MM).withInitial(global).withFixedMask(mask).withSeed(globalOptions.seed());
        return ImageRegistration.register(current, prior, local);
    }

    /** The voxels of {@code label} grown by a cube of {@code margin} voxels each way (a separable maximum filter). */
    static Volume grown(Volume labels, int label, int margin) {
        int nx = labels.nx();
        int ny = labels.ny();
        int nz = labels.nz();
        float[] mask = new float[labels.voxelCount()];
        for (int v = 0; v < mask.length; v++) {
            mask[v] = Math.round(labels.get(v)) == label ? 1 : 0;
        }
        int[] n = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            mask = growAlong(mask, n, stride, axis, margin);
        }
        return labels.withData(mask, VoxelType.UINT8);
    }

    private static float[] growAlong(float[] in, int[] n, int[] stride, int axis, int margin) {
        float[] out = new float[in.length];
        for (int v = 0; v < in.length; v++) {
            if (in[v] == 0) {
                continue;
            }
            int position = (v / stride[axis]) % n[axis];
            int from = Math.max(0, position - margin);
            int to = Math.min(n[axis] - 1, position + margin);
            for (int p = from; p <= to; p++) {
                out[v + (p - position) * stride[axis]] = 1;
            }
        }
        return out;
    }
}
