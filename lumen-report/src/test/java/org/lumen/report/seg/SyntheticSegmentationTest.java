package org.lumen.report.seg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.Peers;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;
import org.lumen.image.roi.LabelMap;
import org.lumen.image.roi.LabelMaps;
import org.lumen.image.series.SeriesInput;
import org.lumen.image.series.SeriesVolume;
import org.lumen.image.series.SeriesVolumeBuilder;
import org.lumen.report.Code;

/**
 * A small series built in memory (5 x 3 pixels, so no frame but the first starts on a byte boundary; an oblique
 * orientation), hand-made label maps on it, and every input the writer must refuse.
 */
class SyntheticSegmentationTest {
    private static final int COLUMNS = 5;
    private static final int ROWS = 3;
    private static final int SLICES = 6;
    /** Rows run along (1, 1, 0)/sqrt 2, columns down z: an oblique vertical plane, so slices are not stacked along z. */
    private static final double S = Math.sqrt(0.5);
    private static final double[] ORIENTATION = {S, S, 0, 0, 0, -1};

    private static final Code TISSUE = Code.sct("85756007", "Tissue");
    private static final SegmentDescriptions THREE_DESCRIBED_TWO_PRESENT = SegmentDescriptions.of(SegmentAlgorithm.manual(),
            Map.of(1, new SegmentDescription("muscle", TISSUE, Code.sct("71616004", "Muscle")),
                    2, new SegmentDescription("bone", TISSUE, Code.sct("272673000", "Bone")),
                    3, new SegmentDescription("hippocampus", Code.sct("123037004", "Anatomical Structure"),
                            Code.sct("5366008", "Hippocampus"))));

