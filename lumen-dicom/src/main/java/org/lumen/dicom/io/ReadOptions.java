package org.lumen.dicom.io;

/**
 * What a reader does with large values and where it stops.
 *
 * @param bulkData            what to do with OB/OW/OF/OD/OL/OV/UN values of at least {@code bulkDataThreshold} bytes and
 *                            with pixel data fragments
 * @param bulkDataThreshold   values shorter than this are always read into memory
 * @param stopBeforePixelData stop at the first top-level element at or after (7FE0,0008) (float/double/integer pixel data)
 * @param reinterpretUnknown  turn UN elements whose VR the dictionary knows into that VR (PS3.5 6.2.2)
 */
public record ReadOptions(BulkDataMode bulkData, int bulkDataThreshold, boolean stopBeforePixelData, boolean reinterpretUnknown) {

    /** Large values: read into memory, left in the file as references, or left out. */
    public enum BulkDataMode { INCLUDE, REFERENCE, SKIP }

    /** Everything in memory: for small files and writers. */
    public static final ReadOptions INCLUDE_ALL = new ReadOptions(BulkDataMode.INCLUDE, 0, false, true);

    /** Large values left in the file as references; the default for files on disk. */
    public static final ReadOptions DEFAULT = new ReadOptions(BulkDataMode.REFERENCE, 1024, false, true);

    /** The header only: parsing stops before pixel data. */
    public static final ReadOptions HEADER_ONLY = new ReadOptions(BulkDataMode.REFERENCE, 1024, true, true);

    public ReadOptions withBulkData(BulkDataMode mode) {
        return new ReadOptions(mode, bulkDataThreshold, stopBeforePixelData, reinterpretUnknown);
    }

    public ReadOptions withReinterpretUnknown(boolean reinterpret) {
        return new ReadOptions(bulkData, bulkDataThreshold, stopBeforePixelData, reinterpret);
    }
}
