package org.lumen.dicom.deid;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Replaces UIDs for the U action: each original UID maps to {@code 2.25.<integer>}, the integer being 128 bits of an
 * HMAC of the original under a secret, formatted as a version-8 (RFC 9562) UUID as PS3.5 B.2 asks of 2.25 UIDs. The
 * same original always yields the same replacement under one secret, so references between instances (studies, series,
 * frames of reference, referenced SOP instances) stay consistent across files and calls without keeping state, while
 * nobody without the secret can link a replacement to its original. UIDs under {@code 1.2.840.10008.} (SOP classes,
 * transfer syntaxes and the other UIDs the standard defines) are never replaced.
 */
public final class UidMapper {
    private static final String STANDARD_ROOT = "1.2.840.10008.";
    private static final String UUID_ROOT = "2.25.";
    private static final int PSEUDONYM_HEX_DIGITS = 16;

    private final KeyedHash hash;

    /** A mapper under the given secret (at least 16 bytes); keep the secret to reproduce the mapping later. */
    public UidMapper(byte[] secret) {
        this.hash = new KeyedHash(secret);
    }

    /** A mapper under a fresh random secret: consistent within this object's life only. */
    public static UidMapper withRandomSecret() {
        return new UidMapper(KeyedHash.randomSecret());
    }

    /** True for UIDs the standard defines (under 1.2.840.10008.), which identify no patient and are kept. */
    public static boolean isWellKnown(String uid) {
        return uid.startsWith(STANDARD_ROOT);
    }

    /** The replacement of {@code uid} (trimmed); well-known and empty UIDs come back unchanged. */
    public String map(String uid) {
        String original = uid.trim();
        if (original.isEmpty() || isWellKnown(original)) {
            return original;
        }
        byte[] bits = Arrays.copyOf(hash.digest("uid", original), 16);
        bits[6] = (byte) ((bits[6] & 0x0F) | 0x80);
        bits[8] = (byte) ((bits[8] & 0x3F) | 0x80);
        return UUID_ROOT + new BigInteger(1, bits);
    }

    /**
     * A pseudonym for an identifier such as Patient ID: {@code ANON} and 16 hex digits of the keyed hash. Different
     * patients keep different pseudonyms, so de-identified studies do not merge under one dummy identifier.
     */
    public String pseudonym(String identifier) {
        byte[] digest = hash.digest("identifier", identifier.trim());
        StringBuilder sb = new StringBuilder("ANON");
        for (int i = 0; sb.length() < 4 + PSEUDONYM_HEX_DIGITS; i++) {
            sb.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
