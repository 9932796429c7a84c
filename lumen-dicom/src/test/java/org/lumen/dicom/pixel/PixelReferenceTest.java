package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.TestData;

/**
 * Every frame of the reference table: the shape, sample type, samples at five fixed coordinates and the sum of the frame
 * must equal what pydicom read; colours within 1 of pydicom's YBR conversion and equal to its palette lookup; modality
 * values equal to its modality LUT stage. Files are read with the default options, so native pixel data stays in the file
 * and each frame is read as its own byte range.
 */
class PixelReferenceTest {

    static Stream<PixelReference> rows() {
        return PixelReference.load().stream();
    }

    @Test
    void tableCoversTheNativeSyntaxesAndRle() {
        List<PixelReference> rows = PixelReference.load();
        Map<String, Long> bySyntax = rows.stream().collect(Collectors.groupingBy(PixelReference::transferSyntax,
                TreeMap::new, Collectors.counting()));
        assertThat(bySyntax).containsOnlyKeys("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99",
                "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.5");
        assertThat(rows.stream().map(PixelReference::file).distinct().count()).isGreaterThanOrEqualTo(150);
        assertThat(rows.stream().map(PixelReference::dtype).distinct())
                .contains("uint8", "int16", "uint16", "uint32", "float32", "float64");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void framesMatchPydicom(PixelReference ref) throws Exception {
        DicomFile file = DicomReader.read(TestData.dicom(ref.file()));
        PixelData pixels = PixelData.of(file);
        ImagePixelDescription d = pixels.description();
        assertThat(file.transferSyntax().uid()).isEqualTo(ref.transferSyntax());
        assertThat(new int[] {d.numberOfFrames(), d.rows(), d.columns(), d.samplesPerPixel()})
                .containsExactly(ref.frames(), ref.rows(), ref.columns(), ref.samplesPerPixel());
        assertThat(d.sampleType()).isEqualTo(ref.dtype());
        if (ref.isFloat()) {
            checkFloat(pixels, ref);
        } else {
            checkIntegers(pixels, ref);
        }
    }

    private static void checkIntegers(PixelData pixels, PixelReference ref) {
        ImagePixelDescription d = pixels.description();
        int[] samples = pixels.samples(ref.frame());
        assertThat(samples).hasSize(ref.rows() * ref.columns() * ref.samplesPerPixel());
        boolean unsigned32 = ref.dtype().equals("uint32");
        for (PixelReference.Point p : ref.points()) {
            int v = samples[p.index(ref.columns(), ref.samplesPerPixel())];
            long value = unsigned32 ? Integer.toUnsignedLong(v) : v;
            assertThat(value).as("sample at %s", p).isEqualTo(Long.parseLong(p.value()));
        }
        long sum = 0;
        for (int v : samples) {
            sum += unsigned32 ? Integer.toUnsignedLong(v) : v;
        }
        assertThat(sum).as("sum of frame").isEqualTo(Long.parseLong(ref.sum()));
        if (!ref.colors().isEmpty()) {
            int[] rgb = pixels.colorSamples(ref.frame());
            int tolerance = d.photometric().isYbr() ? 1 : 0;
            for (int i = 0; i < ref.points().size(); i++) {
                int pixel = ref.points().get(i).pixel(ref.columns());
                int[] expected = ref.colors().get(i);
                for (int c = 0; c < 3; c++) {
                    assertThat(rgb[3 * pixel + c]).as("colour %d at %s", c, ref.points().get(i))
                            .isCloseTo(expected[c], within(tolerance));
                }
            }
        }
        if (!ref.modality().isEmpty()) {
            float[] modality = pixels.modalityValues(ref.frame());
            for (int i = 0; i < ref.points().size(); i++) {
                double expected = ref.modality().get(i);
                assertThat((double) modality[ref.points().get(i).pixel(ref.columns())]).as("modality at %s", ref.points().get(i))
                        .isCloseTo(expected, within(Math.max(1e-3, Math.abs(expected) * 1e-6)));
            }
        }
    }

    private static void checkFloat(PixelData pixels, PixelReference ref) {
        float[] samples = pixels.floatSamples(ref.frame());
        assertThat(samples).hasSize(ref.rows() * ref.columns());
        for (PixelReference.Point p : ref.points()) {
            assertThat(samples[p.pixel(ref.columns())]).as("sample at %s", p).isEqualTo((float) Double.parseDouble(p.value()));
        }
        double sum = 0;
        for (float v : samples) {
            sum += v;
        }
        double expected = Double.parseDouble(ref.sum());
        assertThat(sum).as("sum of frame").isCloseTo(expected, within(Math.abs(expected) * 1e-6));
    }
}
