package org.lumen.dicom.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;

/**
 * The JPEG Lossless encoder on real corpus images (8, 12 and 16-bit, signed and unsigned, monochrome and RGB): the file
 * it writes must decode to the original frames exactly through our decoder, GDCM ({@code gdcmconv --raw}) and dcmtk
 * ({@code dcmdjpeg}).
 */
class JpegLosslessEncoderRoundTripTest {
    private final JpegLosslessFrameEncoder encoder = new JpegLosslessFrameEncoder();
    private final JpegFrameDecoder decoder = new JpegFrameDecoder();

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "pydicom/test_files/image_dfl.dcm, 1.2.840.10008.1.2.4.70",
        "dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm, 1.2.840.10008.1.2.4.70",
        "dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_lossless.70.dcm, 1.2.840.10008.1.2.4.57",
        "pydicom/test_files/CT_small.dcm, 1.2.840.10008.1.2.4.70",
        "pydicom/test_files/MR_small.dcm, 1.2.840.10008.1.2.4.57",
        "pydicom-data/JPEG-LL.dcm, 1.2.840.10008.1.2.4.57",
        "pydicom/test_files/examples_rgb_color.dcm, 1.2.840.10008.1.2.4.70",
        "pydicom-data/SC_rgb_16bit.dcm, 1.2.840.10008.1.2.4.70",
        "pydicom/test_files/SC_rgb_dcmtk_+eb+cy+s4.dcm, 1.2.840.10008.1.2.4.57",
    })
    void roundTripsExactlyThroughAllThreeDecoders(String name, String syntax, @TempDir Path temp) throws Exception {
        DicomFile source = DicomReader.read(TestData.dicom(name));
        PixelData original = PixelData.of(source);
        Attributes encoded = org.lumen.dicom.transcode.Transcoder.transcode(source, syntax);
        Path file = temp.resolve("encoded.dcm");
        DicomWriter.write(file, null, encoded, syntax); // fresh meta: the source's names its old syntax
        DicomFile written = DicomReader.read(file);
        assertThat(written.transferSyntax().uid()).isEqualTo(syntax);

        PixelData ours = PixelData.of(written);
        assertThat(ours.description().photometric()).isEqualTo(original.description().photometric());
        PixelComparison.assertSameBytes(ours, original);

        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(file, temp));
        assertThat(gdcm.description().photometric()).isEqualTo(original.description().photometric());
        PixelComparison.assertSameBytes(gdcm, original);

        Path dcmtkOut = temp.resolve("dcmdjpeg.dcm");
        // +cn: dcmdjpeg by default turns YBR_FULL into RGB as it decodes; the stream holds YBR_FULL, as given.
        Peers.Result result = Peers.run(120, "dcmdjpeg", "+cn", file.toString(), dcmtkOut.toString());
        assertThat(result.ok()).as("dcmdjpeg: %s", result).isTrue();
        PixelData dcmtk = PixelData.of(DicomReader.read(dcmtkOut));
        assertThat(dcmtk.description().photometric()).isEqualTo(original.description().photometric());
        PixelComparison.assertSameBytes(dcmtk, original);

        long size = 0;
        for (int k = 0; k < original.frameCount(); k++) {
            size += original.frameBytes(k).length;
        }
        System.out.printf("JPEG Lossless encode %-70s %s: %d -> %d bytes%n", name, original.description(), size,
                java.nio.file.Files.size(file));
    }

    /** Restart intervals (DRI, RSTn, predictions restarted), which the corpus lacks: ours and GDCM's decoding exact. */
    @Test
    void restartIntervalsDecodeExactly(@TempDir Path temp) throws Exception {
        for (String name : new String[] {"pydicom/test_files/CT_small.dcm", "pydicom/test_files/examples_rgb_color.dcm"}) {
            DicomFile source = DicomReader.read(TestData.dicom(name));
            PixelData original = PixelData.of(source);
            ImagePixelDescription d = original.description();
            byte[] frame = original.frameBytes(0);
            for (int lines : new int[] {1, 3, 7}) {
                byte[] encoded = new JpegLosslessFrameEncoder(lines).encode(frame, d, EncodeOptions.DEFAULT);
                assertThat(java.util.Arrays.mismatch(decoder.decode(encoded, d), frame)).as("%s, %d lines", name, lines)
                        .isEqualTo(-1);
            }
            // Through GDCM: the whole file with restart markers every 5 lines.
            Attributes ds = source.dataset().deepCopy();
            byte[] encoded = new JpegLosslessFrameEncoder(5).encode(frame, d, EncodeOptions.DEFAULT);
            org.lumen.dicom.data.Fragments fragments = new org.lumen.dicom.data.Fragments(org.lumen.dicom.data.VR.OB, false);
            fragments.add(new byte[0]);
            fragments.add(encoded.length % 2 == 0 ? encoded : java.util.Arrays.copyOf(encoded, encoded.length + 1));
            ds.setFragments(org.lumen.dicom.data.Tag.PixelData, fragments);
            ds.remove(org.lumen.dicom.data.Tag.NumberOfFrames);
            Path file = temp.resolve("restart.dcm");
            DicomWriter.write(file, null, ds, TransferSyntax.JPEG_LOSSLESS_SV1);
            PixelComparison.assertSameBytes(PixelData.of(PixelComparison.gdcmRaw(file, temp)), original);
            PixelComparison.assertSameBytes(PixelData.of(DicomReader.read(file)), original);
        }
    }

    /**
     * Signed 12-bit samples whose container bits above bit 11 are zero (not sign-extended) are coded at 12-bit precision;
     * GDCM and our decoder give them back sign-extended (the same sample values), dcmtk as they were.
     */
    @Test
    void signedTwelveBitWithoutSignExtensionDecodesAsGdcm(@TempDir Path temp) throws Exception {
        DicomFile ct = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"));
        byte[] px = PixelData.of(ct).frameBytes(0);
        byte[] extended = px.clone();
        for (int i = 0; i < px.length; i += 2) {
            int v = Math.max(-2048, Math.min(2047, (short) ((px[i] & 0xFF) | px[i + 1] << 8) - 600));
            px[i] = (byte) v;
            px[i + 1] = (byte) ((v >> 8) & 0x0F);
            extended[i] = (byte) v;
            extended[i + 1] = (byte) (v >> 8);
        }
        Attributes ds = ct.dataset();
        ds.setInt(org.lumen.dicom.data.Tag.BitsStored, org.lumen.dicom.data.VR.US, 12);
        ds.setInt(org.lumen.dicom.data.Tag.HighBit, org.lumen.dicom.data.VR.US, 11);
        ds.setBytes(org.lumen.dicom.data.Tag.PixelData, org.lumen.dicom.data.VR.OW, px);
        Path nativeFile = temp.resolve("native.dcm");
        DicomWriter.write(nativeFile, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomFile source = DicomReader.read(nativeFile);
        Path file = temp.resolve("jpeg.dcm");
        DicomWriter.write(file, null, org.lumen.dicom.transcode.Transcoder.transcode(source, TransferSyntax.JPEG_LOSSLESS_SV1),
                TransferSyntax.JPEG_LOSSLESS_SV1);
        byte[] ours = PixelData.of(DicomReader.read(file)).frameBytes(0);
        byte[] gdcm = PixelData.of(PixelComparison.gdcmRaw(file, temp)).frameBytes(0);
        assertThat(java.util.Arrays.mismatch(ours, extended)).as("ours against the sign-extended samples").isEqualTo(-1);
        assertThat(java.util.Arrays.mismatch(gdcm, extended)).as("GDCM against the sign-extended samples").isEqualTo(-1);
        assertThat(PixelComparison.maxDifference(PixelData.of(DicomReader.read(file)), PixelData.of(source))).isZero();
    }

    /** Synthetic frames for what the corpus lacks: every precision 2-16, signed 12 of 16 bits sign-extended, planar RGB. */
    @Test
    void everyPrecisionSignedAndPlanarRoundTrip() {
        Random random = new Random(7);
        for (int bits = 2; bits <= 16; bits++) {
            int allocated = bits <= 8 ? 8 : 16;
            for (int signed = 0; signed <= 1; signed++) {
                ImagePixelDescription d = new ImagePixelDescription(37, 53, 1, allocated, bits, bits - 1, signed, 0,
                        Photometric.MONOCHROME2, 1, org.lumen.dicom.data.Tag.PixelData);
                byte[] frame = new byte[d.frameLength()];
                for (int i = 0; i < d.pixelsPerFrame(); i++) {
                    int v = smooth(i, d.columns(), bits, random);
                    if (signed == 1) {
                        v = (v << (32 - bits)) >> (32 - bits); // sign-extended into the container
                    }
                    frame[i * allocated / 8] = (byte) v;
                    if (allocated == 16) {
                        frame[i * 2 + 1] = (byte) (v >> 8);
                    }
                }
                assertRoundTrip(frame, d);
            }
        }
        ImagePixelDescription rgb = new ImagePixelDescription(20, 30, 3, 16, 16, 15, 0, 1, Photometric.RGB, 1,
                org.lumen.dicom.data.Tag.PixelData);
        byte[] planar = new byte[rgb.frameLength()];
        random.nextBytes(planar);
        byte[] decoded = decoder.decode(encoder.encode(planar, rgb, EncodeOptions.DEFAULT), rgb);
        // Decoded frames are interleaved (Planar Configuration 0), as the encoded description says.
        assertThat(encoder.encodedDescription(rgb, EncodeOptions.DEFAULT).planarConfiguration()).isZero();
        int pixels = rgb.pixelsPerFrame();
        for (int i = 0; i < pixels; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(decoded[(i * 3 + c) * 2]).isEqualTo(planar[(c * pixels + i) * 2]);
                assertThat(decoded[(i * 3 + c) * 2 + 1]).isEqualTo(planar[(c * pixels + i) * 2 + 1]);
            }
        }
    }

    private static int smooth(int i, int columns, int bits, Random random) {
        int x = i % columns;
        int y = i / columns;
        int max = (1 << bits) - 1;
        int v = (int) ((Math.sin(x / 5.0) + Math.cos(y / 7.0) + 2) / 4 * max) + random.nextInt(3) - 1;
        return random.nextInt(50) == 0 ? random.nextInt(max + 1) : Math.max(0, Math.min(max, v));
    }

    private void assertRoundTrip(byte[] frame, ImagePixelDescription d) {
        byte[] encoded = encoder.encode(frame, d, EncodeOptions.DEFAULT);
        byte[] decoded = decoder.decode(encoded, encoder.encodedDescription(d, EncodeOptions.DEFAULT));
        assertThat(java.util.Arrays.mismatch(decoded, frame)).as("first differing byte for %s", d).isEqualTo(-1);
    }

    @Test
    void refusesSubsampledAndFloatFrames() {
        ImagePixelDescription ybr = new ImagePixelDescription(4, 4, 3, 8, 8, 7, 0, 0, Photometric.YBR_FULL_422, 1,
                org.lumen.dicom.data.Tag.PixelData);
        assertThatThrownBy(() -> encoder.encodedDescription(ybr, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("YBR_FULL_422");
        ImagePixelDescription wide = new ImagePixelDescription(4, 4, 1, 32, 32, 31, 0, 0, Photometric.MONOCHROME2, 1,
                org.lumen.dicom.data.Tag.PixelData);
        assertThatThrownBy(() -> encoder.encodedDescription(wide, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("Bits Allocated 32");
        assertThat(encoder.supports(TransferSyntax.JPEG_LOSSLESS_SV1)).isTrue();
    }
}
