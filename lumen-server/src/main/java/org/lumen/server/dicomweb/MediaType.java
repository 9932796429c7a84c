package org.lumen.server.dicomweb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A media type with its parameters, as HTTP writes them ({@code multipart/related; type="application/dicom";
 * transfer-syntax=1.2.840.10008.1.2.1}). Type, subtype and parameter names are lower case; values keep their case.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {

    public static final MediaType ANY = new MediaType("*", "*", Map.of());

    public MediaType {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static MediaType of(String typeAndSubtype) {
        return parse(typeAndSubtype);
    }

    /** Parses one media type; throws {@link IllegalArgumentException} naming the defect. */
    public static MediaType parse(String text) {
        List<String> pieces = split(text, ';');
        String essence = pieces.get(0).trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            throw new IllegalArgumentException("Not a media type: '" + text.trim() + "' (expected type/subtype)");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < pieces.size(); i++) {
            String p = pieces.get(i).trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Media type parameter '" + p + "' in '" + text.trim() + "' has no value");
            }
            params.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(p.substring(eq + 1).trim()));
        }
        return new MediaType(essence.substring(0, slash), essence.substring(slash + 1), params);
    }

    /** The media types of an Accept header, in the order given (see {@link AcceptHeader} for q ordering). */
    public static List<MediaType> parseList(String header) {
        List<MediaType> out = new ArrayList<>();
        for (String part : split(header, ',')) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        return out;
    }

    public String essence() {
        return type + "/" + subtype;
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public double quality() {
        String q = parameters.get("q");
        if (q == null) {
            return 1.0;
        }
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Accept quality q=" + q + " is not a number");
        }
    }

    /** True when this (possibly wildcard) type covers {@code essence}, e.g. {@code * / *} or {@code image/*}. */
    public boolean covers(String essence) {
        if (type.equals("*")) {
            return true;
        }
        int slash = essence.indexOf('/');
        return type.equals(essence.substring(0, slash)) && (subtype.equals("*") || subtype.equals(essence.substring(slash + 1)));
    }

    public boolean isMultipartRelated() {
        return type.equals("multipart") && subtype.equals("related");
    }

    public MediaType withParameter(String name, String value) {
        Map<String, String> params = new LinkedHashMap<>(parameters);
        params.put(name, value);
        return new MediaType(type, subtype, params);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(essence());
        parameters.forEach((k, v) -> {
            sb.append("; ").append(k).append('=');
            boolean quote = v.isEmpty() || v.chars().anyMatch(c -> "()<>@,;:\\\"/[]?= ".indexOf(c) >= 0);
            sb.append(quote ? '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : v);
        });
        return sb.toString();
    }

    /** Splits on {@code separator} outside double quotes. */
    static List<String> split(String text, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    c = v.charAt(++i);
                }
                sb.append(c);
            }
            return sb.toString();
        }
        return v;
    }
}
