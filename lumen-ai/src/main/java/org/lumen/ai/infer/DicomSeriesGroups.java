package org.lumen.ai.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumen.ai.data.ImageLoader;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;

/**
 * Finds the DICOM series among files given together: single-frame monochrome images placed in space (Image Position
 * (Patient) present, as CT, MR and PET slices are; projection radiographs are not) grouped by Series Instance UID. Only
 * headers are read. Files that are not DICOM, cannot be parsed, hold several frames (already a volume) or colour are left
 * to be analysed one by one; sorting and checking the slices is the series builder's work, not this class's.
 */
final class DicomSeriesGroups {
    private DicomSeriesGroups() {
    }

    /**
     * One series: its files in the order given.
     *
     * @param seriesInstanceUid Series Instance UID (0020,000E)
     * @param files at least two single-frame slices
     */
    record Group(String seriesInstanceUid, List<Path> files) {
        Group {
            files = List.copyOf(files);
        }
    }

    /** The series of two or more slices among {@code files}, in the order their first file appears. */
    static List<Group> of(List<Path> files) {
        Map<String, List<Path>> byUid = new LinkedHashMap<>();
        for (Path file : files) {
            String uid = seriesOfSlice(file);
            if (uid != null) {
                byUid.computeIfAbsent(uid, u -> new ArrayList<>()).add(file);
            }
        }
        List<Group> groups = new ArrayList<>();
        byUid.forEach((uid, slices) -> {
            if (slices.size() >= 2) {
                groups.add(new Group(uid, slices));
            }
        });
        return groups;
    }

    /** The Series Instance UID of a single-frame monochrome slice placed in space, else null (whatever else it is). */
    private static String seriesOfSlice(Path file) {
        try {
            if (!ImageLoader.DICOM.equals(ImageLoader.kindOf(file))) {
                return null;
            }
            Attributes header = DicomReader.read(file, ReadOptions.HEADER_ONLY).dataset();
            String uid = header.getString(Tag.SeriesInstanceUID);
            String photometric = header.getString(Tag.PhotometricInterpretation, "");
            boolean slice = header.getInt(Tag.NumberOfFrames, 1) <= 1 && photometric.trim().startsWith("MONOCHROME")
                    && header.containsValue(Tag.ImagePositionPatient);
            return slice && uid != null && !uid.isBlank() ? uid.trim() : null;
        } catch (IOException | RuntimeException e) {
            return null; // the file's own analysis reports why it cannot be read
        }
    }
}
