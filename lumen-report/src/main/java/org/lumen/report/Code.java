package org.lumen.report;

import java.util.Objects;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;

/**
 * A coded concept as DICOM writes it in a code sequence item (PS3.3 Table 8.8-1): Code Value, Coding Scheme Designator and
 * Code Meaning. Lumen's results use SNOMED CT ({@code SCT}) and DICOM ({@code DCM}) codes.
 *
 * @param value Code Value (0008,0100), at most 16 characters (SH)
 * @param scheme Coding Scheme Designator (0008,0102), e.g. SCT or DCM
 * @param meaning Code Meaning (0008,0104), at most 64 characters (LO)
 */
public record Code(String value, String scheme, String meaning) {
    private static final int SHORT_STRING = 16;
    private static final int LONG_STRING = 64;

    public Code {
        value = checked(value, "Code Value", SHORT_STRING);
        scheme = checked(scheme, "Coding Scheme Designator", SHORT_STRING);
        meaning = checked(meaning, "Code Meaning", LONG_STRING);
    }

    /** A SNOMED CT concept. */
    public static Code sct(String value, String meaning) {
        return new Code(value, "SCT", meaning);
    }

    /** A concept of the DICOM Controlled Terminology (PS3.16 Annex D). */
    public static Code dcm(String value, String meaning) {
        return new Code(value, "DCM", meaning);
    }

    /** Writes this code as the one item of {@code sequenceTag} in {@code dataset}, replacing what was there. */
    public void writeAsOnlyItem(Attributes dataset, int sequenceTag) {
        writeItem(dataset.newSequence(sequenceTag, 1));
    }

    /** Appends this code as an item of {@code sequence}. */
    public void writeItem(Sequence sequence) {
        Attributes item = sequence.addItem();
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
    }

    @Override
    public String toString() {
        return "(" + value + ", " + scheme + ", \"" + meaning + "\")";
    }

    private static String checked(String text, String what, int maxLength) {
        Objects.requireNonNull(text, what);
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; a code needs a value, a scheme and a meaning");
        }
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " '" + stripped + "' is longer than the " + maxLength
                    + " characters DICOM allows");
        }
        if (stripped.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException(what + " '" + stripped + "' holds a backslash or control character");
        }
        return stripped;
    }
}
