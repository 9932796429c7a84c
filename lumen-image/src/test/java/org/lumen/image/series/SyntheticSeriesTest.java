package org.lumen.image.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;

/** Series with one defect each, built in memory: every defect is detected and reported, and clean series build. */
class SyntheticSeriesTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    private static Attributes slice(int index, double[] orientation, double x, double y, double z) {
        Attributes a = new Attributes();
        a.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        a.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1000" + index);
        a.setString(Tag.Modality, VR.CS, "CT");
        a.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.42");
        a.setString(Tag.FrameOfReferenceUID, VR.UI, "2.25.43");
        a.setInt(Tag.InstanceNumber, VR.IS, index + 1);
        a.setDouble(Tag.ImagePositionPatient, VR.DS, x, y, z);
        a.setDouble(Tag.ImageOrientationPatient, VR.DS, orientation);
        a.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.5);
        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setInt(Tag.Rows, VR.US, 4);
        a.setInt(Tag.Columns, VR.US, 4);
        a.setInt(Tag.BitsAllocated, VR.US, 16);
        a.setInt(Tag.BitsStored, VR.US, 16);
        a.setInt(Tag.HighBit, VR.US, 15);
        a.setInt(Tag.PixelRepresentation, VR.US, 0);
        a.setDouble(Tag.RescaleIntercept, VR.DS, -1024);
        a.setDouble(Tag.RescaleSlope, VR.DS, 1);
        byte[] pixels = new byte[32];
        for (int p = 0; p < 16; p++) {
            pixels[2 * p] = (byte) (index * 16 + p); // each slice's values name the slice
        }
        a.setBytes(Tag.PixelData, VR.OW, pixels);
        return a;
    }

    private static List<Attributes> stack(double... zs) {
        List<Attributes> slices = new ArrayList<>();
        for (int i = 0; i < zs.length; i++) {
            slices.add(slice(i, AXIAL, 0, 0, zs[i]));
        }
        return slices;
    }

    private static SeriesVolumeException refusal(List<Attributes> slices) {
        return catchThrowableOfType(SeriesVolumeException.class,
                () -> new SeriesVolumeBuilder().build(SeriesInput.ofDatasets(slices)));
    }

    @Test
    void aRegularStackBuildsInSliceOrderWhateverTheInputOrder() throws Exception {
        List<Attributes> slices = stack(0, 1.5, 3, 4.5, 6);
        SeriesVolume inOrder = new SeriesVolumeBuilder().build(SeriesInput.ofDatasets(slices));
        List<Attributes> shuffled = new ArrayList<>(slices);
        Collections.shuffle(shuffled, new Random(7));
        SeriesVolume fromShuffled = new SeriesVolumeBuilder().build(SeriesInput.ofDatasets(shuffled));
        assertThat(inOrder.report().issues()).isEmpty();
        assertThat(inOrder.volume().nz()).isEqualTo(5);
        assertThat(inOrder.volume().geometry().spacing().z()).isEqualTo(1.5);
        assertThat(inOrder.volume().get(0, 0, 3)).isEqualTo(3 * 16 - 1024);
        VoxelAssertions.assertSameVoxels(fromShuffled.volume().data(), inOrder.volume().data());
    }

    @Test
    void aGapIsRefusedByDefaultNamingItAndAcceptedOnRequest() throws Exception {
        List<Attributes> slices = stack(0, 1, 2, 4, 5);
        SeriesVolumeException refused = refusal(slices);
        assertThat(refused).isNotNull();
        assertThat(refused.report().has(IssueKind.GAP)).isTrue();
        assertThat(refused.getMessage()).containsIgnoringCase("gap");
        SeriesVolume accepted = new SeriesVolumeBuilder(SeriesOptions.DEFAULT.withSpacingPolicy(SpacingPolicy.ACCEPT_AVERAGE))
                .build(SeriesInput.ofDatasets(slices));
        assertThat(accepted.report().has(IssueKind.GAP)).isTrue();
        assertThat(accepted.report().hasErrors()).isFalse();
    }

    @Test
    void irregularSpacingIsReported() {
        SeriesVolumeException refused = refusal(stack(0, 1, 2.1, 3, 4));
        assertThat(refused).isNotNull();
        assertThat(refused.report().has(IssueKind.IRREGULAR_SPACING)).isTrue();
    }

    @Test
    void aDuplicatePositionIsReported() throws Exception {
        List<Attributes> slices = stack(0, 1, 1, 2, 3);
        SeriesReport report = reportOf(slices);
        assertThat(report.has(IssueKind.DUPLICATE_POSITION)).isTrue();
    }

    @Test
    void aSliceInAnotherOrientationIsReportedAndLeftOut() throws Exception {
        List<Attributes> slices = stack(0, 1, 2, 3);
        slices.add(slice(9, new double[] {0, 1, 0, 0, 0, -1}, 0, 0, 1.5));
        SeriesReport report = reportOf(slices);
        assertThat(report.has(IssueKind.MIXED_ORIENTATION)).isTrue();
    }

    @Test
    void aTiltedGantryGivesAShearedGeometryWithAWarning() throws Exception {
        List<Attributes> slices = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            slices.add(slice(k, AXIAL, 0, 0.25 * k, k));
        }
        SeriesVolume volume = new SeriesVolumeBuilder().build(SeriesInput.ofDatasets(slices));
        assertThat(volume.report().has(IssueKind.GANTRY_TILT)).isTrue();
        // The last slice's first voxel sits where the last file says it is.
        var centre = volume.volume().geometry().indexToPatient(0, 0, 4);
        assertThat(centre.y()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(centre.z()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The report whether the series builds (warnings) or is refused (errors). */
    private static SeriesReport reportOf(List<Attributes> slices) throws Exception {
        try {
            return new SeriesVolumeBuilder().build(SeriesInput.ofDatasets(slices)).report();
        } catch (SeriesVolumeException e) {
            return e.report();
        }
    }
}
