package org.lumen.net;

import java.io.IOException;

/**
 * No accepted presentation context fits the request: the caller may transcode to one of {@link #acceptedTransferSyntaxes()}
 * (empty when the SOP class itself was refused) and try again.
 */
public class NoPresentationContextException extends IOException {
    private static final long serialVersionUID = 1L;
    private final java.util.List<String> accepted;

    public NoPresentationContextException(String sopClassUid, String transferSyntaxUid, java.util.List<String> accepted) {
        super("No accepted presentation context for SOP class " + sopClassUid
                + (transferSyntaxUid == null ? "" : " in transfer syntax " + transferSyntaxUid)
                + (accepted.isEmpty() ? "; the peer refused the SOP class" : "; accepted syntaxes: " + accepted));
        this.accepted = java.util.List.copyOf(accepted);
    }

    public java.util.List<String> acceptedTransferSyntaxes() {
        return accepted;
    }
}
