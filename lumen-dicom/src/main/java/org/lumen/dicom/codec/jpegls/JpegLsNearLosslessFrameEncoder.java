package org.lumen.dicom.codec.jpegls;

import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;

/** JPEG-LS Lossy (Near-Lossless) (1.2.840.10008.1.2.4.81): NEAR from {@link EncodeOptions#nearLossless()} (default 2). */
public final class JpegLsNearLosslessFrameEncoder extends JpegLsFrameEncoder {
    @Override
    public boolean supports(String transferSyntaxUid) {
        return TransferSyntax.JPEG_LS_NEAR_LOSSLESS.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "JPEG-LS Near-Lossless";
    }

    /** NEAR 0 is lossless even in this syntax. */
    @Override
    public boolean lossy(String transferSyntaxUid, EncodeOptions options) {
        return options.nearLossless() > 0;
    }

    @Override
    int near(EncodeOptions options) {
        return options.nearLossless();
    }
}
