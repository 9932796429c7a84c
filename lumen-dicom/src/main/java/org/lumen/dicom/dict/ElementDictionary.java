package org.lumen.dicom.dict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lumen.dicom.data.VR;

/**
 * The PS3.6 data element dictionary: VR, VM, keyword and name by tag, and tag by keyword. Besides the listed elements it
 * knows the rules that PS3.5 gives for whole ranges: group length (gggg,0000) is UL in every group, and (gggg,0010)
 * to (gggg,00FF) in a private group are Private Creator elements, LO. Private data elements need their creator; see
 * {@link PrivateDictionary}.
 *
 * <p>Lookups by tag are binary searches over sorted int arrays and allocate nothing, since a reader of implicit VR files
 * asks {@link #vrOf(int)} for every element it reads.
 */
public final class ElementDictionary {

    /**
     * One dictionary element. {@code mask} marks the bits of {@code tag} that identify it: all ones for an ordinary
     * element, zero nibbles where PS3.6 writes x, as in Overlay Data (60xx,3000) with tag 0x60003000 and mask 0xFF00FFFF.
     * {@code vrs} lists every VR the standard allows, in its order ("OB or OW"), and is empty for items and delimiters.
     */
    public record Entry(int tag, int mask, String keyword, String name, List<VR> vrs, String vm, boolean retired) {
        public Entry {
            vrs = List.copyOf(vrs);
        }

        /** True when this entry describes {@code otherTag}. */
        public boolean matches(int otherTag) {
            return (otherTag & mask) == tag;
        }

        /** True for repeating-group and other masked entries such as (60xx,3000) or (0020,31xx). */
        public boolean isRepeating() {
            return mask != 0xFFFFFFFF;
        }

        /** The first VR the standard lists, or UN for items and delimiters, which have none. */
        public VR vr() {
            return vrs.isEmpty() ? VR.UN : vrs.get(0);
        }
    }

    private static final List<String> COLUMNS = List.of("tag", "keyword", "name", "vr", "vm", "retired");
    private static final Entry GROUP_LENGTH =
            new Entry(0x00000000, 0x0000FFFF, "GroupLength", "Group Length", List.of(VR.UL), "1", true);

    /** Holder idiom: the JVM loads the standard dictionary once, on first use, and publishes it safely to all threads. */
    private static final class Standard {
        static final ElementDictionary INSTANCE = new ElementDictionary(DictionaryFile.read("elements.tsv", COLUMNS));
    }

    // Ordinary elements, sorted by tag (as signed ints, so (FFFE,E000) sorts first; search uses the same order).
    private final int[] tags;
    private final Entry[] entries;
    private final VR[] firstVrs;
    // Repeating elements, grouped by mask; within a mask, sorted by masked tag.
    private final int[] masks;
    private final int[][] maskedTags;
    private final Entry[][] maskedEntries;
    private final Map<String, Entry> byKeyword;
    private final List<Entry> all;

    private ElementDictionary(List<DictionaryFile.Row> rows) {
        List<Entry> ordinary = new ArrayList<>();
        Map<Integer, List<Entry>> repeatingByMask = new TreeMap<>();
        Map<String, Entry> keywords = new HashMap<>();
        for (DictionaryFile.Row row : rows) {
            Entry entry = parse(row);
            if (entry.isRepeating()) {
                repeatingByMask.computeIfAbsent(entry.mask(), m -> new ArrayList<>()).add(entry);
            } else {
                ordinary.add(entry);
            }
            if (!entry.keyword().isEmpty() && keywords.put(entry.keyword(), entry) != null) {
                throw row.error("keyword " + entry.keyword() + " is listed twice");
            }
        }
        ordinary.sort((a, b) -> Integer.compare(a.tag(), b.tag()));
        tags = new int[ordinary.size()];
        entries = ordinary.toArray(new Entry[0]);
        firstVrs = new VR[ordinary.size()];
        for (int i = 0; i < entries.length; i++) {
            tags[i] = entries[i].tag();
            firstVrs[i] = entries[i].vr();
            if (i > 0 && tags[i] == tags[i - 1]) {
                throw new IllegalStateException("elements.tsv lists tag " + hex(tags[i]) + " twice");
            }
        }
        masks = new int[repeatingByMask.size()];
        maskedTags = new int[masks.length][];
        maskedEntries = new Entry[masks.length][];
        int m = 0;
        for (var group : repeatingByMask.entrySet()) {
            List<Entry> list = group.getValue();
            list.sort((a, b) -> Integer.compare(a.tag(), b.tag()));
            masks[m] = group.getKey();
            maskedEntries[m] = list.toArray(new Entry[0]);
            maskedTags[m] = list.stream().mapToInt(Entry::tag).toArray();
            m++;
        }
        byKeyword = Map.copyOf(keywords);
        List<Entry> everything = new ArrayList<>(ordinary);
        repeatingByMask.values().forEach(everything::addAll);
        all = Collections.unmodifiableList(everything);
    }

