package org.lumen.server.dicomweb;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.ElementDictionary;

/**
 * A QIDO-RS search as parsed from the URL (PS3.18 8.3.4): the C-FIND identifier (matching keys with their values, return
 * keys empty), paging and fuzzy matching. Attribute IDs are keywords or 8-hex-digit tags, dotted for sequences
 * ({@code RequestAttributesSequence.ScheduledProcedureStepID}); a UID list may be separated by commas or backslashes.
 *
 * @param keys        the identifier to hand to the archive's find
 * @param includeAll  includefield=all: every attribute the index holds at this level
 * @param limit       at most this many results (already capped by the configured maximum)
 * @param offset      results to skip
 * @param fuzzy       fuzzymatching=true
 * @param capped      whether the client's limit was lowered to the configured maximum (a Warning header says so)
 */
public record QidoQuery(QidoLevel level, Attributes keys, boolean includeAll, int limit, int offset, boolean fuzzy,
        boolean capped) {

    private static final Set<String> CONTROL = Set.of("includefield", "limit", "offset", "fuzzymatching");
    private static final ElementDictionary DICT = ElementDictionary.standard();

    /**
     * Parses the query string parameters for a search at {@code level}; {@code pathKeys} are the UIDs the path fixes
     * (study, series). Any unknown parameter, malformed value or path fixed twice is a 400 naming that parameter.
     */
    public static QidoQuery parse(QidoLevel level, Map<String, List<String>> params, Map<Integer, String> pathKeys,
            int defaultLimit, int maxLimit) {
        Attributes keys = new Attributes();
        for (int tag : level.defaultReturnKeys()) {
            keys.setNull(tag, vrOf(tag));
        }
        boolean includeAll = false;
        int limit = defaultLimit;
        int offset = 0;
        boolean fuzzy = false;
        boolean capped = false;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            List<String> values = e.getValue();
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "includefield" -> {
                    for (String v : values) {
                        for (String field : v.split(",")) {
                            field = field.trim();
                            if (field.isEmpty()) {
                                continue;
                            }
                            if (field.equalsIgnoreCase("all")) {
                                includeAll = true;
                            } else {
                                putKey(keys, name, field, null);
                            }
                        }
                    }
                }
                case "limit" -> {
                    limit = nonNegative(name, single(name, values));
                    if (limit > maxLimit) {
                        limit = maxLimit;
                        capped = true;
                    }
                }
                case "offset" -> offset = nonNegative(name, single(name, values));
                case "fuzzymatching" -> {
                    String v = single(name, values);
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw DicomWebException.badParameter(name, "fuzzymatching must be true or false, got '" + v + "'");
                    }
                    fuzzy = v.equalsIgnoreCase("true");
                }
                default -> {
                    if (CONTROL.contains(name)) {
                        throw DicomWebException.badParameter(name, "Unexpected parameter " + name);
                    }
                    putKey(keys, name, name, single(name, values));
                }
            }
        }
        for (Map.Entry<Integer, String> p : pathKeys.entrySet()) {
            String given = keys.getString(p.getKey());
            if (given != null && !given.isEmpty() && !given.equals(p.getValue())) {
                throw DicomWebException.badParameter(DICT.keywordOf(p.getKey()), DICT.keywordOf(p.getKey())
                        + " is fixed by the path to " + p.getValue() + " and cannot also be '" + given + "'");
            }
            keys.setString(p.getKey(), VR.UI, p.getValue());
        }
        return new QidoQuery(level, keys, includeAll, limit, offset, fuzzy, capped);
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw DicomWebException.badParameter(name, "Parameter " + name + " is given " + values.size()
                    + " times; give it once");
        }
        return values.get(0);
    }

    private static int nonNegative(String name, String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw DicomWebException.badParameter(name, name + " must be a non-negative integer, got '" + v + "'");
        }
    }

    /** Puts one attribute path (dotted for sequences) into the identifier, with {@code value} or empty when null. */
    static void putKey(Attributes keys, String parameter, String path, String value) {
        String[] ids = path.split("\\.");
        Attributes target = keys;
        for (int i = 0; i < ids.length; i++) {
            int tag = tagOf(parameter, ids[i]);
            VR vr = vrOf(tag);
            boolean last = i == ids.length - 1;
            if (!last) {
                if (vr != VR.SQ) {
                    throw DicomWebException.badParameter(parameter, ids[i] + " in " + path + " is not a sequence");
                }
                Sequence seq = target.getSequence(tag);
                if (seq == null) {
                    seq = target.newSequence(tag);
                }
                target = seq.isEmpty() ? seq.addItem() : seq.get(0);
                continue;
            }
            if (vr == VR.SQ) {
                if (value != null && !value.isEmpty()) {
                    throw DicomWebException.badParameter(parameter, path + " is a sequence; match on an attribute "
                            + "inside it (" + path + ".Keyword=value)");
                }
                if (target.getSequence(tag) == null) {
                    target.newSequence(tag);
                }
            } else if (value == null || value.isEmpty()) {
                if (!target.containsValue(tag)) {
                    target.setNull(tag, vr);
                }
            } else {
                target.setString(tag, vr, valuesOf(vr, value));
            }
        }
    }

    private static String[] valuesOf(VR vr, String value) {
        if (vr == VR.UI) {
            return value.split("[,\\\\]");
        }
        return value.split("\\\\", -1);
    }

    private static int tagOf(String parameter, String id) {
        int tag;
        if (id.matches("[0-9A-Fa-f]{8}")) {
            tag = (int) Long.parseLong(id, 16);
        } else {
            tag = DICT.tagOf(id);
            if (tag == -1) {
                throw DicomWebException.badParameter(parameter, "Unknown attribute '" + id + "': use a DICOM keyword "
                        + "(PatientName) or a tag as 8 hex digits (00100010)");
            }
        }
        if (Tags.group(tag) == 0x0002 || Tags.isDelimiter(tag) || Tags.isGroupLength(tag)) {
            throw DicomWebException.badParameter(parameter, "Attribute " + Tags.toString(tag) + " cannot be queried");
        }
        return tag;
    }

    private static VR vrOf(int tag) {
        VR vr = DICT.vrOf(tag);
        return vr == null ? VR.UN : vr;
    }
}
