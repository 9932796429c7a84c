package org.lumen.dicom.deid;

/**
 * The per-patient offset, in whole days, that the Retain Longitudinal Temporal Information with Modified Dates option adds
 * to every date. Whole days keep every interval exactly, including those between a date and its paired time (Study Date
 * and Study Time), so times of day are kept as they are.
 */
@FunctionalInterface
public interface DateShifter {
    /** Earliest and latest default offsets: between about ten years and one year into the past. */
    int DEFAULT_MIN_DAYS = -3652;
    int DEFAULT_MAX_DAYS = -365;

    /** The offset in days for a patient, identified by a key taken from the original instance (see Deidentifier). */
    int offsetDays(String patientKey);

    /** The same offset for every patient: for tests and for callers that manage offsets themselves. */
    static DateShifter fixed(int days) {
        return patientKey -> days;
    }

    /** An offset derived from a keyed hash of the patient key, in the default range; repeatable under one secret. */
    static DateShifter keyed(byte[] secret) {
        return keyed(secret, DEFAULT_MIN_DAYS, DEFAULT_MAX_DAYS);
    }

    /** An offset derived from a keyed hash of the patient key, uniformly within [minDays, maxDays]. */
    static DateShifter keyed(byte[] secret, int minDays, int maxDays) {
        if (minDays > maxDays) {
            throw new IllegalArgumentException("minDays " + minDays + " is after maxDays " + maxDays);
        }
        KeyedHash hash = new KeyedHash(secret);
        long span = (long) maxDays - minDays + 1;
        return patientKey -> {
            byte[] digest = hash.digest("date-offset", patientKey);
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xFF);
            }
            return (int) (minDays + Long.remainderUnsigned(bits, span));
        };
    }
}
