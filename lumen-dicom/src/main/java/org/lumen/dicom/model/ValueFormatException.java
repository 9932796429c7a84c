package org.lumen.dicom.model;

/**
 * A value in a JSON or XML document that does not fit its VR. The readers add where in the document it was and rethrow
 * their own exception.
 */
public final class ValueFormatException extends Exception {
    private final int valueIndex;

    public ValueFormatException(int valueIndex, String message) {
        super(message);
        this.valueIndex = valueIndex;
    }

    /** The 0-based index of the offending value within its element, or -1 when the element as a whole is wrong. */
    public int valueIndex() {
        return valueIndex;
    }
}
