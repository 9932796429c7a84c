package org.lumen.server.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where files go under the data folder: {@code files/<s0s1>/<study>/<series>/<sop>.<token>.dcm}, each name the first 16 hex
 * digits of the SHA-256 of the UID (UIDs can be 64 characters of digits and dots; hashing keeps paths short and spreads
 * studies over 256 top folders). The random token makes a replacing copy a new name, so a crash between its rename and
 * its index commit never leaves the index pointing at bytes it did not hash.
 */
final class FileLayout {
    static final String FILES = "files";
    static final String TMP = "tmp";
    static final String SUFFIX = ".dcm";
    static final String TEMP_SUFFIX = ".part";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataDir;

    FileLayout(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path filesDir() {
        return dataDir.resolve(FILES);
    }

    Path tmpDir() {
        return dataDir.resolve(TMP);
    }

    /** A new relative path (with '/' separators) for an instance. */
    String newRelativePath(String studyUid, String seriesUid, String sopUid) {
        String study = hash(studyUid);
        return FILES + "/" + study.substring(0, 2) + "/" + study + "/" + hash(seriesUid) + "/" + hash(sopUid) + "."
                + HexFormat.of().toHexDigits(RANDOM.nextInt()) + SUFFIX;
    }

    Path resolve(String relativePath) {
        return dataDir.resolve(relativePath);
    }

    String relativize(Path file) {
        return dataDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    Path newTempFile() {
        return tmpDir().resolve(Long.toHexString(RANDOM.nextLong()) + TEMP_SUFFIX);
    }

    static String hash(String uid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
