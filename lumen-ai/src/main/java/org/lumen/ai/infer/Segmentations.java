package org.lumen.ai.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lumen.ai.data.ImageLoader;
import org.lumen.ai.data.ImageReadException;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.seg.Segmenter;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.nifti.NiftiWriter;
import org.lumen.image.series.SeriesInput;
import org.lumen.image.series.SeriesVolumeBuilder;
import org.lumen.image.series.SeriesVolumeException;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * The segmentation models of one {@link Analyzer} call: each is loaded once, on first use, and closed at the end. A
 * volume is read with its own intensities and geometry (a NIfTI file through {@link NiftiReader}, the slices of a DICOM
 * series through {@link SeriesVolumeBuilder}; not the 0-255 display scale the classifiers see, because the network was
 * trained on z-scored raw intensities), segmented with the manifest's inference options, and each label's volume counted
 * in mm^3 ({@link LabelVolumes#mm3}) on the input's grid. Volumes far larger than the training patches never get here
 * ({@link ModelFit}).
 */
final class Segmentations implements AutoCloseable {
    private final Path labelsDir;
    private final DicomSegOutput dicomSeg;
    private final Map<String, Segmenter> loaded = new HashMap<>();

    /**
     * @param labelsDir where label maps are written ({@code STEM.MODEL.labels.nii.gz}, and {@code STEM.MODEL.seg.dcm} for
     *                  a DICOM series), or null for none
     * @param dicomSeg  the DICOM SEG writer, or null to write NIfTI only
     */
    Segmentations(Path labelsDir, DicomSegOutput dicomSeg) {
        this.labelsDir = labelsDir;
        this.dicomSeg = dicomSeg;
    }

    ModelResult segment(ModelPackage pkg, List<Path> files, String stem, boolean heatmapsAsked) throws IOException {
        ModelManifest m = pkg.manifest();
        Volume image = read(files);
        Segmenter segmenter = loaded.computeIfAbsent(m.name(), name -> pkg.segmenter());
        Volume labels = segmenter.segment(image, m.segmentation().inference());
        Map<Integer, Double> byLabel = LabelVolumes.mm3(labels);
        Map<String, Double> volumes = new LinkedHashMap<>();
        m.labelNames().forEach((label, name) -> volumes.put(name, byLabel.getOrDefault(label, 0.0)));
        String written = null;
        String seg = null;
        String note = heatmapsAsked ? "no heat map: a segmentation's answer is its label map (--labels-out)" : null;
        if (labelsDir != null) {
            written = writeNifti(labels, labelsDir.resolve(stem + "." + m.name() + ".labels.nii.gz"));
            if (dicomSeg != null && files.size() > 1) {
                if (byLabel.isEmpty()) {
                    note = "no DICOM SEG: the model found no voxel of any label (a SEG holds at least one segment frame)";
                } else {
                    Path file = labelsDir.resolve(stem + "." + m.name() + ".seg.dcm");
                    dicomSeg.write(m, labels, files, file);
                    seg = file.toString();
                }
            }
        }
        return ModelResult.segmentation(m.name(), m.version(), volumes, written, seg, note);
    }

    private static String writeNifti(Volume labels, Path file) throws IOException {
        try {
            NiftiWriter.write(labels, file);
        } catch (NiftiException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file.toString();
    }

    private static Volume read(List<Path> files) throws IOException {
        Path first = files.get(0);
        if (files.size() > 1) {
            try {
                return new SeriesVolumeBuilder().build(SeriesInput.ofPaths(files)).volume();
            } catch (SeriesVolumeException e) {
                throw new ImageReadException(first.toAbsolutePath().getParent(), e.getMessage(), e);
            }
        }
        String kind = ImageLoader.kindOf(first);
        if (ImageLoader.NIFTI.equals(kind)) {
            try {
                return NiftiReader.read(first);
            } catch (NiftiException e) {
                throw new ImageReadException(first, e.getMessage(), e);
            }
        }
        throw new IOException("a segmentation model takes a NIfTI volume or the slices of a DICOM series, not a single "
                + (kind == null ? "file" : kind.toUpperCase(Locale.ROOT) + " file"));
    }

    @Override
    public void close() {
        loaded.values().forEach(Segmenter::close);
        loaded.clear();
    }
}
