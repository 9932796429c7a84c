package org.lumen.dicom.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;

/**
 * Lossless frames whose first component is sampled 2x1 or 2x2 in an interleaved scan (MCUs of several samples of it):
 * no peer encoder writes them, so this test codes one itself and checks that the coded samples come back and that GDCM
 * agrees with our decoding (chroma replicated to full size).
 */
class JpegLosslessSubsampledTest {

    @ParameterizedTest(name = "luma {0}x{1}, predictor {2}")
    @CsvSource({"2, 1, 1", "2, 2, 1", "2, 2, 4", "2, 2, 7", "1, 2, 6"})
    void interleavedSubsampledScanMatchesGdcm(int h0, int v0, int predictor, @TempDir Path temp) throws Exception {
        int width = 24;
        int height = 16;
        int[][] planes = new int[3][];
        int[] widths = {width, width * 1 / h0, width * 1 / h0};
        int[] heights = {height, height / v0, height / v0};
        Random random = new Random(h0 * 10 + v0);
        for (int c = 0; c < 3; c++) {
            planes[c] = new int[widths[c] * heights[c]];
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] = (i * 7 + c * 50 + random.nextInt(9)) & 0xFF;
            }
        }
        // The first component has h0 x v0 samples per MCU, the others one: the frame's maximum factors are h0, v0.
        byte[] stream = encode(planes, widths, new int[] {h0, 1, 1}, new int[] {v0, 1, 1}, width, height, predictor);

        JpegDecoder decoder = new JpegDecoder(stream, width, height);
        decoder.decode();
        for (int c = 0; c < 3; c++) {
            JpegDecoder.Component comp = decoder.components[c];
            for (int y = 0; y < heights[c]; y++) {
                for (int x = 0; x < widths[c]; x++) {
                    assertThat(comp.plane[y * comp.planeWidth + x]).as("component %d at %d,%d", c, x, y)
                            .isEqualTo(planes[c][y * widths[c] + x]);
                }
            }
        }

        Attributes ds = DicomReader.read(TestData.dicom("pydicom/test_files/SC_rgb_jpeg_gdcm.dcm")).dataset().deepCopy();
        ds.setInt(Tag.Rows, VR.US, height);
        ds.setInt(Tag.Columns, VR.US, width);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "YBR_FULL");
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add(stream.length % 2 == 0 ? stream : Arrays.copyOf(stream, stream.length + 1));
        ds.setFragments(Tag.PixelData, fragments);
        Path file = temp.resolve("subsampled.dcm");
        DicomWriter.write(file, null, ds, TransferSyntax.JPEG_LOSSLESS);
        PixelData ours = PixelData.of(DicomReader.read(file));
        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(file, temp));
        assertThat(ours.description().photometric()).isEqualTo(gdcm.description().photometric());
        PixelComparison.assertSameBytes(ours, gdcm);
    }

    /** A process 14 frame of 8-bit samples, one interleaved scan, one Huffman table holding every category. */
    private static byte[] encode(int[][] planes, int[] widths, int[] h, int[] v, int width, int height, int predictor) {
        int hMax = Arrays.stream(h).max().getAsInt();
        int vMax = Arrays.stream(v).max().getAsInt();
        long[] freq = new long[256];
        Arrays.fill(freq, 0, 17, 1);
        HuffmanCodeBuilder table = new HuffmanCodeBuilder(freq);
        JpegWriter w = new JpegWriter(4096);
        w.marker(0xD8);
        w.marker(0xC3);
        w.u16(8 + 9);
        w.u8(8);
        w.u16(height);
        w.u16(width);
        w.u8(3);
        for (int c = 0; c < 3; c++) {
            w.u8(c + 1);
            w.u8(h[c] << 4 | v[c]);
            w.u8(0);
        }
        w.marker(0xC4);
        w.u16(2 + 17 + table.symbols.length);
        w.u8(0);
        for (int count : table.counts) {
            w.u8(count);
        }
        for (int s : table.symbols) {
            w.u8(s);
        }
        w.marker(0xDA);
        w.u16(6 + 6);
        w.u8(3);
        for (int c = 0; c < 3; c++) {
            w.u8(c + 1);
            w.u8(0);
        }
        w.u8(predictor);
        w.u8(0);
        w.u8(0);
        for (int my = 0; my < height / vMax; my++) {
            for (int mx = 0; mx < width / hMax; mx++) {
                for (int c = 0; c < 3; c++) {
                    int[] p = planes[c];
                    int pw = widths[c];
                    for (int dy = 0; dy < v[c]; dy++) {
                        for (int dx = 0; dx < h[c]; dx++) {
                            int y = my * v[c] + dy;
                            int x = mx * h[c] + dx;
                            int i = y * pw + x;
                            int prediction;
                            if (y == 0) {
                                prediction = x == 0 ? 128 : p[i - 1];
                            } else if (x == 0) {
                                prediction = p[i - pw];
                            } else {
                                int a = p[i - 1];
                                int b = p[i - pw];
                                int cc = p[i - pw - 1];
                                prediction = switch (predictor) {
                                    case 1 -> a;
                                    case 2 -> b;
                                    case 3 -> cc;
                                    case 4 -> a + b - cc;
                                    case 5 -> a + ((b - cc) >> 1);
                                    case 6 -> b + ((a - cc) >> 1);
                                    default -> (a + b) >> 1;
                                };
                            }
                            int coded = JpegLosslessFrameEncoder.category(p[i] - prediction);
                            int s = coded & 0x1F;
                            w.bits(table.code[s], table.length[s]);
                            w.bits(coded >>> 5, s < 16 ? s : 0);
                        }
                    }
                }
            }
        }
        w.flushBits();
        w.marker(0xD9);
        return w.toByteArray();
    }
}
