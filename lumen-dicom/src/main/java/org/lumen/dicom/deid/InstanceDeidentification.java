package org.lumen.dicom.deid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.deid.DeidentificationResult.Outcome;
import org.lumen.dicom.deid.DeidentificationTable.Rule;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;

/**
 * One run of the table over one dataset, at every nesting depth: the mutable state (counts, warnings, the patient's date
 * offset) that a {@link Deidentifier} call needs. Not reusable.
 */
final class InstanceDeidentification {
    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    private static final int ITEM_TAG_LE_FIRST_BYTES = 0xE000FFFE;

    /** The single thing done to one element, after options and compound codes are resolved. */
    private enum Step {
        REMOVE, EMPTY, DUMMY, REPLACE_UID, KEEP, SHIFT_DATES, CLEAN
    }

    private final DeidentificationTable table;
    private final DeidentificationProfile profile;
    private final UidMapper uidMapper;
    private final DescriptorCleaner cleaner;
    private final int dayOffset;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final Set<String> warnings = new LinkedHashSet<>();

    InstanceDeidentification(DeidentificationTable table, DeidentificationProfile profile, UidMapper uidMapper,
            DescriptorCleaner cleaner, int dayOffset) {
        this.table = table;
        this.profile = profile;
        this.uidMapper = uidMapper;
        this.cleaner = cleaner;
        this.dayOffset = dayOffset;
    }

    Map<Outcome, Integer> counts() {
        return counts;
    }

    List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** Applies the table to every element of {@code dataset} and, recursively, of its sequence items. */
    void apply(Attributes dataset) {
        for (int tag : dataset.tags()) {
            int index = dataset.indexOf(tag);
            if (index < 0) {
                continue;
            }
            if (Tags.isGroupLength(tag)) {
                // Group lengths are stale once values change; writers compute them again.
                dataset.removeAt(index);
                continue;
            }
            Rule rule = table.ruleFor(tag);
            if (DeidentificationTable.isOddGroup(tag)) {
                dataset.removeAt(index);
                count(Outcome.PRIVATE_REMOVED);
                continue;
            }
            reparseUnknownSequence(dataset, tag, rule);
            if (rule == null) {
                cleanItems(dataset, tag);
            } else {
                perform(dataset, tag, rule, stepFor(rule));
            }
        }
    }

    private Step stepFor(Rule rule) {
        ActionCode chosen = null;
        boolean fromDates = false;
        for (ProfileOption option : profile.options()) {
            ActionCode action = rule.option(option);
            if (action != null && (chosen == null || action == ActionCode.C)) {
                chosen = action;
                fromDates = option == ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES;
            }
        }
        if (chosen == ActionCode.K) {
            return Step.KEEP;
        }
        if (chosen == ActionCode.C) {
            return fromDates ? Step.SHIFT_DATES : Step.CLEAN;
        }
        return basicStep(rule);
    }

    private static Step basicStep(Rule rule) {
        return switch (rule.basic().resolved()) {
            case X -> Step.REMOVE;
            case Z -> Step.EMPTY;
            case D -> Step.DUMMY;
            case U -> Step.REPLACE_UID;
            case K -> Step.KEEP;
            default -> Step.REMOVE;
        };
    }

    private void perform(Attributes dataset, int tag, Rule rule, Step step) {
        int index = dataset.indexOf(tag);
        VR vr = effectiveVr(dataset, index, rule);
        boolean sequence = dataset.valueAt(index) instanceof Sequence || vr == VR.SQ;
        switch (step) {
            case REMOVE -> {
                dataset.removeAt(index);
                count(Outcome.REMOVED);
            }
            case EMPTY -> empty(dataset, tag, vr, sequence);
            case DUMMY -> dummy(dataset, tag, index, vr, sequence);
            case REPLACE_UID -> replaceUids(dataset, tag, index, vr, sequence, rule);
            case KEEP -> {
                cleanItems(dataset, tag);
                count(Outcome.KEPT);
            }
            case SHIFT_DATES -> shiftDates(dataset, tag, index, vr, rule);
            case CLEAN -> clean(dataset, tag, index, vr, sequence, rule);
        }
    }

