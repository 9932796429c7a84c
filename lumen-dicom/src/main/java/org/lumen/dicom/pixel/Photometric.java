package org.lumen.dicom.pixel;

import java.util.Locale;

/** Photometric Interpretation (0028,0004), PS3.3 C.7.6.3.1.2, with the number of samples per pixel each one requires. */
public enum Photometric {
    MONOCHROME1("MONOCHROME1", 1),
    MONOCHROME2("MONOCHROME2", 1),
    PALETTE_COLOR("PALETTE COLOR", 1),
    RGB("RGB", 3),
    YBR_FULL("YBR_FULL", 3),
    YBR_FULL_422("YBR_FULL_422", 3),
    YBR_PARTIAL_422("YBR_PARTIAL_422", 3),
    YBR_PARTIAL_420("YBR_PARTIAL_420", 3),
    YBR_ICT("YBR_ICT", 3),
    YBR_RCT("YBR_RCT", 3);

    private final String code;
    private final int samplesPerPixel;

    Photometric(String code, int samplesPerPixel) {
        this.code = code;
        this.samplesPerPixel = samplesPerPixel;
    }

    /** The defined term as written in the dataset. */
    public String code() {
        return code;
    }

    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    public boolean isMonochrome() {
        return this == MONOCHROME1 || this == MONOCHROME2;
    }

    /** True for the YCbCr family, whose samples are converted to RGB for display. */
    public boolean isYbr() {
        return code.startsWith("YBR");
    }

    /** The interpretation for a defined term; an unknown or empty one is a {@link PixelDataException}. */
    public static Photometric of(String code) {
        if (code == null || code.isBlank()) {
            throw new PixelDataException("Photometric Interpretation (0028,0004) is missing");
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        for (Photometric p : values()) {
            if (p.code.equals(normalised)) {
                return p;
            }
        }
        throw new PixelDataException("Photometric Interpretation '" + code.trim() + "' is not supported; expected one of "
                + "MONOCHROME1, MONOCHROME2, PALETTE COLOR, RGB, YBR_FULL, YBR_FULL_422, YBR_PARTIAL_422, YBR_PARTIAL_420, "
                + "YBR_ICT, YBR_RCT");
    }

    @Override
    public String toString() {
        return code;
    }
}
