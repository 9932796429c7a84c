package org.lumen.dicom.data;

import java.util.Locale;

/**
 * A character-string value that cannot be read as its VR says it should be. The message names the VR and quotes the
 * offending value (shortened and with control characters made visible), so a user can find it in their data.
 */
public class DicomValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED_LENGTH = 64;

    private final VR vr;
    private final String value;
    private final String reason;

    /** A value that is wrong for {@code vr} because of {@code reason}; the value is quoted in the message. */
    public DicomValueException(VR vr, String value, String reason) {
        super("Invalid " + vr + " value " + quote(value) + ": " + reason);
        this.vr = vr;
        this.value = value;
        this.reason = reason;
    }

    /**
     * A value that is wrong for {@code vr}, described without quoting it: for person names, whose text is identifying
     * and must not reach logs.
     */
    public static DicomValueException withoutValue(VR vr, String reason) {
        return new DicomValueException(vr, reason);
    }

    private DicomValueException(VR vr, String reason) {
        super("Invalid " + vr + " value: " + reason);
        this.vr = vr;
        this.value = null;
        this.reason = reason;
    }

    public VR vr() {
        return vr;
    }

    /** The offending value, or null when it was withheld from the message (person names). */
    public String value() {
        return value;
    }

    /** What is wrong with the value, without the value itself. */
    public String reason() {
        return reason;
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        int shown = Math.min(value.length(), MAX_QUOTED_LENGTH);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                quoted.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (shown < value.length()) {
            quoted.append("…(").append(value.length()).append(" characters)");
        }
        return quoted.append('"').toString();
    }
}
