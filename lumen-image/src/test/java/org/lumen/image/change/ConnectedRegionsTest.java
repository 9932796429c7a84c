package org.lumen.image.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/** A 4 x 3 x 1 label map checked by hand: face neighbours join, diagonal ones and different labels do not. */
class ConnectedRegionsTest {
    @Test
    void faceNeighboursOfOneLabelFormOneRegion() {
        float[] labels = {
            1, 1, 0, 2,
            0, 0, 1, 2,
            3, 0, 0, 0};
        Volume map = new Volume(4, 3, 1, labels, VoxelType.UINT8, Geometry.identity());
        List<ConnectedRegions.Region> regions = ConnectedRegions.of(map);
        assertThat(regions).extracting(ConnectedRegions.Region::label).containsExactly(1, 2, 1, 3);
        assertThat(regions).extracting(ConnectedRegions.Region::size).containsExactly(2, 2, 1, 1);
        assertThat(regions.get(0).centroid(map)).isEqualTo(new Vec3(0.5, 0, 0));
        assertThat(regions.get(1).centroid(map)).isEqualTo(new Vec3(3, 0.5, 0));
    }
}
