package org.lumen.dicom.codec.jpegls;

import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;

/** JPEG-LS Lossless (1.2.840.10008.1.2.4.80): NEAR 0, whatever the options say. */
public final class JpegLsLosslessFrameEncoder extends JpegLsFrameEncoder {
    @Override
    public boolean supports(String transferSyntaxUid) {
        return TransferSyntax.JPEG_LS_LOSSLESS.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "JPEG-LS Lossless";
    }

    @Override
    int near(EncodeOptions options) {
        return 0;
    }
}
