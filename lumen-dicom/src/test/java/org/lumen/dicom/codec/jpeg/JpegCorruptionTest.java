package org.lumen.dicom.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.testing.CodecCorpus;
import org.lumen.dicom.testing.TestData;

/**
 * Truncated and bit-flipped frames of every JPEG corpus file: the decoder either decodes them or throws a
 * {@link PixelDataException} (never another exception, never a hang), and does so quickly.
 */
class JpegCorruptionTest {
    private final JpegFrameDecoder decoder = new JpegFrameDecoder();

    static Stream<String> files() {
        return JpegAgainstGdcmTest.viaGdcm();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void truncatedAndFlippedFramesFailCleanly(String name) throws Exception {
        PixelData pixels = PixelData.of(DicomReader.read(TestData.dicom(name)));
        EncapsulatedFrameSource source = (EncapsulatedFrameSource) pixels.frameSource();
        byte[] frame = source.locator().encodedFrame(0);
        ImagePixelDescription stored = source.storedDescription();
        Random random = new Random(name.hashCode());
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int truncatedFailures = 0;
            int steps = 60;
            for (int i = 0; i < steps; i++) {
                int length = i < 20 ? i : (int) ((long) frame.length * i / steps);
                if (!decodeOrCleanError(Arrays.copyOf(frame, length), stored)) {
                    truncatedFailures++;
                }
            }
            assertThat(truncatedFailures).as("truncations refused").isGreaterThan(steps / 2);
            for (int i = 0; i < 300; i++) {
                byte[] damaged = frame.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(damaged.length);
                    damaged[at] ^= (byte) (1 << random.nextInt(8));
                }
                decodeOrCleanError(damaged, stored);
            }
        });
    }

    /** True when {@code frame} decoded, false on a PixelDataException; any other outcome fails the test. */
    private boolean decodeOrCleanError(byte[] frame, ImagePixelDescription stored) {
        try {
            byte[] out = decoder.decode(frame, stored);
            assertThat(out.length).isEqualTo(decoder.decodedDescription(stored).frameLength());
            return true;
        } catch (PixelDataException expected) {
            if (expected.getCause() != null) {
                fail("a bug caught as a PixelDataException: " + expected.getCause(), expected.getCause());
            }
            assertThat(expected.getMessage()).startsWith("JPEG");
            return false;
        }
    }

    @Test
    void namesWhatItRefuses() {
        ImagePixelDescription d = new ImagePixelDescription(8, 8, 1, 8, 8, 7, 0, 0,
                org.lumen.dicom.pixel.Photometric.MONOCHROME2, 1, org.lumen.dicom.data.Tag.PixelData);
        assertThatThrownBy(() -> decoder.decode(new byte[] {1, 2, 3, 4}, d)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("SOI");
        byte[] hierarchical = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC5, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0};
        assertThatThrownBy(() -> decoder.decode(hierarchical, d)).hasMessageContaining("hierarchical").hasMessageContaining("SOF5");
        byte[] noScan = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0,
            (byte) 0xFF, (byte) 0xD9};
        assertThatThrownBy(() -> decoder.decode(noScan, d)).hasMessageContaining("no scan");
        byte[] arithmetic = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC9, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0};
        assertThatThrownBy(() -> decoder.decode(arithmetic, d)).hasMessageContaining("arithmetic").hasMessageContaining("SOF9");
        assertThat(decoder.supports(TransferSyntax.JPEG_LOSSLESS)).isTrue();
    }
}
