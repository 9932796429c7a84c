package org.lumen.dicom.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * Compares a dataset read by {@link DicomReader} with the tree dcmdump printed for the same file, element by element:
 * tags, VRs, sequence nesting and item counts, fragment counts and lengths, value lengths, and values (strings as the exact
 * bytes of the file less trailing padding, numbers as numbers, OB/OW/UN as bytes or words; values dcmdump did not load are
 * compared by length only).
 *
 * <p>Each difference is one line that starts with the element's path, {@code (0008,1140)[1]>(0008,1150): ...}, so that a
 * reasoned exception can name it.
 */
final class DumpComparison {
    private final List<String> differences = new ArrayList<>();

    private DumpComparison() {
    }

    static List<String> compare(List<DumpTree.Element> expected, Attributes actual) {
        DumpComparison comparison = new DumpComparison();
        comparison.compareItem(expected, actual, "");
        return comparison.differences;
    }

    private void compareItem(List<DumpTree.Element> expected, Attributes actual, String path) {
        int i = 0;
        int j = 0;
        while (i < actual.size() || j < expected.size()) {
            int ourTag = i < actual.size() ? actual.tagAt(i) : -1;
            int theirTag = j < expected.size() ? expected.get(j).tag() : -1;
            if (j >= expected.size() || (i < actual.size() && Integer.compareUnsigned(ourTag, theirTag) < 0)) {
                differences.add(path + Tags.toString(ourTag) + ": read by us, absent in dcmdump");
                i++;
            } else if (i >= actual.size() || Integer.compareUnsigned(theirTag, ourTag) < 0) {
                differences.add(path + Tags.toString(theirTag) + ": printed by dcmdump (line " + expected.get(j).line()
                        + "), absent in our dataset");
                j++;
            } else {
                compareElement(expected.get(j), actual, i, path + Tags.toString(ourTag));
                i++;
                j++;
            }
        }
    }

    private void compareElement(DumpTree.Element theirs, Attributes actual, int index, String path) {
        VR vr = actual.vrAt(index);
        if (!sameVR(vr, theirs.vr())) {
            differences.add(path + ": VR " + vr + ", dcmdump " + theirs.vr() + " (line " + theirs.line() + ")");
            return;
        }
        Object value = actual.valueAt(index);
        if (value instanceof Sequence sequence) {
            compareSequence(theirs, sequence, path);
        } else if (value instanceof Fragments fragments) {
            compareFragments(theirs, fragments, path);
        } else if (theirs.items() != null || theirs.fragments() != null) {
            differences.add(path + ": dcmdump shows a sequence or fragments, we hold " + describe(value));
        } else {
            compareValue(theirs, actual, index, vr, path);
        }
    }

    private void compareSequence(DumpTree.Element theirs, Sequence sequence, String path) {
        if (theirs.items() == null) {
            differences.add(path + ": we read a sequence of " + sequence.size() + " items, dcmdump a value (line "
                    + theirs.line() + ")");
            return;
        }
        if (theirs.items().size() != sequence.size()) {
            differences.add(path + ": " + sequence.size() + " items, dcmdump " + theirs.items().size());
            return;
        }
        for (int k = 0; k < sequence.size(); k++) {
            compareItem(theirs.items().get(k), sequence.get(k), path + "[" + (k + 1) + "]>");
        }
    }

    private void compareFragments(DumpTree.Element theirs, Fragments fragments, String path) {
        if (theirs.fragments() == null) {
            differences.add(path + ": we read " + fragments.size() + " fragments, dcmdump no pixel sequence");
            return;
        }
        if (theirs.fragments().size() != fragments.size()) {
            differences.add(path + ": " + fragments.size() + " fragments, dcmdump " + theirs.fragments().size());
            return;
        }
        for (int k = 0; k < fragments.size(); k++) {
            DumpTree.Element fragment = theirs.fragments().get(k);
            if (fragment.length() != fragments.length(k)) {
                differences.add(path + "{" + k + "}: fragment length " + fragments.length(k) + ", dcmdump " + fragment.length());
            } else if (fragment.value() != null && !hex(fragments.bytes(k), 1, false).equals(fragment.value())) {
                differences.add(path + "{" + k + "}: fragment bytes differ");
            }
        }
    }

