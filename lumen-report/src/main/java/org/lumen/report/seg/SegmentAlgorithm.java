package org.lumen.report.seg;

import java.util.Objects;
import org.lumen.report.Code;

/**
 * How the segments were made, written into every Segment Sequence item: Segment Algorithm Type (0062,0008) and, unless the
 * segmentation is manual, Segment Algorithm Name (0062,0009) and the Segmentation Algorithm Identification Sequence
 * (0062,0007) with the algorithm's family, name and version.
 *
 * @param type AUTOMATIC, SEMIAUTOMATIC or MANUAL
 * @param name the algorithm (a model package name, say); null for MANUAL
 * @param version its version; null for MANUAL
 * @param family Algorithm Family Code Sequence (0066,002F), from CID 7162; null for MANUAL
 */
public record SegmentAlgorithm(Type type, String name, String version, Code family) {
    /** (123110, DCM, "Artificial Intelligence"), the CID 7162 family of trained networks. */
    public static final Code ARTIFICIAL_INTELLIGENCE = Code.dcm("123110", "Artificial Intelligence");
    private static final int LONG_STRING = 64;

    /** Segment Algorithm Type's defined terms. */
    public enum Type { AUTOMATIC, SEMIAUTOMATIC, MANUAL }

    public SegmentAlgorithm {
        Objects.requireNonNull(type, "type");
        if (type != Type.MANUAL) {
            name = required(name, "algorithm name");
            version = required(version, "algorithm version");
            Objects.requireNonNull(family, "algorithm family code");
        }
    }

    /** A trained network (family Artificial Intelligence) that segments without a person. */
    public static SegmentAlgorithm automatic(String name, String version) {
        return new SegmentAlgorithm(Type.AUTOMATIC, name, version, ARTIFICIAL_INTELLIGENCE);
    }

    /** Drawn by a person: no algorithm is named. */
    public static SegmentAlgorithm manual() {
        return new SegmentAlgorithm(Type.MANUAL, null, null, null);
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required unless the segmentation is MANUAL");
        }
        String stripped = text.strip();
        if (stripped.length() > LONG_STRING || stripped.contains("\\")) {
            throw new IllegalArgumentException(what + " '" + stripped + "' must be at most " + LONG_STRING
                    + " characters without a backslash (DICOM LO)");
        }
        return stripped;
    }
}
