package org.lumen.server.index;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tags;
import org.lumen.server.archive.QueryLevel;

/**
 * What the index stores for one instance: the column values of its four levels (decoded, trimmed, multiple values joined
 * with '\'), the character set of each level, and where the file is.
 *
 * @param values       column name to value per level (absent or empty values are null)
 * @param relativePath the file, relative to the archive's data folder, with '/' separators
 */
public record IndexedInstance(Map<QueryLevel, Map<String, String>> values, String charset, String transferSyntaxUid,
        String relativePath, long size, String sha256, Instant receivedAt, String sourceAet) {

    /** Longest string kept in a column; longer (malformed) values are cut here and still match in memory from the file. */
    static final int MAX_COLUMN = 1000;

    public static IndexedInstance of(Attributes dataset, String transferSyntaxUid, String relativePath, long size, String sha256,
            Instant receivedAt, String sourceAet) {
        Map<QueryLevel, Map<String, String>> values = new EnumMap<>(QueryLevel.class);
        for (QueryLevel level : QueryLevel.values()) {
            values.put(level, new LinkedHashMap<>());
        }
        for (IndexColumn column : IndexColumn.ALL) {
            if (!column.computed()) {
                values.get(column.level()).put(column.column(), joined(dataset, column.tag()));
            }
        }
        String charset = joined(dataset, Tags.SPECIFIC_CHARACTER_SET);
        return new IndexedInstance(values, charset, transferSyntaxUid, relativePath, size, sha256, receivedAt, sourceAet);
    }

    public String value(QueryLevel level, String column) {
        return values.get(level).get(column);
    }

    public String studyUid() {
        return value(QueryLevel.STUDY, "study_uid");
    }

    public String seriesUid() {
        return value(QueryLevel.SERIES, "series_uid");
    }

    public String sopUid() {
        return value(QueryLevel.IMAGE, "sop_uid");
    }

    /** The patient's identity in the index: Patient ID and Issuer of Patient ID (Orthanc groups patients the same way). */
    public String patientKey() {
        String id = value(QueryLevel.PATIENT, "patient_id");
        String issuer = value(QueryLevel.PATIENT, "issuer");
        String key = (id == null ? "" : id) + "\\" + (issuer == null ? "" : issuer);
        return key.length() > 500 ? key.substring(0, 500) : key;
    }

    static String joined(Attributes dataset, int tag) {
        String[] strings = dataset.getStrings(tag);
        if (strings.length == 0) {
            return null;
        }
        String joined = String.join("\\", strings).replace("\0", "").trim();
        if (joined.isEmpty()) {
            return null;
        }
        return joined.length() > MAX_COLUMN ? joined.substring(0, MAX_COLUMN) : joined;
    }
}
