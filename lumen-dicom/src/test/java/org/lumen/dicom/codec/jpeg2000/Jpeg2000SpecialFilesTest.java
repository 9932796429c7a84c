package org.lumen.dicom.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.FrameDecoders;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.testing.CodecCorpus;
import org.lumen.dicom.testing.TestData;

/** The JPEG 2000 corpus files gdcmconv cannot be the reference for, judged against their twins. */
class Jpeg2000SpecialFilesTest {

    /**
     * The pixel data element of the "too short" file ends a few bytes early (no sequence delimiter, odd length); every
     * frame is still there, so each must equal the same frame of the complete file.
     */
    @Test
    void tooShortFileDecodesLikeTheCompleteOne() throws Exception {
        PixelData shortened = PixelData.of(DicomReader.read(TestData.dicom(Jpeg2000AgainstGdcmTest.TOO_SHORT)));
        PixelData complete = PixelData.of(DicomReader.read(TestData.dicom("pydicom-data/emri_small_jpeg_2k_lossless.dcm")));
        assertThat(shortened.frameCount()).isEqualTo(complete.frameCount());
        for (int k = 0; k < complete.frameCount(); k++) {
            assertThat(Arrays.mismatch(shortened.frameBytes(k), complete.frameBytes(k))).as("first differing byte of frame %d", k)
                    .isEqualTo(-1);
        }
    }

    /**
     * The "embedded sequence delimiter" file is JPEG2000.dcm with the bytes FFFE,E0DD written over Rsiz and the top of
     * Xsiz inside the codestream: the reader must not stop there, and the decoder must then say the codestream is broken
     * (its image size no longer fits), not decode something else.
     */
    @Test
    void embeddedDelimiterGivesAClearError() throws Exception {
        PixelData damaged = PixelData.of(DicomReader.read(TestData.dicom(Jpeg2000AgainstGdcmTest.EMBEDDED_DELIMITER)));
        PixelData twin = PixelData.of(DicomReader.read(TestData.dicom("pydicom/test_files/JPEG2000.dcm")));
        assertThat(damaged.frameCount()).isEqualTo(twin.frameCount());
        assertThat(twin.frameBytes(0)).hasSize(twin.description().frameLength());
        assertThatThrownBy(() -> damaged.frameBytes(0)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("JPEG 2000");
    }

    /**
     * Independent of GDCM: the reversible files whose uncompressed originals are in the corpus decode to them exactly
     * (samples compared, so that layouts may differ).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"pydicom-data/MR2_J2KR.dcm, pydicom-data/MR2_UNCR.dcm",
        "pydicom-data/US1_J2KR.dcm, pydicom-data/US1_UNCR.dcm"})
    void reversibleFilesEqualTheirUncompressedOriginals(String compressed, String uncompressed) throws Exception {
        PixelData ours = PixelData.of(DicomReader.read(TestData.dicom(compressed)));
        PixelData original = PixelData.of(DicomReader.read(TestData.dicom(uncompressed)));
        long max = org.lumen.dicom.testing.PixelComparison.maxDifference(ours, original);
        assertThat(max).as("largest difference from %s", uncompressed).isZero();
    }

    /** An HTJ2K codestream handed to this decoder anyway is refused by name, not misread. */
    @Test
    void htj2kCodestreamsAreRefusedClearly() throws Exception {
        List<String> htj2k = CodecCorpus.files("1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203");
        assertThat(htj2k).isNotEmpty();
        for (String name : htj2k) {
            DicomFile file = DicomReader.read(TestData.dicom(name));
            PixelData asPart1 = PixelData.of(file.dataset(), TransferSyntax.JPEG_2000);
            assertThatThrownBy(() -> asPart1.frameBytes(0))
                    .as(name).isInstanceOf(PixelDataException.class).hasMessageContaining("HTJ2K");
        }
    }

    @Test
    void htj2kSyntaxesAreNotClaimed() {
        Jpeg2000FrameDecoder decoder = new Jpeg2000FrameDecoder();
        assertThat(decoder.supports("1.2.840.10008.1.2.4.90")).isTrue();
        assertThat(decoder.supports("1.2.840.10008.1.2.4.91")).isTrue();
        for (String htj2k : new String[] {"1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203"}) {
            assertThat(decoder.supports(htj2k)).as(htj2k).isFalse();
        }
        assertThat(FrameDecoders.standard().forTransferSyntax(TransferSyntax.of(TransferSyntax.JPEG_2000_LOSSLESS)))
                .isInstanceOf(Jpeg2000FrameDecoder.class);
        assertThat(FrameDecoders.standard().forTransferSyntax(TransferSyntax.of(TransferSyntax.JPEG_2000)))
                .isInstanceOf(Jpeg2000FrameDecoder.class);
    }
}
