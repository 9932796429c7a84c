package org.lumen.dicom.data;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * New UIDs for the objects Lumen creates (results: SEG, SR, KOS series and instances, dimension organisations). Each is {@code 2.25.} followed by a
 * random (version 4) UUID as an unsigned decimal integer, the PS3.5 B.2 way of making a unique UID without a registered
 * organisation root; 2.25 UIDs are at most 44 characters, well within the 64 a UI allows.
 */
public final class Uids {
    private static final String UUID_ROOT = "2.25.";

    private Uids() {
    }

    /** A UID no one has used before. */
    public static String newUid() {
        UUID uuid = UUID.randomUUID();
        byte[] bits = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return UUID_ROOT + new BigInteger(1, bits);
    }
}
