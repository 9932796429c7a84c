package org.lumen.report.seg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;
import org.lumen.image.roi.LabelMap;
import org.lumen.image.roi.LabelMaps;
import org.lumen.image.roi.RoiMasks;
import org.lumen.image.series.SeriesVolume;
import org.lumen.image.series.SeriesVolumeBuilder;
import org.lumen.report.Code;

/**
 * The IBSI CT phantom (60 slices of 204 x 201, a size whose frames do not fill whole bytes) with its RTSTRUCT GTV as label
 * 1 and a box of label 2 beside it: the SEG written from that label map passes dicom3tools' {@code dciodvfy} without an
 * error and reads back, through lumen-image's SEG reader, into the same label map voxel for voxel.
 */
@Tag("interop")
class IbsiCtPhantomSegmentationTest {
    private static final String PHANTOM = "ibsi/ibsi_1_ct_radiomics_phantom/dicom/";
    private static final int GTV_VOXELS = 125_256;

    private static List<Attributes> sourceSlices;
    private static SeriesVolume series;
    private static Volume labelMap;
    private static Attributes seg;

    static final SegmentDescriptions DESCRIPTIONS = SegmentDescriptions.of(SegmentAlgorithm.automatic("ibsi-test", "1.0"),
            Map.of(1, new SegmentDescription("GTV", Code.sct("49755003", "Morphologically Abnormal Structure"),
                            Code.sct("108369006", "Neoplasm")),
                    2, new SegmentDescription("box", Code.sct("85756007", "Tissue"), Code.sct("71616004", "Muscle"))));

    @BeforeAll
    static void writeSegmentation() throws Exception {
        Path images = TestData.data(PHANTOM + "image");
        sourceSlices = readDatasets(images);
        series = SeriesVolumeBuilder.fromFolder(images);
        Volume gtv = RoiMasks.load(TestData.data(PHANTOM + "mask"), series, Optional.of("GTV-1"));
        labelMap = gtvAndBox(gtv);
        seg = SegmentationWriter.write(labelMap, sourceSlices, DESCRIPTIONS,
                SegmentationOptions.defaults().withContent("IBSI_GTV", "GTV of the IBSI CT phantom and a box"));
    }

    @Test
    void dciodvfyFindsNoError(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("seg.dcm");
        SegmentationWriter.save(seg, file);
        Peers.Result result = Peers.run(120, "dciodvfy", file.toString());
        List<String> lines = (result.stdout() + "\n" + result.stderr()).lines().map(String::strip).toList();
        List<String> errors = lines.stream().filter(line -> line.startsWith("Error")).toList();
        List<String> warnings = lines.stream().filter(line -> line.startsWith("Warning")).toList();
        System.out.println("dciodvfy on the IBSI CT phantom SEG: " + errors.size() + " errors, " + warnings.size()
                + " warnings" + (warnings.isEmpty() ? "" : ":\n  " + String.join("\n  ", warnings)));
        assertThat(errors).as("dciodvfy errors (all %d lines:\n%s)", lines.size(), String.join("\n", lines)).isEmpty();
        assertThat(lines).as("dciodvfy names the IOD it checked").contains("Segmentation");
    }

    @Test
    void theLabelMapReadBackIsTheLabelMapVoxelForVoxel(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("seg.dcm");
        SegmentationWriter.save(seg, file);
        LabelMap read = LabelMaps.readNamed(file);
        assertThat(read.names()).containsExactly(Map.entry(1, "GTV"), Map.entry(2, "box"));
        Volume onSeries = Resampler.resampleOnto(read.labels(), series.volume(), Interpolation.NEAREST, 0f);
        assertThat(differences(onSeries, labelMap)).as("voxels where the SEG read back differs from the label map").isEmpty();
    }

