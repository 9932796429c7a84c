package org.lumen.server.query;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

import java.util.List;
import java.util.stream.Stream;

/**
 * Modality Worklist C-FIND (PS3.4 K.6) over scheduled procedure step items held in memory: the same matching rules as the
 * archive's queries (sequence matching on the Scheduled Procedure Step Sequence item, date ranges, wildcards), and the
 * identifier built from the requested keys, sequence items narrowed to the key item's attributes.
 */
public final class WorklistQuery {
    private WorklistQuery() {
    }

    public static Stream<Attributes> match(List<Attributes> items, Attributes keys) {
        int[] tags = keys.tags();
        return items.stream().filter(item -> matchesAll(keys, tags, item)).map(item -> identifier(keys, tags, item));
    }

    private static boolean matchesAll(Attributes keys, int[] tags, Attributes item) {
        for (int tag : tags) {
            if (tag != Tags.SPECIFIC_CHARACTER_SET && !Matching.matches(keys, tag, item)) {
                return false;
            }
        }
        return true;
    }

    private static Attributes identifier(Attributes keys, int[] tags, Attributes item) {
        Attributes out = new Attributes(false, tags.length + 1);
        for (int tag : tags) {
            if (tag != Tags.SPECIFIC_CHARACTER_SET) {
                Identifiers.copy(keys, tag, item, out);
            }
        }
        out.setString(Tags.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");   // values are decoded; re-encoded as UTF-8
        return out;
    }
}