    private void empty(Attributes dataset, int tag, VR vr, boolean sequence) {
        if (sequence) {
            dataset.newSequence(tag);
            count(Outcome.EMPTIED);
        } else if (tag == PATIENT_NAME) {
            // Z allows a dummy; a name keeps viewers and worklists usable without telling anything.
            dataset.setString(tag, VR.PN, DummyValues.TEXT);
            count(Outcome.DUMMY);
        } else {
            dataset.setNull(tag, vr);
            count(Outcome.EMPTIED);
        }
    }

    private void dummy(Attributes dataset, int tag, int index, VR vr, boolean sequence) {
        if (sequence) {
            // A non-empty sequence is what D asks for; one empty item carries nothing of the original.
            dataset.newSequence(tag).addItem();
        } else if (vr == VR.UI) {
            setMappedUids(dataset, tag, index);
        } else if (tag == PATIENT_ID) {
            String[] original = strings(dataset, index, vr);
            dataset.setString(tag, VR.LO, uidMapper.pseudonym(original.length > 0 ? original[0] : ""));
        } else {
            setDummy(dataset, tag, vr);
        }
        count(Outcome.DUMMY);
    }

    private static void setDummy(Attributes dataset, int tag, VR vr) {
        String text = DummyValues.stringFor(vr);
        if (text != null) {
            dataset.setString(tag, vr, text);
        } else if (vr.isBinaryNumber() || vr == VR.AT) {
            dataset.setInt(tag, vr, 0);
        } else {
            dataset.setBytes(tag, vr, new byte[Math.max(2, vr.bytesPerValue())]);
        }
    }

    private void replaceUids(Attributes dataset, int tag, int index, VR vr, boolean sequence, Rule rule) {
        if (sequence) {
            cleanItems(dataset, tag);
        } else if (vr == VR.UI) {
            if (setMappedUids(dataset, tag, index)) {
                count(Outcome.UID_REPLACED);
            }
        } else {
            warn(Tags.toString(tag) + " " + rule.name() + ": U action on VR " + vr + "; removed");
            dataset.removeAt(index);
            count(Outcome.REMOVED);
        }
    }

    /** Maps each UID value; false when the element was empty (nothing to replace). */
    private boolean setMappedUids(Attributes dataset, int tag, int index) {
        String[] uids = strings(dataset, index, VR.UI);
        if (uids.length == 0) {
            return false;
        }
        String[] mapped = new String[uids.length];
        for (int k = 0; k < uids.length; k++) {
            mapped[k] = uidMapper.map(uids[k]);
        }
        dataset.setString(tag, VR.UI, mapped);
        return true;
    }

    private void shiftDates(Attributes dataset, int tag, int index, VR vr, Rule rule) {
        if (vr != VR.DA && vr != VR.DT && vr != VR.TM) {
            perform(dataset, tag, rule, basicStep(rule));
            return;
        }
        String[] values = strings(dataset, index, vr);
        if (values.length == 0) {
            return;
        }
        String[] shifted = new String[values.length];
        for (int k = 0; k < values.length; k++) {
            shifted[k] = values[k].isEmpty() ? "" : switch (vr) {
                case DA -> TemporalShift.shiftDate(values[k], dayOffset);
                case DT -> TemporalShift.shiftDateTime(values[k], dayOffset);
                default -> TemporalShift.shiftTime(values[k]);
            };
            if (shifted[k] == null) {
                warn(Tags.toString(tag) + " " + rule.name() + ": not a complete " + vr + " value, so it could not be shifted;"
                        + " the Basic Profile action was applied");
                perform(dataset, tag, rule, basicStep(rule));
                return;
            }
        }
        dataset.setString(tag, vr, shifted);
        count(Outcome.DATE_SHIFTED);
    }

    private void clean(Attributes dataset, int tag, int index, VR vr, boolean sequence, Rule rule) {
        if (sequence) {
            cleanItems(dataset, tag);
            count(Outcome.CLEANED_KEPT);
            return;
        }
        if (vr.isString() && cleaner.isClean(String.join(" ", strings(dataset, index, vr)))) {
            if (dataset.vrAt(index) == VR.UN) {
                dataset.setString(tag, vr, strings(dataset, index, vr));
            }
            count(Outcome.CLEANED_KEPT);
            return;
        }
        count(Outcome.CLEANED_REPLACED);
        perform(dataset, tag, rule, basicStep(rule));
    }

