package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.TestData;

/**
 * Frames of every encapsulated JPEG, JPEG-LS and JPEG 2000 file of the corpus are found among their fragments: as many
 * frames as Number of Frames, each beginning with its codec's start marker and ending with an EOI/EOC marker (FFD9) in its
 * last bytes, by offset table, one fragment per frame or marker scan. Extended Offset Tables are built from real files'
 * fragments, as the corpus has none.
 */
class FrameLocatorTest {
    private static final Path ROOT = TestData.data("dicom");

    static Stream<String> compressedFiles() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : TestData.dicomCorpus()) {
            try {
                DicomFile f = DicomReader.read(file, ReadOptions.DEFAULT);
                String uid = f.transferSyntax().uid();
                if (f.dataset().value(Tag.PixelData) instanceof Fragments && uid.startsWith("1.2.840.10008.1.2.4.")) {
                    found.add(ROOT.relativize(file).toString().replace(File.separatorChar, '/'));
                }
            } catch (IOException | RuntimeException e) {
                // unreadable corpus files are the reader's concern
            }
        }
        return found.stream();
    }

    @Test
    void corpusHasManyFragmentedFiles() throws IOException {
        assertThat(compressedFiles().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compressedFiles")
    void everyFrameIsACompleteCodestream(String name) throws IOException {
        DicomFile file = DicomReader.read(TestData.dicom(name));
        Attributes dataset = file.dataset();
        Fragments fragments = dataset.getFragments(Tag.PixelData);
        int frames = ImagePixelDescription.of(dataset).numberOfFrames();
        FrameLocator locator = FrameLocator.locate(fragments, frames, dataset.getBytes(Tag.ExtendedOffsetTable));
        assertThat(locator.frameCount()).isEqualTo(frames);
        for (int k = 0; k < frames; k++) {
            byte[] frame = locator.encodedFrame(k);
            assertThat(FrameLocator.startsFrame(java.util.Arrays.copyOf(frame, Math.min(8, frame.length))))
                    .as("frame %d of %s (%s) starts with a start marker", k, name, locator.strategy()).isTrue();
            assertThat(endsWithEoi(frame)).as("frame %d of %s (%s) ends with FFD9", k, name, locator.strategy()).isTrue();
        }
    }

    @Test
    void strategiesOnKnownFiles() throws IOException {
        String dir = "dicomParser/testImages/encapsulated/multi-frame/";
        assertThat(strategy(dir + "CT0012.fragmented_no_bot_jpeg_ls.80.dcm")).isEqualTo(FrameLocator.Strategy.FRAME_START_MARKERS);
        assertThat(strategy(dir + "CT0012.not_fragmented_bot_jpeg_ls.80.dcm")).isEqualTo(FrameLocator.Strategy.BASIC_OFFSET_TABLE);
        assertThat(strategy(dir + "CT0012.not_fragmented_no_bot_jpeg_ls.80.dcm")).isEqualTo(FrameLocator.Strategy.ONE_FRAGMENT_PER_FRAME);
        assertThat(strategy(dir + "CT0012.not_fragmented_bot_rle.dcm")).isEqualTo(FrameLocator.Strategy.BASIC_OFFSET_TABLE);
        assertThat(strategy("pydicom-data/JPEG-LL.dcm")).isEqualTo(FrameLocator.Strategy.SINGLE_FRAME);
        assertThat(strategy("dicomParser/testImages/encapsulated/single-frame/CT1_UNC.fragmented_bot_jpeg_ls.80.dcm"))
                .isEqualTo(FrameLocator.Strategy.BASIC_OFFSET_TABLE);
        assertThat(strategy("highdicom/data/test_files/sm_image_jpegls_nobot.dcm")).isEqualTo(FrameLocator.Strategy.ONE_FRAGMENT_PER_FRAME);
    }

    @Test
    void extendedOffsetTableBuiltFromTheFragmentsIsUsedAndReadsTheSameFrames() throws IOException {
        DicomFile file = DicomReader.read(TestData.dicom(
                "dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_ls.80.dcm"));
        Fragments fragments = file.dataset().getFragments(Tag.PixelData);
        FrameLocator byMarkers = FrameLocator.locate(fragments, 2, null);
        byte[] table = new byte[16];
        ByteUtils.put64(table, 8, offsetOfItem(fragments, byMarkers.fragmentsOf(1)[0]), false);
        FrameLocator byTable = FrameLocator.locate(fragments, 2, table);
        assertThat(byTable.strategy()).isEqualTo(FrameLocator.Strategy.EXTENDED_OFFSET_TABLE);
        for (int k = 0; k < 2; k++) {
            assertThat(byTable.fragmentsOf(k)).isEqualTo(byMarkers.fragmentsOf(k));
            assertThat(byTable.encodedFrame(k)).isEqualTo(byMarkers.encodedFrame(k));
        }
    }

    @Test
    void tableThatPointsBetweenFragmentsIsPassedOver() throws IOException {
        DicomFile file = DicomReader.read(TestData.dicom(
                "dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_ls.80.dcm"));
        Fragments fragments = file.dataset().getFragments(Tag.PixelData);
        byte[] table = new byte[16];
        ByteUtils.put64(table, 8, 12345, false);
        assertThat(FrameLocator.locate(fragments, 2, table).strategy()).isEqualTo(FrameLocator.Strategy.FRAME_START_MARKERS);
    }

    @Test
    void basicOffsetTableMapsFragmentsOfRealFramesWrappedAsEncapsulatedUncompressed() throws IOException {
        // Native frames of a real 10-frame MR, each split into two fragments, with a Basic Offset Table.
        PixelData nativePixels = PixelData.of(DicomReader.read(TestData.dicom("pydicom-data/emri_small.dcm")));
        Fragments fragments = new Fragments(VR.OB, false);
        int frames = nativePixels.frameCount();
        byte[] offsets = new byte[4 * frames];
        fragments.add(offsets);
        long position = 0;
        for (int k = 0; k < frames; k++) {
            ByteUtils.put32(offsets, 4 * k, (int) position, false);
            byte[] frame = nativePixels.frameBytes(k);
            int half = frame.length / 2;
            fragments.add(java.util.Arrays.copyOfRange(frame, 0, half));
            fragments.add(java.util.Arrays.copyOfRange(frame, half, frame.length));
            position += 16 + frame.length;
        }
        Attributes dataset = DicomReader.read(TestData.dicom("pydicom-data/emri_small.dcm")).dataset().deepCopy();
        dataset.setFragments(Tag.PixelData, fragments);
        PixelData encapsulated = PixelData.of(dataset, TransferSyntax.ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN);
        EncapsulatedFrameSource source = (EncapsulatedFrameSource) encapsulated.frameSource();
        assertThat(source.locator().strategy()).isEqualTo(FrameLocator.Strategy.BASIC_OFFSET_TABLE);
        for (int k = 0; k < frames; k++) {
            assertThat(encapsulated.frameBytes(k)).isEqualTo(nativePixels.frameBytes(k));
        }
    }

    @Test
    void unlocatableFramesFailNamingTheCounts() {
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add(new byte[] {1, 2, 3, 4});
        fragments.add(new byte[] {5, 6, 7, 8});
        fragments.add(new byte[] {9, 10, 11, 12});
        assertThatThrownBy(() -> FrameLocator.locate(fragments, 2, null))
                .isInstanceOf(PixelDataException.class)
                .hasMessageContaining("3 fragments").hasMessageContaining("2 frames").hasMessageContaining("0 fragment(s) begin");
        assertThatThrownBy(() -> FrameLocator.locate(fragments, 4, null))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("3 fragment(s), fewer than the 4 frames");
    }

    private static FrameLocator.Strategy strategy(String name) throws IOException {
        DicomFile file = DicomReader.read(TestData.dicom(name));
        int frames = ImagePixelDescription.of(file.dataset()).numberOfFrames();
        return FrameLocator.locate(file.dataset().getFragments(Tag.PixelData), frames, null).strategy();
    }

    private static long offsetOfItem(Fragments fragments, int item) {
        long offset = 0;
        for (int i = 1; i < item; i++) {
            offset += 8 + fragments.length(i);
        }
        return offset;
    }

    /** FFD9 among the last bytes (fragments are padded to even length, sometimes with more). */
    private static boolean endsWithEoi(byte[] frame) {
        for (int i = frame.length - 2; i >= Math.max(0, frame.length - 16); i--) {
            if ((frame[i] & 0xFF) == 0xFF && (frame[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }
}
