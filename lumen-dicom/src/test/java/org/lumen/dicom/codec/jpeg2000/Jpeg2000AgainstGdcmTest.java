package org.lumen.dicom.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.CodecCorpus;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;

/**
 * Every JPEG 2000 (.90 and .91) file of the corpus decoded by us equals GDCM's {@code gdcmconv --raw} output (OpenJPEG
 * underneath): byte for byte (and same photometric and planar configuration) for reversible codestreams, within one grey
 * level for irreversible (9/7) ones, the maximum difference printed per file. The files gdcmconv
 * cannot decode are judged otherwise.
 */
class Jpeg2000AgainstGdcmTest {
    /** gdcmconv fails on this one (../shared/peers/README.md); its twin without the stray delimiter is JPEG2000.dcm. */
    static final String EMBEDDED_DELIMITER = "pydicom/test_files/JPEG2000-embedded-sequence-delimiter.dcm";
    static final String TOO_SHORT = "pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm";

    static List<String> files() {
        return CodecCorpus.files(TransferSyntax.JPEG_2000_LOSSLESS, TransferSyntax.JPEG_2000);
    }

    static Stream<String> viaGdcm() {
        return files().stream().filter(f -> !f.equals(EMBEDDED_DELIMITER) && !f.equals(TOO_SHORT));
    }

    @Test
    void corpusHoldsJpeg2000Files() {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(15).contains(EMBEDDED_DELIMITER, TOO_SHORT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viaGdcm")
    void decodesLikeGdcm(String name, @TempDir Path temp) throws Exception {
        Path file = TestData.dicom(name);
        DicomFile gdcm = PixelComparison.gdcmRaw(file, temp);
        DicomFile ours = DicomReader.read(file);
        PixelData decoded = PixelData.of(ours);
        PixelData reference = PixelData.of(gdcm);
        boolean reversible = isReversible(ours);
        long max = PixelComparison.maxDifference(decoded, reference);
        System.out.printf("JPEG 2000 %s (%s, %s): max difference %d%n", name, reversible ? "5/3" : "9/7",
                decoded.description(), max);
        assertThat(decoded.description().photometric()).as("photometric").isEqualTo(reference.description().photometric());
        assertThat(max).as("largest sample difference from gdcmconv --raw").isLessThanOrEqualTo(reversible ? 0 : 1);
        // GDCM writes 1-bit frames (the liver SEGs) with Bits Allocated 8; we keep the stored 1-bit packing, so only
        // their samples compare
        if (reversible && decoded.description().bitsAllocated() == reference.description().bitsAllocated()) {
            assertThat(decoded.description().planarConfiguration()).as("planar configuration")
                    .isEqualTo(reference.description().planarConfiguration());
            PixelComparison.assertSameBytes(decoded, reference);
        }
    }

    /** Whether the first frame's main header names the 5/3 wavelet. */
    static boolean isReversible(DicomFile file) {
        byte[] frame = encodedFrame(file, 0);
        int[] bounds = Jpeg2000FrameDecoder.codestreamBounds(frame);
        return J2kCodestream.parseHeader(frame, bounds[0], bounds[1]).reversible();
    }

    /** The encoded bytes of frame {@code index}. */
    static byte[] encodedFrame(DicomFile file, int index) {
        EncapsulatedFrameSource source = (EncapsulatedFrameSource) PixelData.of(file).frameSource();
        return source.locator().encodedFrame(index);
    }
}
