package org.lumen.dicom.codec.jpegls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.testing.TestData;

/**
 * Truncated and bit-flipped codestreams of every corpus JPEG-LS file: the decoder answers each with a result or a
 * PixelDataException, never another exception or a hang; a stream cut inside its scan data is always an error.
 */
class JpegLsCorruptionTest {
    private static final JpegLsFrameDecoder DECODER = new JpegLsFrameDecoder();

    static Stream<String> files() {
        return JpegLsAgainstGdcmTest.jpegLsFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void truncatedAndCorruptedFramesFailCleanly(String name) throws Exception {
        byte[] frame = JpegLsTestSupport.encodedFrame(TestData.dicom(name), 0);
        ImagePixelDescription stored = JpegLsTestSupport.storedDescription(TestData.dicom(name));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int eoi = lastEoi(frame);
            int step = Math.max(1, eoi / 64);
            for (int length = 0; length < eoi; length += length < 64 ? 1 : step) {
                byte[] cut = Arrays.copyOf(frame, length);
                assertThatThrownBy(() -> DECODER.decode(cut, stored)).as("cut to %d of %d bytes", length, frame.length)
                        .isInstanceOf(PixelDataException.class).hasMessageContaining("JPEG-LS");
            }
            SplittableRandom random = new SplittableRandom(name.hashCode());
            for (int trial = 0; trial < 150; trial++) {
                byte[] bad = frame.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(bad.length);
                    bad[at] ^= (byte) (1 << random.nextInt(8));
                }
                decodeOrPixelDataException(bad, stored);
            }
        });
    }

    @Test
    void messagesNameWhatIsWrong() {
        ImagePixelDescription grey = new ImagePixelDescription(4, 4, 1, 8, 8, 7, 0, 0,
                org.lumen.dicom.pixel.Photometric.MONOCHROME2, 1, org.lumen.dicom.data.Tag.PixelData);
        assertThatThrownBy(() -> DECODER.decode(new byte[] {1, 2, 3, 4}, grey)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("SOI");
        byte[] baseline = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 4, 0, 4, 1, 1, 0x11, 0};
        assertThatThrownBy(() -> DECODER.decode(baseline, grey)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("FFC0").hasMessageContaining("not JPEG-LS");
        byte[] wrongSize = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xF7, 0, 11, 8, 0, 5, 0, 4, 1, 1, 0x11, 0};
        assertThatThrownBy(() -> DECODER.decode(wrongSize, grey)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("4 x 5");
    }

    /** Decodes, accepting only a PixelDataException as failure (corrupt data may still decode to some image). */
    private static void decodeOrPixelDataException(byte[] bad, ImagePixelDescription stored) {
        try {
            byte[] out = DECODER.decode(bad, stored);
            assertThat(out).hasSize(DECODER.decodedDescription(stored).frameLength());
        } catch (PixelDataException expected) {
            assertThat(expected.getMessage()).contains("JPEG-LS");
        }
    }

    /** The offset of the frame's EOI marker (before any fragment padding); frames are cut before it. */
    private static int lastEoi(byte[] frame) {
        for (int i = frame.length - 2; i >= 0; i--) {
            if (frame[i] == (byte) 0xFF && frame[i + 1] == (byte) 0xD9) {
                return i;
            }
        }
        return frame.length;
    }
}
