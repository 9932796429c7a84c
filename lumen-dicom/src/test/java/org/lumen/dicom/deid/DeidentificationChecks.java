package org.lumen.dicom.deid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.deid.DeidentificationTable.Rule;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;

/**
 * Walks an original dataset and its de-identified result side by side and lists every way in which the result breaks the
 * Basic Profile: a listed attribute that kept its value, a private element left, a UID replaced inconsistently. UID pairs
 * are collected across calls, so one instance of this class checks consistency over a whole corpus.
 */
final class DeidentificationChecks {
    private static final DeidentificationTable TABLE = DeidentificationTable.standard();
    private static final ReadOptions READ_BACK = new ReadOptions(ReadOptions.BulkDataMode.INCLUDE, 0, false, false);

    private final UidMapper mapper;
    private final Map<String, String> replacementOf = new HashMap<>();
    private final Map<String, String> originalOf = new HashMap<>();
    private int checkedElements;

    DeidentificationChecks(UidMapper mapper) {
        this.mapper = mapper;
    }

    int uidPairs() {
        return replacementOf.size();
    }

    int checkedElements() {
        return checkedElements;
    }

    Map<String, String> replacements() {
        return replacementOf;
    }

    /** Problems of {@code result} against {@code original} under the Basic Profile without options. */
    List<String> basicProfileProblems(Attributes original, Attributes result) {
        List<String> problems = new ArrayList<>();
        compare(original, result, "", problems);
        return problems;
    }

    private void compare(Attributes original, Attributes result, String path, List<String> problems) {
        for (int i = 0; i < original.size(); i++) {
            int tag = original.tagAt(i);
            String where = path + Tags.toString(tag);
            if (Tags.isGroupLength(tag)) {
                continue;
            }
            checkedElements++;
            if (DeidentificationTable.isOddGroup(tag)) {
                if (result.contains(tag)) {
                    problems.add(where + ": private element kept");
                }
                continue;
            }
            Rule rule = TABLE.ruleFor(tag);
            if (rule == null) {
                if (!result.contains(tag)) {
                    problems.add(where + ": unlisted element removed");
                } else {
                    compareItems(original, i, result, tag, where, problems);
                }
                continue;
            }
            checkListed(original, i, result, tag, rule, where, problems);
        }
    }

    private void checkListed(Attributes original, int i, Attributes result, int tag, Rule rule, String where, List<String> problems) {
        ActionCode action = rule.basic().resolved();
        int r = result.indexOf(tag);
        if (action == ActionCode.X) {
            if (r >= 0) {
                problems.add(where + " " + rule.name() + ": X but present");
            }
            return;
        }
        if (r < 0) {
            problems.add(where + " " + rule.name() + ": " + action + " but absent");
            return;
        }
        Object resultValue = result.valueAt(r);
        switch (action) {
            case Z -> {
                boolean empty = resultValue instanceof Sequence s ? s.isEmpty() : !result.containsValue(tag);
                boolean nameDummy = tag == InstanceDeidentification.PATIENT_NAME
                        && DummyValues.TEXT.equals(result.getString(tag));
                if (!empty && !nameDummy) {
                    problems.add(where + " " + rule.name() + ": Z but not empty");
                }
            }
            case D -> checkDummy(original, i, result, r, tag, rule, where, problems);
            case U -> {
                if (resultValue instanceof Sequence) {
                    compareItems(original, i, result, tag, where, problems);
                } else {
                    checkUids(original, i, result, r, where + " " + rule.name(), problems);
                }
            }
            default -> problems.add(where + " " + rule.name() + ": unexpected basic action " + action);
        }
    }

    private void checkDummy(Attributes original, int i, Attributes result, int r, int tag, Rule rule, String where,
            List<String> problems) {
        VR vr = result.vrAt(r);
        Object value = result.valueAt(r);
        if (value instanceof Sequence sequence) {
            if (sequence.size() != 1 || !sequence.get(0).isEmpty()) {
                problems.add(where + " " + rule.name() + ": D on a sequence should leave one empty item");
            }
        } else if (vr == VR.UI) {
            checkUids(original, i, result, r, where + " " + rule.name(), problems);
        } else if (tag == InstanceDeidentification.PATIENT_ID) {
            String[] before = strings(original, i);
            String expected = mapper.pseudonym(before.length > 0 ? before[0] : "");
            if (!expected.equals(result.getString(tag))) {
                problems.add(where + " Patient ID: not the pseudonym");
            }
        } else if (DummyValues.stringFor(vr) != null) {
            if (!DummyValues.stringFor(vr).equals(result.getString(tag))) {
                problems.add(where + " " + rule.name() + ": D but not the " + vr + " dummy");
            }
        } else if (vr.isBinaryNumber()) {
            if (result.getDouble(tag, -1) != 0) {
                problems.add(where + " " + rule.name() + ": D but not zero");
            }
        } else {
            byte[] bytes = result.bytesAt(r);
            if (bytes == null || !Arrays.equals(bytes, new byte[bytes.length])) {
                problems.add(where + " " + rule.name() + ": D but not zero bytes");
            }
        }
    }

