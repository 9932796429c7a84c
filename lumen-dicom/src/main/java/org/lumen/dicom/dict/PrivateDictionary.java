package org.lumen.dicom.dict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lumen.dicom.data.VR;

/**
 * Vendor private data elements (Siemens, GE, Philips, Toshiba and others, from dcmtk's private.dic), looked up by the
 * private creator string and the tag. A private data element (gggg,xxee) belongs to the creator whose name is the value of
 * (gggg,00xx); vendors define elements by their last byte ee, whichever block xx the creator reserved.
 */
public final class PrivateDictionary {

    /**
     * One private element. {@code element} is the element byte ee (0x00 to 0xFF) when {@code anyBlock} is true, else the
     * full element number, which a few vendors fix. {@code keyword} is empty where the source gives no name.
     */
    public record Entry(String creator, int group, int element, boolean anyBlock, String keyword, List<VR> vrs,
            String vm) {
        public Entry {
            vrs = List.copyOf(vrs);
        }

        /** The first VR listed. */
        public VR vr() {
            return vrs.isEmpty() ? VR.UN : vrs.get(0);
        }
    }

    private static final List<String> COLUMNS = List.of("creator", "group", "element", "keyword", "vr", "vm");

    /** Holder idiom: the JVM loads the bundled file once, on first use, and publishes it safely to all threads. */
    private static final class Builtin {
        static final PrivateDictionary INSTANCE = new PrivateDictionary(DictionaryFile.read("private.tsv", COLUMNS));
    }

    /**
     * Elements of one creator, keyed by group &lt;&lt; 16 | element. Any-block entries use the element byte (below 0x100)
     * and fixed ones the full element (0x1000 or more), so the two kinds never share a key.
     */
    private static final class CreatorTable {
        final int[] keys;
        final Entry[] entries;

        CreatorTable(List<Entry> list) {
            list.sort((a, b) -> Integer.compare(key(a.group(), a.element()), key(b.group(), b.element())));
            keys = list.stream().mapToInt(e -> key(e.group(), e.element())).toArray();
            entries = list.toArray(new Entry[0]);
        }

        Entry find(int group, int element) {
            int index = Arrays.binarySearch(keys, key(group, element));
            return index >= 0 ? entries[index] : null;
        }
    }

    private final Map<String, CreatorTable> byCreator;
    private final List<Entry> all;

    private PrivateDictionary(List<DictionaryFile.Row> rows) {
        Map<String, List<Entry>> lists = new HashMap<>();
        List<Entry> everything = new ArrayList<>(rows.size());
        for (DictionaryFile.Row row : rows) {
            Entry entry = parse(row);
            lists.computeIfAbsent(entry.creator(), c -> new ArrayList<>()).add(entry);
            everything.add(entry);
        }
        Map<String, CreatorTable> tables = new HashMap<>();
        lists.forEach((creator, list) -> tables.put(creator, new CreatorTable(list)));
        byCreator = Map.copyOf(tables);
        all = Collections.unmodifiableList(everything);
    }

    /** The bundled dictionary of common vendors' private elements, loaded on first use. */
    public static PrivateDictionary builtIn() {
        return Builtin.INSTANCE;
    }

    /**
     * The entry for private data element {@code tag} (gggg,xxee) whose block was reserved by {@code creator}, the value
     * of (gggg,00xx); leading and trailing spaces of the creator are ignored, letter case is not. Null when the creator or
     * element is unknown, or when {@code tag} is not a private data element.
     */
    public Entry lookup(String creator, int tag) {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        if (creator == null || (group & 1) == 0 || group <= 0x0007 || group == 0xFFFF || element < 0x1000) {
            return null;
        }
        CreatorTable table = byCreator.get(creator.strip());
        if (table == null) {
            return null;
        }
        Entry fixed = table.find(group, element);
        return fixed != null ? fixed : table.find(group, element & 0xFF);
    }

    /** The VR of private data element {@code tag} under {@code creator}, or UN when unknown. */
    public VR vrOf(String creator, int tag) {
        Entry entry = lookup(creator, tag);
        return entry == null ? VR.UN : entry.vr();
    }

    /** Every entry, in file order. */
    public List<Entry> entries() {
        return all;
    }

    private static int key(int group, int element) {
        return group << 16 | element;
    }

    private static Entry parse(DictionaryFile.Row row) {
        String creator = row.field(0);
        if (creator.isEmpty() || !creator.equals(creator.strip())) {
            throw row.error("creator '" + creator + "' is empty or has surrounding spaces");
        }
        int group = hex(row, row.field(1), 4);
        if ((group & 1) == 0) {
            throw row.error("group " + row.field(1) + " is not odd, so not private");
        }
        String elementText = row.field(2);
        boolean anyBlock = elementText.startsWith("xx");
        int element = hex(row, anyBlock ? elementText.substring(2) : elementText, anyBlock ? 2 : 4);
        if (!anyBlock && element < 0x1000) {
            throw row.error("fixed element " + elementText + " is below 1000, outside the private data range");
        }
        return new Entry(creator, group, element, anyBlock, row.field(3), row.vrs(4), row.field(5));
    }

    private static int hex(DictionaryFile.Row row, String text, int digits) {
        if (text.length() != digits || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && !Character.isLowerCase(c))) {
            throw row.error("'" + text + "' is not " + digits + " upper-case hex digits");
        }
        return Integer.parseInt(text, 16);
    }
}
