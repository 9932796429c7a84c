package org.lumen.dicom.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;

/**
 * A DICOMDIR (PS3.10 section 8, PS3.3 F.3): the Directory Record Sequence turned into a tree of records (patients, studies,
 * series, images and the other record types).
 *
 * <p>The tree is built from the offsets the file carries: Offset of the First Directory Record of the Root Directory
 * Entity, then each record's Offset of the Next Directory Record and Offset of Referenced Lower-Level Directory Entity,
 * matched against the file offsets of the items. An absent offset element counts as 0 (none), as writers drop zero
 * offsets; a wrong first-record offset is repaired from the records' own offsets. When the offsets do not describe a tree that holds every record exactly once (missing or wrong offsets, a
 * cycle), the tree is rebuilt from the order of the records and the level of their types, with a warning.
 */
public final class DicomDir {
    static final int FIRST_ROOT_RECORD = 0x00041200;
    static final int DIRECTORY_RECORD_SEQUENCE = 0x00041220;
    static final int NEXT_RECORD = 0x00041400;
    static final int LOWER_LEVEL_RECORD = 0x00041420;
    static final int RECORD_TYPE = 0x00041430;
    static final int REFERENCED_FILE_ID = 0x00041500;

    /** A directory record: its type, its attributes (the item of the sequence), its file offset and its children. */
    public static final class Record {
        private final String type;
        private final Attributes attributes;
        private final List<Record> children = new ArrayList<>();

        Record(Attributes attributes) {
            String declared = attributes.getString(RECORD_TYPE);
            this.type = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT);
            this.attributes = attributes;
        }

        /** The Directory Record Type, such as PATIENT, STUDY, SERIES or IMAGE (empty when absent). */
        public String type() {
            return type;
        }

        public Attributes attributes() {
            return attributes;
        }

        /** The offset of the record's item tag in the file, as the directory's offsets count it. */
        public long offset() {
            return attributes.itemOffset();
        }

        public List<Record> children() {
            return Collections.unmodifiableList(children);
        }

        /** The components of Referenced File ID, or an empty array when the record references no file. */
        public String[] referencedFileId() {
            return Arrays.stream(attributes.getStrings(REFERENCED_FILE_ID)).map(String::trim).toArray(String[]::new);
        }

