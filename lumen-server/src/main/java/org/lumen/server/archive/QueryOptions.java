package org.lumen.server.archive;

/**
 * How {@link Archive#find} answers.
 *
 * @param offset           results to skip (after matching)
 * @param limit            most results to return; 0 for no limit
 * @param fuzzyMatching    whether fuzzy semantic matching of person names was requested (QIDO fuzzymatching=true). Lumen
 *                         does not implement fuzzy matching; PN matching is always case-insensitive (see the README), so
 *                         this only records the request
 * @param patientRoot      Patient Root information model (PATIENT level allowed) instead of Study Root
 * @param combinedDateTime combined date and time range matching (PS3.4 C.2.2.2.5.1, negotiated by C-FIND extended
 *                         negotiation): a DA range and the TM range of its pair (Study Date + Study Time...) form one
 *                         date-time range; off, each is matched on its own
 */
public record QueryOptions(int offset, int limit, boolean fuzzyMatching, boolean patientRoot, boolean combinedDateTime) {
    public static final QueryOptions DEFAULT = new QueryOptions(0, 0, false, false, false);

    public QueryOptions {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative (offset " + offset + ", limit " + limit + ")");
        }
    }

    public static QueryOptions studyRoot() {
        return DEFAULT;
    }

    public static QueryOptions patientRootModel() {
        return DEFAULT.withPatientRoot(true);
    }

    public QueryOptions withOffset(int value) {
        return new QueryOptions(value, limit, fuzzyMatching, patientRoot, combinedDateTime);
    }

    public QueryOptions withLimit(int value) {
        return new QueryOptions(offset, value, fuzzyMatching, patientRoot, combinedDateTime);
    }

    public QueryOptions withFuzzyMatching(boolean value) {
        return new QueryOptions(offset, limit, value, patientRoot, combinedDateTime);
    }

    public QueryOptions withPatientRoot(boolean value) {
        return new QueryOptions(offset, limit, fuzzyMatching, value, combinedDateTime);
    }

    public QueryOptions withCombinedDateTime(boolean value) {
        return new QueryOptions(offset, limit, fuzzyMatching, patientRoot, value);
    }
}
