package org.lumen.server.dicomweb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The media types a client accepts, best first: by q (highest first), then in the order written. A missing or empty
 * header accepts anything. What a route can produce is decided by the route; this class only orders and matches.
 */
public record AcceptHeader(String raw, List<MediaType> ranges) {

    public static AcceptHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return new AcceptHeader("*/*", List.of(MediaType.ANY));
        }
        List<MediaType> ranges;
        try {
            ranges = new ArrayList<>(MediaType.parseList(header));
            for (MediaType m : ranges) {
                m.quality();
            }
        } catch (IllegalArgumentException e) {
            throw new DicomWebException(DicomWebError.BAD_REQUEST, "Accept", "Accept header: " + e.getMessage(), e);
        }
        ranges.removeIf(m -> m.quality() <= 0);
        ranges.sort(Comparator.comparingDouble(MediaType::quality).reversed());
        return new AcceptHeader(header, List.copyOf(ranges));
    }

    /**
     * The multipart/related ranges whose {@code type} parameter is {@code partType} (or any part type when the range is a
     * bare multipart/related or a wildcard and {@code wildcardMeans} is partType).
     */
    public List<MediaType> multipartFor(String partType, boolean bareMultipartMeansThis) {
        List<MediaType> out = new ArrayList<>();
        for (MediaType m : ranges) {
            if (m.isMultipartRelated()) {
                String type = m.parameter("type");
                if (type == null ? bareMultipartMeansThis : MediaType.parse(type).covers(partType)) {
                    out.add(m);
                }
            } else if (bareMultipartMeansThis && (m.essence().equals("*/*") || m.essence().equals("multipart/*"))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The first (best) single-part range covering one of {@code essences}, or null; returns the chosen essence. */
    public String firstSingle(List<String> essences) {
        for (MediaType m : ranges) {
            if (m.isMultipartRelated()) {
                continue;
            }
            for (String e : essences) {
                if (m.covers(e)) {
                    return e;
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return raw;
    }
}
