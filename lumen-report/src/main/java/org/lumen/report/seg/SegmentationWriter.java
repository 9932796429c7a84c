package org.lumen.report.seg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.image.Volume;

/**
 * Writes a label map made on a DICOM series as a DICOM Segmentation (SOP Class 1.2.840.10008.5.1.4.1.1.66.4): BINARY,
 * 1-bit frames, one frame per segment and source slice where that segment has voxels, each frame referencing its source
 * image. The label map must lie on the grid {@link org.lumen.image.series.SeriesVolumeBuilder} builds from the same
 * slices; label numbers become Segment Numbers.
 *
 * <pre>{@code
 * Attributes seg = SegmentationWriter.write(labels, sourceDatasets, descriptions, SegmentationOptions.defaults());
 * SegmentationWriter.save(seg, Path.of("seg.dcm"));
 * }</pre>
 */
public final class SegmentationWriter {
    private SegmentationWriter() {
    }

    /**
     * The SEG dataset of {@code labelMap}.
     *
     * @param labelMap voxel values 0 (background) or a described label number, on the source series' grid
     * @param sourceSlices the datasets of the series the label map was made on, in any order (pixel data is not read)
     * @param descriptions a description for every label that occurs (labels described but absent become segments with no
     *     frame)
     * @throws IllegalArgumentException when the source slices make no volume, the label map is not on their grid, is
     *     empty, holds a value that is not a label number or a label without description; the message says which
     */
    public static Attributes write(Volume labelMap, List<Attributes> sourceSlices, SegmentDescriptions descriptions,
            SegmentationOptions options) {
        Objects.requireNonNull(descriptions, "descriptions");
        Objects.requireNonNull(options, "options");
        SourceSeries source = SourceSeries.of(sourceSlices);
        source.checkGrid(labelMap);
        LabelFrames frames = LabelFrames.of(labelMap, descriptions);
        Attributes seg = new Attributes();
        HeaderModules.write(seg, source, options, labelMap.ny(), labelMap.nx());
        SegmentModule.write(seg, descriptions);
        FrameModules.write(seg, source, frames);
        seg.setBytes(Tag.PixelData, VR.OB, BinaryFrames.pack(labelMap, frames.frames()));
        return seg;
    }

    /** Writes {@code seg} as a Part 10 file in Explicit VR Little Endian, atomically. */
    public static void save(Attributes seg, Path file) throws IOException {
        DicomWriter.write(file, null, seg, UID.ExplicitVRLittleEndian);
    }
}
