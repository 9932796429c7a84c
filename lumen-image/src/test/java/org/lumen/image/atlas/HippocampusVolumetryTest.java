package org.lumen.image.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.registration.KnownMotionAccess;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * The atlas proof on Colin27 moved by a known rigid-plus-scale motion: the hippocampal volumes found by the
 * pipeline are within 3% of the atlas's own (7469 and 7606 voxels of 1 mm^3) carried through the motion's volume change,
 * and the warped labels overlap the truth (the atlas labels moved by the same motion) with Dice at least 0.9.
 */
class HippocampusVolumetryTest {
    @TempDir
    Path tmp;

    @Test
    void hippocampiOfAMovedColinAreFoundWithin3PercentAndDiceAbove09() throws Exception {
        BrainAtlas atlas = BrainAtlas.read(TestData.data("brain-atlas"));
        assertThat(atlas.atlasVoxels(BrainAtlas.HIPPOCAMPUS_LEFT)).isEqualTo(7469);
        assertThat(atlas.atlasVoxels(BrainAtlas.HIPPOCAMPUS_RIGHT)).isEqualTo(7606);
        AffineTransform motion = KnownMotionAccess.random(atlas.template(), 21, 10, 10, 0.1);
        Volume subject = KnownMotionAccess.move(atlas.template(), motion, Interpolation.LINEAR);
        Volume truth = KnownMotionAccess.move(atlas.labels(), motion, Interpolation.NEAREST);
        // The subject shows the template through the motion, so its structures have 1/det of the atlas's volume.
        double volumeFactor = 1 / motion.linear().determinant();

        HippocampusVolumetry.Result result = HippocampusVolumetry.measure(subject, atlas);

        double expectedLeft = 7469 * volumeFactor;
        double expectedRight = 7606 * volumeFactor;
        double diceLeft = LabelVolumes.dice(result.labels(), truth, BrainAtlas.HIPPOCAMPUS_LEFT);
        double diceRight = LabelVolumes.dice(result.labels(), truth, BrainAtlas.HIPPOCAMPUS_RIGHT);
        System.out.printf("hippocampus: scale^3 %.4f, left %.0f mm3 (expected %.0f, truth labels %d), right %.0f mm3"
                        + " (expected %.0f, truth labels %d), Dice %.4f / %.4f, MI %.3f, %d steps%n", 1 / volumeFactor,
                result.leftMm3(), expectedLeft, LabelVolumes.count(truth, 37), result.rightMm3(), expectedRight,
                LabelVolumes.count(truth, 38), diceLeft, diceRight, result.registration().metric(),
                result.registration().iterations());
        assertThat(result.leftMm3()).isCloseTo(expectedLeft, within(0.03 * expectedLeft));
        assertThat(result.rightMm3()).isCloseTo(expectedRight, within(0.03 * expectedRight));
        assertThat(diceLeft).isGreaterThanOrEqualTo(0.9);
        assertThat(diceRight).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aMissingAtlasNamesBothPlacesAndTheInstallLine() {
        List<Path> folders = BrainAtlas.searchPath(Map.of(BrainAtlas.ENVIRONMENT_VARIABLE, tmp.toString()));
        assertThat(folders).containsExactly(tmp, Path.of(BrainAtlas.DEBIAN_TEMPLATES));
        assertThatThrownBy(() -> BrainAtlas.locate(List.of(tmp, tmp.resolve("nowhere"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("LUMEN_ATLAS_DIR").hasMessageContaining(tmp.toString())
                .hasMessageContaining("/usr/share/mricron/templates").hasMessageContaining("apt-get install -y mricron-data");
    }
}
