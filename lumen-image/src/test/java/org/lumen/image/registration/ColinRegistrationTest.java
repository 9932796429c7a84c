package org.lumen.image.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;

/**
 * The proof: Colin27 moved by a known random rigid-plus-scale transform is registered back with at most 1 mm mean
 * target registration error over the brain, with the same intensities and with a nonlinear intensity map plus noise.
 */
class ColinRegistrationTest {
    private static Volume colin;

    @BeforeAll
    static void load() throws Exception {
        colin = NiftiReader.read(TestData.data("brain-atlas/ch2bet.nii.gz"));
    }

    @Test
    void similarityWithMutualInformationUndoesAKnownMotion() {
        AffineTransform motion = KnownMotion.random(colin, 11, 10, 10, 0.1);
        Volume moved = KnownMotion.move(colin, motion, Interpolation.LINEAR);
        RegistrationResult result = ImageRegistration.register(moved, colin,
                RegistrationOptions.defaults(TransformModel.SIMILARITY, Metric.MUTUAL_INFORMATION));
        double tre = KnownMotion.meanError(result.transform(), motion, moved, 3);
        System.out.println("similarity MI: TRE " + tre + " mm, MI " + result.metric() + ", " + result.iterations() + " steps");
        assertThat(tre).isLessThan(1.0);
    }

    @Test
    void mutualInformationCopesWithAnInvertedNoisyContrast() {
        AffineTransform motion = KnownMotion.random(colin, 12, 10, 10, 0.1);
        Volume moved = inverted(KnownMotion.move(colin, motion, Interpolation.LINEAR), 13);
        RegistrationResult result = ImageRegistration.register(moved, colin,
                RegistrationOptions.defaults(TransformModel.SIMILARITY, Metric.MUTUAL_INFORMATION));
        double tre = KnownMotion.meanError(result.transform(), motion, KnownMotion.move(colin, motion, Interpolation.LINEAR), 3);
        System.out.println("similarity MI inverted: TRE " + tre + " mm, MI " + result.metric() + ", " + result.iterations() + " steps");
        assertThat(tre).isLessThan(1.0);
    }

    @Test
    void rigidWithCorrelationAndAffineWithMutualInformation() {
        AffineTransform rigidMotion = KnownMotion.random(colin, 14, 10, 10, 0);
        Volume moved = KnownMotion.move(colin, rigidMotion, Interpolation.LINEAR);
        RegistrationResult rigid = ImageRegistration.register(moved, colin,
                RegistrationOptions.defaults(TransformModel.RIGID, Metric.NORMALISED_CROSS_CORRELATION));
        double rigidTre = KnownMotion.meanError(rigid.transform(), rigidMotion, moved, 3);
        System.out.println("rigid NCC: TRE " + rigidTre + " mm, NCC " + rigid.metric());
        assertThat(rigidTre).isLessThan(1.0);
        assertThat(rigid.metric()).isGreaterThan(0.99);
        assertThat(rigid.transform().linear().isOrthonormal(1e-9)).isTrue();

        AffineTransform motion = KnownMotion.random(colin, 15, 10, 10, 0.1);
        Volume scaled = KnownMotion.move(colin, motion, Interpolation.LINEAR);
        RegistrationResult affine = ImageRegistration.register(scaled, colin,
                RegistrationOptions.defaults(TransformModel.AFFINE, Metric.MUTUAL_INFORMATION));
        double affineTre = KnownMotion.meanError(affine.transform(), motion, scaled, 3);
        System.out.println("affine MI: TRE " + affineTre + " mm, " + affine.iterations() + " steps");
        assertThat(affineTre).isLessThan(1.0);
    }

    @Test
    void correlationAloneIsMisledByTheInvertedContrast() {
        AffineTransform motion = KnownMotion.random(colin, 12, 10, 10, 0.1);
        Volume moved = inverted(KnownMotion.move(colin, motion, Interpolation.LINEAR), 13);
        RegistrationResult result = ImageRegistration.register(moved, colin,
                RegistrationOptions.defaults(TransformModel.SIMILARITY, Metric.NORMALISED_CROSS_CORRELATION));
        double tre = KnownMotion.meanError(result.transform(), motion, KnownMotion.move(colin, motion, Interpolation.LINEAR), 3);
        System.out.println("similarity NCC inverted: TRE " + tre + " mm, NCC " + result.metric());
        assertThat(tre).isGreaterThan(2.0);
    }

    /** A monotone decreasing, nonlinear intensity map (dark becomes bright) plus Gaussian noise of 2% of the range. */
    private static Volume inverted(Volume volume, long seed) {
        float max = 0;
        for (int n = 0; n < volume.voxelCount(); n++) {
            max = Math.max(max, volume.get(n));
        }
        Random random = new Random(seed);
        float[] out = new float[volume.voxelCount()];
        for (int n = 0; n < out.length; n++) {
            double u = 1 - volume.get(n) / max;
            out[n] = (float) (1000 * u * u + 20 * random.nextGaussian());
        }
        return volume.withData(out, org.lumen.image.VoxelType.FLOAT32);
    }
}
