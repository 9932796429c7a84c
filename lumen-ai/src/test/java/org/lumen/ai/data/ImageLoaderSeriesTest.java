package org.lumen.ai.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

/**
 * The IBSI CT radiomics phantom (60 axial single-frame slices, Hounsfield units, no window in the files) read as one
 * volume, against the slice-by-slice DICOM path and the phantom's NIfTI conversion.
 */
class ImageLoaderSeriesTest {
    private static final Path PHANTOM = TestData.data("ibsi/ibsi_1_ct_radiomics_phantom");
    private static final double[] SOFT_TISSUE = {40, 400};

    @TempDir
    Path dir;

    static List<Path> slices() throws IOException {
        try (Stream<Path> files = Files.list(PHANTOM.resolve("dicom/image"))) {
            return files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    /** The files ordered by Image Position (Patient) z: the slice normal of these axial slices is +z (to the head). */
    private static List<Path> byPositionAlongNormal(List<Path> files) throws IOException {
        List<double[]> zAndIndex = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            double[] position = DicomReader.read(files.get(i), ReadOptions.HEADER_ONLY).dataset()
                    .getDoubles(Tag.ImagePositionPatient);
            zAndIndex.add(new double[] {position[2], i});
        }
        zAndIndex.sort(Comparator.comparingDouble(a -> a[0]));
        return zAndIndex.stream().map(a -> files.get((int) a[1])).toList();
    }

    /** "" when equal, else how many values differ and the first (AssertJ's containsExactly is quadratic in the length). */
    static String differences(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            return actual.length + " values, expected " + expected.length;
        }
        int count = 0;
        int first = -1;
        for (int i = 0; i < actual.length; i++) {
            if (Float.compare(actual[i], expected[i]) != 0) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        return count == 0 ? "" : count + " of " + actual.length + " values differ, the first at " + first + ": "
                + actual[first] + " instead of " + expected[first];
    }

    @Test
    void aCtSeriesIsOneVolumeAlongTheSliceNormalWhoseSlicesEqualTheSliceLoads() throws IOException {
        List<Path> files = slices();
        assertThat(files).hasSize(60);
        List<Path> shuffled = new ArrayList<>(files);
        java.util.Collections.shuffle(shuffled, new java.util.Random(5));
        RawImage volume = ImageLoader.loadSeries(shuffled, SOFT_TISSUE);
        assertThat(volume.kind()).isEqualTo(ImageLoader.DICOM);
        assertThat(volume.modality()).isEqualTo("CT");
        assertThat(volume.bodyPart()).isNull();
        assertThat(volume.shape()).containsExactly(1, 60, 201, 204);

        // the file names run head to foot (DCM_IMG_00000 is the highest z), the volume foot to head
        List<Path> ordered = byPositionAlongNormal(files);
        assertThat(ordered.get(0).getFileName().toString()).isEqualTo("DCM_IMG_00059.dcm");
        int plane = 201 * 204;
        for (int k : new int[] {0, 17, 30, 59}) {
            RawImage slice = ImageLoader.load(ordered.get(k), SOFT_TISSUE);
            assertThat(slice.shape()).containsExactly(1, 201, 204);
            float[] fromVolume = Arrays.copyOfRange(volume.raw(), k * plane, (k + 1) * plane);
            assertThat(differences(fromVolume, slice.raw())).as("slice %d (%s)", k, ordered.get(k).getFileName()).isEmpty();
        }
        // the window is doing something: soft tissue between black and white, air black, and slices that differ
        long between = 0;
        for (float v : volume.raw()) {
            between += v > 0 && v < 255 ? 1 : 0;
        }
        assertThat(between).isGreaterThan(1000);
        assertThat(ImageLoaderTest.min(volume.raw())).isEqualTo(0f);
        assertThat(Arrays.copyOfRange(volume.raw(), 0, plane))
                .isNotEqualTo(Arrays.copyOfRange(volume.raw(), 30 * plane, 31 * plane));
    }

    @Test
    void theSeriesGivesTheSameVolumeAsItsNiftiConversionWithAndWithoutAWindow() throws IOException {
        Path nifti = PHANTOM.resolve("nifti/image/phantom.nii.gz");
        for (double[] window : new double[][] {SOFT_TISSUE, null}) {
            RawImage fromDicom = ImageLoader.loadSeries(slices(), window);
            RawImage fromNifti = ImageLoader.load(nifti, window);
            assertThat(fromDicom.shape()).isEqualTo(fromNifti.shape());
            assertThat(differences(fromDicom.raw(), fromNifti.raw())).as("window %s", Arrays.toString(window)).isEmpty();
        }
        // without a window in the files or from a model, the volume's range spans the display scale
        RawImage own = ImageLoader.loadSeries(slices(), (double[]) null);
        assertThat(ImageLoaderTest.min(own.raw())).isEqualTo(0f);
        assertThat(ImageLoaderTest.max(own.raw())).isEqualTo(255f);
    }

    @Test
    void aSeriesWithABrokenSliceIsRefusedWithTheBuildersReasonNamingIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("phantom"));
        List<Path> copies = new ArrayList<>();
        for (Path file : slices()) {
            copies.add(Files.copy(file, folder.resolve(file.getFileName())));
        }
        Path broken = folder.resolve("DCM_IMG_00030.dcm");
        Files.write(broken, Arrays.copyOf(Files.readAllBytes(broken), 1000));
        assertThatThrownBy(() -> ImageLoader.loadSeries(copies, SOFT_TISSUE)).isInstanceOf(ImageReadException.class)
                .hasMessageStartingWith(folder + ": Cannot build a volume from 60 files: ")
                .hasMessageContaining("DCM_IMG_00030.dcm");
    }
}
