package org.lumen.dicom.pixel;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Deflated Image Frame Compression (1.2.840.10008.1.2.8.1): each frame is its native bytes compressed with deflate
 * (RFC 1951, no zlib wrapper).
 */
public final class DeflatedFrameDecoder implements FrameDecoder {
    public static final String DEFLATED_IMAGE_FRAME_COMPRESSION = "1.2.840.10008.1.2.8.1";

    @Override
    public boolean supports(String transferSyntaxUid) {
        return DEFLATED_IMAGE_FRAME_COMPRESSION.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "Deflated Image Frame Compression";
    }

    @Override
    public byte[] decode(byte[] encoded, ImagePixelDescription d) {
        byte[] out = new byte[d.frameLength()];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(encoded);
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int count = inflater.inflate(out, n, out.length - n);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += count;
            }
            if (n < out.length) {
                throw new PixelDataException("Deflated frame inflates to " + n + " bytes, fewer than the " + out.length
                        + " the frame needs");
            }
            return out;
        } catch (DataFormatException e) {
            throw new PixelDataException("Deflated frame is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