    /**
     * The bit order checked by another reader than ours: dcmtk's {@code dcm2pnm} renders every frame, and each must be its
     * segment on its slice (odd frames start in the middle of a byte, since 204 x 201 is not a multiple of 8).
     */
    @Test
    void dcmtkDecodesEveryFrameAsItsSegmentOnItsSlice(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("seg.dcm");
        SegmentationWriter.save(seg, file);
        Peers.Result result = Peers.run(120, "dcm2pnm", "--all-frames", "--write-raw-pnm", file.toString(),
                temp.resolve("frame").toString());
        assertThat(result.ok()).as("dcm2pnm: %s", result).isTrue();
        Sequence perFrame = seg.getSequence(org.lumen.dicom.data.Tag.PerFrameFunctionalGroupsSequence);
        List<String> misses = new ArrayList<>();
        for (int f = 0; f < perFrame.size(); f++) {
            Attributes groups = perFrame.get(f);
            int segment = groups.getSequence(org.lumen.dicom.data.Tag.SegmentIdentificationSequence).get(0)
                    .getInt(org.lumen.dicom.data.Tag.ReferencedSegmentNumber, -1);
            double[] position = groups.getSequence(org.lumen.dicom.data.Tag.PlanePositionSequence).get(0)
                    .getDoubles(org.lumen.dicom.data.Tag.ImagePositionPatient);
            int k = (int) Math.round(series.volume().patientToIndex(position[0], position[1], position[2]).z());
            byte[] pixels = pgmPixels(temp.resolve("frame." + f + ".pgm"), 204, 201);
            float[] slice = labelMap.slice(k);
            int wrong = 0;
            for (int p = 0; p < slice.length; p++) {
                wrong += (pixels[p] != 0) != (slice[p] == segment) ? 1 : 0;
            }
            if (wrong > 0) {
                misses.add("frame " + (f + 1) + " (segment " + segment + ", slice " + k + "): " + wrong + " pixels differ");
            }
        }
        assertThat(misses).as("frames dcm2pnm decodes otherwise than the label map").isEmpty();
    }

    @Test
    void eachSegmentLoadsOntoTheSeriesAsItsMask(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("seg.dcm");
        SegmentationWriter.save(seg, file);
        for (int label : List.of(1, 2)) {
            Volume mask = RoiMasks.load(file, series, Optional.of(DESCRIPTIONS.byLabel().get(label).label()));
            assertThat(mask.sameGeometry(series.volume(), 0)).isTrue();
            assertThat(differences(mask, only(labelMap, label))).as("segment %d loaded by RoiMasks", label).isEmpty();
        }
    }

    @Test
    void framesReferenceTheirSourceSlicesAndOnlySlicesWithContentHaveFrames() {
        Sequence perFrame = seg.getSequence(org.lumen.dicom.data.Tag.PerFrameFunctionalGroupsSequence);
        int expected = slicesWith(labelMap, 1) + slicesWith(labelMap, 2);
        assertThat(seg.getInt(org.lumen.dicom.data.Tag.NumberOfFrames, 0)).isEqualTo(perFrame.size()).isEqualTo(expected);
        assertThat(seg.getBytes(org.lumen.dicom.data.Tag.PixelData)).hasSize(evenBytes(expected * 204 * 201));
        for (Attributes frame : perFrame) {
            double z = frame.getSequence(org.lumen.dicom.data.Tag.PlanePositionSequence).get(0)
                    .getDoubles(org.lumen.dicom.data.Tag.ImagePositionPatient)[2];
            String source = frame.getSequence(org.lumen.dicom.data.Tag.DerivationImageSequence).get(0)
                    .getSequence(org.lumen.dicom.data.Tag.SourceImageSequence).get(0)
                    .getString(org.lumen.dicom.data.Tag.ReferencedSOPInstanceUID);
            Attributes slice = sourceSlices.stream()
                    .filter(a -> a.getString(org.lumen.dicom.data.Tag.SOPInstanceUID).equals(source)).findFirst().orElseThrow();
            assertThat(slice.getDoubles(org.lumen.dicom.data.Tag.ImagePositionPatient)[2]).isCloseTo(z,
                    org.assertj.core.data.Offset.offset(1e-6));
        }
        Sequence referenced = seg.getSequence(org.lumen.dicom.data.Tag.ReferencedSeriesSequence).get(0)
                .getSequence(org.lumen.dicom.data.Tag.ReferencedInstanceSequence);
        assertThat(referenced.size()).isEqualTo(60);
        Attributes first = sourceSlices.get(0);
        for (int tag : new int[] {org.lumen.dicom.data.Tag.PatientID, org.lumen.dicom.data.Tag.PatientName,
                org.lumen.dicom.data.Tag.StudyInstanceUID, org.lumen.dicom.data.Tag.FrameOfReferenceUID}) {
            assertThat(seg.getString(tag)).isEqualTo(first.getString(tag));
        }
        assertThat(seg.getString(org.lumen.dicom.data.Tag.SeriesInstanceUID))
                .isNotEqualTo(first.getString(org.lumen.dicom.data.Tag.SeriesInstanceUID)).startsWith("2.25.");
    }

