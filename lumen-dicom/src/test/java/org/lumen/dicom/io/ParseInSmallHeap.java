package org.lumen.dicom.io;

import java.nio.file.Path;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.Fragments;

/**
 * Run in a child JVM with a small heap by {@link StreamingReadTest}: parses one file with {@link ReadOptions#DEFAULT} and
 * prints what the pixel data became. Exits non-zero (OutOfMemoryError or parse error) when the parse does not fit.
 */
public final class ParseInSmallHeap {
    private ParseInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        DicomFile file = DicomReader.read(Path.of(args[0]));
        Object pixels = file.dataset().value(0x7FE00010);
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (pixels instanceof BulkData bulk) {
            System.out.println("pixel data: BulkData " + bulk.length() + " bytes; max heap " + maxHeap);
        } else if (pixels instanceof Fragments fragments) {
            long total = 0;
            for (int i = 0; i < fragments.size(); i++) {
                total += fragments.length(i);
            }
            System.out.println("pixel data: Fragments " + fragments.size() + " items, " + total + " bytes; max heap " + maxHeap);
        } else {
            System.out.println("pixel data: " + (pixels == null ? "none" : pixels.getClass().getSimpleName()));
            System.exit(3);
        }
    }
}
