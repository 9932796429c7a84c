package org.lumen.dicom.json;

/** A JSON path built as the reader descends, printed only when an error needs it. */
final class JsonPath {
    private static final java.util.Set<String> MODEL_NAMES = java.util.Set.of("vr", "Value", "InlineBinary", "BulkDataURI",
            "Alphabetic", "Ideographic", "Phonetic");

    static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String member;
    private final int index;

    private JsonPath(JsonPath parent, String member, int index) {
        this.parent = parent;
        this.member = member;
        this.index = index;
    }

    JsonPath member(String name) {
        return new JsonPath(this, name, -1);
    }

    JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        StringBuilder sb = new StringBuilder(parent.toString());
        if (member == null) {
            sb.append('[').append(index).append(']');
        } else if (isPlainName(member)) {
            sb.append('.').append(member);
        } else {
            sb.append("[\"").append(member.length() > 40 ? member.substring(0, 37) + "..." : member).append("\"]");
        }
        return sb.toString();
    }

    /** The model's own member names print as .name; tags and anything else as ["name"]. */
    private static boolean isPlainName(String name) {
        return MODEL_NAMES.contains(name);
    }
}
