package org.lumen.dicom.codec.jpegls;

import java.io.IOException;
import java.nio.file.Path;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;

/** Helpers for the JPEG-LS tests: a corpus file's encoded frames and what their codestreams say. */
final class JpegLsTestSupport {
    private JpegLsTestSupport() {
    }

    static EncapsulatedFrameSource source(Path file) throws IOException {
        return (EncapsulatedFrameSource) PixelData.of(DicomReader.read(file)).frameSource();
    }

    static byte[] encodedFrame(Path file, int index) throws IOException {
        return source(file).locator().encodedFrame(index);
    }

    static ImagePixelDescription storedDescription(Path file) throws IOException {
        return source(file).storedDescription();
    }

    /** NEAR of the first SOS segment of {@code codestream}. */
    static int scanNear(byte[] codestream) {
        for (int i = 0; i + 4 < codestream.length; i++) {
            if ((codestream[i] & 0xFF) == 0xFF && (codestream[i + 1] & 0xFF) == 0xDA) {
                int components = codestream[i + 4] & 0xFF;
                return codestream[i + 5 + 2 * components] & 0xFF;
            }
        }
        throw new IllegalArgumentException("no SOS marker");
    }
}
