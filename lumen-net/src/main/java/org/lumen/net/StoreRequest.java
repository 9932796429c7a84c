package org.lumen.net;

/**
 * What a C-STORE request says about the instance it carries.
 *
 * @param moveOriginatorAe the AE that asked for this store through a C-MOVE, or null
 * @param moveOriginatorMessageId its C-MOVE message ID, or -1
 */
public record StoreRequest(String callingAe, String calledAe, String sopClassUid, String sopInstanceUid,
        String transferSyntaxUid, String moveOriginatorAe, int moveOriginatorMessageId, int priority, String remoteAddress) {
}