    /** The dictionary of the DICOM standard, loaded from the bundled elements.tsv on first use. */
    public static ElementDictionary standard() {
        return Standard.INSTANCE;
    }

    /**
     * The entry that describes {@code tag}, or null when the standard does not define it (including private data
     * elements, which need their creator). A listed element wins over the range rules; a repeating-group entry such as
     * (60xx,3000) is returned as listed, with its base tag and mask.
     */
    public Entry lookup(int tag) {
        int index = Arrays.binarySearch(tags, tag);
        if (index >= 0) {
            return entries[index];
        }
        if ((tag & 0xFFFF) == 0) {
            return GROUP_LENGTH;
        }
        if (isPrivateGroup(tag)) {
            return isPrivateCreator(tag)
                    ? new Entry(tag, 0xFFFFFFFF, "PrivateCreator", "Private Creator", List.of(VR.LO), "1", false)
                    : null;
        }
        return repeatingEntry(tag);
    }

    /**
     * The VR for reading {@code tag} in an implicit VR data set: the first the standard lists when it allows several
     * (the caller resolves US/SS and OB/OW from context), UN when the tag is unknown or is an item or delimiter.
     */
    public VR vrOf(int tag) {
        int index = Arrays.binarySearch(tags, tag);
        if (index >= 0) {
            return firstVrs[index];
        }
        if ((tag & 0xFFFF) == 0) {
            return VR.UL;
        }
        if (isPrivateGroup(tag)) {
            return isPrivateCreator(tag) ? VR.LO : VR.UN;
        }
        Entry entry = repeatingEntry(tag);
        return entry == null ? VR.UN : entry.vr();
    }

    /** The keyword of {@code tag}, such as "PatientName", or null when unknown or when PS3.6 gives none. */
    public String keywordOf(int tag) {
        Entry entry = lookup(tag);
        return entry == null || entry.keyword().isEmpty() ? null : entry.keyword();
    }

    /** The tag with this keyword (the base tag for repeating groups: OverlayData is 0x60003000), or -1 when unknown. */
    public int tagOf(String keyword) {
        Entry entry = byKeyword.get(keyword);
        return entry == null ? -1 : entry.tag();
    }

    /** The entry with this keyword, or null. */
    public Entry forKeyword(String keyword) {
        return byKeyword.get(keyword);
    }

    /** Every listed entry: ordinary elements by tag, then repeating ones. */
    public List<Entry> entries() {
        return all;
    }

    private Entry repeatingEntry(int tag) {
        for (int m = 0; m < masks.length; m++) {
            int index = Arrays.binarySearch(maskedTags[m], tag & masks[m]);
            if (index >= 0) {
                return maskedEntries[m][index];
            }
        }
        return null;
    }

    /** Odd groups other than 0001, 0003, 0005, 0007 and FFFF are private (PS3.5 section 7.8.1). */
    private static boolean isPrivateGroup(int tag) {
        int group = tag >>> 16;
        return (group & 1) != 0 && group > 0x0007 && group != 0xFFFF;
    }

    private static boolean isPrivateCreator(int tag) {
        int element = tag & 0xFFFF;
        return element >= 0x0010 && element <= 0x00FF;
    }

    private static Entry parse(DictionaryFile.Row row) {
        String text = row.field(0);
        if (text.length() != 11 || text.charAt(0) != '(' || text.charAt(5) != ',' || text.charAt(10) != ')') {
            throw row.error("tag '" + text + "' is not in the form (gggg,eeee)");
        }
        String digits = text.substring(1, 5) + text.substring(6, 10);
        int tag = 0;
        int mask = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int nibble = c == 'x' ? 0 : Character.digit(c, 16);
            if (nibble < 0 || Character.isLowerCase(c) && c != 'x') {
                throw row.error("tag '" + text + "' has '" + c + "' where an upper-case hex digit or x belongs");
            }
            tag = tag << 4 | nibble;
            mask = mask << 4 | (c == 'x' ? 0 : 0xF);
        }
        return new Entry(tag, mask, row.field(1), row.field(2), row.vrs(3), row.field(4), row.retired(5));
    }

    private static String hex(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
