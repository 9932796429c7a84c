package org.lumen.dicom.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dataset tree parsed from the indented text of {@code dcmdump} (see {@link Dcmdump#OPTIONS}): the meta header and the
 * dataset, each a list of elements; sequences hold items, encapsulated pixel data holds fragments. Delimitation lines are
 * structure only and are dropped.
 *
 * @param meta    the elements printed under "# Dicom-Meta-Information-Header"
 * @param dataset the elements printed under "# Dicom-Data-Set"
 */
record DumpTree(List<Element> meta, List<Element> dataset) {
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    /**
     * One printed element.
     *
     * @param tag       the tag
     * @param vr        dcmtk's VR token: a standard VR, or {@code up} (UL offset), {@code xs} (US or SS), {@code ox} (OB or
     *                  OW), {@code lt} (US, SS or OW), {@code ??} (unknown), {@code na}/{@code pi} (items)
     * @param value     the printed value: strings without brackets and with character references resolved; null when dcmdump
     *                  printed none (empty, not loaded, sequence)
     * @param length    the value length dcmdump reports, or -1 for undefined length
     * @param notLoaded true when dcmdump left the value unloaded (longer than 4 KiB)
     * @param items     the items of a sequence (each a list of elements), or null
     * @param fragments the items of encapsulated pixel data (each an element with tag (FFFE,E000)), or null
     * @param line      the line number in the dump, for messages
     */
    record Element(int tag, String vr, String value, long length, boolean notLoaded, List<List<Element>> items,
            List<Element> fragments, int line) {
    }

    private static final Pattern ELEMENT = Pattern.compile("^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\S\\S) (.*)$");
    private static final Pattern TAIL = Pattern.compile("#\\s*(u/l|\\d+),\\s*(\\d+) .*$");
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&(#\\d+|amp|lt|gt|quot|apos);");

    /** Parses the whole output of one run. */
    static DumpTree parse(String text) {
        List<Line> metaLines = new ArrayList<>();
        List<Line> dataLines = new ArrayList<>();
        List<Line> current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("# Dicom-Meta-Information-Header")) {
                current = metaLines;
            } else if (line.startsWith("# Dicom-Data-Set")) {
                current = dataLines;
            } else if (current != null && !line.isBlank() && !line.trim().startsWith("#")) {
                current.add(parseLine(line, i + 1));
            }
        }
        return new DumpTree(new Cursor(metaLines).elements(0), new Cursor(dataLines).elements(0));
    }

    /** A parsed line before nesting is resolved. */
    private record Line(int indent, int tag, String vr, String valueText, long length, int number) {
    }

    private static Line parseLine(String line, int number) {
        Matcher m = ELEMENT.matcher(line);
        if (!m.matches()) {
            throw new IllegalStateException("Unparsable dcmdump line " + number + ": " + line);
        }
        String rest = m.group(5);
        int tailStart = -1;
        for (int p = rest.lastIndexOf('#'); p >= 0; p = rest.lastIndexOf('#', p - 1)) {
            if (TAIL.matcher(rest.substring(p)).matches()) {
                tailStart = p;
                break;
            }
        }
        if (tailStart < 0) {
            throw new IllegalStateException("No '# length, vm' in dcmdump line " + number + ": " + line);
        }
        Matcher tail = TAIL.matcher(rest.substring(tailStart));
        tail.matches();
        long length = tail.group(1).equals("u/l") ? -1 : Long.parseLong(tail.group(1));
        int tag = (Integer.parseInt(m.group(2), 16) << 16) | Integer.parseInt(m.group(3), 16);
        return new Line(m.group(1).length(), tag, m.group(4), rest.substring(0, tailStart).strip(), length, number);
    }

    /** Walks the lines, nesting by indentation (two spaces per level). */
    private static final class Cursor {
        private final List<Line> lines;
        private int next;

        Cursor(List<Line> lines) {
            this.lines = lines;
        }

        /** The elements at {@code indent}, up to the first line indented less. */
        List<Element> elements(int indent) {
            List<Element> out = new ArrayList<>();
            while (next < lines.size() && lines.get(next).indent() >= indent) {
                Line line = lines.get(next++);
                if (line.tag() == ITEM_DELIMITATION || line.tag() == SEQUENCE_DELIMITATION) {
                    continue;
                }
                if (line.indent() != indent) {
                    throw new IllegalStateException("Unexpected indentation at dump line " + line.number());
                }
                out.add(element(line));
            }
            return out;
        }

        private Element element(Line line) {
            String text = line.valueText();
            if (line.vr().equals("SQ") || text.startsWith("(Sequence with")) {
                return new Element(line.tag(), line.vr(), null, line.length(), false, items(line.indent() + 2), null,
                        line.number());
            }
            if (text.startsWith("(PixelSequence")) {
                return new Element(line.tag(), line.vr(), null, line.length(), false, null, fragments(line.indent() + 2),
                        line.number());
            }
            return leaf(line);
        }

        private List<List<Element>> items(int indent) {
            List<List<Element>> items = new ArrayList<>();
            while (next < lines.size() && lines.get(next).indent() == indent) {
                Line line = lines.get(next);
                if (line.tag() == ITEM_DELIMITATION) {
                    next++;
                    continue;
                }
                if (line.tag() != ITEM) {
                    break;
                }
                next++;
                items.add(elements(indent + 2));
            }
            return items;
        }

        private List<Element> fragments(int indent) {
            List<Element> fragments = new ArrayList<>();
            while (next < lines.size() && lines.get(next).indent() == indent && lines.get(next).tag() == ITEM) {
                fragments.add(leaf(lines.get(next++)));
            }
            return fragments;
        }

        private static Element leaf(Line line) {
            String text = line.valueText();
            boolean notLoaded = text.equals("(not loaded)");
            String value;
            if (notLoaded || text.equals("(no value available)")) {
                value = null;
            } else if (text.startsWith("[") && text.endsWith("]")) {
                value = resolveReferences(text.substring(1, text.length() - 1));
            } else {
                value = text;
            }
            return new Element(line.tag(), line.vr(), value, line.length(), notLoaded, null, null, line.number());
        }
    }

    /**
     * Undoes {@code +Qn} quoting. Characters written as {@code &#nnn;} are single bytes of the value; the result keeps one
     * char per byte (ISO-8859-1) so that it can be compared with the raw value bytes.
     */
    static String resolveReferences(String quoted) {
        if (quoted.indexOf('&') < 0) {
            return quoted;
        }
        Matcher m = CHARACTER_REFERENCE.matcher(quoted);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(quoted, last, m.start());
            String ref = m.group(1);
            out.append(switch (ref) {
                case "amp" -> '&';
                case "lt" -> '<';
                case "gt" -> '>';
                case "quot" -> '"';
                case "apos" -> '\'';
                default -> (char) Integer.parseInt(ref.substring(1));
            });
            last = m.end();
        }
        return out.append(quoted, last, quoted.length()).toString();
    }
}
