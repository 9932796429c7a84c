package org.lumen.image.roi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;
import org.lumen.image.series.SeriesVolume;
import org.lumen.image.series.SliceHeader;

/**
 * Loads a region of interest as a mask on an image's grid: the one entry point the radiomics and volumetry commands use
 * for "--mask". The mask may be
 * <ul>
 * <li>a NIfTI file: resampled (nearest neighbour) onto the image when on another grid; voxels other than 0 are inside, or,
 * with {@code roiName} a whole number, the voxels of that label;</li>
 * <li>a DICOM RTSTRUCT: the ROI's closed planar contours filled slice by slice (see {@link ContourRasteriser});</li>
 * <li>a DICOM SEG (binary, fractional or label map): the segment's frames placed by their plane positions, then resampled
 * (nearest neighbour) onto the image (see {@link SegmentMasks} for the fractional rule);</li>
 * <li>a folder holding exactly one RTSTRUCT or SEG file.</li>
 * </ul>
 * {@code roiName} picks an RTSTRUCT ROI by name or a SEG segment by label (or number); without it the file must hold one
 * region only. A DICOM mask gives 0 and 1; it must put at least one voxel on the image.
 */
public final class RoiMasks {
    private RoiMasks() {
    }

    /** The mask on {@code image}'s grid; the frame of reference cannot be checked (the volume does not carry one). */
    public static Volume load(Path mask, Volume image, Optional<String> roiName) throws IOException, NiftiException {
        return load(mask, image, roiName, Optional.empty());
    }

    /** The mask on a DICOM series' grid, refused when an RTSTRUCT or SEG is in another frame of reference. */
    public static Volume load(Path mask, SeriesVolume image, Optional<String> roiName) throws IOException, NiftiException {
        List<SliceHeader> slices = image.report().slices();
        Optional<String> frameOfReference = slices.isEmpty() ? Optional.empty()
                : Optional.ofNullable(slices.get(0).frameOfReferenceUid());
        return load(mask, image.volume(), roiName, frameOfReference);
    }

    /**
     * The mask on {@code image}'s grid.
     *
     * @param imageFrameOfReferenceUid the image's Frame of Reference UID when known: an RTSTRUCT ROI or a SEG in another
     *     one is refused (its coordinates would mean another place)
     * @throws IOException when the file is missing, unreadable, or neither NIfTI nor an RTSTRUCT or SEG
     * @throws IllegalArgumentException when the region cannot be chosen or placed: unknown name, several regions and no
     *     name, another frame of reference, no contour or segment voxel on the image; the message says which
     */
    public static Volume load(Path mask, Volume image, Optional<String> roiName, Optional<String> imageFrameOfReferenceUid)
            throws IOException, NiftiException {
        if (!Files.exists(mask)) {
            throw new IOException("mask " + mask + " does not exist");
        }
        if (isNifti(mask)) {
            return niftiMask(mask, image, roiName);
        }
        DicomRoiFile file = DicomRoiFile.read(mask);
        return switch (file.kind()) {
            case RTSTRUCT -> rtStructMask(file, image, roiName, imageFrameOfReferenceUid);
            case SEG -> segMask(file, image, roiName, imageFrameOfReferenceUid);
        };
    }

    static boolean isNifti(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr") || name.endsWith(".img");
    }

    private static Volume niftiMask(Path mask, Volume image, Optional<String> roiName) throws NiftiException {
        Volume volume = NiftiReader.read(mask);
        Volume onGrid = volume.sameGeometry(image, 1e-3) ? volume
                : Resampler.resampleOnto(volume, image, Interpolation.NEAREST, 0f);
        if (roiName.isEmpty()) {
            return onGrid;
        }
        float label = labelNumber(roiName.get(), mask);
        float[] selected = new float[onGrid.voxelCount()];
        int count = 0;
        for (int v = 0; v < selected.length; v++) {
            if (onGrid.get(v) == label) {
                selected[v] = 1f;
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("mask " + mask + " has no voxel with label " + roiName.get().strip()
                    + " on the image");
        }
        return onGrid.withData(selected, VoxelType.UINT8);
    }

    private static float labelNumber(String name, Path mask) {
        try {
            return Integer.parseInt(name.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mask " + mask + " is a NIfTI label map, whose regions have numbers, not"
                    + " names: give the label value instead of '" + name + "'");
        }
    }

    private static Volume rtStructMask(DicomRoiFile file, Volume image, Optional<String> roiName,
            Optional<String> imageFrameOfReference) {
        RtStructureSet set = file.structureSet();
        RtStructureSet.Roi roi = set.rois().get(RoiNames.choose(set.roiNames(), roiName, "ROI", file.source()));
        checkFrameOfReference(roi.frameOfReferenceUid(), imageFrameOfReference, file.source(), "ROI '" + roi.name() + "'");
        return ContourRasteriser.rasterise(roi, image, file.source());
    }

    private static Volume segMask(DicomRoiFile file, Volume image, Optional<String> roiName,
            Optional<String> imageFrameOfReference) {
        Segmentation segmentation = file.segmentation();
        Segmentation.Segment segment = chooseSegment(segmentation, roiName);
        checkFrameOfReference(segmentation.frameOfReferenceUid(), imageFrameOfReference, file.source(), "the SEG");
        SegmentationGrid grid = SegmentationGrid.of(segmentation);
        Volume own = SegmentMasks.segment(segmentation, grid, segment.number());
        Volume onImage = own.sameGeometry(image, 1e-3) ? own
                : Resampler.resampleOnto(own, image, Interpolation.NEAREST, 0f);
        if (!anyInside(onImage)) {
            throw new IllegalArgumentException(file.source() + ": segment " + segment.number() + " '" + segment.label()
                    + "' has no voxel on this image" + (anyInside(own) ? " (its frames lie outside the image: drawn on"
                    + " another series?)" : " (the segment is empty)"));
        }
        return onImage;
    }

    /** By label; failing that, a whole number names a Segment Number. */
    private static Segmentation.Segment chooseSegment(Segmentation segmentation, Optional<String> name) {
        List<Segmentation.Segment> segments = segmentation.segments();
        if (name.isPresent() && segmentation.segmentLabels().stream().noneMatch(l -> l.equalsIgnoreCase(name.get().strip()))) {
            try {
                int number = Integer.parseInt(name.get().strip());
                Optional<Segmentation.Segment> byNumber = segments.stream().filter(s -> s.number() == number).findFirst();
                if (byNumber.isPresent()) {
                    return byNumber.get();
                }
            } catch (NumberFormatException e) {
                // not a number: the label lookup below names the segments there are
            }
        }
        return segments.get(RoiNames.choose(segmentation.segmentLabels(), name, "segment", segmentation.source()));
    }

    private static void checkFrameOfReference(String regions, Optional<String> image, String source, String what) {
        if (regions != null && image.isPresent() && !regions.equals(image.get())) {
            throw new IllegalArgumentException(source + ": " + what + " is in frame of reference " + regions
                    + " but the image is in " + image.get() + "; its coordinates do not describe this image");
        }
    }

    private static boolean anyInside(Volume mask) {
        for (int v = 0; v < mask.voxelCount(); v++) {
            if (mask.get(v) != 0) {
                return true;
            }
        }
        return false;
    }
}
