package org.lumen.dicom.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.testing.TestData;

/**
 * Truncated and bit-flipped corpus frames: decoding either succeeds (JPEG 2000 decodes what a truncated codestream
 * holds) or throws a PixelDataException; never another exception, a hang or a runaway allocation.
 */
class Jpeg2000CorruptionTest {
    private final Jpeg2000FrameDecoder decoder = new Jpeg2000FrameDecoder();

    @ParameterizedTest
    @ValueSource(strings = {"pydicom/test_files/MR_small_jp2klossless.dcm", "pydicom/test_files/SC_rgb_gdcm_KY.dcm",
        "pydicom/test_files/JPEG2000.dcm", "pydicom-data/emri_small_jpeg_2k_lossless.dcm", "pydicom/test_files/693_J2KI.dcm",
        "pydicom-data/liver_j2k.dcm"})
    void onlyPixelDataExceptionEscapes(String name) throws Exception {
        DicomFile file = DicomReader.read(TestData.dicom(name));
        ImagePixelDescription description = PixelData.of(file).description();
        byte[] frame = Jpeg2000AgainstGdcmTest.encodedFrame(file, 0);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 60; i++) {
                int length = (int) ((long) frame.length * i / 60);
                attempt(Arrays.copyOf(frame, length), description, "truncated to " + length);
            }
            Random random = new Random(name.hashCode());
            for (int i = 0; i < 400; i++) {
                byte[] damaged = frame.clone();
                int flips = 1 + random.nextInt(4);
                // half the flips in the first 200 bytes, where the headers are
                for (int k = 0; k < flips; k++) {
                    int pos = random.nextBoolean() ? random.nextInt(Math.min(200, damaged.length)) : random.nextInt(damaged.length);
                    damaged[pos] ^= (byte) (1 << random.nextInt(8));
                }
                attempt(damaged, description, "bit flips #" + i);
            }
        });
    }

    private void attempt(byte[] data, ImagePixelDescription description, String what) {
        try {
            byte[] out = decoder.decode(data, decoder.decodedDescription(description));
            assertThat(out).hasSize(decoder.decodedDescription(description).frameLength());
        } catch (PixelDataException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            fail(what + ": " + e, e);
        }
    }
}
