package org.lumen.image.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.series.SeriesInput;
import org.lumen.image.series.SeriesVolume;
import org.lumen.image.series.SeriesVolumeBuilder;

/**
 * Real SEG files: highdicom's CT segmentations (binary, fractional, overlapping, single frame) placed on the CT slices they
 * were made from (pydicom's dicomdirtests CT2 and highdicom's ct_image), and pydicom's liver SEG in eight encodings.
 */
class DicomSegmentationTest {
    private static final String HIGHDICOM = "dicom/highdicom/data/test_files/";
    private static final String CT2 = "dicom/pydicom/test_files/dicomdirtests/77654033/CT2";
    /** Pixels inside per frame of highdicom's 3-frame CT SEG: 127 + 256 + 255. */
    private static final int CT_SEGMENT_VOXELS = 638;
    private static final int[] LIVER_PER_FRAME = {36_233, 35_645, 35_220};

    private static SeriesVolume ct2;

    @BeforeAll
    static void readCt() throws Exception {
        // CT2 holds a slice 200 mm away from the other three (a refused gap); the SEG frames lie on those three.
        Path folder = TestData.data(CT2);
        ct2 = new SeriesVolumeBuilder().build(SeriesInput.ofPaths(List.of(folder.resolve("17136"), folder.resolve("17166"),
                folder.resolve("17196"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seg_image_ct_binary.dcm", "seg_image_ct_binary_fractional.dcm",
            "seg_image_ct_true_fractional.dcm"})
    void eachFrameLandsOnTheSliceItWasDerivedFrom(String name) throws Exception {
        Path file = TestData.data(HIGHDICOM + name);
        Volume mask = RoiMasks.load(file, ct2, Optional.empty());
        assertThat(mask.sameGeometry(ct2.volume(), 1e-6)).isTrue();
        DicomFile dicom = DicomReader.read(file);
        PixelData pixels = PixelData.of(dicom);
        int maxFraction = dicom.dataset().getInt(Tag.MaximumFractionalValue, 1);
        Map<String, Integer> sliceOfInstance = new java.util.HashMap<>();
        for (int k = 0; k < ct2.report().slices().size(); k++) {
            sliceOfInstance.put(ct2.report().slices().get(k).sopInstanceUid(), k);
        }
        int frame = 0;
        for (Attributes groups : dicom.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
            String source = groups.getSequence(Tag.DerivationImageSequence).get(0).getSequence(Tag.SourceImageSequence)
                    .get(0).getString(Tag.ReferencedSOPInstanceUID);
            int k = sliceOfInstance.get(source);
            int[] samples = pixels.samples(frame++);
            float[] expected = new float[samples.length];
            for (int p = 0; p < samples.length; p++) {
                expected[p] = 2 * samples[p] >= maxFraction && samples[p] > 0 ? 1f : 0f;
            }
            assertThat(mask.slice(k)).as("frame %d on slice %d", frame, k).isEqualTo(expected);
        }
        assertThat(IbsiCtPhantomRtStructTest.count(mask)).isEqualTo(CT_SEGMENT_VOXELS);
    }

    @Test
    void fractionalPixelsCountWhenAtLeastHalfInside() throws Exception {
        // Frame 1 of the true fractional SEG: 22 pixels at 64/255 (out), 127 at 128/255 (in), 107 at 0.
        Volume mask = RoiMasks.load(TestData.data(HIGHDICOM + "seg_image_ct_true_fractional.dcm"), ct2, Optional.empty());
        assertThat(count(mask.slice(0))).isEqualTo(127);
    }

    @Test
    void aGridReversedAlongTheNormalAndTwiceAsFineInPlaneGetsTheSameSegment() throws Exception {
        Geometry own = ct2.volume().geometry();
        double half = own.spacing().x() / 2;
        Vec3 top = own.indexToPatient(-0.25, -0.25, 2);
        Geometry finer = new Geometry(top, Matrix3.ofColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, -1)),
                new Vec3(half, half, own.spacing().z()));
        Volume image = new Volume(32, 32, 3, new float[32 * 32 * 3], VoxelType.INT16, finer);
        Volume mask = RoiMasks.load(TestData.data(HIGHDICOM + "seg_image_ct_binary.dcm"), image, Optional.empty());
        Volume original = RoiMasks.load(TestData.data(HIGHDICOM + "seg_image_ct_binary.dcm"), ct2, Optional.empty());
        assertThat(IbsiCtPhantomRtStructTest.count(mask)).isEqualTo(4 * CT_SEGMENT_VOXELS);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 32; j++) {
                for (int i = 0; i < 32; i++) {
                    assertThat(mask.get(i, j, k)).as("voxel %d %d %d", i, j, k).isEqualTo(original.get(i / 2, j / 2, 2 - k));
                }
            }
        }
    }

    @Test
    void overlappingSegmentsArePickedByLabelOrNumber() throws Exception {
        Path file = TestData.data(HIGHDICOM + "seg_image_ct_binary_overlap.dcm");
        Volume first = RoiMasks.load(file, ct2, Optional.of("first segment"));
        Volume second = RoiMasks.load(file, ct2, Optional.of("Second Segment"));
        // 16 and 4 pixels on each of the three CT2 slices; the fourth frame of each lies on the slice 200 mm below.
        assertThat(IbsiCtPhantomRtStructTest.count(first)).isEqualTo(48);
        assertThat(IbsiCtPhantomRtStructTest.count(second)).isEqualTo(12);
        assertThat(RoiMasks.load(file, ct2, Optional.of("2")).data()).isEqualTo(second.data());
        for (int v = 0; v < second.voxelCount(); v++) {
            if (second.get(v) != 0) {
                assertThat(first.get(v)).as("segment 2 lies within segment 1").isEqualTo(1f);
            }
        }
        assertThatThrownBy(() -> RoiMasks.load(file, ct2, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 segments; say which one: 'first segment', 'second segment'");
        assertThatThrownBy(() -> RoiMasks.load(file, ct2, Optional.of("liver"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no segment named 'liver'");
        assertThatThrownBy(() -> LabelMaps.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segments 1 and 2 overlap");
    }

    @Test
    void theOverlapSegOnItsOwnGridSpansAllFourPlanes() throws Exception {
        DicomRoiFile file = DicomRoiFile.read(TestData.data(HIGHDICOM + "seg_image_ct_binary_overlap.dcm"));
        Segmentation segmentation = file.segmentation();
        SegmentationGrid grid = SegmentationGrid.of(segmentation);
        // From -99.48 mm to 105.52 mm in steps of 1.25 mm; planes without a frame stay empty.
        assertThat(grid.nz()).isEqualTo(165);
        assertThat(grid.geometry().origin().z()).isEqualTo(-99.480003, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(IbsiCtPhantomRtStructTest.count(SegmentMasks.segment(segmentation, grid, 1))).isEqualTo(64);
        assertThat(IbsiCtPhantomRtStructTest.count(SegmentMasks.segment(segmentation, grid, 2))).isEqualTo(16);
    }

    @Test
    void aSingleFrameSegLandsOnItsSingleSliceImage() throws Exception {
        SeriesVolume ct = new SeriesVolumeBuilder().build(TestData.data(HIGHDICOM + "ct_image.dcm"));
        Path file = TestData.data(HIGHDICOM + "seg_image_ct_binary_single_frame.dcm");
        Volume mask = RoiMasks.load(file, ct, Optional.empty());
        assertThat(mask.sameGeometry(ct.volume(), 1e-6)).isTrue();
        assertThat(IbsiCtPhantomRtStructTest.count(mask)).isEqualTo(1832);
        assertThatThrownBy(() -> RoiMasks.load(file, ct2, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the SEG is in frame of reference 1.3.6.1.4.1.5962.1.4.1.1.20040119072730.12322")
                .hasMessageContaining("but the image is in 1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.4");
        // Without a frame of reference to compare, the SEG still does not reach the other image.
        assertThatThrownBy(() -> RoiMasks.load(file, ct2.volume(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segment 1 'first segment' has no voxel on this image")
                .hasMessageContaining("its frames lie outside the image");
    }

    @ParameterizedTest
    @ValueSource(strings = {"liver.dcm", "liver_deflate.dcm", "liver_expb.dcm", "liver_j2k.dcm", "liver_rle.dcm",
            "liver_nonbyte_aligned.dcm", "liver_nonbyte_aligned_deflate.dcm", "liver_nonbyte_aligned_j2k.dcm",
            "liver_nonbyte_aligned_rle.dcm"})
    void theLiverSegReadsTheSameInEveryEncoding(String name) throws Exception {
        LabelMap map = LabelMaps.readNamed(TestData.data("dicom/pydicom-data/" + name));
        assertThat(map.names()).containsExactly(Map.entry(1, "Liver"));
        Volume labels = map.labels();
        int side = name.contains("nonbyte") ? 510 : 512;
        assertThat(new int[] {labels.nx(), labels.ny(), labels.nz()}).containsExactly(side, side, 3);
        assertThat(labels.geometry().origin().maxAbsDifference(new Vec3(-235.2, -226.8, -128.69))).isLessThan(1e-6);
        assertThat(labels.geometry().spacing().maxAbsDifference(new Vec3(0.810547, 0.810547, 1.0))).isLessThan(1e-6);
        for (int k = 0; k < 3; k++) {
            assertThat(count(labels.slice(k))).as("slice %d", k).isEqualTo(LIVER_PER_FRAME[k]);
        }
        assertThat(labels.voxelType()).isEqualTo(VoxelType.UINT8);
    }

    @Test
    void theOneFrameLiverIsTheFirstFrameOfTheThree() throws Exception {
        Volume one = LabelMaps.read(TestData.data("dicom/pydicom/test_files/liver_1frame.dcm"));
        Volume three = LabelMaps.read(TestData.data("dicom/pydicom-data/liver.dcm"));
        assertThat(one.nz()).isEqualTo(1);
        assertThat(one.slice(0)).isEqualTo(three.slice(0));
        // On the three-frame grid, the one-frame SEG fills slice 0 only.
        Volume onThree = RoiMasks.load(TestData.data("dicom/pydicom/test_files/liver_1frame.dcm"), three, Optional.empty());
        assertThat(count(onThree.slice(0))).isEqualTo(LIVER_PER_FRAME[0]);
        assertThat(count(onThree.slice(1)) + count(onThree.slice(2))).isZero();
    }

    @Test
    void aLabelMapSegHoldsSegmentNumbersInItsPixels(@TempDir Path temp) throws Exception {
        // highdicom's binary CT SEG rewritten as Label Map Segmentation Storage: 8-bit pixels holding segment number 1.
        Path binary = TestData.data(HIGHDICOM + "seg_image_ct_binary.dcm");
        DicomFile source = DicomReader.read(binary, ReadOptions.INCLUDE_ALL);
        PixelData pixels = PixelData.of(source);
        Attributes dataset = source.dataset().deepCopy();
        byte[] labels = new byte[3 * 256];
        for (int frame = 0; frame < 3; frame++) {
            int[] samples = pixels.samples(frame);
            for (int p = 0; p < 256; p++) {
                labels[frame * 256 + p] = (byte) samples[p];
            }
        }
        dataset.setString(Tag.SOPClassUID, VR.UI, Segmentation.LABEL_MAP_SEGMENTATION_STORAGE);
        dataset.setString(Tag.SegmentationType, VR.CS, "LABELMAP");
        dataset.setInt(Tag.BitsAllocated, VR.US, 8).setInt(Tag.BitsStored, VR.US, 8).setInt(Tag.HighBit, VR.US, 7);
        dataset.setBytes(Tag.PixelData, VR.OB, labels);
        Path file = temp.resolve("labelmap.dcm");
        DicomWriter.write(file, null, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(RoiMasks.load(file, ct2, Optional.empty()).data())
                .isEqualTo(RoiMasks.load(binary, ct2, Optional.empty()).data());
        assertThat(LabelMaps.read(file).data()).isEqualTo(LabelMaps.read(binary).data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seg_image_sm_control.dcm", "seg_image_sm_dots_tiled_full.dcm", "seg_image_cr_binary.dcm"})
    void segsNotInPatientCoordinatesAreRefused(String name) {
        assertThatThrownBy(() -> LabelMaps.read(TestData.data(HIGHDICOM + name))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name).hasMessageContaining("no Image Orientation (Patient)");
    }

    @Test
    void anImageIsNotAMask() {
        assertThatThrownBy(() -> RoiMasks.load(TestData.data(HIGHDICOM + "ct_image.dcm"), ct2, Optional.empty()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("is a DICOM CT (SOP Class 1.2.840.10008.5.1.4.1.1.2), not an RTSTRUCT or a SEG");
        assertThatThrownBy(() -> RoiMasks.load(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/README.md"), ct2,
                Optional.empty())).isInstanceOf(java.io.IOException.class).hasMessageContaining("neither NIfTI")
                .hasMessageContaining("nor DICOM");
    }

    private static int count(float[] values) {
        int count = 0;
        for (float value : values) {
            count += value != 0 ? 1 : 0;
        }
        return count;
    }
}
