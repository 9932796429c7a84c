package org.lumen.dicom.deid;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What de-identifying one instance did: how many elements each outcome touched, and warnings. It never holds a value,
 * a UID or a date offset from the instance, so it can be logged and shown freely.
 *
 * @param counts               elements per outcome (outcomes that did not occur are absent)
 * @param warnings             conditions a person should look at, naming attributes by tag only
 * @param burnedInAnnotation   the instance declared Burned In Annotation YES and was passed because the profile allows it
 */
public record DeidentificationResult(Map<Outcome, Integer> counts, List<String> warnings, boolean burnedInAnnotation) {

    /** What happened to an element. */
    public enum Outcome {
        /** X, including curve and overlay data and comments. */
        REMOVED,
        /** Z: zero-length value (or empty sequence). */
        EMPTIED,
        /** D: dummy value (or a pseudonym for Patient ID, a one-empty-item sequence for SQ). */
        DUMMY,
        /** U: UID replaced through the {@link UidMapper}. */
        UID_REPLACED,
        /** K: kept because an option says so. */
        KEPT,
        /** C: descriptor that passed the allow-list and was kept. */
        CLEANED_KEPT,
        /** C: descriptor that failed the allow-list; it got the Basic Profile action (also counted under that outcome). */
        CLEANED_REPLACED,
        /** C under the modified-dates option: DA and DT moved by the patient's offset, TM kept (whole-day offset). */
        DATE_SHIFTED,
        /** Private element or private creator, removed (no Retain Safe Private option). */
        PRIVATE_REMOVED
    }

    public DeidentificationResult {
        EnumMap<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    public int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }
}
