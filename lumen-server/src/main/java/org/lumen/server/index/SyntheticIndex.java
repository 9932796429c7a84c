package org.lumen.server.index;

/**
 * Fills an empty embedded-H2 index with synthetic rows for latency benchmarks (QIDO-RS at 10^5-10^6 instances), in four
 * set-based INSERTs instead of a million stores. The shape: 10 instances a series, 2 series a study, 2 studies a
 * patient; Patient ID {@code P<n>}, name {@code DOE<n>^JOHN}; Study UID {@code 1.2.826.0.1.3680043.10.1.<s>}, accession
 * {@code ACC<s>}, study dates spread over 2000-2024, modalities CT, MR or CT\SR. Rows point at no file: such an index
 * serves searches, not retrieval. H2 only (it uses H2's SYSTEM_RANGE).
 */
public final class SyntheticIndex {
    public static final String STUDY_UID_ROOT = "1.2.826.0.1.3680043.10.1.";
    public static final int INSTANCES_PER_SERIES = 10;
    public static final int SERIES_PER_STUDY = 2;
    public static final int STUDIES_PER_PATIENT = 2;
    /** Study dates run from 2000-01-01 over this many days. */
    public static final int DATE_SPAN_DAYS = 9000;

    private SyntheticIndex() {
    }

    /** The shape of a synthetic index of {@code instances} instances. */
    public record Shape(int instances, int series, int studies, int patients) {
        public static Shape of(int instances) {
            int series = Math.max(1, instances / INSTANCES_PER_SERIES);
            int studies = Math.max(1, series / SERIES_PER_STUDY);
            return new Shape(series * INSTANCES_PER_SERIES, series, studies, Math.max(1, studies / STUDIES_PER_PATIENT));
        }
    }

    /** Fills an empty index; the caller checks it is empty. */
    public static Shape fill(ArchiveIndex index, int instances) {
        if (!index.h2()) {
            throw new IllegalArgumentException("the synthetic index is written with H2 SQL; use an embedded H2 archive");
        }
        Shape shape = Shape.of(instances);
        index.jdbi().useHandle(h -> {
            h.execute("INSERT INTO patient (pk, patient_key, patient_id, patient_name, pn_alpha, birth_date, sex)"
                    + " SELECT X, 'P' || X || '\\', 'P' || X, 'DOE' || X || '^JOHN', 'DOE' || X || '^JOHN', '19600101',"
                    + " CASE WHEN MOD(X, 2) = 0 THEN 'M' ELSE 'F' END FROM SYSTEM_RANGE(1, " + shape.patients() + ")");
            h.execute("INSERT INTO study (pk, patient_fk, study_uid, study_date, study_time, accession, study_id,"
                    + " study_description, modalities, num_series, num_instances, updated_at)"
                    + " SELECT X, 1 + MOD(X - 1, " + shape.patients() + "), '" + STUDY_UID_ROOT + "' || X,"
                    + " FORMATDATETIME(DATEADD('DAY', MOD(X * 37, " + DATE_SPAN_DAYS + "), DATE '2000-01-01'), 'yyyyMMdd'),"
                    + " '101010', 'ACC' || X, 'S' || X, 'CT CHEST',"
                    + " CASE MOD(X, 3) WHEN 0 THEN 'CT' WHEN 1 THEN 'MR' ELSE 'CT\\SR' END,"
                    + " " + SERIES_PER_STUDY + ", " + SERIES_PER_STUDY * INSTANCES_PER_SERIES + ", CURRENT_TIMESTAMP"
                    + " FROM SYSTEM_RANGE(1, " + shape.studies() + ")");
            h.execute("INSERT INTO series (pk, study_fk, series_uid, modality, series_number, num_instances)"
                    + " SELECT X, 1 + (X - 1) / " + SERIES_PER_STUDY + ", '1.2.826.0.1.3680043.10.2.' || X,"
                    + " CASE MOD(1 + (X - 1) / 2, 3) WHEN 0 THEN 'CT' WHEN 1 THEN 'MR'"
                    + " ELSE CASE MOD(X, 2) WHEN 0 THEN 'CT' ELSE 'SR' END END, '1', " + INSTANCES_PER_SERIES
                    + " FROM SYSTEM_RANGE(1, " + shape.series() + ")");
            h.execute("INSERT INTO instance (pk, series_fk, sop_uid, sop_class_uid, instance_number, transfer_syntax,"
                    + " file_path, file_size, sha256, received_at) SELECT X, 1 + (X - 1) / " + INSTANCES_PER_SERIES + ","
                    + " '1.2.826.0.1.3680043.10.3.' || X, '1.2.840.10008.5.1.4.1.1.2', '1', '1.2.840.10008.1.2.1',"
                    + " 'files/none/' || X, 1000, '" + "0".repeat(64) + "', CURRENT_TIMESTAMP"
                    + " FROM SYSTEM_RANGE(1, " + shape.instances() + ")");
            for (String table : new String[] {"patient", "study", "series", "instance"}) {
                h.execute("ALTER TABLE " + table + " ALTER COLUMN pk RESTART WITH " + (shape.instances() + 1));
            }
            h.execute("ANALYZE");
        });
        return shape;
    }
}
