package org.lumen.dicom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;

/**
 * Compares decoded pixel data with a reference: GDCM's {@code gdcmconv --raw} output, or an uncompressed twin.
 * Comparisons are of stored sample values (frame by frame), so that two layouts of the same samples compare equal.
 */
public final class PixelComparison {
    private PixelComparison() {
    }

    /** GDCM's decoding of {@code file} ({@code gdcmconv --raw}), read back; fails the test when gdcmconv fails. */
    public static DicomFile gdcmRaw(Path file, Path tempDir) throws java.io.IOException {
        Path out = tempDir.resolve("gdcm-raw-" + file.getFileName());
        Peers.Result result = Peers.run(120, "gdcmconv", "--raw", file.toString(), out.toString());
        assertThat(result.ok()).as("gdcmconv --raw %s: %s", file, result).isTrue();
        return DicomReader.read(out);
    }

    /**
     * The largest absolute difference between the stored samples of {@code decoded} and {@code reference}, over all
     * frames; fails the test when the images differ in frames, size or samples per pixel.
     */
    public static long maxDifference(PixelData decoded, PixelData reference) {
        ImagePixelDescription a = decoded.description();
        ImagePixelDescription b = reference.description();
        assertThat(a.numberOfFrames()).as("frames").isEqualTo(b.numberOfFrames());
        assertThat(a.rows() + "x" + a.columns() + "x" + a.samplesPerPixel()).as("size")
                .isEqualTo(b.rows() + "x" + b.columns() + "x" + b.samplesPerPixel());
        long max = 0;
        for (int k = 0; k < decoded.frameCount(); k++) {
            int[] ours = decoded.samples(k);
            int[] theirs = reference.samples(k);
            assertThat(ours.length).as("samples in frame %d", k).isEqualTo(theirs.length);
            for (int i = 0; i < ours.length; i++) {
                max = Math.max(max, Math.abs((long) ours[i] - theirs[i]));
            }
        }
        return max;
    }

    /** Fails unless the decoded frames equal the reference's byte for byte (same layout, same bytes). */
    public static void assertSameBytes(PixelData decoded, PixelData reference) {
        assertThat(decoded.frameCount()).as("frames").isEqualTo(reference.frameCount());
        for (int k = 0; k < decoded.frameCount(); k++) {
            byte[] ours = decoded.frameBytes(k);
            byte[] theirs = reference.frameBytes(k);
            int length = decoded.description().frameLength();
            assertThat(theirs.length).as("reference frame %d length", k).isGreaterThanOrEqualTo(length);
            int mismatch = java.util.Arrays.mismatch(ours, 0, length, theirs, 0, length);
            assertThat(mismatch).as("first differing byte of frame %d (of %d)", k, length).isEqualTo(-1);
        }
    }
}
