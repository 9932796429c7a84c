package org.lumen.net.pdu;

import java.io.IOException;

/**
 * A PDU that breaks PS3.8 section 9.3: a length that does not fit its container or the configured maximum, an unknown PDU
 * type, a truncated item. The message names the PDU and the offending field so that a log line is enough to diagnose the peer.
 * The association answers it with an A-ABORT (or an A-ASSOCIATE-RJ while negotiating).
 */
public class PduFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public PduFormatException(String message) {
        super(message);
    }
}
