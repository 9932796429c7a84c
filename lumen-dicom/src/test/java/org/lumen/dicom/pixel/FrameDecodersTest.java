package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.TestData;

class FrameDecodersTest {

    @Test
    void compressedSyntaxWithoutDecoderFailsNamingIt() {
        // JPEG Lossless, Hierarchical (Process 28), retired: no codec of Lumen's decodes hierarchical JPEG.
        assertThatThrownBy(() -> FrameDecoders.standard().forTransferSyntax(TransferSyntax.of("1.2.840.10008.1.2.4.65")))
                .isInstanceOf(PixelDataException.class)
                .hasMessageContaining("1.2.840.10008.1.2.4.65")
                .hasMessageContaining("RLE Lossless");
    }

    @Test
    void videoSyntaxesAreRefusedByName() {
        assertThatThrownBy(() -> FrameDecoders.standard().forTransferSyntax(TransferSyntax.of("1.2.840.10008.1.2.4.102")))
                .isInstanceOf(PixelDataException.class)
                .hasMessageContaining("MPEG-4 AVC/H.264 High Profile / Level 4.1 (1.2.840.10008.1.2.4.102)")
                .hasMessageContaining("video");
        assertThatThrownBy(() -> FrameDecoders.standard().forTransferSyntax(TransferSyntax.of("1.2.840.10008.1.2.4.107")))
                .hasMessageContaining("HEVC/H.265");
    }

    @Test
    void standardRegistryHasTheBuiltInDecoders() {
        assertThat(FrameDecoders.standard().forTransferSyntax(TransferSyntax.of(TransferSyntax.RLE_LOSSLESS)))
                .isInstanceOf(RleFrameDecoder.class);
        assertThat(FrameDecoders.standard().forTransferSyntax(TransferSyntax.of(DeflatedFrameDecoder.DEFLATED_IMAGE_FRAME_COMPRESSION)))
                .isInstanceOf(DeflatedFrameDecoder.class);
    }

    @Test
    void addedDecoderReceivesEachFrameAsOneCodestream() throws Exception {
        String dir = "dicomParser/testImages/encapsulated/multi-frame/";
        PixelData uncompressed = PixelData.of(DicomReader.read(TestData.dicom(dir + "CT0012.explicit_little_endian.dcm")));
        List<byte[]> received = Collections.synchronizedList(new ArrayList<>());
        FrameDecoder lookup = new FrameDecoder() {
            @Override
            public boolean supports(String uid) {
                return TransferSyntax.JPEG_LS_LOSSLESS.equals(uid);
            }

            @Override
            public byte[] decode(byte[] encoded, ImagePixelDescription d) {
                received.add(encoded);
                return uncompressed.frameBytes(received.size() - 1);
            }
        };
        var file = DicomReader.read(TestData.dicom(dir + "CT0012.fragmented_no_bot_jpeg_ls.80.dcm"));
        PixelData pixels = PixelData.of(file.dataset(), file.transferSyntax().uid(), FrameDecoders.standard().with(lookup));
        assertThat(pixels.frameBytes(0)).isEqualTo(uncompressed.frameBytes(0));
        assertThat(pixels.frameBytes(1)).isEqualTo(uncompressed.frameBytes(1));
        assertThat(received).hasSize(2).allSatisfy(encoded -> assertThat(encoded[0] & 0xFF).isEqualTo(0xFF));
        assertThat(received.get(0)[1] & 0xFF).isEqualTo(0xD8);
    }

    @Test
    void deflatedImageFramesEqualTheirUncompressedTwins() throws Exception {
        for (String[] pair : new String[][] {{"liver_deflate.dcm", "liver.dcm"},
                {"liver_nonbyte_aligned_deflate.dcm", "liver_nonbyte_aligned.dcm"}}) {
            PixelData deflated = PixelData.of(DicomReader.read(TestData.dicom("pydicom-data/" + pair[0])));
            PixelData twin = PixelData.of(DicomReader.read(TestData.dicom("pydicom-data/" + pair[1])));
            assertThat(deflated.frameCount()).isEqualTo(3).isEqualTo(twin.frameCount());
            for (int k = 0; k < twin.frameCount(); k++) {
                assertThat(deflated.frameBytes(k)).as("%s frame %d", pair[0], k).isEqualTo(twin.frameBytes(k));
                assertThat(deflated.samples(k)).isEqualTo(twin.samples(k));
            }
        }
    }

    @Test
    void decodeAllInParallelEqualsFrameByFrame() throws Exception {
        PixelData pixels = PixelData.of(DicomReader.read(TestData.dicom("pydicom/test_files/rtdose_rle.dcm")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<byte[]> all = pixels.decodeAll(pool);
            assertThat(all).hasSize(15);
            for (int k = 0; k < all.size(); k++) {
                assertThat(all.get(k)).as("frame %d", k).isEqualTo(pixels.frameBytes(k));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void decodeAllReportsTheFailingFrame() throws Exception {
        var file = DicomReader.read(TestData.dicom("pydicom/test_files/rtdose_rle.dcm"));
        FrameDecoder corruptHeader = new FrameDecoder() {
            private final RleFrameDecoder rle = new RleFrameDecoder();

            @Override
            public boolean supports(String uid) {
                return rle.supports(uid);
            }

            @Override
            public byte[] decode(byte[] encoded, ImagePixelDescription d) {
                byte[] corrupt = encoded.clone();
                corrupt[0] = 9; // a segment count of 9: not what 32-bit grey needs
                return rle.decode(corrupt, d);
            }
        };
        PixelData pixels = PixelData.of(file.dataset(), file.transferSyntax().uid(), FrameDecoders.standard().with(corruptHeader));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThatThrownBy(() -> pixels.decodeAll(pool)).isInstanceOf(PixelDataException.class)
                    .hasMessageContaining("RLE Lossless (1.2.840.10008.1.2.5)")
                    .hasMessageContaining("RLE frame has 9 segment(s); 1 sample(s) of 32 bits need 4");
        } finally {
            pool.shutdown();
        }
    }
}
