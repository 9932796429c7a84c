package org.lumen.server.dicomweb;

import java.util.List;

/**
 * How the DICOMweb routes behave.
 *
 * @param allowedOrigins      CORS: origins allowed to call from a browser ("https://viewer.example.org"), or "*" for any;
 *                            empty: no CORS headers (same-origin use only)
 * @param publicBaseUrl       the base URL clients reach this server at, for RetrieveURL and BulkDataURI values (e.g.
 *                            "https://pacs.example.org"); null: from each request's scheme and Host header
 * @param defaultLimit        QIDO results when the client gives no limit
 * @param maxLimit            QIDO results at most, whatever the client asks (a Warning header says when it was lowered)
 * @param bulkDataThreshold   in WADO-RS metadata, binary values of at least this many bytes are a BulkDataURI
 * @param thumbnailSize       the longer side of a thumbnail, in pixels
 * @param maxStowPartBytes    a STOW-RS part larger than this fails with a reason (0: no limit)
 */
public record DicomWebConfig(List<String> allowedOrigins, String publicBaseUrl, int defaultLimit, int maxLimit,
        int bulkDataThreshold, int thumbnailSize, long maxStowPartBytes) {

    /** Same-origin only, results 100 by default and 10,000 at most, bulk data from 1 KiB, 128-pixel thumbnails. */
    public static final DicomWebConfig DEFAULT = new DicomWebConfig(List.of(), null, 100, 10_000, 1024, 128, 0);

    public DicomWebConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (defaultLimit < 1 || maxLimit < defaultLimit) {
            throw new IllegalArgumentException("DICOMweb limits must satisfy 1 <= defaultLimit <= maxLimit, got "
                    + defaultLimit + " and " + maxLimit);
        }
        if (bulkDataThreshold < 0 || thumbnailSize < 1 || maxStowPartBytes < 0) {
            throw new IllegalArgumentException("bulkDataThreshold >= 0, thumbnailSize >= 1 and maxStowPartBytes >= 0 "
                    + "are required");
        }
        if (publicBaseUrl != null && publicBaseUrl.endsWith("/")) {
            publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }
    }

    public DicomWebConfig withAllowedOrigins(List<String> origins) {
        return new DicomWebConfig(origins, publicBaseUrl, defaultLimit, maxLimit, bulkDataThreshold, thumbnailSize,
                maxStowPartBytes);
    }

    public DicomWebConfig withPublicBaseUrl(String url) {
        return new DicomWebConfig(allowedOrigins, url, defaultLimit, maxLimit, bulkDataThreshold, thumbnailSize,
                maxStowPartBytes);
    }

    public DicomWebConfig withLimits(int defaultLimit, int maxLimit) {
        return new DicomWebConfig(allowedOrigins, publicBaseUrl, defaultLimit, maxLimit, bulkDataThreshold, thumbnailSize,
                maxStowPartBytes);
    }

    public DicomWebConfig withMaxStowPartBytes(long max) {
        return new DicomWebConfig(allowedOrigins, publicBaseUrl, defaultLimit, maxLimit, bulkDataThreshold, thumbnailSize,
                max);
    }

    boolean allowsOrigin(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}
