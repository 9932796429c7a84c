package org.lumen.ai.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;

/**
 * Reads NIfTI images with their segmentation masks, laid out as the Medical Segmentation Decathlon does: {@code imagesTr/}
 * and {@code labelsTr/} holding files of the same name ({@code .nii} or {@code .nii.gz}; an image may carry the nnU-Net
 * channel suffix {@code _0000}). Every image needs its mask and the reverse; each mask must lie on its image's grid (same
 * dimensions, geometry within {@value #GRID_TOLERANCE_MM} mm) and hold whole, non-negative label values.
 */
public final class NiftiSegmentationReader {
    /** How far mask and image placements may differ (rounding in the two headers). */
    public static final double GRID_TOLERANCE_MM = 1e-3;

    /**
     * One case.
     *
     * @param name  the file name without extension (and without {@code _0000})
     * @param image the image volume, values as stored (scaled by scl_slope/scl_inter)
     * @param mask  the label volume on the same grid: 0 background, 1.. structures
     */
    public record Case(String name, Volume image, Volume mask) {
    }

    private NiftiSegmentationReader() {
    }

    /** The cases of {@code root/imagesTr} and {@code root/labelsTr}, sorted by name. */
    public static List<Case> read(Path root) throws IOException {
        return read(root.resolve("imagesTr"), root.resolve("labelsTr"));
    }

    /** The cases of an images folder and a masks folder, sorted by name. */
    public static List<Case> read(Path imagesFolder, Path masksFolder) throws IOException {
        Map<String, Path> images = niftiFiles(imagesFolder, true);
        Map<String, Path> masks = niftiFiles(masksFolder, false);
        for (String name : masks.keySet()) {
            if (!images.containsKey(name)) {
                throw new ImageReadException(masks.get(name), "mask without an image of the same name in " + imagesFolder);
            }
        }
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, Path> entry : images.entrySet()) {
            Path maskFile = masks.get(entry.getKey());
            if (maskFile == null) {
                throw new ImageReadException(entry.getValue(), "image without a mask of the same name in " + masksFolder);
            }
            Volume image = readVolume(entry.getValue());
            Volume mask = readVolume(maskFile);
            if (!mask.sameGeometry(image, GRID_TOLERANCE_MM)) {
                throw new ImageReadException(maskFile, "the mask is not on its image's grid: mask " + mask + ", image " + image);
            }
            checkLabels(mask, maskFile);
            cases.add(new Case(entry.getKey(), image, mask));
        }
        if (cases.isEmpty()) {
            throw new ImageReadException(imagesFolder, "no NIfTI images (.nii, .nii.gz)");
        }
        return cases;
    }

    private static void checkLabels(Volume mask, Path file) throws ImageReadException {
        var values = mask.view();
        for (int i = 0; i < values.limit(); i++) {
            float v = values.get(i);
            if (!(v >= 0) || v != Math.rint(v)) {
                throw new ImageReadException(file, "not a label mask: voxel " + i + " has value " + v
                        + " (labels are whole numbers from 0)");
            }
        }
    }

    private static Volume readVolume(Path file) throws ImageReadException {
        try {
            return NiftiReader.read(file);
        } catch (NiftiException e) {
            throw new ImageReadException(file, "not readable as NIfTI: " + e.getMessage(), e);
        }
    }

    /** The NIfTI files of a folder by case name. */
    private static Map<String, Path> niftiFiles(Path folder, boolean images) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ImageReadException(folder, "no such folder");
        }
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(".") || !Files.isRegularFile(file)) {
                    continue; // e.g. macOS "._x.nii.gz" resource forks
                }
                String name = fileName.endsWith(".nii.gz") ? fileName.substring(0, fileName.length() - 7)
                        : fileName.endsWith(".nii") ? fileName.substring(0, fileName.length() - 4) : null;
                if (name == null) {
                    continue;
                }
                if (images && name.endsWith("_0000")) {
                    name = name.substring(0, name.length() - 5);
                }
                Path earlier = byName.put(name, file);
                if (earlier != null) {
                    throw new ImageReadException(file, "two files for case " + name + " (also " + earlier.getFileName() + ")");
                }
            }
        }
        return byName;
    }
}
