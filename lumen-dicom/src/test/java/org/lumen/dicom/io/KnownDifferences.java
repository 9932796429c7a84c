package org.lumen.dicom.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed list of reasoned differences between our reader and dcmdump ({@code dcmdump-known-differences.tsv} beside
 * this class). Each entry names a corpus file and either an element path (a difference that starts with that path is
 * expected) or {@code READS-MORE} (dcmdump rejects the file, we read it and warn; the fourth column names the dcmdump run
 * our result must then agree with). Every entry must be used: a stale one fails the test, so the list cannot rot.
 */
final class KnownDifferences {
    static final String READS_MORE = "READS-MORE";

    /** How dcmdump is run to get the reference for a file it rejects. */
    enum Reference {
        /** {@code +E}: what dcmdump printed before it gave up must equal what we read. */
        IGNORE_ERRORS,
        /** The dataset after the meta header, dumped with {@code -f -ti}: for files whose meta header names the wrong VR encoding. */
        DATASET_AS_IMPLICIT
    }

    record Entry(String file, String path, Reference reference, String reason) {
        boolean readsMore() {
            return path.equals(READS_MORE);
        }
    }

    private final List<Entry> entries;
    private final Set<Entry> used = ConcurrentHashMap.newKeySet();

    private KnownDifferences(List<Entry> entries) {
        this.entries = entries;
    }

    static KnownDifferences load() {
        try (InputStream in = KnownDifferences.class.getResourceAsStream("dcmdump-known-differences.tsv")) {
            if (in == null) {
                throw new IllegalStateException("dcmdump-known-differences.tsv missing from the test resources");
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 4 || columns[3].isBlank()) {
                    throw new IllegalStateException("dcmdump-known-differences.tsv line " + number
                            + ": expected file, path or READS-MORE, reference (- or a Reference name), and a reason");
                }
                Reference reference = columns[2].equals("-") ? null : Reference.valueOf(columns[2]);
                Entry entry = new Entry(columns[0], columns[1], reference, columns[3]);
                if (entry.readsMore() != (reference != null)) {
                    throw new IllegalStateException("dcmdump-known-differences.tsv line " + number
                            + ": a reference run is given exactly for READS-MORE entries");
                }
                entries.add(entry);
            }
            return new KnownDifferences(List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Entry> entries() {
        return entries;
    }

    /** The READS-MORE entry for a file, if any (marked used). */
    Optional<Entry> readsMore(String file) {
        Optional<Entry> entry = entries.stream().filter(e -> e.file().equals(file) && e.readsMore()).findFirst();
        entry.ifPresent(used::add);
        return entry;
    }

    /** The differences that no entry explains; entries that explain one are marked used. */
    List<String> unexplained(String file, List<String> differences) {
        List<String> out = new ArrayList<>();
        for (String difference : differences) {
            Optional<Entry> entry = entries.stream()
                    .filter(e -> e.file().equals(file) && !e.readsMore() && difference.startsWith(e.path() + ":"))
                    .findFirst();
            if (entry.isPresent()) {
                used.add(entry.get());
            } else {
                out.add(difference);
            }
        }
        return out;
    }

    List<Entry> unused() {
        return entries.stream().filter(e -> !used.contains(e)).toList();
    }
}
