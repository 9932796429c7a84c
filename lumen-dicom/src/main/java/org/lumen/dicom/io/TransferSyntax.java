package org.lumen.dicom.io;

import java.util.Map;

/**
 * How a dataset is encoded after the file meta information: VR explicit or implicit, byte order, deflate, and whether pixel
 * data is encapsulated (compressed). Unknown UIDs are treated as explicit VR little endian encapsulated, the rule of PS3.5
 * for every compressed syntax.
 */
public record TransferSyntax(String uid, String name, boolean explicitVR, boolean bigEndian, boolean deflated,
        boolean encapsulated, boolean lossy, boolean video) {

    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.98";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String JPEG_BASELINE_8BIT = "1.2.840.10008.1.2.4.50";
    public static final String JPEG_EXTENDED_12BIT = "1.2.840.10008.1.2.4.51";
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";
    public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    private static final Map<String, TransferSyntax> KNOWN = Map.ofEntries(
            entry(IMPLICIT_VR_LITTLE_ENDIAN, "Implicit VR Little Endian", false, false, false, false, false, false),
            entry(EXPLICIT_VR_LITTLE_ENDIAN, "Explicit VR Little Endian", true, false, false, false, false, false),
            entry(ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN, "Encapsulated Uncompressed Explicit VR Little Endian",
                    true, false, false, true, false, false),
            entry(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, "Deflated Explicit VR Little Endian", true, false, true, false, false, false),
            entry(EXPLICIT_VR_BIG_ENDIAN, "Explicit VR Big Endian", true, true, false, false, false, false),
            entry(JPEG_BASELINE_8BIT, "JPEG Baseline (Process 1)", true, false, false, true, true, false),
            entry(JPEG_EXTENDED_12BIT, "JPEG Extended (Process 2 & 4)", true, false, false, true, true, false),
            entry(JPEG_LOSSLESS, "JPEG Lossless, Non-Hierarchical (Process 14)", true, false, false, true, false, false),
            entry(JPEG_LOSSLESS_SV1, "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])",
                    true, false, false, true, false, false),
            entry(JPEG_LS_LOSSLESS, "JPEG-LS Lossless Image Compression", true, false, false, true, false, false),
            entry(JPEG_LS_NEAR_LOSSLESS, "JPEG-LS Lossy (Near-Lossless) Image Compression", true, false, false, true, true, false),
            entry(JPEG_2000_LOSSLESS, "JPEG 2000 Image Compression (Lossless Only)", true, false, false, true, false, false),
            entry(JPEG_2000, "JPEG 2000 Image Compression", true, false, false, true, true, false),
            entry("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", true, false, false, true, false, false),
            entry("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", true, false, false, true, false, false),
            entry("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", true, false, false, true, true, false),
            entry(RLE_LOSSLESS, "RLE Lossless", true, false, false, true, false, false),
            entry("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", true, false, false, true, false, false),
            entry("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", true, false, false, true, true, true),
            entry("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level", true, false, false, true, true, true),
            entry("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", true, false, false, true, true, true),
            entry("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1", true, false, false, true, true, true),
            entry("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video", true, false, false, true, true, true),
            entry("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video", true, false, false, true, true, true),
            entry("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2", true, false, false, true, true, true),
            entry("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", true, false, false, true, true, true),
            entry("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1", true, false, false, true, true, true));

    private static Map.Entry<String, TransferSyntax> entry(String uid, String name, boolean explicit, boolean big,
            boolean deflated, boolean encapsulated, boolean lossy, boolean video) {
        return Map.entry(uid, new TransferSyntax(uid, name, explicit, big, deflated, encapsulated, lossy, video));
    }

    /** The syntax for {@code uid}; an unknown UID is assumed to be a compressed (encapsulated) explicit little endian one. */
    public static TransferSyntax of(String uid) {
        TransferSyntax known = KNOWN.get(uid);
        return known != null ? known : new TransferSyntax(uid, "Unknown (" + uid + ")", true, false, false, true, false, false);
    }

    public static boolean isKnown(String uid) {
        return KNOWN.containsKey(uid);
    }

    /** The same syntax with the VR encoding changed; used when a file's data contradicts its meta header. */
    public TransferSyntax withExplicitVR(boolean explicit) {
        return new TransferSyntax(uid, name, explicit, bigEndian, deflated, encapsulated, lossy, video);
    }

    /** True for the uncompressed syntaxes a writer can produce without a codec. */
    public boolean isNative() {
        return !encapsulated;
    }
}