    /** Label 1 the GTV; label 2 a 30 x 20 x 10 box in a corner the GTV does not reach. */
    private static Volume gtvAndBox(Volume gtv) {
        float[] labels = new float[gtv.voxelCount()];
        int gtvVoxels = 0;
        for (int v = 0; v < labels.length; v++) {
            if (gtv.get(v) != 0) {
                labels[v] = 1;
                gtvVoxels++;
            }
        }
        assertThat(gtvVoxels).isEqualTo(GTV_VOXELS);
        for (int k = 40; k < 50; k++) {
            for (int j = 5; j < 25; j++) {
                for (int i = 5; i < 35; i++) {
                    assertThat(labels[gtv.index(i, j, k)]).as("box voxel inside the GTV").isZero();
                    labels[gtv.index(i, j, k)] = 2;
                }
            }
        }
        return gtv.withData(labels, VoxelType.UINT8);
    }

    /** The pixels of a binary PGM (P5, 8-bit) that dcm2pnm wrote. */
    private static byte[] pgmPixels(Path pgm, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(pgm);
        String header = new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.US_ASCII);
        String[] fields = header.split("\\s+", 5);
        assertThat(fields).as("PGM header of %s", pgm).startsWith("P5", Integer.toString(width), Integer.toString(height));
        int pixels = width * height;
        return Arrays.copyOfRange(bytes, bytes.length - pixels, bytes.length);
    }

    private static List<Attributes> readDatasets(Path folder) throws IOException {
        List<Attributes> datasets = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                DicomFile dicom = DicomReader.read(file);
                datasets.add(dicom.dataset());
            }
        }
        java.util.Collections.reverse(datasets); // any order will do: the writer sorts along the normal
        return datasets;
    }

    static List<String> differences(Volume actual, Volume expected) {
        assertThat(new int[] {actual.nx(), actual.ny(), actual.nz()})
                .containsExactly(expected.nx(), expected.ny(), expected.nz());
        List<String> differences = new ArrayList<>();
        int count = 0;
        for (int k = 0; k < expected.nz(); k++) {
            for (int j = 0; j < expected.ny(); j++) {
                for (int i = 0; i < expected.nx(); i++) {
                    if (actual.get(i, j, k) != expected.get(i, j, k)) {
                        count++;
                        if (differences.size() < 20) {
                            differences.add("(" + i + "," + j + "," + k + ") read " + actual.get(i, j, k) + " written "
                                    + expected.get(i, j, k));
                        }
                    }
                }
            }
        }
        if (count > differences.size()) {
            differences.add("... " + count + " voxels differ in all");
        }
        return differences;
    }

    private static Volume only(Volume labels, int label) {
        float[] mask = new float[labels.voxelCount()];
        for (int v = 0; v < mask.length; v++) {
            mask[v] = labels.get(v) == label ? 1 : 0;
        }
        return labels.withData(mask, VoxelType.UINT8);
    }

    private static int slicesWith(Volume labels, int label) {
        int slices = 0;
        for (int k = 0; k < labels.nz(); k++) {
            float[] slice = labels.slice(k);
            if (Arrays.stream(toDoubles(slice)).anyMatch(value -> value == label)) {
                slices++;
            }
        }
        return slices;
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    private static int evenBytes(long bits) {
        long bytes = (bits + 7) / 8;
        return (int) (bytes + (bytes & 1));
    }
}
