package org.lumen.dicom.fuzz;

import java.io.IOException;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.transcode.Transcoder;

/**
 * What every frame decoder fuzz target does: the input is a whole Part 10 file (seeded by run-tests with the corpus
 * files of the target's transfer syntaxes, so mutations mostly hit the codestream while the description stays
 * consistent), and every frame of it is decoded. Only our parse and pixel exceptions may escape; any other exception, a
 * hang or running out of memory is a finding. Images whose frames would exceed 4 MiB are passed over: the target is the
 * decoder, not the size of the output array.
 */
final class FuzzedFrames {
    private static final int MAX_FRAME_BYTES = 4 << 20;

    private FuzzedFrames() {
    }

    static void decodeFile(byte[] input) throws IOException {
        try {
            DicomFile file = DicomReader.read(input, "fuzz-input", ReadOptions.INCLUDE_ALL);
            PixelData pixels = PixelData.of(file.dataset(), Transcoder.sourceSyntax(file).uid());
            ImagePixelDescription d = pixels.description();
            if ((long) d.frameLength() > MAX_FRAME_BYTES || d.numberOfFrames() > 64) {
                return;
            }
            for (int k = 0; k < pixels.frameCount(); k++) {
                pixels.frameBytes(k);
            }
        } catch (DicomParseException | PixelDataException expected) {
            // the documented answers to bad input
        }
    }
}
