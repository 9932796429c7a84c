package org.lumen.dicom.pixel;

import java.util.Locale;

/** VOI LUT Function (0028,1056), PS3.3 C.11.2.1.3: how Window Center and Width map values to the output range. */
public enum VoiFunction {
    LINEAR, LINEAR_EXACT, SIGMOID;

    /** The function for a defined term; absent or empty means LINEAR, an unknown term is a {@link PixelDataException}. */
    public static VoiFunction of(String term) {
        if (term == null || term.isBlank()) {
            return LINEAR;
        }
        try {
            return valueOf(term.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PixelDataException("VOI LUT Function '" + term.trim() + "' is not one of LINEAR, LINEAR_EXACT, SIGMOID");
        }
    }
}
