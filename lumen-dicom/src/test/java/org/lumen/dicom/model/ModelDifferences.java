package org.lumen.dicom.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/** Every difference between two datasets (not only the first), for comparing our output with a peer's. */
final class ModelDifferences {

    enum Kind { ONLY_OURS, ONLY_THEIRS, VR, ITEMS, STRINGS, BINARY }

    /** One difference with both sides' values, for classification. */
    record Difference(String path, int tag, VR vr, Kind kind, String[] ourStrings, String[] theirStrings, byte[] ourBytes,
            byte[] theirBytes) {

        @Override
        public String toString() {
            return path + " " + vr + " " + kind + (kind == Kind.STRINGS
                    ? ": ours " + Arrays.toString(ourStrings) + " | theirs " + Arrays.toString(theirStrings)
                    : kind == Kind.BINARY ? ": ours " + ourBytes.length + " bytes | theirs " + theirBytes.length + " bytes" : "");
        }
    }

    private ModelDifferences() {
    }

    static List<Difference> between(Attributes ours, Attributes theirs) {
        List<Difference> out = new ArrayList<>();
        compare(ours, theirs, "", out);
        return out;
    }

    private static void compare(Attributes ours, Attributes theirs, String prefix, List<Difference> out) {
        int i = 0;
        int j = 0;
        while (i < ours.size() || j < theirs.size()) {
            boolean takeOurs = j >= theirs.size() || (i < ours.size() && Integer.compareUnsigned(ours.tagAt(i), theirs.tagAt(j)) < 0);
            boolean takeTheirs = i >= ours.size() || (j < theirs.size() && Integer.compareUnsigned(theirs.tagAt(j), ours.tagAt(i)) < 0);
            if (takeOurs) {
                out.add(new Difference(prefix + Tags.toHex(ours.tagAt(i)), ours.tagAt(i), ours.vrAt(i), Kind.ONLY_OURS, null, null, null, null));
                i++;
            } else if (takeTheirs) {
                out.add(new Difference(prefix + Tags.toHex(theirs.tagAt(j)), theirs.tagAt(j), theirs.vrAt(j), Kind.ONLY_THEIRS,
                        null, null, null, null));
                j++;
            } else {
                compareElement(ours, i, theirs, j, prefix + Tags.toHex(ours.tagAt(i)), out);
                i++;
                j++;
            }
        }
    }

    private static void compareElement(Attributes ours, int i, Attributes theirs, int j, String path, List<Difference> out) {
        int tag = ours.tagAt(i);
        VR vr = ours.vrAt(i);
        if (vr != theirs.vrAt(j)) {
            out.add(new Difference(path, tag, vr, Kind.VR, new String[] {vr.name()}, new String[] {theirs.vrAt(j).name()}, null, null));
            return;
        }
        if (ours.valueAt(i) instanceof Sequence a) {
            if (!(theirs.valueAt(j) instanceof Sequence b) || a.size() != b.size()) {
                out.add(new Difference(path, tag, vr, Kind.ITEMS, null, null, null, null));
                return;
            }
            for (int k = 0; k < a.size(); k++) {
                compare(a.get(k), b.get(k), path + "/" + k + "/", out);
            }
            return;
        }
        if (vr.isString() && isStringForm(ours.valueAt(i)) && isStringForm(theirs.valueAt(j))) {
            String[] a = ours.stringsAt(i);
            String[] b = theirs.stringsAt(j);
            if (!Arrays.equals(a, b)) {
                out.add(new Difference(path, tag, vr, Kind.STRINGS, a, b, null, null));
            }
            return;
        }
        byte[] a = bytes(ours, i);
        byte[] b = bytes(theirs, j);
        if (!Arrays.equals(a, b)) {
            out.add(new Difference(path, tag, vr, Kind.BINARY, null, null, a, b));
        }
    }

    private static boolean isStringForm(Object value) {
        return value == null || value instanceof byte[] || value instanceof String[];
    }

    private static byte[] bytes(Attributes dataset, int index) {
        Object value = dataset.valueAt(index);
        if (value instanceof byte[] || value instanceof BulkData) {
            return ModelValues.littleEndianBytes(dataset, index);
        }
        return value == null ? new byte[0] : value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
