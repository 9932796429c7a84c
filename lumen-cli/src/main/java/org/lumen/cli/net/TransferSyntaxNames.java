package org.lumen.cli.net;

import java.util.Locale;
import java.util.Map;
import org.lumen.cli.BadInputException;
import org.lumen.dicom.io.TransferSyntax;

/** Short names for transfer syntaxes on the command line, beside their UIDs. */
final class TransferSyntaxNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("explicit", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
            Map.entry("implicit", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN),
            Map.entry("big", TransferSyntax.EXPLICIT_VR_BIG_ENDIAN),
            Map.entry("deflate", TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN),
            Map.entry("rle", TransferSyntax.RLE_LOSSLESS),
            Map.entry("jpeg-lossless", TransferSyntax.JPEG_LOSSLESS_SV1),
            Map.entry("jpeg-ls", TransferSyntax.JPEG_LS_LOSSLESS),
            Map.entry("jpeg-ls-near", TransferSyntax.JPEG_LS_NEAR_LOSSLESS),
            Map.entry("j2k-lossless", TransferSyntax.JPEG_2000_LOSSLESS),
            Map.entry("j2k", TransferSyntax.JPEG_2000),
            Map.entry("jpeg-baseline", TransferSyntax.JPEG_BASELINE_8BIT),
            Map.entry("jpeg-extended", TransferSyntax.JPEG_EXTENDED_12BIT));

    private TransferSyntaxNames() {
    }

    /** The UID for a name or UID; bad input otherwise. */
    static String resolve(String nameOrUid) {
        String key = nameOrUid.trim().toLowerCase(Locale.ROOT);
        String uid = NAMES.get(key);
        if (uid != null) {
            return uid;
        }
        if (TransferSyntax.isKnown(nameOrUid.trim())) {
            return nameOrUid.trim();
        }
        throw new BadInputException("Unknown transfer syntax '" + nameOrUid + "': use a UID or one of "
                + String.join(", ", new java.util.TreeSet<>(NAMES.keySet())));
    }
}
