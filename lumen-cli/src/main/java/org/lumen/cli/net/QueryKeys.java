package org.lumen.cli.net;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumen.cli.BadInputException;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.ElementDictionary;

/**
 * Query keys from the command line, as findscu takes them: {@code KEY=VALUE} (a matching key) or {@code KEY} (a return key),
 * where KEY is a keyword or {@code gggg,eeee}, optionally a sequence path such as
 * {@code ScheduledProcedureStepSequence[0].Modality} (item 0 when no index is given); values separated by a backslash.
 */
final class QueryKeys {
    private static final Pattern TAG = Pattern.compile("\\(?([0-9A-Fa-f]{4}),?([0-9A-Fa-f]{4})\\)?");
    private static final Pattern STEP = Pattern.compile("([^\\[\\]]+)(?:\\[(\\d+)\\])?");

    private QueryKeys() {
    }

    /** Adds every key to {@code keys}; a bad key is bad input (exit 2) naming it. */
    static Attributes apply(Attributes keys, List<String> specs) {
        if (specs != null) {
            for (String spec : specs) {
                apply(keys, spec);
            }
        }
        return keys;
    }

    static void apply(Attributes keys, String spec) {
        int eq = spec.indexOf('=');
        String path = (eq < 0 ? spec : spec.substring(0, eq)).trim();
        String value = eq < 0 ? null : spec.substring(eq + 1);
        String[] steps = path.split("\\.");
        Attributes target = keys;
        for (int s = 0; s < steps.length; s++) {
            Matcher m = STEP.matcher(steps[s].trim());
            if (!m.matches()) {
                throw new BadInputException("-k " + spec + ": cannot read '" + steps[s] + "'");
            }
            int tag = tagOf(m.group(1).trim(), spec);
            VR vr = ElementDictionary.standard().vrOf(tag);
            boolean last = s == steps.length - 1;
            if (!last || vr == VR.SQ) {
                if (vr != VR.SQ) {
                    throw new BadInputException("-k " + spec + ": " + m.group(1) + " is not a sequence");
                }
                int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                Sequence seq = target.getSequence(tag);
                if (seq == null) {
                    seq = target.newSequence(tag);
                }
                if (last) {
                    if (value != null && !value.isEmpty()) {
                        throw new BadInputException("-k " + spec + ": a sequence takes no value; give its items' keys");
                    }
                    return;
                }
                while (seq.size() <= index) {
                    seq.addItem();
                }
                target = seq.get(index);
            } else {
                if (vr == VR.UN) {
                    vr = VR.LO;                       // an unknown or private tag: a string key is the useful guess
                }
                try {
                    if (value == null || value.isEmpty()) {
                        target.setNull(tag, vr);
                    } else {
                        target.setString(tag, vr, value.split("\\\\", -1));
                    }
                } catch (RuntimeException e) {
                    throw new BadInputException("-k " + spec + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static int tagOf(String name, String spec) {
        Matcher t = TAG.matcher(name);
        if (t.matches()) {
            return (Integer.parseInt(t.group(1), 16) << 16) | Integer.parseInt(t.group(2), 16);
        }
        int tag = ElementDictionary.standard().tagOf(name);
        if (tag == -1) {
            throw new BadInputException("-k " + spec + ": unknown keyword '" + name + "' (use a keyword or gggg,eeee)");
        }
        return tag;
    }
}
