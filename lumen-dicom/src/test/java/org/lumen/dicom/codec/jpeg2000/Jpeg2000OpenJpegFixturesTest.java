package org.lumen.dicom.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Codestreams made by OpenJPEG's opj_compress with the features the DICOM corpus does not exercise (tiles, tile-parts,
 * image and tile offsets, quality layers, precincts, all five progression orders, POC, every code-block style flag,
 * SOP/EPH, ROI max-shift, no decomposition, subsampled components, signed 16-bit, 9/7 with layers and bypass). Lossless ones must decode to their
 * source image exactly; lossy ones to within one grey level of opj_decompress. See openjpeg/generate.sh.
 */
class Jpeg2000OpenJpegFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tiles_53, mono12, 0", "layers_lrcp, mono12, 0", "layers_rlcp, mono12, 0", "precincts_rpcl, mono12, 0",
        "precincts_pcrl_tiles, mono12, 0", "rgb_cprl, rgb8, 0", "modes_all, mono12, 0", "bypass_layers, mono12, 0",
        "termall_reset, mono12, 0", "vsc_segmark, mono12, 0", "sop_eph, mono12, 0", "poc, mono12, 0", "roi, mono12, 0",
        "tile_parts, rgb8, 0", "offsets, mono12, 0", "signed16, mono16s, 0", "levels0, mono12, 0",
        "subsampled, subsampled, 0",
        "irreversible, irreversible, 1", "irreversible_layers, irreversible_layers, 1",
        "irreversible_bypass, irreversible_bypass, 1"})
    void decodesLikeOpenJpeg(String fixture, String reference, int tolerance) throws IOException {
        byte[] codestream = resource(fixture + ".j2k", false);
        byte[] expected = resource(reference + ".rawl.gz", true);
        J2kCodestream cs = J2kCodestream.parse(codestream, 0, codestream.length);
        J2kTileDecoder decoder = new J2kTileDecoder(cs);
        decoder.decodeAll();
        int[][] planes = decoder.planes();
        int bytes = cs.precision(0) > 8 ? 2 : 1;
        int pos = 0;
        long max = 0;
        for (int c = 0; c < cs.components(); c++) {
            for (int v : planes[c]) {
                int e;
                if (bytes == 1) {
                    e = cs.isSigned(c) ? expected[pos] : expected[pos] & 0xFF;
                } else {
                    int u = (expected[pos] & 0xFF) | (expected[pos + 1] & 0xFF) << 8;
                    e = cs.isSigned(c) ? (short) u : u;
                }
                pos += bytes;
                max = Math.max(max, Math.abs((long) v - e));
            }
        }
        System.out.printf("JPEG 2000 OpenJPEG fixture %s: max difference %d%n", fixture, max);
        assertThat(pos).as("samples").isEqualTo(expected.length);
        assertThat(max).as("largest difference from the reference").isLessThanOrEqualTo(tolerance);
    }

    private static byte[] resource(String name, boolean gzipped) throws IOException {
        try (InputStream in = Jpeg2000OpenJpegFixturesTest.class.getResourceAsStream("openjpeg/" + name)) {
            assertThat(in).as(name).isNotNull();
            return gzipped ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
    }
}
