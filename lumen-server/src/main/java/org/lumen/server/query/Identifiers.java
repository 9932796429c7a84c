package org.lumen.server.query;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.server.archive.QueryLevel;

/**
 * Builds a C-FIND response identifier: every requested key with the entity's value (zero length when it has none), the
 * unique keys of the query level and the levels above, the Query/Retrieve Level, and Specific Character Set "ISO_IR 192"
 * when a value is not ASCII (values are Unicode strings here, written as UTF-8).
 */
final class Identifiers {
    private Identifiers() {
    }

    static Attributes build(QueryLevel level, Attributes keys, Iterable<Integer> returnTags, Attributes candidate,
            boolean patientRoot) {
        Attributes out = new Attributes(false, 24);
        for (int tag : returnTags) {
            copy(keys, tag, candidate, out);
        }
        addUniqueKeys(level, candidate, out, patientRoot);
        out.setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
        if (keys.contains(Tag.RetrieveAETitle) && !out.contains(Tag.RetrieveAETitle)) {
            out.setNull(Tag.RetrieveAETitle, VR.AE);
        }
        if (keys.contains(Tag.InstanceAvailability)) {
            out.setString(Tag.InstanceAvailability, VR.CS, "ONLINE");
        }
        if (!asciiOnly(out)) {
            out.setString(Tags.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        } else if (keys.contains(Tags.SPECIFIC_CHARACTER_SET)) {
            out.setNull(Tags.SPECIFIC_CHARACTER_SET, VR.CS);
        }
        return out;
    }

    private static void addUniqueKeys(QueryLevel level, Attributes candidate, Attributes out, boolean patientRoot) {
        if (patientRoot || level == QueryLevel.PATIENT) {
            copyIfAbsent(Tag.PatientID, VR.LO, candidate, out);
        }
        if (level.ordinal() >= QueryLevel.STUDY.ordinal()) {
            copyIfAbsent(Tag.StudyInstanceUID, VR.UI, candidate, out);
        }
        if (level.ordinal() >= QueryLevel.SERIES.ordinal()) {
            copyIfAbsent(Tag.SeriesInstanceUID, VR.UI, candidate, out);
        }
        if (level == QueryLevel.IMAGE) {
            copyIfAbsent(Tag.SOPInstanceUID, VR.UI, candidate, out);
        }
    }

    private static void copyIfAbsent(int tag, VR vr, Attributes candidate, Attributes out) {
        if (!out.contains(tag)) {
            String[] values = candidate.getStrings(tag);
            if (values.length == 0) {
                out.setNull(tag, vr);
            } else {
                out.setString(tag, vr, values);
            }
        }
    }

    /** Copies the candidate's value of {@code tag} as requested by the key (sequence items narrowed to the key item's tags). */
    static void copy(Attributes keys, int tag, Attributes candidate, Attributes out) {
        VR keyVr = keys.vr(tag);
        VR vr = candidate.contains(tag) && candidate.vr(tag) != VR.UN ? candidate.vr(tag)
                : keyVr == null || keyVr == VR.UN ? QueryEngine.dictionaryVr(tag) : keyVr;
        if (vr == VR.SQ) {
            Sequence source = candidate.getSequence(tag);
            Sequence target = out.newSequence(tag, source == null ? 0 : source.size());
            if (source == null) {
                return;
            }
            Sequence keySeq = keys.value(tag) instanceof Sequence s ? s : null;
            Attributes keyItem = keySeq == null || keySeq.isEmpty() ? null : keySeq.get(0);
            for (Attributes item : source) {
                Attributes copy = target.addItem();
                if (keyItem == null || keyItem.isEmpty()) {
                    for (int t : item.tags()) {
                        copyValue(item, t, copy);
                    }
                } else {
                    for (int t : keyItem.tags()) {
                        copy(keyItem, t, item, copy);
                    }
                }
            }
            return;
        }
        if (!candidate.containsValue(tag)) {
            out.setNull(tag, vr);
            return;
        }
        copyValue(candidate, tag, out);
    }

    /** One element as strings (re-encoded in the response), sequences recursively; bulk values are left empty. */
    private static void copyValue(Attributes from, int tag, Attributes out) {
        VR vr = from.vr(tag);
        if (vr == null) {
            return;
        }
        if (vr == VR.SQ) {
            Sequence source = from.getSequence(tag);
            Sequence target = out.newSequence(tag, source == null ? 0 : source.size());
            if (source != null) {
                for (Attributes item : source) {
                    Attributes copy = target.addItem();
                    for (int t : item.tags()) {
                        copyValue(item, t, copy);
                    }
                }
            }
            return;
        }
        if (vr.isString() || vr.isBinaryNumber() || vr == VR.AT) {
            String[] values = from.getStrings(tag);
            if (values.length == 0) {
                out.setNull(tag, vr);
            } else {
                out.setString(tag, vr, values);
            }
        } else {
            out.setNull(tag, vr);
        }
    }

    private static boolean asciiOnly(Attributes attrs) {
        for (int i = 0; i < attrs.size(); i++) {
            Object value = attrs.valueAt(i);
            if (value instanceof String[] strings) {
                for (String s : strings) {
                    for (int k = 0; k < s.length(); k++) {
                        if (s.charAt(k) > 0x7E) {
                            return false;
                        }
                    }
                }
            } else if (value instanceof Sequence seq) {
                for (Attributes item : seq) {
                    if (!asciiOnly(item)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
