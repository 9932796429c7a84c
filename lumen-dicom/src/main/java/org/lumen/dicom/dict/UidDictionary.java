package org.lumen.dicom.dict;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The UIDs registered in DICOM PS3.6 Annex A: SOP Classes, Transfer Syntaxes, well-known instances and frames of
 * reference, coding schemes and the rest, with their names, keywords and types. Loaded from the bundled uids.tsv on
 * first use.
 */
public final class UidDictionary {

    /** One registered UID. {@code keyword} and {@code name} are empty for the few retired UIDs PS3.6 leaves unnamed. */
    public record Entry(String uid, String keyword, String name, String type, boolean retired) {
    }

    private static final List<String> COLUMNS = List.of("uid", "keyword", "name", "type", "retired");

    /** Holder idiom: the JVM loads the file once, on first use, and publishes it safely to all threads. */
    private static final class Registry {
        static final UidDictionary INSTANCE = new UidDictionary(DictionaryFile.read("uids.tsv", COLUMNS));
    }

    private final Map<String, Entry> byUid;
    private final Map<String, Entry> byKeyword;
    private final List<Entry> all;

    private UidDictionary(List<DictionaryFile.Row> rows) {
        Map<String, Entry> uids = new HashMap<>();
        Map<String, Entry> keywords = new HashMap<>();
        for (DictionaryFile.Row row : rows) {
            Entry entry = new Entry(row.field(0), row.field(1), row.field(2), row.field(3), row.retired(4));
            if (uids.put(entry.uid(), entry) != null) {
                throw row.error("UID " + entry.uid() + " is listed twice");
            }
            if (!entry.keyword().isEmpty()) {
                keywords.merge(entry.keyword(), entry, UidDictionary::keeper);
            }
        }
        byUid = Map.copyOf(uids);
        byKeyword = Map.copyOf(keywords);
        all = Collections.unmodifiableList(rows.stream()
                .map(row -> byUid.get(row.field(0)))
                .toList());
    }

    /**
     * When two UIDs share a keyword, the current one keeps it, else the numerically lowest; the same rule names the
     * generated {@code org.lumen.dicom.data.UID} constants.
     */
    private static Entry keeper(Entry a, Entry b) {
        Comparator<Entry> order = Comparator.comparing(Entry::retired).thenComparing(Entry::uid, UidDictionary::compareUids);
        return order.compare(a, b) <= 0 ? a : b;
    }

    private static int compareUids(String a, String b) {
        String[] arcsA = a.split("\\.");
        String[] arcsB = b.split("\\.");
        for (int i = 0; i < Math.min(arcsA.length, arcsB.length); i++) {
            int byArc = new BigInteger(arcsA[i]).compareTo(new BigInteger(arcsB[i]));
            if (byArc != 0) {
                return byArc;
            }
        }
        return Integer.compare(arcsA.length, arcsB.length);
    }

    private static UidDictionary registry() {
        return Registry.INSTANCE;
    }

    /** The registered entry for {@code uid}, or null. */
    public static Entry lookup(String uid) {
        return uid == null ? null : registry().byUid.get(uid);
    }

    /** The PS3.6 name, such as "CT Image Storage", or null when the UID is not registered or has no name. */
    public static String nameOf(String uid) {
        Entry entry = lookup(uid);
        return entry == null || entry.name().isEmpty() ? null : entry.name();
    }

    /** The PS3.6 keyword, such as "CTImageStorage", or null. */
    public static String keywordOf(String uid) {
        Entry entry = lookup(uid);
        return entry == null || entry.keyword().isEmpty() ? null : entry.keyword();
    }

    /** The PS3.6 type, such as "SOP Class" or "Transfer Syntax", or null when the UID is not registered. */
    public static String typeOf(String uid) {
        Entry entry = lookup(uid);
        return entry == null ? null : entry.type();
    }

    /** True when PS3.6 lists the UID as retired; false for current and for unregistered UIDs. */
    public static boolean isRetired(String uid) {
        Entry entry = lookup(uid);
        return entry != null && entry.retired();
    }

    /** The UID with this keyword, or null. */
    public static String forKeyword(String keyword) {
        Entry entry = keyword == null ? null : registry().byKeyword.get(keyword);
        return entry == null ? null : entry.uid();
    }

    /** Every registered UID, in the file's order (by UID, arc by arc). */
    public static List<Entry> entries() {
        return registry().all;
    }
}
