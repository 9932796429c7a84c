package org.lumen.image.radiomics;

import java.util.Locale;

/**
 * How intensities become grey levels (IBSI 1, "Intensity discretisation"): a fixed bin number, a fixed bin size, or none.
 * For the texture families and the intensity histogram NONE means the intensities already are grey levels (integers from
 * 1, as in the IBSI digital phantom). For the intensity-volume histogram NONE means calibrated discrete intensities (CT)
 * used as they are with a step of 1, as the IBSI prescribes for that case.
 *
 * @param value the number of bins (FIXED_BIN_NUMBER) or the bin width in intensity units (FIXED_BIN_SIZE); ignored for NONE
 */
public record Discretisation(Method method, double value) {
    public enum Method {
        NONE,
        FIXED_BIN_NUMBER,
        FIXED_BIN_SIZE
    }

    public static final Discretisation NONE = new Discretisation(Method.NONE, 0);

    public Discretisation {
        if (method == null) {
            throw new IllegalArgumentException("discretisation method is required");
        }
        if (method == Method.FIXED_BIN_NUMBER && (value < 1 || value != Math.rint(value))) {
            throw new IllegalArgumentException("a fixed bin number must be a whole number of at least 1, was " + value);
        }
        if (method == Method.FIXED_BIN_SIZE && !(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("a fixed bin size must be a positive number, was " + value);
        }
    }

    public static Discretisation binNumber(int bins) {
        return new Discretisation(Method.FIXED_BIN_NUMBER, bins);
    }

    public static Discretisation binSize(double width) {
        return new Discretisation(Method.FIXED_BIN_SIZE, width);
    }

    /** Parses "none", "FBN 32" or "FBS 25" (case-insensitive), the form the settings file uses. */
    public static Discretisation parse(String text) {
        String[] words = text.strip().split("\\s+");
        String kind = words[0].toUpperCase(Locale.ROOT);
        if (words.length == 1 && kind.equals("NONE")) {
            return NONE;
        }
        if (words.length == 2 && (kind.equals("FBN") || kind.equals("FBS"))) {
            double value;
            try {
                value = Double.parseDouble(words[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("discretisation \"" + text + "\": " + words[1] + " is not a number");
            }
            return kind.equals("FBN") ? new Discretisation(Method.FIXED_BIN_NUMBER, value) : binSize(value);
        }
        throw new IllegalArgumentException("discretisation \"" + text + "\" is not one of: none, FBN <bins>, FBS <width>");
    }

    @Override
    public String toString() {
        return switch (method) {
            case NONE -> "none";
            case FIXED_BIN_NUMBER -> "FBN " + (int) value;
            case FIXED_BIN_SIZE -> "FBS " + value;
        };
    }
}