        @Override
        public String toString() {
            return type + " at " + offset() + " (" + children.size() + " children)";
        }
    }

    private final DicomFile file;
    private final List<Record> roots;
    private final List<Record> records;
    private final boolean builtFromOffsets;
    private final List<String> warnings;

    private DicomDir(DicomFile file, List<Record> records, List<Record> roots, boolean builtFromOffsets, List<String> warnings) {
        this.file = file;
        this.records = List.copyOf(records);
        this.roots = List.copyOf(roots);
        this.builtFromOffsets = builtFromOffsets;
        this.warnings = List.copyOf(warnings);
    }

    /** Reads a DICOMDIR file and builds its record tree. */
    public static DicomDir read(Path path) throws IOException {
        DicomFile file = DicomReader.read(path);
        Sequence sequence = file.dataset().getSequence(DIRECTORY_RECORD_SEQUENCE);
        if (sequence == null && !file.dataset().contains(DIRECTORY_RECORD_SEQUENCE)) {
            throw new DicomParseException(path.toString(), 0, DIRECTORY_RECORD_SEQUENCE,
                    "not a DICOMDIR: no Directory Record Sequence");
        }
        List<Record> records = new ArrayList<>();
        if (sequence != null) {
            for (Attributes item : sequence) {
                records.add(new Record(item));
            }
        }
        List<String> warnings = new ArrayList<>(file.warnings());
        List<Record> roots = fromOffsets(file.dataset(), records, warnings);
        boolean builtFromOffsets = roots != null;
        if (roots == null) {
            roots = fromRecordOrder(records);
        }
        return new DicomDir(file, records, roots, builtFromOffsets, warnings);
    }

    /** The records of the root directory entity (usually patients), each with its subtree. */
    public List<Record> roots() {
        return roots;
    }

    /** Every record in file order. */
    public List<Record> records() {
        return records;
    }

    /** True when the offsets of the file gave the tree; false when it was rebuilt from the record order. */
    public boolean builtFromOffsets() {
        return builtFromOffsets;
    }

    /** The reader's warnings and any about the directory structure. */
    public List<String> warnings() {
        return warnings;
    }

    public DicomFile file() {
        return file;
    }

    /** The file a record references: Referenced File ID components below the DICOMDIR's folder, or null. */
    public Path referencedFile(Record record) {
        String[] components = record.referencedFileId();
        if (components.length == 0 || file.path() == null) {
            return null;
        }
        Path resolved = file.path().toAbsolutePath().getParent();
        for (String component : components) {
            resolved = resolved.resolve(component);
        }
        return resolved;
    }

    /**
     * Follows the offsets; returns null (after a warning) when they do not reach every record exactly once through
     * known item offsets. A wrong Offset of the First Directory Record of the Root Directory Entity alone is repaired:
     * the root chain then starts at the one record no other record points to.
     */
    private static List<Record> fromOffsets(Attributes dataset, List<Record> records, List<String> warnings) {
        Map<Long, Record> byOffset = new HashMap<>();
        for (Record record : records) {
            byOffset.put(record.offset(), record);
        }
        long firstRoot = dataset.getLong(FIRST_ROOT_RECORD, 0);
        Record head = firstRootRecord(records, byOffset);
        if (head != null && head.offset() != firstRoot) {
            warnings.add("DICOMDIR Offset of the First Directory Record of the Root Directory Entity is " + firstRoot
                    + ", but the root chain starts at offset " + head.offset() + ", the only record no other record points to");
            firstRoot = head.offset();
        }
        Map<Record, Boolean> visited = new HashMap<>();
        List<Record> roots = new ArrayList<>();
        String problem = chain(firstRoot, byOffset, visited, roots, 0);
        if (problem == null && visited.size() != records.size()) {
            problem = (records.size() - visited.size()) + " of " + records.size() + " records are not reached by any offset";
        }
        if (problem != null) {
            warnings.add("DICOMDIR offsets are unusable (" + problem + "); the record tree is rebuilt from the record order");
            for (Record record : records) {
                record.children.clear();
            }
            return null;
        }
        return roots;
    }

    /** The single record that no Next or Lower-Level offset points to, or null when there is not exactly one. */
    private static Record firstRootRecord(List<Record> records, Map<Long, Record> byOffset) {
        Map<Record, Boolean> pointedTo = new HashMap<>();
        for (Record record : records) {
            for (int tag : new int[] {NEXT_RECORD, LOWER_LEVEL_RECORD}) {
                Record target = byOffset.get(record.attributes().getLong(tag, 0));
                if (target != null) {
                    pointedTo.put(target, Boolean.TRUE);
                }
            }
        }
        List<Record> heads = records.stream().filter(r -> !pointedTo.containsKey(r)).toList();
        return heads.size() == 1 ? heads.get(0) : null;
    }

    /** Collects the chain of records starting at {@code offset} into {@code siblings}, recursing into lower levels. */
    private static String chain(long offset, Map<Long, Record> byOffset, Map<Record, Boolean> visited, List<Record> siblings,
            int depth) {
        if (depth > 64) {
            return "directory levels nested more than 64 deep";
        }
        for (long next = offset; next != 0; ) {
            Record record = byOffset.get(next);
            if (record == null) {
                return "offset " + next + " is not the offset of a directory record";
            }
            if (visited.put(record, Boolean.TRUE) != null) {
                return "the record at offset " + next + " is referenced twice";
            }
            siblings.add(record);
            String problem = chain(record.attributes().getLong(LOWER_LEVEL_RECORD, 0), byOffset, visited, record.children,
                    depth + 1);
            if (problem != null) {
                return problem;
            }
            next = record.attributes().getLong(NEXT_RECORD, 0);
        }
        return null;
    }

    /**
     * Rebuilds the tree from the record order: a record is a child of the nearest preceding record of a higher level
     * (PATIENT above STUDY above SERIES above the instance-level records); records of other types are leaves under the
     * current series when there is one, else at the root.
     */
    private static List<Record> fromRecordOrder(List<Record> records) {
        List<Record> roots = new ArrayList<>();
        Record[] open = new Record[3];
        for (Record record : records) {
            int level = level(record.type());
            if (level < 0) {
                // An unknown type is a leaf: under the open series, else at the root.
                (open[2] != null ? open[2].children : roots).add(record);
                continue;
            }
            Record parent = null;
            for (int l = level - 1; l >= 0 && parent == null; l--) {
                parent = open[l];
            }
            (parent == null ? roots : parent.children).add(record);
            if (level < 3) {
                open[level] = record;
                Arrays.fill(open, level + 1, open.length, null);
            }
        }
        return roots;
    }

    private static int level(String type) {
        return switch (type) {
            case "PATIENT" -> 0;
            case "STUDY" -> 1;
            case "SERIES" -> 2;
            case "IMAGE", "RT DOSE", "RT STRUCTURE SET", "RT PLAN", "RT TREAT RECORD", "PRESENTATION", "WAVEFORM",
                    "SR DOCUMENT", "KEY OBJECT DOC", "SPECTROSCOPY", "RAW DATA", "REGISTRATION", "FIDUCIAL", "ENCAP DOC",
                    "VALUE MAP", "STEREOMETRIC", "MEASUREMENT", "SURFACE", "SURFACE SCAN", "TRACT", "ASSESSMENT", "RADIOTHERAPY",
                    "ANNOTATION", "PLAN", "INVENTORY" -> 3;
            default -> -1;
        };
    }
}
