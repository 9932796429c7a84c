package org.lumen.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Matrix3Test {
    @Test
    void inverseTimesMatrixIsIdentity() {
        Matrix3 m = Matrix3.ofRows(2, 1, 0, -1, 3, 0.5, 0, 0.25, 4);
        assertThat(m.inverse().times(m).maxAbsDifference(Matrix3.identity())).isLessThan(1e-14);
        assertThatThrownBy(() -> Matrix3.ofRows(1, 2, 3, 2, 4, 6, 0, 0, 1).inverse()).hasMessageContaining("singular");
    }

    @Test
    void nearestOrthogonalOfARotationIsItselfAndOfAShearIsARotation() {
        Matrix3 rotation = Matrix3.ofRows(0, -1, 0, 1, 0, 0, 0, 0, 1);
        assertThat(rotation.nearestOrthogonal().maxAbsDifference(rotation)).isLessThan(1e-15);

        Matrix3 sheared = Matrix3.ofColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0.3, 1).normalized());
        Matrix3 nearest = sheared.nearestOrthogonal();
        assertThat(nearest.isOrthonormal(1e-12)).isTrue();
        assertThat(nearest.determinant()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        // Closer to the sheared matrix than the plain identity is.
        assertThat(nearest.maxAbsDifference(sheared)).isLessThan(Matrix3.identity().maxAbsDifference(sheared));
    }

    @Test
    void negativeZeroEqualsZero() {
        assertThat(Matrix3.diagonal(-0.0, 1, 1)).isEqualTo(Matrix3.diagonal(0.0, 1, 1));
        assertThat(new Vec3(-0.0, 0, 0)).isEqualTo(Vec3.ZERO);
    }
}
