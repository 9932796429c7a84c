package org.lumen.dicom.codec.jpegls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * Encoder and decoder against each other on synthetic frames that real images rarely give: every precision 2-16, odd
 * sizes, a single column or row, full-range noise (escape codes, large errors), flat areas (long runs), planar RGB
 * input, every interleave mode and several NEAR values. Decoding must give the source back, exactly or within NEAR.
 */
class JpegLsSelfRoundTripTest {
    private static final JpegLsFrameDecoder DECODER = new JpegLsFrameDecoder();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int[][] sizes = {{1, 1}, {1, 17}, {13, 1}, {7, 33}, {64, 50}};
        for (int bits = 2; bits <= 16; bits++) {
            for (int[] size : sizes) {
                for (int near : new int[] {0, 1, 3}) {
                    if (near <= ((1 << bits) - 1) / 2) {
                        out.add(Arguments.of(bits, size[0], size[1], 1, 0, near));
                    }
                }
            }
        }
        for (int bits : new int[] {2, 8, 12, 16}) {
            for (int interleave = 0; interleave <= 2; interleave++) {
                for (int near : new int[] {0, 1}) {
                    out.add(Arguments.of(bits, 31, 29, 3, interleave, near));
                    out.add(Arguments.of(bits, 1, 5, 3, interleave, near));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} bits {1}x{2}x{3} ILV {4} NEAR {5}")
    @MethodSource("cases")
    void decodesWhatItEncodes(int bits, int rows, int columns, int samples, int interleave, int near) {
        for (int planar = 0; planar <= (samples == 3 ? 1 : 0); planar++) {
            ImagePixelDescription d = description(rows, columns, samples, bits, planar);
            for (int pattern = 0; pattern < 3; pattern++) {
                int[] values = pattern(d, pattern, bits);
                byte[] frame = layout(values, d);
                byte[] codestream = JpegLsFrameEncoder.encode(frame, d, near, interleave);
                byte[] decoded = DECODER.decode(codestream, d);
                int[] back = interleavedSamples(decoded, DECODER.decodedDescription(d));
                int max = 0;
                for (int i = 0; i < values.length; i++) {
                    max = Math.max(max, Math.abs(values[i] - back[i]));
                }
                assertThat(max).as("pattern %d planar %d: max difference", pattern, planar).isLessThanOrEqualTo(near);
            }
        }
    }

    @Test
    void encoderRefusesWhatItCannotHold() {
        JpegLsNearLosslessFrameEncoder encoder = new JpegLsNearLosslessFrameEncoder();
        assertThatThrownBy(() -> encoder.encodedDescription(description(4, 4, 1, 2, 0), new EncodeOptions(2)))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("NEAR 2");
        ImagePixelDescription ybr = new ImagePixelDescription(4, 4, 3, 8, 8, 7, 0, 0, Photometric.YBR_FULL_422, 1,
                Tag.PixelData);
        assertThatThrownBy(() -> encoder.encodedDescription(ybr, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("YBR_FULL_422");
        assertThat(new JpegLsLosslessFrameEncoder().encodedDescription(description(4, 4, 3, 8, 1), EncodeOptions.DEFAULT)
                .planarConfiguration()).isZero();
    }

    private static ImagePixelDescription description(int rows, int columns, int samples, int bits, int planar) {
        return new ImagePixelDescription(rows, columns, samples, bits <= 8 ? 8 : 16, bits, bits - 1, 0, planar,
                samples == 3 ? Photometric.RGB : Photometric.MONOCHROME2, 1, Tag.PixelData);
    }

    /** Pixel-interleaved sample values: 0 noise, 1 flat areas with steps, 2 smooth ramps with noise. */
    private static int[] pattern(ImagePixelDescription d, int pattern, int bits) {
        int max = (1 << bits) - 1;
        int spp = d.samplesPerPixel();
        int[] v = new int[d.pixelsPerFrame() * spp];
        SplittableRandom random = new SplittableRandom(bits * 131 + pattern);
        for (int y = 0; y < d.rows(); y++) {
            for (int x = 0; x < d.columns(); x++) {
                for (int c = 0; c < spp; c++) {
                    int value = switch (pattern) {
                        case 0 -> random.nextInt(max + 1);
                        case 1 -> (x / 9 + y / 5 + c) % 3 == 0 ? max : (x / 9) % 2 == 0 ? 0 : max / 3;
                        default -> Math.min(max, Math.max(0, (x * 37 + y * 11 + c * 50) % (max + 1) + random.nextInt(5) - 2));
                    };
                    v[(y * d.columns() + x) * spp + c] = value;
                }
            }
        }
        return v;
    }

    private static byte[] layout(int[] values, ImagePixelDescription d) {
        byte[] frame = new byte[d.frameLength()];
        int spp = d.samplesPerPixel();
        int pixels = d.pixelsPerFrame();
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < spp; c++) {
                int index = d.planarConfiguration() == 1 ? c * pixels + p : p * spp + c;
                int value = values[p * spp + c];
                if (d.bitsAllocated() == 8) {
                    frame[index] = (byte) value;
                } else {
                    frame[2 * index] = (byte) value;
                    frame[2 * index + 1] = (byte) (value >> 8);
                }
            }
        }
        return frame;
    }

    private static int[] interleavedSamples(byte[] frame, ImagePixelDescription d) {
        assertThat(d.planarConfiguration()).isZero();
        int n = d.pixelsPerFrame() * d.samplesPerPixel();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.bitsAllocated() == 8 ? frame[i] & 0xFF : (frame[2 * i] & 0xFF) | (frame[2 * i + 1] & 0xFF) << 8;
        }
        return out;
    }
}
