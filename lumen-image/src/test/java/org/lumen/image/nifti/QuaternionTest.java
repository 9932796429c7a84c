package org.lumen.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lumen.image.Matrix3;

class QuaternionTest {
    @Test
    void rotationToQuaternionAndBackIsExactForRandomRotations() {
        Random random = new Random(11);
        for (int n = 0; n < 2000; n++) {
            double b = random.nextGaussian();
            double c = random.nextGaussian();
            double d = random.nextGaussian();
            double a = random.nextGaussian();
            double norm = Math.sqrt(a * a + b * b + c * c + d * d);
            double sign = a < 0 ? -1 : 1;
            Matrix3 rotation = NiftiGeometry.rotationOf(sign * b / norm, sign * c / norm, sign * d / norm);
            assertThat(rotation.isOrthonormal(1e-12)).isTrue();
            assertThat(rotation.determinant()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
            double[] q = NiftiGeometry.quaternionOf(rotation);
            assertThat(NiftiGeometry.rotationOf(q[0], q[1], q[2]).maxAbsDifference(rotation)).isLessThan(1e-12);
        }
    }

    @Test
    void halfTurnsHaveAZeroScalarPart() {
        for (Matrix3 halfTurn : new Matrix3[] {Matrix3.diagonal(-1, -1, 1), Matrix3.diagonal(1, -1, -1),
            Matrix3.diagonal(-1, 1, -1)}) {
            double[] q = NiftiGeometry.quaternionOf(halfTurn);
            assertThat(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(NiftiGeometry.rotationOf(q[0], q[1], q[2])).isEqualTo(halfTurn);
        }
        // The IBSI phantoms store diag(-1,-1,1) as (b, c, d) = (0, 0, 1).
        assertThat(NiftiGeometry.quaternionOf(Matrix3.diagonal(-1, -1, 1))).containsExactly(0, 0, 1);
    }
}