    /** Applies the table inside each item of a sequence element; nothing for other elements. */
    private void cleanItems(Attributes dataset, int tag) {
        if (dataset.value(tag) instanceof Sequence sequence) {
            for (Attributes item : sequence) {
                apply(item);
            }
        }
    }

    /**
     * A sequence that arrived as UN (implicit VR read without the tag in the dictionary, or UN in explicit VR) is parsed
     * as implicit VR little endian (PS3.5 6.2.2) so that its items are de-identified too; a UN that the table calls a
     * sequence but that does not parse is removed, since its content cannot be checked.
     */
    private void reparseUnknownSequence(Attributes dataset, int tag, Rule rule) {
        int index = dataset.indexOf(tag);
        if (dataset.vrAt(index) != VR.UN || !(dataset.valueAt(index) instanceof byte[] bytes)) {
            return;
        }
        boolean tableSaysSequence = rule != null && rule.singleVr() == VR.SQ;
        boolean looksLikeItems = bytes.length >= 8 && ByteUtils.i32(bytes, 0, false) == ITEM_TAG_LE_FIRST_BYTES;
        if (!looksLikeItems) {
            if (tableSaysSequence) {
                warn(Tags.toString(tag) + " " + rule.name() + ": sequence held as UN could not be read; removed");
                dataset.removeAt(index);
                count(Outcome.REMOVED);
            }
            return;
        }
        Sequence parsed = parseImplicitSequence(tag, bytes);
        if (parsed == null) {
            if (tableSaysSequence || rule == null) {
                warn(Tags.toString(tag) + ": sequence held as UN could not be read; removed");
                dataset.removeAt(index);
                count(Outcome.REMOVED);
            }
            return;
        }
        Sequence replacement = dataset.newSequence(tag, parsed.size());
        for (Attributes item : parsed) {
            replacement.addItem().addAll(item);
        }
    }

    private static Sequence parseImplicitSequence(int tag, byte[] items) {
        byte[] wrapped = new byte[items.length + 16];
        ByteUtils.putTag(wrapped, 0, tag, false);
        ByteUtils.put32(wrapped, 4, -1, false);
        System.arraycopy(items, 0, wrapped, 8, items.length);
        ByteUtils.putTag(wrapped, items.length + 8, Tags.SEQUENCE_DELIMITATION, false);
        try {
            Attributes holder = DicomReader.readDataset(new ByteArrayInputStream(wrapped), Tags.toString(tag),
                    TransferSyntax.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN), ReadOptions.INCLUDE_ALL);
            return holder.getSequence(tag);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The VR to treat the element as: its own, or the table's when the dataset holds it as UN. */
    private static VR effectiveVr(Attributes dataset, int index, Rule rule) {
        VR vr = dataset.vrAt(index);
        return vr == VR.UN && rule.singleVr() != null ? rule.singleVr() : vr;
    }

    /** The element's values as strings, decoding a UN value as the VR the table gives. */
    private static String[] strings(Attributes dataset, int index, VR vr) {
        if (dataset.vrAt(index) != VR.UN || !(dataset.valueAt(index) instanceof byte[] bytes)) {
            return dataset.stringsAt(index);
        }
        String text = vr.usesSpecificCharacterSet()
                ? dataset.specificCharacterSet().decode(bytes, 0, bytes.length, vr == VR.PN)
                : new String(bytes, StandardCharsets.ISO_8859_1);
        String[] parts = vr.kind() == VR.Kind.TEXT ? new String[] {text} : text.split("\\\\", -1);
        List<String> values = new ArrayList<>(parts.length);
        for (String part : parts) {
            values.add(part.replaceAll("[\\s\\x00]+$", "").replaceAll("^ +", ""));
        }
        return values.size() == 1 && values.get(0).isEmpty() ? new String[0] : values.toArray(new String[0]);
    }

    private void count(Outcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }
}
