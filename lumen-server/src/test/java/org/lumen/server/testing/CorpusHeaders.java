package org.lumen.server.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;

/**
 * Questions about the corpus headers loaded into both Lumen and Orthanc, shared by the C-FIND and QIDO-RS comparisons:
 * which studies Orthanc's quirks leave comparable, and values to build queries from.
 */
public final class CorpusHeaders {
    private CorpusHeaders() {
    }

    /** Studies whose every instance has an 8-digit Study Date (Orthanc lets a range match an empty or malformed date). */
    public static Set<String> studiesWithValidDate(List<Attributes> headers) {
        Set<String> bad = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (Attributes h : headers) {
            String study = h.getString(Tag.StudyInstanceUID);
            all.add(study);
            String date = h.getString(Tag.StudyDate);
            if (date == null || !date.trim().matches("[0-9]{8}")) {
                bad.add(study);
            }
        }
        all.removeAll(bad);
        return all;
    }

    /** Studies whose Patient ID carries one name in the whole corpus (Orthanc keys its patients by ID). */
    public static Set<String> studiesWithUnambiguousPatient(List<Attributes> headers) {
        Map<String, Set<String>> namesById = new HashMap<>();
        for (Attributes h : headers) {
            namesById.computeIfAbsent(h.getString(Tag.PatientID, "").trim(), k -> new TreeSet<>())
                    .add(h.getString(Tag.PatientName, "").trim());
        }
        Set<String> ok = new TreeSet<>();
        Set<String> bad = new TreeSet<>();
        for (Attributes h : headers) {
            String id = h.getString(Tag.PatientID, "").trim();
            (id.isEmpty() || namesById.get(id).size() != 1 ? bad : ok).add(h.getString(Tag.StudyInstanceUID));
        }
        ok.removeAll(bad);
        return ok;
    }

    /** The first header whose {@code tag} equals {@code value}. */
    public static Attributes first(List<Attributes> headers, int tag, String value) {
        return headers.stream().filter(h -> value.equals(h.getString(tag))).findFirst().orElseThrow();
    }

    /** The most common printable-ASCII value of {@code tag} (ties: the smallest). */
    public static String mostCommon(List<Attributes> headers, int tag) {
        Map<String, Integer> counts = new HashMap<>();
        for (Attributes h : headers) {
            String v = h.getString(tag);
            if (v != null && !v.isBlank() && v.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                counts.merge(v.trim(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).findFirst().orElseThrow().getKey();
    }
}
