package org.lumen.dicom.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a secret: the one source of every replacement value that must be repeatable (UIDs, pseudonyms, date
 * offsets). Each use passes its own domain prefix so that the same text never yields related values for two purposes.
 */
final class KeyedHash {
    static final int MIN_SECRET_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    KeyedHash(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The de-identification secret must have at least " + MIN_SECRET_BYTES
                    + " bytes; got " + (secret == null ? 0 : secret.length));
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The 32-byte HMAC of {@code domain + ':' + text}. */
    byte[] digest(String domain, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((domain + ':' + text).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this Java runtime", e);
        }
    }
}