    private void compareValue(DumpTree.Element theirs, Attributes actual, int index, VR vr, String path) {
        Object value = actual.valueAt(index);
        long length = value == null ? 0 : value instanceof BulkData bulk ? bulk.length() : ((byte[]) value).length;
        // dcmtk pads an odd-length value to even length in memory (it warns "Length of element ... is odd") and then
        // reports and prints the padded value; we keep the bytes of the file.
        boolean paddedByDcmtk = length % 2 == 1 && theirs.length() == length + 1;
        if (length != theirs.length() && !paddedByDcmtk) {
            differences.add(path + ": length " + length + ", dcmdump " + theirs.length());
            return;
        }
        if (length == 0 || theirs.notLoaded()) {
            return;
        }
        byte[] bytes = actual.bytesAt(index);
        if (paddedByDcmtk) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        }
        String ours = printed(bytes, vr, actual.bigEndian(), theirs.vr());
        String expected = theirs.value() == null ? "" : theirs.value();
        boolean numeric = vr.isBinaryNumber() || vr == VR.OF || vr == VR.OD || vr == VR.OL || vr == VR.OV;
        boolean same = ours.equals(expected) || (numeric && numbersMatch(ours, expected, vr, theirs.vr()));
        if (!same) {
            differences.add(path + ": value [" + abbreviate(ours) + "], dcmdump [" + abbreviate(expected) + "]");
        }
    }

    /** Our value in dcmdump's notation: strings less trailing padding, numbers in decimal, bytes and words in hex. */
    private static String printed(byte[] bytes, VR vr, boolean bigEndian, String theirVR) {
        if (vr.isString()) {
            int end = bytes.length;
            byte pad = vr.paddingByte();
            while (end > 0 && bytes[end - 1] == pad) {
                end--;
            }
            return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
        return switch (vr) {
            case OB, UN -> hex(bytes, 1, bigEndian);
            case OW -> theirVR.equals("OW") || theirVR.equals("ox") || theirVR.equals("lt") ? hex(bytes, 2, bigEndian)
                    : numbers(bytes, VR.US, bigEndian);
            case AT -> tags(bytes, bigEndian);
            default -> numbers(bytes, vr, bigEndian);
        };
    }

    /**
     * Numbers compare by value. Floating point values may differ by one unit in the last place: dcmtk formats them with its
     * own routine, which is not correctly rounded at 9 (float) or 17 (double) digits, and prints -0 as 0.
     */
    private static boolean numbersMatch(String ours, String theirs, VR vr, String theirVR) {
        boolean eitherSign = theirVR.equals("xs") || theirVR.equals("lt");
        String[] a = ours.split("\\\\");
        String[] b = theirs.split("\\\\");
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            try {
                boolean same;
                if (eitherSign) {
                    same = (Long.parseLong(a[k]) & 0xFFFF) == (Long.parseLong(b[k]) & 0xFFFF);
                } else if (vr == VR.FL || vr == VR.OF) {
                    float x = Float.parseFloat(a[k]);
                    float y = Float.parseFloat(fixSpecial(b[k]));
                    same = x == y || Float.compare(x, y) == 0 || Math.abs(x - y) <= Math.ulp(x);
                } else if (vr == VR.FD || vr == VR.OD) {
                    double x = Double.parseDouble(a[k]);
                    double y = Double.parseDouble(fixSpecial(b[k]));
                    same = x == y || Double.compare(x, y) == 0 || Math.abs(x - y) <= Math.ulp(x);
                } else {
                    same = new java.math.BigInteger(a[k]).equals(new java.math.BigInteger(b[k]));
                }
                if (!same) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static String fixSpecial(String c) {
        return switch (c) {
            case "nan", "-nan" -> "NaN";
            case "inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            default -> c;
        };
    }

    private static String numbers(byte[] bytes, VR vr, boolean bigEndian) {
        int width = vr.bytesPerValue();
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off + width <= bytes.length; off += width) {
            if (off > 0) {
                sb.append('\\');
            }
            switch (vr) {
                case US -> sb.append(ByteUtils.u16(bytes, off, bigEndian));
                case SS -> sb.append(ByteUtils.s16(bytes, off, bigEndian));
                case UL, OL -> sb.append(ByteUtils.i32(bytes, off, bigEndian) & 0xFFFFFFFFL);
                case SL -> sb.append(ByteUtils.i32(bytes, off, bigEndian));
                case FL, OF -> sb.append(Float.intBitsToFloat(ByteUtils.i32(bytes, off, bigEndian)));
                case FD, OD -> sb.append(Double.longBitsToDouble(ByteUtils.i64(bytes, off, bigEndian)));
                case SV -> sb.append(ByteUtils.i64(bytes, off, bigEndian));
                case UV, OV -> sb.append(Long.toUnsignedString(ByteUtils.i64(bytes, off, bigEndian)));
                default -> throw new IllegalArgumentException("not a number VR: " + vr);
            }
        }
        return sb.toString();
    }

    private static String tags(byte[] bytes, boolean bigEndian) {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off + 4 <= bytes.length; off += 4) {
            if (off > 0) {
                sb.append('\\');
            }
            sb.append(Tags.toString(ByteUtils.tag(bytes, off, bigEndian)).toLowerCase());
        }
        return sb.toString();
    }

    /** Bytes ({@code width} 1) or 16-bit words ({@code width} 2, in the dataset's byte order) as dcmdump prints them. */
    static String hex(byte[] bytes, int width, boolean bigEndian) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (int off = 0; off + width <= bytes.length; off += width) {
            if (off > 0) {
                sb.append('\\');
            }
            int v = width == 1 ? bytes[off] & 0xFF : ByteUtils.u16(bytes, off, bigEndian);
            String digits = Integer.toHexString(v);
            sb.append("0".repeat(2 * width - digits.length())).append(digits);
        }
        return sb.toString();
    }

    /** dcmtk's VR tokens for ambiguous and unknown VRs stand for any of the VRs they cover. */
    static boolean sameVR(VR ours, String theirs) {
        return switch (theirs) {
            case "up" -> ours == VR.UL;
            case "xs" -> ours == VR.US || ours == VR.SS;
            case "ox" -> ours == VR.OB || ours == VR.OW;
            case "lt" -> ours == VR.US || ours == VR.SS || ours == VR.OW;
            case "??" -> ours == VR.UN;
            default -> ours.name().equals(theirs);
        };
    }

    private static String describe(Object value) {
        return value == null ? "an empty value" : value.getClass().getSimpleName();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
