package org.lumen.dicom.data;

import java.util.List;
import java.util.Objects;

/**
 * A value read by a tolerant parser, with what had to be forgiven to read it: for example "comma used as decimal
 * separator". No repairs means the text conformed to its VR. Repairs describe the problem, never the value.
 */
public record ParsedValue<T>(T value, List<String> repairs) {

    public ParsedValue {
        Objects.requireNonNull(value, "value");
        repairs = List.copyOf(repairs);
    }

    /** True when the text conformed to its VR and nothing had to be repaired. */
    public boolean conforming() {
        return repairs.isEmpty();
    }
}
