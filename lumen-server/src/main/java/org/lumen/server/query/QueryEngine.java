package org.lumen.server.query;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.statement.Query;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.ElementDictionary;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.server.archive.QueryLevel;
import org.lumen.server.archive.QueryOptions;
import org.lumen.server.index.ArchiveIndex;
import org.lumen.server.index.IndexColumn;

/**
 * Answers C-FIND / QIDO-RS queries over the index. The query is translated to SQL as far as it can be (UIDs, dates, exact
 * and wildcard strings, person names, Modalities in Study); every candidate row is then checked in memory by
 * {@link Matching}, which also handles what SQL cannot (times, sequences, attributes that have no column: those are read
 * from the header of a representative instance file). When the SQL is exact, offset and limit go into the SQL and a page
 * of studies costs one indexed query; otherwise rows are read in primary-key pages and offset/limit apply after matching.
 */
public final class QueryEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueryEngine.class);
    private static final int PAGE = 500;
    private static final int[][] DATE_TIME_PAIRS = {
            {Tag.StudyDate, Tag.StudyTime}, {Tag.SeriesDate, Tag.SeriesTime}, {Tag.ContentDate, Tag.ContentTime},
            {Tag.AcquisitionDate, Tag.AcquisitionTime}, {Tag.PatientBirthDate, Tag.PatientBirthTime},
            {Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime}};
    /** Keys that steer the query rather than match: never matched, answered by the engine. */
    private static final Set<Integer> CONTROL = Set.of(Tags.SPECIFIC_CHARACTER_SET, Tag.QueryRetrieveLevel,
            Tag.TimezoneOffsetFromUTC, Tag.InstanceAvailability, Tag.RetrieveAETitle);
    private static final Set<Integer> PATIENT_COUNTS = Set.of(Tag.NumberOfPatientRelatedStudies,
            Tag.NumberOfPatientRelatedSeries, Tag.NumberOfPatientRelatedInstances);

    private final ArchiveIndex index;

    public QueryEngine(ArchiveIndex index) {
        this.index = index;
    }

    public Stream<Attributes> find(QueryLevel level, Attributes keys, QueryOptions options) {
        if (level == QueryLevel.PATIENT && !options.patientRoot()) {
            throw new IllegalArgumentException("The PATIENT level exists only in the Patient Root information model");
        }
        Plan plan = new Plan(level, keys, options);
        Iterator<Attributes> results = new ResultIterator(plan);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The query worked out once: which keys match where, the SQL, and whether the SQL alone is exact. */
    private static final class Plan {
        final QueryLevel level;
        final Attributes keys;
        final QueryOptions options;
        final List<Integer> returnTags = new ArrayList<>();
        final List<Integer> memoryTags = new ArrayList<>();
        final List<int[]> combined = new ArrayList<>();
        final List<String> where = new ArrayList<>();
        final List<Object> binds = new ArrayList<>();
        boolean exact = true;
        boolean headerForMatching;
        boolean headerForReturn;
        /** A Study Date key of at most a year: reading it through the date index beats walking studies in key order. */
        boolean narrowStudyDate;

        Plan(QueryLevel level, Attributes keys, QueryOptions options) {
            this.level = level;
            this.keys = keys;
            this.options = options;
            Set<Integer> combinedTags = new LinkedHashSet<>();
            if (options.combinedDateTime()) {
                for (int[] pair : DATE_TIME_PAIRS) {
                    if (keys.containsValue(pair[0]) && keys.containsValue(pair[1])) {
                        combined.add(pair);
                        combinedTags.add(pair[0]);
                        combinedTags.add(pair[1]);
                        exact = false;
                    }
                }
            }
            for (int tag : keys.tags()) {
                int group = Tags.group(tag);
                if (group == 0x0000 || group == 0x0002 || CONTROL.contains(tag)) {
                    continue;
                }
                returnTags.add(tag);
                IndexColumn column = IndexColumn.forTag(tag);
                QueryLevel keyLevel = column != null ? column.level() : PATIENT_COUNTS.contains(tag) ? QueryLevel.PATIENT : level;
                if (column == null && !PATIENT_COUNTS.contains(tag)) {
                    headerForReturn = true;
                }
                if (keyLevel.ordinal() > level.ordinal() || !keys.containsValue(tag)) {
                    continue; // below the query level: returned empty, not matched (PS3.4 C.4.1.2.1: keys of the level and above)
                }
                if (isUniversal(keys, tag)) {
                    continue;
                }
                if (combinedTags.contains(tag)) {
                    if (column != null && (column.vr() == VR.DA)) {
                        translateDate(column, keys.getStrings(tag)); // superset of the combined range
                    }
                    if (column == null) {
                        headerForMatching = true;
                    }
                    continue;
                }
                memoryTags.add(tag);
                if (column == null) {
                    headerForMatching = true;
                    exact = false;
                } else if (!translate(column, keys, tag)) {
                    exact = false;
                }
            }
            for (int[] pair : combined) {
                if (IndexColumn.forTag(pair[1]) == null) {
                    headerForMatching = true;
                }
            }
        }

        private static boolean isUniversal(Attributes keys, int tag) {
            if (keys.value(tag) instanceof Sequence seq) {
                return seq.isEmpty() || seq.get(0).isEmpty();
            }
            String[] values = keys.getStrings(tag);
            return values.length == 0 || (values.length == 1 && Wildcards.isUniversal(values[0]));
        }

        /** Adds the SQL for one key; true when it is exactly the in-memory rule. */
        private boolean translate(IndexColumn column, Attributes keys, int tag) {
            if (column.computed() && column.tag() != Tag.ModalitiesInStudy) {
                return false;
            }
            String[] values = keys.getStrings(tag);
            if (values.length == 0 || keys.value(tag) instanceof Sequence) {
                return false;
            }
            if (column.tag() == Tag.ModalitiesInStudy) {
                List<String> ors = new ArrayList<>();
                for (String v : values) {
                    ors.add(likeOrEquals("mx.modality", v));
                }
                where.add("EXISTS (SELECT 1 FROM series mx WHERE mx.study_fk = st.pk AND (" + String.join(" OR ", ors) + "))");
                return true;
            }
            return switch (column.vr()) {
                case UI -> {
                    where.add(column.qualified() + " IN (" + placeholders(values.length) + ")");
                    binds.addAll(List.of(values));
                    yield true;
                }
                case DA -> translateDate(column, values);
                case PN -> translatePersonName(column, values);
                case TM, DT, IS, DS, US, SS, UL, SL, FL, FD -> false;
                default -> {
                    List<String> ors = new ArrayList<>();
                    for (String v : values) {
                        ors.add(likeOrEquals(column.qualified(), v));
                    }
                    where.add("(" + String.join(" OR ", ors) + ")");
                    yield true;
                }
            };
        }

        private String likeOrEquals(String column, String value) {
            if (Wildcards.hasWildcard(value)) {
                binds.add(Wildcards.toLike(value));
                return column + " LIKE ? ESCAPE '!'";
            }
            binds.add(value);
            return column + " = ?";
        }

        private boolean translateDate(IndexColumn column, String[] values) {
            List<String> ors = new ArrayList<>();
            List<Object> local = new ArrayList<>();
            for (String v : values) {
                org.lumen.dicom.data.Range<java.time.LocalDate> range;
                try {
                    range = Matching.dateRange(v);
                } catch (RuntimeException e) {
                    return false;
                }
                List<String> ands = new ArrayList<>();
                ands.add(column.qualified() + " IS NOT NULL");
                if (range.lower() != null) {
                    ands.add(column.qualified() + " >= ?");
                    local.add(org.lumen.dicom.data.DicomDates.formatDate(range.lower()));
                }
                if (range.upper() != null) {
                    ands.add(column.qualified() + " <= ?");
                    local.add(org.lumen.dicom.data.DicomDates.formatDate(range.upper()));
                }
                ors.add("(" + String.join(" AND ", ands) + ")");
            }
            where.add("(" + String.join(" OR ", ors) + ")");
            if (column.tag() == Tag.StudyDate && level == QueryLevel.STUDY && narrow(values)) {
                narrowStudyDate = true;
            }
            binds.addAll(local);
            return true;
        }

        private boolean translatePersonName(IndexColumn column, String[] values) {
            String prefix = column.tag() == Tag.PatientName ? "p.pn_" : "st.ref_pn_";
            List<String> ors = new ArrayList<>();
            List<Object> local = new ArrayList<>();
            for (String v : values) {
                if (v.indexOf('=') >= 0) {
                    return false; // group-by-group matching stays in memory
                }
                String k = org.lumen.server.index.PersonNames.normalise(v);
                if (Wildcards.isUniversal(k)) {
                    return false;
                }
                boolean wildcard = Wildcards.hasWildcard(k);
                String op = wildcard ? " LIKE ? ESCAPE '!'" : " = ?";
                String bound = wildcard ? Wildcards.toLike(k) : k;
                if (column.tag() == Tag.PatientName) {
                    // One indexed lookup per group: an OR of three columns would scan every patient.
                    ors.add("p.pk IN (SELECT pk FROM patient WHERE pn_alpha" + op + " UNION SELECT pk FROM patient WHERE pn_ideo"
                            + op + " UNION SELECT pk FROM patient WHERE pn_phon" + op + ")");
                } else {
                    ors.add(prefix + "alpha" + op + " OR " + prefix + "ideo" + op + " OR " + prefix + "phon" + op);
                }
                local.add(bound);
                local.add(bound);
                local.add(bound);
            }
            where.add("(" + String.join(" OR ", ors) + ")");
            binds.addAll(local);
            return true;
        }

        private static boolean narrow(String[] values) {
            for (String v : values) {
                try {
                    org.lumen.dicom.data.Range<java.time.LocalDate> r = Matching.dateRange(v);
                    if (r.lower() == null || r.upper() == null || r.lower().plusDays(366).isBefore(r.upper())) {
                        return false;
                    }
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return true;
        }

        private static String placeholders(int n) {
            return String.join(", ", java.util.Collections.nCopies(n, "?"));
        }

        /** The SELECT for one page: rows after {@code afterPk} (keyset paging), with OFFSET on the first page when exact. */
        String sql(boolean firstPage, int sqlOffset, int pageSize, boolean h2) {
            StringBuilder sql = new StringBuilder("SELECT ");
            List<String> columns = new ArrayList<>();
            for (QueryLevel l : QueryLevel.values()) {
                if (l.ordinal() > level.ordinal()) {
                    break;
                }
                String alias = IndexColumn.alias(l);
                columns.add(alias + ".pk AS " + alias + "_pk");
                for (IndexColumn c : IndexColumn.ofLevel(l)) {
                    columns.add(c.qualified() + " AS " + alias + "_" + c.column());
                }
            }
            if (level == QueryLevel.IMAGE) {
                columns.add("i.file_path AS i_file_path");
            }
            if (level == QueryLevel.PATIENT) {
                columns.add("(SELECT COUNT(*) FROM study s2 WHERE s2.patient_fk = p.pk) AS p_n_studies");
                columns.add("(SELECT COALESCE(SUM(s2.num_series), 0) FROM study s2 WHERE s2.patient_fk = p.pk) AS p_n_series");
                columns.add("(SELECT COALESCE(SUM(s2.num_instances), 0) FROM study s2 WHERE s2.patient_fk = p.pk) AS p_n_instances");
            }
            sql.append(String.join(", ", columns));
            if (narrowStudyDate && h2) {
                // H2 plans prepared statements without the bound values, so it cannot see that the range is narrow and
                // would walk every study in key order; name the index (H2 syntax; PostgreSQL plans with the values).
                sql.append(" FROM study st USE INDEX (study_date_ix) JOIN patient p ON p.pk = st.patient_fk");
            } else {
                sql.append(" FROM patient p");
                if (level.ordinal() >= QueryLevel.STUDY.ordinal()) {
                    sql.append(" JOIN study st ON st.patient_fk = p.pk");
                }
            }
            if (level.ordinal() >= QueryLevel.SERIES.ordinal()) {
                sql.append(" JOIN series se ON se.study_fk = st.pk");
            }
            if (level == QueryLevel.IMAGE) {
                sql.append(" JOIN instance i ON i.series_fk = se.pk");
            }
            String pk = IndexColumn.alias(level) + ".pk";
            List<String> conditions = new ArrayList<>(where);
            conditions.add(pk + " > ?");
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
            sql.append(" ORDER BY ").append(pk);
            sql.append(" LIMIT ").append(pageSize);
            if (firstPage && sqlOffset > 0) {
                sql.append(" OFFSET ").append(sqlOffset);
            }
            return sql.toString();
        }
    }

    /** Walks the candidate rows page by page, matching in memory and applying offset and limit. */
    private final class ResultIterator implements Iterator<Attributes> {
        private final Plan plan;
        private final int limit;
        private int toSkip;
        private int returned;
        private long afterPk = Long.MIN_VALUE;
        private boolean firstPage = true;
        private boolean exhausted;
        private final List<Row> buffer = new ArrayList<>();
        private int position;
        private Attributes next;

        ResultIterator(Plan plan) {
            this.plan = plan;
            this.limit = plan.options.limit();
            this.toSkip = plan.exact ? 0 : plan.options.offset();
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (limit > 0 && returned >= limit) {
                    return false;
                }
                if (position >= buffer.size()) {
                    if (exhausted) {
                        return false;
                    }
                    fetch();
                    continue;
                }
                Row row = buffer.get(position++);
                Attributes identifier = evaluate(plan, row);
                if (identifier == null) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                next = identifier;
            }
            return true;
        }

        @Override
        public Attributes next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Attributes result = next;
            next = null;
            returned++;
            return result;
        }

        private void fetch() {
            int pageSize = plan.exact && limit > 0 ? Math.min(PAGE, limit - returned) : PAGE;
            String sql = plan.sql(firstPage, plan.exact ? plan.options.offset() : 0, pageSize, index.h2());
            boolean first = firstPage;
            firstPage = false;
            List<Row> rows = index.jdbi().withHandle(h -> {
                Query q = h.createQuery(sql);
                int i = 0;
                for (Object b : plan.binds) {
                    q.bind(i++, b);
                }
                q.bind(i, afterPk);
                return q.map((rs, ctx) -> Row.read(rs, plan.level)).list();
            });
            buffer.clear();
            buffer.addAll(rows);
            position = 0;
            if (rows.size() < pageSize || (first && rows.isEmpty())) {
                exhausted = true;
            }
            if (!rows.isEmpty()) {
                afterPk = rows.get(rows.size() - 1).pk;
            }
        }
    }

    /** One candidate: its primary key and its column values as a data set. */
    private record Row(long pk, long[] levelPks, Attributes columns, String filePath) {
        static Row read(ResultSet rs, QueryLevel level) throws SQLException {
            Attributes columns = new Attributes(false, 40);
            long[] pks = new long[4];
            for (QueryLevel l : QueryLevel.values()) {
                if (l.ordinal() > level.ordinal()) {
                    break;
                }
                String alias = IndexColumn.alias(l);
                pks[l.ordinal()] = rs.getLong(alias + "_pk");
                for (IndexColumn c : IndexColumn.ofLevel(l)) {
                    String value = rs.getString(alias + "_" + c.column());
                    if (value != null && !value.isEmpty()) {
                        columns.setString(c.tag(), c.vr(), value.split("\\\\", -1));
                    }
                }
            }
            if (level == QueryLevel.PATIENT) {
                columns.setString(Tag.NumberOfPatientRelatedStudies, VR.IS, rs.getString("p_n_studies"));
                columns.setString(Tag.NumberOfPatientRelatedSeries, VR.IS, rs.getString("p_n_series"));
                columns.setString(Tag.NumberOfPatientRelatedInstances, VR.IS, rs.getString("p_n_instances"));
            }
            String path = level == QueryLevel.IMAGE ? rs.getString("i_file_path") : null;
            return new Row(pks[level.ordinal()], pks, columns, path);
        }
    }

    /** Matches one row; returns its identifier, or null when it does not match. */
    private Attributes evaluate(Plan plan, Row row) {
        Attributes candidate = row.columns();
        Attributes header = null;
        if (plan.headerForMatching) {
            header = header(plan.level, row);
            candidate = merged(candidate, header);
        }
        for (int tag : plan.memoryTags) {
            if (!Matching.matches(plan.keys, tag, candidate)) {
                return null;
            }
        }
        for (int[] pair : plan.combined) {
            if (!Matching.matchesCombined(plan.keys.getString(pair[0]), plan.keys.getString(pair[1]),
                    candidate.getString(pair[0]), candidate.getString(pair[1]))) {
                return null;
            }
        }
        if (plan.headerForReturn && header == null) {
            header = header(plan.level, row);
            candidate = merged(candidate, header);
        }
        return Identifiers.build(plan.level, plan.keys, plan.returnTags, candidate, plan.options.patientRoot());
    }

    /** The column values, with every other element taken from the header where the columns do not have it. */
    private static Attributes merged(Attributes columns, Attributes header) {
        if (header == null) {
            return columns;
        }
        Attributes merged = new Attributes(header.bigEndian(), header.size() + 8);
        merged.addAll(header);
        for (int i = 0; i < columns.size(); i++) {
            int tag = columns.tagAt(i);
            merged.setValue(tag, columns.vrAt(i), columns.bigEndian() == header.bigEndian() || !(columns.valueAt(i) instanceof byte[])
                    ? columns.valueAt(i) : columns.stringsAt(i));
        }
        return merged;
    }

    private Attributes header(QueryLevel level, Row row) {
        String relative = row.filePath();
        if (relative == null) {
            String sql = switch (level) {
                case SERIES -> "SELECT file_path FROM instance WHERE series_fk = ? ORDER BY pk LIMIT 1";
                case STUDY -> "SELECT i.file_path FROM instance i JOIN series se ON se.pk = i.series_fk WHERE se.study_fk = ?"
                        + " ORDER BY i.pk LIMIT 1";
                default -> "SELECT i.file_path FROM instance i JOIN series se ON se.pk = i.series_fk JOIN study st"
                        + " ON st.pk = se.study_fk WHERE st.patient_fk = ? ORDER BY i.pk LIMIT 1";
            };
            relative = index.jdbi().withHandle(h -> h.createQuery(sql).bind(0, row.pk()).mapTo(String.class).findOne().orElse(null));
            if (relative == null) {
                return null;
            }
        }
        Path file = index.dataDir().resolve(relative);
        try {
            return DicomReader.read(file, ReadOptions.HEADER_ONLY).dataset();
        } catch (IOException e) {
            // A missing or damaged file (verify reports it) must not break every query: match on the columns alone.
            LOG.warn("Cannot read the header of {} to answer a query: {}", file, e.toString());
            return null;
        }
    }

    static VR dictionaryVr(int tag) {
        VR vr = ElementDictionary.standard().vrOf(tag);
        return vr == null ? VR.UN : vr;
    }
}