    @Test
    void aHandMadeLabelMapRoundTripsAndADescribedAbsentLabelIsASegmentWithoutFrames(@TempDir Path temp) throws Exception {
        List<Attributes> slices = series();
        Volume labels = handMadeLabels(slices);
        Attributes seg = SegmentationWriter.write(labels, slices, THREE_DESCRIBED_TWO_PRESENT, SegmentationOptions.defaults());
        assertThat(seg.getInt(Tag.NumberOfFrames, 0)).as("label 1 on slices 1, 2; label 2 on 2, 5").isEqualTo(4);
        assertThat(seg.getSequence(Tag.SegmentSequence).size()).isEqualTo(3);
        assertThat(frameIndexValues(seg)).containsExactly("1\\1", "1\\2", "2\\2", "2\\3");
        // 4 frames x 15 pixels = 60 bits in 8 bytes, least significant bit first; frames 2-4 start at bits 15, 30 and 45
        assertThat(seg.getBytes(Tag.PixelData)).containsExactly(
                0b0001_0001, 0b1100_0100, 0b0010_0001, 0b0000_0000, 0b0010_0111, 0b1111_0000, 0b1111_1111, 0b0000_1111);

        Path file = temp.resolve("seg.dcm");
        SegmentationWriter.save(seg, file);
        assertThat(DicomReader.read(file).dataset().getString(Tag.PatientName)).isEqualTo("Müller^Jürgen");
        LabelMap read = LabelMaps.readNamed(file);
        assertThat(read.names()).containsExactly(Map.entry(1, "muscle"), Map.entry(2, "bone"), Map.entry(3, "hippocampus"));
        Volume onSeries = Resampler.resampleOnto(read.labels(), labels, Interpolation.NEAREST, 0f);
        assertThat(IbsiCtPhantomSegmentationTest.differences(onSeries, labels)).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Tag("interop")
    void dciodvfyAcceptsAManualSegWithAFramelessSegmentAndAnObliquePlane(@TempDir Path temp) throws Exception {
        List<Attributes> slices = series();
        Path file = temp.resolve("seg.dcm");
        SegmentationWriter.save(SegmentationWriter.write(handMadeLabels(slices), slices, THREE_DESCRIBED_TWO_PRESENT,
                SegmentationOptions.defaults()), file);
        Peers.Result result = Peers.run(60, "dciodvfy", file.toString());
        List<String> lines = (result.stdout() + "\n" + result.stderr()).lines().map(String::strip).toList();
        System.out.println("dciodvfy on the synthetic SEG: " + String.join("\n  ", lines));
        assertThat(lines.stream().filter(line -> line.startsWith("Error")).toList()).as("dciodvfy errors").isEmpty();
        assertThat(lines).as("dciodvfy names the IOD it checked").contains("Segmentation");
    }

    /**
     * An enhanced multi-frame source (one instance, frames stored against the normal): each SEG frame names its source frame by
     * Referenced Frame Number, the instance is referenced once, and the label map still round-trips.
     */
    @Test
    void framesOfAMultiFrameSourceAreReferencedByFrameNumber(@TempDir Path temp) throws Exception {
        List<Attributes> source = List.of(multiFrame());
        Volume labels = handMadeLabels(source);
        Attributes seg = SegmentationWriter.write(labels, source, THREE_DESCRIBED_TWO_PRESENT, SegmentationOptions.defaults());
        List<String> references = new ArrayList<>();
        for (Attributes frame : seg.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
            Attributes image = frame.getSequence(Tag.DerivationImageSequence).get(0).getSequence(Tag.SourceImageSequence).get(0);
            references.add(image.getString(Tag.ReferencedSOPInstanceUID) + " frame " + image.getString(Tag.ReferencedFrameNumber));
        }
        // volume slices 1, 2, 2, 5 are stored frames 5, 4, 4, 1 (the instance lists the top slice first)
        assertThat(references).containsExactly("2.25.2000 frame 5", "2.25.2000 frame 4", "2.25.2000 frame 4",
                "2.25.2000 frame 1");
        assertThat(seg.getSequence(Tag.ReferencedSeriesSequence).get(0).getSequence(Tag.ReferencedInstanceSequence).size())
                .isEqualTo(1);
        Path file = temp.resolve("seg.dcm");
        SegmentationWriter.save(seg, file);
        Volume onSeries = Resampler.resampleOnto(LabelMaps.read(file), labels, Interpolation.NEAREST, 0f);
        assertThat(IbsiCtPhantomSegmentationTest.differences(onSeries, labels)).isEmpty();
    }

    /** Slice 0 empty; slice 1: label 1 in the corners; slice 2: both labels; slices 3, 4 empty; slice 5: label 2. */
    private static Volume handMadeLabels(List<Attributes> slices) {
        return labels(volume(slices), new int[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1,
            1, 1, 2, 2, 2, 0, 1, 2, 0, 0, 0, 0, 0, 0, 2,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
    }

    @Test
    void aLabelMapOffTheSeriesGridIsRefusedNamingBothGrids() {
        List<Attributes> slices = series();
        Volume onGrid = volume(slices);
        Volume shifted = onGrid.withGeometry(new Geometry(onGrid.geometry().origin().plus(new Vec3(0, 0, 1)),
                onGrid.geometry().direction(), onGrid.geometry().spacing()));
        assertThatThrownBy(() -> write(filled(shifted, 1), slices))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not lie on the grid of source series 2.25.42")
                .hasMessageContaining("resample the label map onto the series");
        Volume smaller = new Volume(COLUMNS, ROWS, SLICES - 1, new float[COLUMNS * ROWS * (SLICES - 1)], VoxelType.UINT8,
                onGrid.geometry());
        assertThatThrownBy(() -> write(filled(smaller, 1), slices))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(5 x 3 x 5").hasMessageContaining("(5 x 3 x 6");
    }

    @Test
    void anEmptyLabelMapIsRefusedForASegNeedsAFrame() {
        List<Attributes> slices = series();
        assertThatThrownBy(() -> write(filled(volume(slices), 0), slices))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the label map is empty").hasMessageContaining("at least one frame");
    }

    @Test
    void labelsWithoutDescriptionsAreRefusedListingThem() {
        List<Attributes> slices = series();
        Volume labels = labels(volume(slices), new int[COLUMNS * ROWS * SLICES]);
        float[] data = labels.data();
        data[3] = 4;
        data[40] = 1;
        data[50] = 9;
        assertThatThrownBy(() -> write(labels.withData(data), slices))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label map values [4, 9] have no segment description (described: [1, 2, 3])");
    }

    @Test
    void valuesThatAreNotLabelNumbersAreRefused() {
        List<Attributes> slices = series();
        float[] data = new float[COLUMNS * ROWS * SLICES];
        data[16] = 1.5f;
        assertThatThrownBy(() -> write(volume(slices).withData(data), slices))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voxel (1, 0, 1) holds 1.5, which is not a label number");
    }

    @Test
    void sourceSlicesThatMakeNoVolumeAreRefused() {
        List<Attributes> slices = series();
        Volume labels = filled(volume(slices), 1);
        assertThatThrownBy(() -> write(labels, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no source slices");
        List<Attributes> gap = new ArrayList<>(slices);
        gap.remove(3);
        assertThatThrownBy(() -> write(labels, gap))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the source slices do not make one volume");
    }

    @Test
    void descriptionsAndOptionsCheckWhatDicomLimits() {
        assertThatThrownBy(() -> Code.sct(" ", "Tissue")).hasMessageContaining("Code Value is empty");
        assertThatThrownBy(() -> Code.sct("85756007", "x".repeat(65))).hasMessageContaining("longer than the 64");
        assertThatThrownBy(() -> new SegmentDescription("", TISSUE, TISSUE)).hasMessageContaining("segment label");
        assertThatThrownBy(() -> SegmentAlgorithm.automatic("", "1")).hasMessageContaining("algorithm name is required");
        assertThatThrownBy(() -> SegmentDescriptions.of(SegmentAlgorithm.manual(),
                Map.of(0, new SegmentDescription("background", TISSUE, TISSUE))))
                .hasMessageContaining("label 0 cannot be a Segment Number");
        assertThatThrownBy(() -> SegmentDescriptions.of(SegmentAlgorithm.manual(),
                Map.of(1, new SegmentDescription("left", TISSUE, TISSUE), 37, new SegmentDescription("right", TISSUE, TISSUE))))
                .hasMessageContaining("labels [1, 37] are not numbered 1 to 2 without a gap");
        assertThatThrownBy(() -> SegmentationOptions.defaults().withContent("lower case", null))
                .hasMessageContaining("content label 'lower case'");
    }

    private static Attributes write(Volume labels, List<Attributes> slices) {
        return SegmentationWriter.write(labels, slices, THREE_DESCRIBED_TWO_PRESENT, SegmentationOptions.defaults());
    }

    private static List<String> frameIndexValues(Attributes seg) {
        List<String> values = new ArrayList<>();
        for (Attributes frame : seg.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
            values.add(String.join("\\", frame.getSequence(Tag.FrameContentSequence).get(0)
                    .getStrings(Tag.DimensionIndexValues)));
        }
        return values;
    }

    private static Volume volume(List<Attributes> slices) {
        try {
            SeriesVolume series = new SeriesVolumeBuilder().build(SeriesInput.ofDatasets(slices));
            return series.volume();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Volume labels(Volume grid, int[] values) {
        float[] data = new float[values.length];
        for (int v = 0; v < values.length; v++) {
            data[v] = values[v];
        }
        return grid.withData(data, VoxelType.UINT8);
    }

    private static Volume filled(Volume grid, float value) {
        float[] data = new float[grid.voxelCount()];
        java.util.Arrays.fill(data, value);
        return grid.withData(data, VoxelType.UINT8);
    }

    /** The series as one Enhanced MR instance whose frames run against the normal (frame 1 is volume slice 5). */
    private static Attributes multiFrame() {
        Attributes a = new Attributes();
        Attributes first = slice(0);
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.FrameOfReferenceUID, Tag.Modality,
                Tag.PatientName, Tag.PatientID, Tag.SamplesPerPixel, Tag.PhotometricInterpretation, Tag.Rows, Tag.Columns,
                Tag.BitsAllocated, Tag.BitsStored, Tag.HighBit, Tag.PixelRepresentation}) {
            a.setValue(tag, first.vr(tag), first.value(tag));
        }
        a.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.4.1");
        a.setString(Tag.SOPInstanceUID, VR.UI, "2.25.2000");
        a.setInt(Tag.NumberOfFrames, VR.IS, SLICES);
        Attributes shared = a.newSequence(Tag.SharedFunctionalGroupsSequence, 1).addItem();
        Attributes measures = shared.newSequence(Tag.PixelMeasuresSequence, 1).addItem();
        measures.setDouble(Tag.PixelSpacing, VR.DS, 1.5, 0.75);
        measures.setDouble(Tag.SliceThickness, VR.DS, 2.0);
        shared.newSequence(Tag.PlaneOrientationSequence, 1).addItem().setDouble(Tag.ImageOrientationPatient, VR.DS,
                ORIENTATION);
        var perFrame = a.newSequence(Tag.PerFrameFunctionalGroupsSequence, SLICES);
        for (int k = 0; k < SLICES; k++) {
            double offset = 2.5 * k;
            perFrame.addItem().newSequence(Tag.PlanePositionSequence, 1).addItem().setDouble(Tag.ImagePositionPatient,
                    VR.DS, 10 + S * offset, 20 - S * offset, 30);
        }
        a.setBytes(Tag.PixelData, VR.OW, new byte[2 * ROWS * COLUMNS * SLICES]);
        return a;
    }

    /** Six slices 2.5 mm apart along the normal, given against the normal so that the writer must sort them. */
    private static List<Attributes> series() {
        List<Attributes> slices = new ArrayList<>();
        for (int k = SLICES - 1; k >= 0; k--) {
            slices.add(slice(k));
        }
        return slices;
    }

    private static Attributes slice(int k) {
        Attributes a = new Attributes();
        a.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.4");
        a.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1000" + k);
        a.setString(Tag.StudyInstanceUID, VR.UI, "2.25.41");
        a.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.42");
        a.setString(Tag.FrameOfReferenceUID, VR.UI, "2.25.43");
        a.setString(Tag.Modality, VR.CS, "MR");
        a.setString(Tag.PatientName, VR.PN, "Müller^Jürgen");
        a.setString(Tag.PatientID, VR.LO, "SYN-1");
        a.setString(Tag.StudyDate, VR.DA, "20260101");
        a.setInt(Tag.InstanceNumber, VR.IS, k + 1);
        double offset = 2.5 * k;
        a.setDouble(Tag.ImagePositionPatient, VR.DS, 10 + S * offset, 20 - S * offset, 30);
        a.setDouble(Tag.ImageOrientationPatient, VR.DS, ORIENTATION);
        a.setDouble(Tag.PixelSpacing, VR.DS, 1.5, 0.75);
        a.setDouble(Tag.SliceThickness, VR.DS, 2.0);
        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setInt(Tag.Rows, VR.US, ROWS);
        a.setInt(Tag.Columns, VR.US, COLUMNS);
        a.setInt(Tag.BitsAllocated, VR.US, 16);
        a.setInt(Tag.BitsStored, VR.US, 16);
        a.setInt(Tag.HighBit, VR.US, 15);
        a.setInt(Tag.PixelRepresentation, VR.US, 0);
        a.setBytes(Tag.PixelData, VR.OW, new byte[2 * ROWS * COLUMNS]);
        return a;
    }
}
