package org.lumen.image.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.registration.KnownMotionAccess;
import org.lumen.image.registration.Metric;
import org.lumen.image.registration.RegistrationOptions;
import org.lumen.image.registration.TransformModel;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * The longitudinal proof on a real image: Colin27 with the AAL hippocampi as the prior; the current is the same
 * brain with the left hippocampus shrunk to 90% of its volume (image and label scaled about its centroid), a new blob of
 * label 38 and the prior's extra blob of label 38 removed, moved rigidly. The comparison reports -10% +/- 1% for label 37,
 * the new blob as new and the removed one as gone; without the current's labels, the local affine estimate reports the
 * same -10% +/- 1%.
 */
class LongitudinalComparisonTest {
    private static final int LEFT = 37;
    private static final int RIGHT = 38;
    private static Volume colin;
    private static Volume hippocampi;

    @BeforeAll
    static void load() throws Exception {
        colin = NiftiReader.read(TestData.data("brain-atlas/ch2bet.nii.gz"));
        Volume aal = NiftiReader.read(TestData.data("brain-atlas/aal.nii.gz"));
        float[] kept = aal.data();
        for (int v = 0; v < kept.length; v++) {
            kept[v] = kept[v] == LEFT || kept[v] == RIGHT ? kept[v] : 0;
        }
        hippocampi = aal.withData(kept);
    }

    @Test
    void aTenPercentShrinkIsReportedAsMinusTenPercentAndBlobsAsNewAndGone() {
        Vec3 goneAt = colin.indexToPatient(60, 150, 100);
        Vec3 newAt = colin.indexToPatient(120, 150, 100);
        Volume priorLabels = Shrinking.paintBall(hippocampi, goneAt, 5, RIGHT);
        Shrinking.Shrunk shrunk = Shrinking.shrinkLabel(colin, hippocampi, LEFT, 0.9);
        Volume currentImage = Shrinking.paintBallImage(shrunk.image(), newAt, 5, 0.5f);
        Volume currentLabels = Shrinking.paintBall(shrunk.labels(), newAt, 5, RIGHT);
        AffineTransform motion = KnownMotionAccess.random(colin, 31, 8, 8, 0);
        Volume current = KnownMotionAccess.move(currentImage, motion, Interpolation.LINEAR);
        Volume currentMovedLabels = KnownMotionAccess.move(currentLabels, motion, Interpolation.NEAREST);

        LongitudinalComparison.Comparison comparison = LongitudinalComparison.compare(current, colin,
                Optional.of(priorLabels), Optional.of(currentMovedLabels),
                RegistrationOptions.defaults(TransformModel.RIGID, Metric.MUTUAL_INFORMATION));

        double tre = KnownMotionAccess.meanError(comparison.registration().transform(), motion, current, 3);
        LongitudinalComparison.LabelChange left = byLabel(comparison.labels(), LEFT);
        System.out.printf("compare: TRE %.3f mm, left %d -> %d voxels (%.2f%%), regions %s%n", tre, left.priorVoxels(),
                left.currentVoxels(), left.changePercent(), comparison.regions());
        assertThat(tre).isLessThan(1.0);
        assertThat(left.priorVoxels()).isEqualTo(7469);
        assertThat(left.changePercent()).isCloseTo(-10.0, within(1.0));
        List<LongitudinalComparison.RegionChange> regions = comparison.regions();
        assertThat(regions).hasSize(2);
        assertThat(regions).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(LongitudinalComparison.RegionKind.NEW);
            assertThat(r.label()).isEqualTo(RIGHT);
            assertThat(motion.apply(r.centroid()).minus(newAt).norm()).isLessThan(1.5);
        });
        assertThat(regions).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(LongitudinalComparison.RegionKind.GONE);
            assertThat(r.label()).isEqualTo(RIGHT);
            assertThat(motion.apply(r.centroid()).minus(goneAt).norm()).isLessThan(1.5);
        });
        // The subtraction shows the new blob (current brighter there) and is about 0 in unchanged brain.
        Vec3 blobInCurrent = motion.inverse().apply(newAt);
        Vec3 index = current.patientToIndex(blobInCurrent.x(), blobInCurrent.y(), blobInCurrent.z());
        float atBlob = comparison.subtraction().get((int) Math.round(index.x()), (int) Math.round(index.y()),
                (int) Math.round(index.z()));
        assertThat(atBlob).isGreaterThan(0.3f * Shrinking.max(colin));

        // Without the current's labels the local affine registration around the label measures the shrink.
        LongitudinalComparison.Comparison unlabelled = LongitudinalComparison.compare(current, colin,
                Optional.of(hippocampi), Optional.empty(),
                RegistrationOptions.defaults(TransformModel.RIGID, Metric.MUTUAL_INFORMATION));
        LongitudinalComparison.LabelChange estimated = byLabel(unlabelled.labels(), LEFT);
        LongitudinalComparison.LabelChange untouched = byLabel(unlabelled.labels(), RIGHT);
        System.out.printf("compare without current labels: left %.2f%%, right %.2f%%%n", estimated.changePercent(),
                untouched.changePercent());
        assertThat(unlabelled.method()).contains("no current labels");
        assertThat(estimated.changePercent()).isCloseTo(-10.0, within(1.0));
        assertThat(untouched.changePercent()).isCloseTo(0.0, within(1.0));
    }

    @Test
    void withoutCurrentLabelsAnUnchangedBrainShowsNoChangeAndNoRegions() {
        AffineTransform motion = KnownMotionAccess.random(colin, 32, 8, 8, 0);
        Volume current = KnownMotionAccess.move(colin, motion, Interpolation.LINEAR);
        LongitudinalComparison.Comparison comparison = LongitudinalComparison.compare(current, colin,
                Optional.of(hippocampi), Optional.empty(),
                RegistrationOptions.defaults(TransformModel.RIGID, Metric.MUTUAL_INFORMATION));
        assertThat(comparison.method()).contains("no current labels");
        assertThat(comparison.regions()).isEmpty();
        assertThat(byLabel(comparison.labels(), LEFT).changePercent()).isCloseTo(0.0, within(1.0));
        assertThat(LabelVolumes.count(comparison.warpedPriorLabels().orElseThrow(), LEFT)).isBetween(7300, 7650);
    }

    private static LongitudinalComparison.LabelChange byLabel(List<LongitudinalComparison.LabelChange> changes, int label) {
        return changes.stream().filter(c -> c.label() == label).findFirst().orElseThrow();
    }
}
