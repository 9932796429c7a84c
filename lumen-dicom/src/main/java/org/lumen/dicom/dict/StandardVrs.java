package org.lumen.dicom.dict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lumen.dicom.data.VR;

/**
 * The VRs of the standard's elements, read from the compact table the build generates ({@link ElementVrTable}) rather than
 * from the full dictionary, so that parsing the first file of a process does not pay for loading keywords and names.
 * Answers exactly as {@link ElementDictionary#lookup} does for the VRs (a test checks every entry).
 */
public final class StandardVrs {
    private static final List<VR> UL = List.of(VR.UL);
    private static final List<VR> LO = List.of(VR.LO);

    private static final class Table {
        static final Table INSTANCE = new Table();

        final int[] tags;
        final List<VR>[] vrs;
        final int[] masks;
        final int[][] maskedTags;
        final List<VR>[][] maskedVrs;

        @SuppressWarnings("unchecked")
        Table() {
            List<int[]> ordinary = new ArrayList<>();
            List<List<VR>> ordinaryVrs = new ArrayList<>();
            Map<Integer, List<Object[]>> byMask = new TreeMap<>();
            for (String chunk : ElementVrTable.CHUNKS) {
                for (int at = 0; at + ElementVrTable.ENTRY_LENGTH <= chunk.length(); at += ElementVrTable.ENTRY_LENGTH) {
                    int tag = (int) Long.parseLong(chunk, at, at + 8, 16);
                    int mask = (int) Long.parseLong(chunk, at + 8, at + 16, 16);
                    List<VR> list = parseVrs(chunk, at + 16);
                    if (mask == 0xFFFFFFFF) {
                        ordinary.add(new int[] {tag});
                        ordinaryVrs.add(list);
                    } else {
                        byMask.computeIfAbsent(mask, m -> new ArrayList<>()).add(new Object[] {tag, list});
                    }
                }
            }
            Integer[] order = new Integer[ordinary.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(ordinary.get(a)[0], ordinary.get(b)[0]));
            tags = new int[order.length];
            vrs = new List[order.length];
            for (int i = 0; i < order.length; i++) {
                tags[i] = ordinary.get(order[i])[0];
                vrs[i] = ordinaryVrs.get(order[i]);
            }
            masks = new int[byMask.size()];
            maskedTags = new int[masks.length][];
            maskedVrs = new List[masks.length][];
            int m = 0;
            for (var group : byMask.entrySet()) {
                List<Object[]> entries = group.getValue();
                entries.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
                masks[m] = group.getKey();
                maskedTags[m] = entries.stream().mapToInt(e -> (Integer) e[0]).toArray();
                maskedVrs[m] = entries.stream().map(e -> (List<VR>) e[1]).toArray(List[]::new);
                m++;
            }
        }

        private static List<VR> parseVrs(String chunk, int at) {
            List<VR> list = new ArrayList<>(3);
            for (int i = at; i < at + 6 && chunk.charAt(i) != '-'; i += 2) {
                list.add(VR.ofName(chunk.substring(i, i + 2)));
            }
            return List.copyOf(list);
        }
    }

    private StandardVrs() {
    }

    /**
     * The VRs the standard allows for {@code tag} (several for "US or SS" and the like); UL for group lengths, LO for
     * private creators; an empty list for private data elements (they need their creator), items, delimiters and unknown
     * tags.
     */
    public static List<VR> of(int tag) {
        Table table = Table.INSTANCE;
        int index = Arrays.binarySearch(table.tags, tag);
        if (index >= 0) {
            return table.vrs[index];
        }
        if ((tag & 0xFFFF) == 0) {
            return UL;
        }
        int group = tag >>> 16;
        if ((group & 1) != 0 && group > 0x0007 && group != 0xFFFF) {
            int element = tag & 0xFFFF;
            return element >= 0x0010 && element <= 0x00FF ? LO : List.of();
        }
        for (int m = 0; m < table.masks.length; m++) {
            int found = Arrays.binarySearch(table.maskedTags[m], tag & table.masks[m]);
            if (found >= 0) {
                return table.maskedVrs[m][found];
            }
        }
        return List.of();
    }

    /** The first VR the standard lists for {@code tag}, or UN when it lists none; as {@link ElementDictionary#vrOf}. */
    public static VR first(int tag) {
        List<VR> vrs = of(tag);
        return vrs.isEmpty() ? VR.UN : vrs.get(0);
    }
}
