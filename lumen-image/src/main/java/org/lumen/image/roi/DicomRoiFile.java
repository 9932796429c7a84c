package org.lumen.image.roi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * A DICOM file that holds regions: an RT Structure Set or a Segmentation. A folder may stand for the one such file it
 * holds (the IBSI phantom keeps its RTSTRUCT alone in a folder).
 */
final class DicomRoiFile {
    static final String RT_STRUCTURE_SET_STORAGE = "1.2.840.10008.5.1.4.1.1.481.3";

    /** What kind of region file. */
    enum Kind { RTSTRUCT, SEG }

    private final Kind kind;
    private final DicomFile file;
    private final String source;

    private DicomRoiFile(Kind kind, DicomFile file, String source) {
        this.kind = kind;
        this.file = file;
        this.source = source;
    }

    /**
     * Reads an RTSTRUCT or SEG file, or the only one in a folder.
     *
     * @throws IOException when the file cannot be read, is not DICOM, or is DICOM of another kind
     */
    static DicomRoiFile read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? onlyRoiFileIn(path) : path;
        DicomFile dicom;
        try {
            dicom = DicomReader.read(file, ReadOptions.DEFAULT);
        } catch (DicomParseException e) {
            throw new IOException("mask " + file + " is neither NIfTI (.nii, .nii.gz, .hdr) nor DICOM: " + e.getMessage(), e);
        }
        Kind kind = kindOf(dicom.dataset());
        if (kind == null) {
            throw new IOException("mask " + file + " is a DICOM " + describe(dicom.dataset()) + ", not an RTSTRUCT or a"
                    + " SEG");
        }
        return new DicomRoiFile(kind, dicom, file.toString());
    }

    Kind kind() {
        return kind;
    }

    String source() {
        return source;
    }

    RtStructureSet structureSet() {
        return RtStructureSet.of(file.dataset(), source);
    }

    Segmentation segmentation() {
        PixelData pixels;
        try {
            pixels = PixelData.of(file);
        } catch (PixelDataException e) {
            throw new IllegalArgumentException(source + ": the segmentation's pixel data cannot be read: " + e.getMessage(),
                    e);
        }
        return Segmentation.of(file.dataset(), pixels, source);
    }

    private static Kind kindOf(Attributes dataset) {
        String sopClass = dataset.getString(Tag.SOPClassUID, "");
        String modality = dataset.getString(Tag.Modality, "");
        if (sopClass.equals(RT_STRUCTURE_SET_STORAGE) || sopClass.isEmpty() && modality.equals("RTSTRUCT")) {
            return Kind.RTSTRUCT;
        }
        if (sopClass.equals(Segmentation.SEGMENTATION_STORAGE) || sopClass.equals(Segmentation.LABEL_MAP_SEGMENTATION_STORAGE)
                || sopClass.isEmpty() && modality.equals("SEG")) {
            return Kind.SEG;
        }
        return null;
    }

    private static String describe(Attributes dataset) {
        return dataset.getString(Tag.Modality, "file without Modality") + " (SOP Class "
                + dataset.getString(Tag.SOPClassUID, "unknown") + ")";
    }

    private static Path onlyRoiFileIn(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        }
        List<Path> found = new ArrayList<>();
        for (Path file : files) {
            try {
                if (kindOf(DicomReader.read(file, ReadOptions.HEADER_ONLY).dataset()) != null) {
                    found.add(file);
                }
            } catch (DicomParseException e) {
                // not DICOM: not a region file either
            }
        }
        if (found.size() != 1) {
            throw new IOException("mask folder " + folder + " holds " + found.size() + " RTSTRUCT or SEG files"
                    + (found.isEmpty() ? "" : " (" + found.stream().map(p -> folder.relativize(p).toString())
                    .reduce((a, b) -> a + ", " + b).orElse("") + ")") + "; give the file itself");
        }
        return found.get(0);
    }
}
