package org.lumen.server.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link Archive} is opened.
 *
 * @param dataDir          the folder that holds the files ({@code files/}), the temporary files ({@code tmp/}) and, by
 *                         default, the embedded H2 index ({@code index/})
 * @param jdbcUrl          the index database; null for the embedded H2 file database in {@code dataDir/index}
 * @param jdbcUser         user for {@code jdbcUrl} (null when none)
 * @param jdbcPassword     password for {@code jdbcUrl} (null when none)
 * @param duplicatePolicy  what a repeated SOP Instance UID does
 * @param studyStable      quiet time after the last instance of a study before {@link Archive#onStudyStable} fires
 * @param maxInstanceBytes largest data set accepted (bytes after the file meta); larger ones fail with
 *                         {@link StoreException.Reason#TOO_LARGE}
 * @param maxPoolSize      largest number of index connections
 */
public record ArchiveConfig(Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword, DuplicatePolicy duplicatePolicy,
        Duration studyStable, long maxInstanceBytes, int maxPoolSize) {

    public static final long DEFAULT_MAX_INSTANCE_BYTES = 2L * 1024 * 1024 * 1024;

    public ArchiveConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(duplicatePolicy, "duplicatePolicy");
        Objects.requireNonNull(studyStable, "studyStable");
        if (maxInstanceBytes <= 0) {
            throw new IllegalArgumentException("maxInstanceBytes must be positive, got " + maxInstanceBytes);
        }
        if (maxPoolSize <= 0) {
            throw new IllegalArgumentException("maxPoolSize must be positive, got " + maxPoolSize);
        }
    }

    /** Embedded H2 in {@code dataDir/index}, KEEP duplicates, study stable after 60 s, instances up to 2 GiB. */
    public static ArchiveConfig of(Path dataDir) {
        return new ArchiveConfig(dataDir, null, null, null, DuplicatePolicy.KEEP, Duration.ofSeconds(60),
                DEFAULT_MAX_INSTANCE_BYTES, 8);
    }

    public ArchiveConfig withJdbc(String url, String user, String password) {
        return new ArchiveConfig(dataDir, url, user, password, duplicatePolicy, studyStable, maxInstanceBytes, maxPoolSize);
    }

    public ArchiveConfig withDuplicatePolicy(DuplicatePolicy policy) {
        return new ArchiveConfig(dataDir, jdbcUrl, jdbcUser, jdbcPassword, policy, studyStable, maxInstanceBytes, maxPoolSize);
    }

    public ArchiveConfig withStudyStable(Duration quiet) {
        return new ArchiveConfig(dataDir, jdbcUrl, jdbcUser, jdbcPassword, duplicatePolicy, quiet, maxInstanceBytes, maxPoolSize);
    }

    public ArchiveConfig withMaxInstanceBytes(long max) {
        return new ArchiveConfig(dataDir, jdbcUrl, jdbcUser, jdbcPassword, duplicatePolicy, studyStable, max, maxPoolSize);
    }

    public ArchiveConfig withMaxPoolSize(int size) {
        return new ArchiveConfig(dataDir, jdbcUrl, jdbcUser, jdbcPassword, duplicatePolicy, studyStable, maxInstanceBytes, size);
    }

    /** The JDBC URL actually used: the configured one, else the embedded H2 file database. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return jdbcUrl;
        }
        // DB_CLOSE_ON_EXIT=FALSE: the archive closes the pool itself; WRITE_DELAY is set to 0 after connecting.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("index").resolve("lumen") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public boolean embeddedH2() {
        return effectiveJdbcUrl().startsWith("jdbc:h2:");
    }
}
