package org.lumen.image.atlas;

import org.lumen.image.Volume;
import org.lumen.image.registration.ImageRegistration;
import org.lumen.image.registration.Metric;
import org.lumen.image.registration.RegistrationOptions;
import org.lumen.image.registration.RegistrationResult;
import org.lumen.image.registration.TransformModel;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * Hippocampal volumes by atlas registration: the Colin27 template is registered to the subject's T1 (affine, mutual
 * information), the AAL labels are pulled onto the subject's grid through that transform by nearest neighbour, and the
 * left (37) and right (38) hippocampus voxels are counted and multiplied by the subject's voxel volume.
 */
public final class HippocampusVolumetry {
    private HippocampusVolumetry() {
    }

    /**
     * @param registration the template-to-subject registration (subject is fixed)
     * @param labels the atlas labels on the subject's grid
     * @param leftVoxels voxels labelled left hippocampus on the subject's grid
     * @param rightVoxels voxels labelled right hippocampus
     * @param voxelVolumeMm3 the subject's voxel volume
     */
    public record Result(RegistrationResult registration, Volume labels, int leftVoxels, int rightVoxels,
                         double voxelVolumeMm3) {
        public double leftMm3() {
            return leftVoxels * voxelVolumeMm3;
        }

        public double rightMm3() {
            return rightVoxels * voxelVolumeMm3;
        }
    }

    public static Result measure(Volume subject, BrainAtlas atlas) {
        return measure(subject, atlas, RegistrationOptions.defaults(TransformModel.AFFINE, Metric.MUTUAL_INFORMATION));
    }

    public static Result measure(Volume subject, BrainAtlas atlas, RegistrationOptions options) {
        RegistrationResult registration = ImageRegistration.register(subject, atlas.template(), options);
        Volume labels = Resampler.resample(atlas.labels(), subject.nx(), subject.ny(), subject.nz(), subject.geometry(),
                registration.transform(), Interpolation.NEAREST, 0f);
        return new Result(registration, labels, LabelVolumes.count(labels, BrainAtlas.HIPPOCAMPUS_LEFT),
                LabelVolumes.count(labels, BrainAtlas.HIPPOCAMPUS_RIGHT), LabelVolumes.voxelVolumeMm3(subject));
    }
}