    private void checkUids(Attributes original, int i, Attributes result, int r, String where, List<String> problems) {
        String[] before = strings(original, i);
        String[] after = result.stringsAt(r);
        if (before.length != after.length) {
            problems.add(where + ": " + before.length + " UIDs became " + after.length);
            return;
        }
        for (int k = 0; k < before.length; k++) {
            String expected = mapper.map(before[k]);
            if (!after[k].equals(expected)) {
                problems.add(where + ": UID not replaced by the mapper");
            } else if (!UidMapper.isWellKnown(before[k]) && !before[k].isEmpty()) {
                if (after[k].equals(before[k])) {
                    problems.add(where + ": UID kept");
                }
                record(before[k], after[k], where, problems);
            }
            if (!after[k].isEmpty() && (after[k].length() > 64 || !after[k].matches("[0-9]+(\\.[0-9]+)*"))) {
                problems.add(where + ": replacement is not a valid UID");
            }
        }
    }

    private void record(String before, String after, String where, List<String> problems) {
        String previous = replacementOf.putIfAbsent(before, after);
        if (previous != null && !previous.equals(after)) {
            problems.add(where + ": one UID got two replacements");
        }
        String source = originalOf.putIfAbsent(after, before);
        if (source != null && !source.equals(before)) {
            problems.add(where + ": two UIDs got the same replacement");
        }
    }

    private void compareItems(Attributes original, int i, Attributes result, int tag, String where, List<String> problems) {
        Object before = original.valueAt(i);
        Object after = result.value(tag);
        if (before instanceof Sequence a && after instanceof Sequence b) {
            if (a.size() != b.size()) {
                problems.add(where + ": item count changed from " + a.size() + " to " + b.size());
                return;
            }
            for (int k = 0; k < a.size(); k++) {
                compare(a.get(k), b.get(k), where + "[" + (k + 1) + "]>", problems);
            }
        } else if (after instanceof Sequence b) {
            // Read as UN by the reader and as a sequence by the de-identifier: check the result on its own.
            for (int k = 0; k < b.size(); k++) {
                resultOnly(b.get(k), where + "[" + (k + 1) + "]>", problems);
            }
        }
    }

    /** Checks of a result whose original could not be paired item by item (a sequence the reader held as UN). */
    private void resultOnly(Attributes result, String path, List<String> problems) {
        for (int r = 0; r < result.size(); r++) {
            int tag = result.tagAt(r);
            String where = path + Tags.toString(tag);
            checkedElements++;
            if (DeidentificationTable.isOddGroup(tag)) {
                problems.add(where + ": private element kept");
                continue;
            }
            Rule rule = TABLE.ruleFor(tag);
            Object value = result.valueAt(r);
            ActionCode action = rule == null ? null : rule.basic().resolved();
            if (action == ActionCode.X) {
                problems.add(where + " " + rule.name() + ": X but present");
            } else if (action == ActionCode.Z && !(value instanceof Sequence) && result.containsValue(tag)
                    && tag != InstanceDeidentification.PATIENT_NAME) {
                problems.add(where + " " + rule.name() + ": Z but not empty");
            } else if ((action == ActionCode.U || action == ActionCode.D) && result.vrAt(r) == VR.UI) {
                for (String uid : result.stringsAt(r)) {
                    if (!uid.startsWith("2.25.") && !UidMapper.isWellKnown(uid)) {
                        problems.add(where + " " + rule.name() + ": UID not replaced");
                    }
                }
            }
            if (value instanceof Sequence sequence) {
                for (int k = 0; k < sequence.size(); k++) {
                    resultOnly(sequence.get(k), where + "[" + (k + 1) + "]>", problems);
                }
            }
        }
    }

    /** The dataset encodes and reads back to the same content; returns the first difference, or null. */
    static String encodingProblem(Attributes result, String name, TransferSyntax syntax) throws IOException {
        // Explicit VR keeps every VR; compressed pixel data stays in its own (explicit little endian) syntax.
        TransferSyntax target = syntax.encapsulated() ? syntax : TransferSyntax.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        org.lumen.dicom.io.DicomWriter.writeDataset(buffer, result, target);
        Attributes readBack = DicomReader.readDataset(new ByteArrayInputStream(buffer.toByteArray()), name, target, READ_BACK);
        return result.firstDifference(readBack);
    }

    static boolean sameValue(Attributes a, int tag, Attributes b) {
        Object x = a.value(tag);
        Object y = b.value(tag);
        return Objects.equals(x, y) || (x instanceof byte[] p && y instanceof byte[] q && Arrays.equals(p, q));
    }

    /** Values as strings; a UN value (implicit VR read without a full dictionary) is decoded as text. */
    static String[] strings(Attributes dataset, int index) {
        if (dataset.vrAt(index) == VR.UN && dataset.valueAt(index) instanceof byte[] bytes) {
            String[] parts = new String(bytes, StandardCharsets.ISO_8859_1).split("\\\\", -1);
            for (int k = 0; k < parts.length; k++) {
                parts[k] = parts[k].replaceAll("[ \\x00]+$", "").trim();
            }
            return parts.length == 1 && parts[0].isEmpty() ? new String[0] : parts;
        }
        return dataset.stringsAt(index);
    }
}
