package org.lumen.dicom.dump;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.ElementDictionary;

/**
 * A human-readable listing of a dataset in the manner of dcmdump: one line per element with tag, VR, value, length,
 * multiplicity and keyword; sequences and items indented. Long values are cut to keep lines readable.
 */
public final class DumpFormatter {
    private static final int VALUE_COLUMN_WIDTH = 40;
    private final int maxValueChars;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    public DumpFormatter(int maxValueChars) {
        this.maxValueChars = maxValueChars;
    }

    public DumpFormatter() {
        this(64);
    }

    public String format(Attributes dataset) {
        StringBuilder out = new StringBuilder(dataset.size() * 80);
        append(out, dataset, 0);
        return out.toString();
    }

    public void append(StringBuilder out, Attributes dataset, int depth) {
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            VR vr = dataset.vrAt(i);
            Object value = dataset.valueAt(i);
            String indent = "  ".repeat(depth);
            if (value instanceof Sequence sequence) {
                line(out, indent, tag, vr, "(Sequence with " + sequence.size() + " item" + (sequence.size() == 1 ? ")" : "s)"),
                        -1, sequence.size(), dataset);
                int itemNumber = 0;
                for (Attributes item : sequence) {
                    itemNumber++;
                    out.append(indent).append("  (FFFE,E000) na (Item #").append(itemNumber).append(" with ")
                            .append(item.size()).append(" elements)\n");
                    append(out, item, depth + 2);
                    out.append(indent).append("  (FFFE,E00D) na (ItemDelimitationItem)\n");
                }
                out.append(indent).append("(FFFE,E0DD) na (SequenceDelimitationItem)\n");
            } else if (value instanceof Fragments fragments) {
                line(out, indent, tag, vr, "(PixelSequence with " + fragments.size() + " items)", -1, fragments.size(), dataset);
                for (int k = 0; k < fragments.size(); k++) {
                    out.append(indent).append("  (FFFE,E000) ").append(vr).append(" (").append(k == 0 ? "offset table, " : "fragment, ")
                            .append(fragments.length(k)).append(" bytes)\n");
                }
            } else if (value instanceof BulkData bulk) {
                line(out, indent, tag, vr, "(not loaded: " + bulk.length() + " bytes at offset " + bulk.offset() + ")",
                        bulk.length(), 1, dataset);
            } else if (value instanceof org.lumen.dicom.data.BulkDataUri uri) {
                line(out, indent, tag, vr, "(bulk data at " + uri.uri() + ")", -1, 1, dataset);
            } else if (vr.isBulk()) {
                byte[] bytes = (byte[]) value;
                line(out, indent, tag, vr, hexPreview(bytes), bytes == null ? 0 : bytes.length, bytes == null ? 0 : 1, dataset);
            } else {
                String[] strings = dataset.stringsAt(i);
                String text = strings.length == 0 ? "(no value)" : "[" + String.join("\\", strings) + "]";
                long length = value instanceof byte[] raw ? raw.length : -1;
                line(out, indent, tag, vr, text, length, strings.length, dataset);
            }
        }
    }

    private void line(StringBuilder out, String indent, int tag, VR vr, String value, long length, int multiplicity,
            Attributes dataset) {
        String shown = value.length() > maxValueChars ? value.substring(0, maxValueChars - 3) + "..." : value;
        out.append(indent).append(Tags.toString(tag)).append(' ').append(vr).append(' ').append(shown);
        int pad = VALUE_COLUMN_WIDTH - shown.length();
        out.append(" ".repeat(Math.max(1, pad))).append("# ");
        out.append(length < 0 ? "u/l" : Long.toString(length)).append(", ").append(multiplicity).append(' ');
        out.append(name(tag, dataset)).append('\n');
    }

    private String name(int tag, Attributes dataset) {
        if (Tags.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        if (Tags.isGroupLength(tag)) {
            return "GroupLength";
        }
        if (Tags.isPrivate(tag)) {
            String creator = dataset.privateCreatorOf(tag);
            return creator != null ? "Private[" + creator + "]" : "Unknown Tag & Data";
        }
        String keyword = dictionary.keywordOf(tag);
        return keyword != null ? keyword : "Unknown Tag & Data";
    }

    private static String hexPreview(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return "(no value)";
        }
        StringBuilder sb = new StringBuilder();
        int n = Math.min(bytes.length, 16);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('\\');
            }
            sb.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return bytes.length > n ? sb + "..." : sb.toString();
    }
}
