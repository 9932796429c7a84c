package org.lumen.server.dicomweb;

import java.util.Map;

/** The media type of a compressed frame per transfer syntax (PS3.18 Table 8.7.3-4, -5). */
final class PixelMediaTypes {
    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_SYNTAX = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.51", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.57", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.70", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.80", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.81", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.92", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.4.93", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.4.201", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.202", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.203", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.5", "image/dicom-rle"));

    private PixelMediaTypes() {
    }

    /** The media type of a frame in {@code syntax}, {@code application/octet-stream} for native or unlisted ones. */
    static String of(String syntax) {
        return BY_SYNTAX.getOrDefault(syntax, OCTET_STREAM);
    }
}
