package org.lumen.server.index;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.lumen.server.archive.DuplicatePolicy;
import org.lumen.server.archive.QueryLevel;
import org.lumen.server.archive.StoredInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata index: patient / study / series / instance rows in a JDBC database (embedded H2 or PostgreSQL), schema from
 * the Flyway migrations in {@code db/migration}. Every write is one transaction run through {@link #inTransaction}, which
 * retries constraint races (two stores creating the same study) and serialisation failures with jittered backoff.
 */
public final class ArchiveIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIndex.class);
    private static final int MAX_ATTEMPTS = 12;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Path dataDir;
    private final boolean h2;

    private ArchiveIndex(HikariDataSource dataSource, Path dataDir) {
        this.dataSource = dataSource;
        this.h2 = dataSource.getJdbcUrl().startsWith("jdbc:h2:");
        this.jdbi = Jdbi.create(dataSource);
        this.dataDir = dataDir;
    }

    /** Opens the database, migrating its schema to the current version. */
    public static ArchiveIndex open(String jdbcUrl, String user, String password, int maxPoolSize, Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(1);
        config.setPoolName("lumen-index");
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            ArchiveIndex index = new ArchiveIndex(dataSource, dataDir);
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                // H2 flushes committed transactions to its file only every 500 ms by default; a killed process would lose
                // them. 0 writes at every commit, so an acknowledged store survives kill -9.
                index.jdbi.useHandle(h -> h.execute("SET WRITE_DELAY 0"));
            }
            return index;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Whether the database is H2 (for the few H2-only planner hints). */
    public boolean h2() {
        return h2;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    // ---- transactions ----------------------------------------------------------------------------------------------

    /** Runs {@code work} in one transaction, retrying races on unique keys and serialisation failures. */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                LOG.debug("Index transaction attempt {} lost a race, retrying: {}", attempt, e.toString());
                backoff(attempt);
            }
        }
    }

    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("23") || state.startsWith("40") || state.equals("HYT00"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void backoff(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 1L << Math.min(attempt + 1, 8));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an index transaction", e);
        }
    }

    // ---- writing ---------------------------------------------------------------------------------------------------

    /** What {@link #commit} did. {@code previous} is the instance replaced or kept (null when the SOP UID was new). */
    public record CommitResult(Outcome outcome, StoredInstance previous) {
        public enum Outcome { STORED, REPLACED, KEPT, REJECTED }
    }

    /** Adds the instance's rows, applying the duplicate policy to an already indexed SOP Instance UID. */
    public CommitResult commit(IndexedInstance record, DuplicatePolicy policy) {
        return inTransaction(h -> {
            Optional<StoredInstance> existing = instance(h, record.sopUid());
            if (existing.isPresent()) {
                switch (policy) {
                    case KEEP:
                        return new CommitResult(CommitResult.Outcome.KEPT, existing.get());
                    case REJECT:
                        return new CommitResult(CommitResult.Outcome.REJECTED, existing.get());
                    case REPLACE:
                        deleteInstance(h, record.sopUid());
                        break;
                    default:
                        throw new IllegalStateException(policy.name());
                }
            }
            insert(h, record);
            return new CommitResult(existing.isPresent() ? CommitResult.Outcome.REPLACED : CommitResult.Outcome.STORED,
                    existing.orElse(null));
        });
    }

    private void insert(Handle h, IndexedInstance r) {
        long patient = patientPk(h, r);
        long study = studyPk(h, r, patient);
        long series = seriesPk(h, r, study);
        Map<String, String> image = r.values().get(QueryLevel.IMAGE);
        h.createUpdate("INSERT INTO instance (series_fk, sop_uid, sop_class_uid, instance_number, transfer_syntax, num_frames,"
                        + " num_rows, num_columns, content_date, content_time, file_path, file_size, sha256, received_at,"
                        + " source_ae, charset) VALUES (:series, :sop_uid, :sop_class_uid, :instance_number, :ts, :num_frames,"
                        + " :num_rows, :num_columns, :content_date, :content_time, :path, :size, :sha, :received, :source, :charset)")
                .bindMap(image)
                .bind("series", series)
                .bind("ts", r.transferSyntaxUid())
                .bind("path", r.relativePath())
                .bind("size", r.size())
                .bind("sha", r.sha256())
                .bind("received", OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC))
                .bind("source", truncate(r.sourceAet(), 64))
                .bind("charset", r.charset())
                .execute();
        h.createUpdate("UPDATE series SET num_instances = num_instances + 1 WHERE pk = :pk").bind("pk", series).execute();
        h.createUpdate("UPDATE study SET num_instances = num_instances + 1, updated_at = :now WHERE pk = :pk")
                .bind("pk", study).bind("now", OffsetDateTime.now(ZoneOffset.UTC)).execute();
    }

    private long patientPk(Handle h, IndexedInstance r) {
        String key = r.patientKey();
        Optional<Long> pk = h.createQuery("SELECT pk FROM patient WHERE patient_key = :k").bind("k", key).mapTo(Long.class).findOne();
        if (pk.isPresent()) {
            return pk.get();
        }
        Map<String, String> v = r.values().get(QueryLevel.PATIENT);
        String[] pn = PersonNames.groups(v.get("patient_name"));
        return h.createUpdate("INSERT INTO patient (patient_key, patient_id, issuer, patient_name, pn_alpha, pn_ideo, pn_phon,"
                        + " birth_date, sex, charset) VALUES (:key, :patient_id, :issuer, :patient_name, :a, :i, :ph, :birth_date,"
                        + " :sex, :charset)")
                .bindMap(v).bind("key", key).bind("a", pn[0]).bind("i", pn[1]).bind("ph", pn[2]).bind("charset", r.charset())
                .executeAndReturnGeneratedKeys("pk").mapTo(Long.class).one();
    }

    private long studyPk(Handle h, IndexedInstance r, long patient) {
        Optional<Long> pk = h.createQuery("SELECT pk FROM study WHERE study_uid = :u").bind("u", r.studyUid()).mapTo(Long.class)
                .findOne();
        if (pk.isPresent()) {
            return pk.get();
        }
        Map<String, String> v = r.values().get(QueryLevel.STUDY);
        String[] pn = PersonNames.groups(v.get("ref_physician"));
        return h.createUpdate("INSERT INTO study (patient_fk, study_uid, study_date, study_time, accession, ref_physician,"
                        + " ref_pn_alpha, ref_pn_ideo, ref_pn_phon, study_id, study_description, modalities, num_series,"
                        + " num_instances, charset, updated_at) VALUES (:patient, :study_uid, :study_date, :study_time, :accession,"
                        + " :ref_physician, :a, :i, :ph, :study_id, :study_description, NULL, 0, 0, :charset, :now)")
                .bindMap(v).bind("patient", patient).bind("a", pn[0]).bind("i", pn[1]).bind("ph", pn[2])
                .bind("charset", r.charset()).bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("pk").mapTo(Long.class).one();
    }

    private long seriesPk(Handle h, IndexedInstance r, long study) {
        Optional<Long> pk = h.createQuery("SELECT pk FROM series WHERE series_uid = :u").bind("u", r.seriesUid()).mapTo(Long.class)
                .findOne();
        if (pk.isPresent()) {
            return pk.get();
        }
        Map<String, String> v = r.values().get(QueryLevel.SERIES);
        long created = h.createUpdate("INSERT INTO series (study_fk, series_uid, modality, series_number, series_description,"
                        + " body_part, series_date, series_time, pps_start_date, pps_start_time, num_instances, charset) VALUES"
                        + " (:study, :series_uid, :modality, :series_number, :series_description, :body_part, :series_date,"
                        + " :series_time, :pps_start_date, :pps_start_time, 0, :charset)")
                .bindMap(v).bind("study", study).bind("charset", r.charset())
                .executeAndReturnGeneratedKeys("pk").mapTo(Long.class).one();
        h.createUpdate("UPDATE study SET num_series = num_series + 1 WHERE pk = :pk").bind("pk", study).execute();
        refreshModalities(h, study);
        return created;
    }

    private static void refreshModalities(Handle h, long study) {
        List<String> modalities = h.createQuery("SELECT DISTINCT modality FROM series WHERE study_fk = :s AND modality IS NOT NULL"
                        + " ORDER BY modality").bind("s", study).mapTo(String.class).list();
        String joined = String.join("\\", modalities);
        h.createUpdate("UPDATE study SET modalities = :m WHERE pk = :pk").bind("m", joined.isEmpty() ? null : truncate(joined, 1000))
                .bind("pk", study).execute();
    }

    /** Removes an instance row and any series, study and patient left empty by it. */
    private void deleteInstance(Handle h, String sopUid) {
        Optional<Map<String, Object>> row = h.createQuery("SELECT i.pk AS ipk, se.pk AS sepk, st.pk AS stpk, st.patient_fk AS ppk"
                        + " FROM instance i JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk"
                        + " WHERE i.sop_uid = :u").bind("u", sopUid).mapToMap().findOne();
        if (row.isEmpty()) {
            return;
        }
        long series = ((Number) row.get().get("sepk")).longValue();
        long study = ((Number) row.get().get("stpk")).longValue();
        long patient = ((Number) row.get().get("ppk")).longValue();
        h.createUpdate("DELETE FROM instance WHERE pk = :pk").bind("pk", ((Number) row.get().get("ipk")).longValue()).execute();
        h.createUpdate("UPDATE series SET num_instances = num_instances - 1 WHERE pk = :pk").bind("pk", series).execute();
        h.createUpdate("UPDATE study SET num_instances = num_instances - 1 WHERE pk = :pk").bind("pk", study).execute();
        if (h.createUpdate("DELETE FROM series WHERE pk = :pk AND num_instances = 0").bind("pk", series).execute() > 0) {
            h.createUpdate("UPDATE study SET num_series = num_series - 1 WHERE pk = :pk").bind("pk", study).execute();
            refreshModalities(h, study);
            if (h.createUpdate("DELETE FROM study WHERE pk = :pk AND num_series = 0").bind("pk", study).execute() > 0) {
                h.createUpdate("DELETE FROM patient WHERE pk = :pk AND NOT EXISTS (SELECT 1 FROM study WHERE patient_fk = :pk)")
                        .bind("pk", patient).execute();
            }
        }
    }

    /** Removes the rows of one instance (and emptied parents); true when it was indexed. */
    public boolean remove(String sopUid) {
        return inTransaction(h -> {
            boolean present = instance(h, sopUid).isPresent();
            deleteInstance(h, sopUid);
            return present;
        });
    }

    /** Empties the index (before a reindex). */
    public void clear() {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM instance");
            h.execute("DELETE FROM series");
            h.execute("DELETE FROM study");
            h.execute("DELETE FROM patient");
        });
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    private static final String STORED_SELECT = "SELECT st.study_uid, se.series_uid, i.sop_uid, i.sop_class_uid, i.transfer_syntax,"
            + " i.file_path, i.file_size, i.sha256, i.received_at, i.source_ae, i.pk FROM instance i"
            + " JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk";

    public Optional<StoredInstance> instance(String sopUid) {
        return jdbi.withHandle(h -> instance(h, sopUid));
    }

    private Optional<StoredInstance> instance(Handle h, String sopUid) {
        return h.createQuery(STORED_SELECT + " WHERE i.sop_uid = :u").bind("u", sopUid).map((rs, ctx) -> stored(rs)).findOne();
    }

    /** The instances of a study, optionally narrowed to a series and an instance, in series then instance order. */
    public List<StoredInstance> instances(String studyUid, String seriesUid, String sopUid) {
        StringBuilder sql = new StringBuilder(STORED_SELECT).append(" WHERE st.study_uid = :study");
        if (seriesUid != null) {
            sql.append(" AND se.series_uid = :series");
        }
        if (sopUid != null) {
            sql.append(" AND i.sop_uid = :sop");
        }
        sql.append(" ORDER BY se.pk, i.pk");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("study", studyUid);
            if (seriesUid != null) {
                q.bind("series", seriesUid);
            }
            if (sopUid != null) {
                q.bind("sop", sopUid);
            }
            return q.map((rs, ctx) -> stored(rs)).list();
        });
    }

    /** Every indexed instance, in pages (for verify): calls {@code each} in primary key order. */
    public void forEachInstance(Consumer<StoredInstance> each) {
        long after = -1;
        while (true) {
            long from = after;
            List<Object[]> page = jdbi.withHandle(h -> h.createQuery(STORED_SELECT + " WHERE i.pk > :after ORDER BY i.pk")
                    .bind("after", from).setMaxRows(1000)
                    .map((rs, ctx) -> new Object[] {stored(rs), rs.getLong("pk")}).list());
            if (page.isEmpty()) {
                return;
            }
            for (Object[] row : page) {
                each.accept((StoredInstance) row[0]);
                after = (Long) row[1];
            }
        }
    }

    /** The relative paths of every indexed file. */
    public Set<String> indexedPaths() {
        Set<String> paths = new HashSet<>();
        jdbi.useHandle(h -> h.createQuery("SELECT file_path FROM instance").mapTo(String.class).forEach(paths::add));
        return paths;
    }

    public long countInstances() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM instance").mapTo(Long.class).one());
    }

    private StoredInstance stored(java.sql.ResultSet rs) throws SQLException {
        Timestamp received = rs.getTimestamp("received_at");
        return new StoredInstance(rs.getString("study_uid"), rs.getString("series_uid"), rs.getString("sop_uid"),
                rs.getString("sop_class_uid"), rs.getString("transfer_syntax"), dataDir.resolve(rs.getString("file_path")),
                rs.getLong("file_size"), rs.getString("sha256"), received == null ? null : received.toInstant(),
                rs.getString("source_ae"));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
