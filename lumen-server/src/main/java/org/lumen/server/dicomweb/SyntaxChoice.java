package org.lumen.server.dicomweb;

import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.FrameEncoders;

/**
 * The transfer syntaxes a client accepts for application/dicom, in its order of preference, and the choice for one stored
 * instance: as stored when the client takes that (or {@code transfer-syntax=*}), else the first accepted syntax we can
 * write. A range without the parameter means Explicit VR Little Endian (PS3.18 8.7.3.5.2).
 */
record SyntaxChoice(List<String> accepted, boolean asStored) {
    static final String AS_STORED = "*";

    static SyntaxChoice of(List<MediaType> ranges) {
        List<String> uids = new ArrayList<>();
        boolean any = false;
        for (MediaType m : ranges) {
            String ts = m.parameter("transfer-syntax");
            if (ts == null) {
                ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            }
            if (ts.equals(AS_STORED)) {
                any = true;
            } else if (!uids.contains(ts)) {
                uids.add(ts);
            }
        }
        return new SyntaxChoice(List.copyOf(uids), any);
    }

    /** The syntax to send an instance stored in {@code stored} in, or null when none of the accepted can be written. */
    String forStored(String stored) {
        if (asStored || accepted.contains(stored)) {
            return stored;
        }
        for (String uid : accepted) {
            if (canWrite(uid)) {
                return uid;
            }
        }
        return null;
    }

    /** Whether any instance at all can be sent: checked before the response starts, for a clean 406. */
    boolean anyWritable() {
        return asStored || accepted.stream().anyMatch(SyntaxChoice::canWrite);
    }

    static boolean canWrite(String uid) {
        if (!TransferSyntax.isKnown(uid)) {
            return false;
        }
        TransferSyntax syntax = TransferSyntax.of(uid);
        return !syntax.video() && (syntax.isNative() || FrameEncoders.standard().canEncode(syntax));
    }
}
