package org.lumen.server.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.Part10Layout;
import org.lumen.dicom.io.ReadOptions;

/** Comparing a stored or retrieved instance with its source. */
final class DataSets {
    private DataSets() {
    }

    /** The whole data set of a file (file meta apart), bulk data included. */
    static Attributes read(Path file) throws IOException {
        return DicomReader.read(file, ReadOptions.INCLUDE_ALL).dataset();
    }

    /**
     * The first difference between two data sets, or null when they hold the same content, ignoring what a sender may
     * legitimately recompute or drop on the wire: group lengths (gggg,0000) and Data Set Trailing Padding (FFFC,FFFC).
     */
    static String difference(Attributes actual, Attributes expected) {
        String d = comparable(actual).firstDifference(comparable(expected));
        return d == null ? null : d.substring(0, Math.min(300, d.length()));
    }

    private static Attributes comparable(Attributes dataset) {
        Attributes copy = dataset.deepCopy();
        for (int tag : copy.tags()) {
            if ((tag & 0xffff) == 0 || tag == 0xFFFCFFFC) {
                copy.remove(tag);
            }
        }
        return copy;
    }

    /** Whether the bytes after the file meta are the same in both files (a stronger check than equal content). */
    static boolean sameDatasetBytes(Path a, Path b) throws IOException {
        try (InputStream x = Part10Layout.openDataset(a); InputStream y = Part10Layout.openDataset(b)) {
            return Arrays.equals(x.readAllBytes(), y.readAllBytes());
        }
    }
}
