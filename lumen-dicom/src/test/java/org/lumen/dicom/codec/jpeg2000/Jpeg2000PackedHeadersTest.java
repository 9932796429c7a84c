package org.lumen.dicom.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packed packet headers (PPM in the main header, PPT in the tile-part header): single-tile OpenJPEG fixtures are
 * rewritten with their packet headers moved out of the packets (where each packet lies comes from decoding the original),
 * and must decode to the same samples as the original.
 */
class Jpeg2000PackedHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"layers_lrcp", "sop_eph", "precincts_rpcl", "modes_all", "rgb_cprl"})
    void pptAndPpmDecodeLikeInBandHeaders(String fixture) throws IOException {
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream("openjpeg/" + fixture + ".j2k")) {
            original = in.readAllBytes();
        }
        int sot = firstSot(original);
        int lsot = u16(original, sot + 2);
        int sod = sot + 2 + lsot;
        while (u16(original, sod) != J2kCodestream.SOD) {
            sod += 2 + u16(original, sod + 2);
        }
        int dataStart = sod + 2;
        int dataEnd = original.length - 2;
        assertThat(u16(original, dataEnd)).as("EOC").isEqualTo(J2kCodestream.EOC);

        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        ByteArrayOutputStream bodies = new ByteArrayOutputStream();
        J2kCodestream cs = J2kCodestream.parse(original, 0, original.length);
        assertThat(cs.tiles).hasSize(1);
        J2kTileDecoder reference = new J2kTileDecoder(cs);
        reference.listener((tile, start, headerStart, headerEnd, end) -> {
            bodies.write(original, dataStart + start, headerStart - start);
            headers.write(original, dataStart + headerStart, headerEnd - headerStart);
            bodies.write(original, dataStart + headerEnd, end - headerEnd);
        });
        reference.decodeAll();
        assertThat(headers.size() + bodies.size()).isEqualTo(dataEnd - dataStart);

        byte[] tileHeaderExtra = java.util.Arrays.copyOfRange(original, sot + 2 + lsot, sod);
        byte[] ppt = segments(0xFF61, headers.toByteArray(), false);
        byte[] ppm = segments(0xFF60, headers.toByteArray(), true);

        assertSamePlanes(reference, rebuild(original, sot, new byte[0], concat(tileHeaderExtra, ppt), bodies.toByteArray()));
        assertSamePlanes(reference, rebuild(original, sot, ppm, tileHeaderExtra, bodies.toByteArray()));
    }

    private static void assertSamePlanes(J2kTileDecoder reference, byte[] codestream) {
        J2kTileDecoder decoder = new J2kTileDecoder(J2kCodestream.parse(codestream, 0, codestream.length));
        decoder.decodeAll();
        for (int c = 0; c < reference.planes().length; c++) {
            assertThat(java.util.Arrays.mismatch(decoder.planes()[c], reference.planes()[c])).as("component %d", c).isEqualTo(-1);
        }
    }

    /** Main header (plus extra main-header segments), one tile-part with the given header segments, bodies, EOC. */
    private static byte[] rebuild(byte[] original, int sot, byte[] mainExtra, byte[] tileHeader, byte[] bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, sot);
        out.writeBytes(mainExtra);
        int psot = 12 + tileHeader.length + 2 + bodies.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x90, 0, 10, 0, 0, (byte) (psot >>> 24), (byte) (psot >>> 16),
            (byte) (psot >>> 8), (byte) psot, 0, 1});
        out.writeBytes(tileHeader);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0x93});
        out.writeBytes(bodies);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** PPT or PPM marker segments (Z numbered) holding {@code data}; PPM's data starts with its 4-byte Nppm. */
    private static byte[] segments(int marker, byte[] headers, boolean ppm) {
        byte[] data = headers;
        if (ppm) {
            data = new byte[headers.length + 4];
            int n = headers.length;
            data[0] = (byte) (n >>> 24);
            data[1] = (byte) (n >>> 16);
            data[2] = (byte) (n >>> 8);
            data[3] = (byte) n;
            System.arraycopy(headers, 0, data, 4, n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int chunk = 1000; // several segments, to exercise joining them in Z order
        for (int pos = 0, z = 0; pos < data.length; pos += chunk, z++) {
            int n = Math.min(chunk, data.length - pos);
            int length = 3 + n;
            out.writeBytes(new byte[] {(byte) (marker >>> 8), (byte) marker, (byte) (length >>> 8), (byte) length, (byte) z});
            out.write(data, pos, n);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int firstSot(byte[] d) {
        int pos = 2;
        while (u16(d, pos) != J2kCodestream.SOT) {
            pos += 2 + u16(d, pos + 2);
        }
        return pos;
    }

    private static int u16(byte[] d, int p) {
        return (d[p] & 0xFF) << 8 | d[p + 1] & 0xFF;
    }
}
