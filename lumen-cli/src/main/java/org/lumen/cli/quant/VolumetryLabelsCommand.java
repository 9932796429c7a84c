package org.lumen.cli.quant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumen.cli.BadInputException;
import org.lumen.image.Volume;
import org.lumen.image.volumetry.LabelMeasurement;
import org.lumen.image.volumetry.LabelTimeSeries;
import org.lumen.image.volumetry.LabelVolumetry;
import org.lumen.image.volumetry.TimeSeriesVolumetry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lumen volumetry labels MASK... [--json]}: with one label map (NIfTI or DICOM SEG), a table of every label's voxel
 * count, volume (by voxel count and by mesh), surface area, maximum diameter and centroid; with several, or one 4D NIfTI
 * (its frames), a time series in the given order
 * (e.g. a heart chamber through the cardiac cycle) with every label's volume per frame, its end-diastolic and
 * end-systolic frames (largest and smallest voxel-count volume) and the ejection fraction. Frames are numbered from 1.
 */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = {"Per-label volumes of a label map (NIfTI or DICOM SEG); with several maps, or one 4D NIfTI, a time"
                + " series with the ejection fraction.",
            "Labels are the distinct nonzero integer values. Frames are numbered from 1 in the order given; end-diastole and"
                    + " end-systole are the frames of largest and smallest voxel-count volume."})
public final class VolumetryLabelsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "1..*", paramLabel = "MASK", description = "Label map(s): NIfTI (.nii, .nii.gz, .hdr) or DICOM SEG;"
            + " a single 4D NIfTI is a time series.")
    List<Path> masks;

    @Option(names = "--json", description = "Print one JSON object (snake_case) and nothing else on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Volume> frames = readFrames();
        try {
            if (frames.size() == 1) {
                List<LabelMeasurement> labels = LabelVolumetry.measure(frames.get(0));
                System.out.print(json ? JSON.writeValueAsString(singleJson(masks.get(0), labels)) + "\n"
                        : singleTable(masks.get(0), labels));
            } else {
                List<LabelTimeSeries> series = TimeSeriesVolumetry.measure(frames);
                System.out.print(json ? JSON.writeValueAsString(seriesJson(series)) + "\n" : seriesTable(series));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        return 0;
    }

    /** One frame per MASK, or every frame of a 4D NIfTI given as the only MASK. */
    private List<Volume> readFrames() {
        if (masks.size() == 1) {
            return ScanFiles.labelMapFrames(masks.get(0), "label map");
        }
        List<Volume> frames = new ArrayList<>(masks.size());
        for (Path mask : masks) {
            List<Volume> read = ScanFiles.labelMapFrames(mask, "label map");
            if (read.size() != 1) {
                throw new BadInputException("label map " + mask + " is a time series of " + read.size() + " frames: give"
                        + " a 4D file as the only MASK, or one 3D label map per frame");
            }
            frames.add(read.get(0));
        }
        return frames;
    }

    /** What each frame is called in the JSON: its file, or for a 4D file the file and the frame number. */
    private List<String> frameNames(int frameCount) {
        if (masks.size() == frameCount) {
            return masks.stream().map(Path::toString).toList();
        }
        List<String> names = new ArrayList<>(frameCount);
        for (int f = 1; f <= frameCount; f++) {
            names.add(masks.get(0) + " frame " + f);
        }
        return names;
    }

    private static String singleTable(Path mask, List<LabelMeasurement> labels) {
        StringBuilder out = new StringBuilder();
        out.append(mask).append(": ").append(labels.size()).append(labels.size() == 1 ? " label" : " labels").append('\n');
        if (labels.isEmpty()) {
            return out.toString();
        }
        out.append(String.format(Locale.ROOT, "%6s %10s %14s %14s %12s %10s  %s%n", "label", "voxels", "volume mm3",
                "mesh mm3", "area mm2", "diam mm", "centroid L,P,S mm"));
        for (LabelMeasurement m : labels) {
            out.append(String.format(Locale.ROOT, "%6d %10d %14.1f %14.1f %12.1f %10.2f  %.2f, %.2f, %.2f%n", m.label(),
                    m.voxelCount(), m.voxelVolumeMm3(), m.meshVolumeMm3(), m.surfaceAreaMm2(), m.maximumDiameterMm(),
                    m.centroid().x(), m.centroid().y(), m.centroid().z()));
        }
        return out.toString();
    }

    private static String seriesTable(List<LabelTimeSeries> series) {
        StringBuilder out = new StringBuilder();
        for (LabelTimeSeries s : series) {
            out.append("label ").append(s.label()).append('\n');
            out.append(String.format(Locale.ROOT, "%8s %14s %14s%n", "frame", "volume mm3", "mesh mm3"));
            for (int f = 0; f < s.voxelVolumesMm3().length; f++) {
                out.append(String.format(Locale.ROOT, "%8d %14.1f %14.1f%n", f + 1, s.voxelVolumesMm3()[f],
                        s.meshVolumesMm3()[f]));
            }
            out.append(String.format(Locale.ROOT,
                    "  end-diastole: frame %d, %.1f mm3; end-systole: frame %d, %.1f mm3; ejection fraction %.1f%%%n",
                    s.endDiastolicFrame() + 1, s.endDiastolicVolumeMm3(), s.endSystolicFrame() + 1,
                    s.endSystolicVolumeMm3(), 100 * s.ejectionFraction()));
        }
        return out.toString();
    }

    private static Map<String, Object> singleJson(Path mask, List<LabelMeasurement> labels) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LabelMeasurement m : labels) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", m.label());
            row.put("voxel_count", m.voxelCount());
            row.put("voxel_volume_mm3", m.voxelVolumeMm3());
            row.put("mesh_volume_mm3", m.meshVolumeMm3());
            row.put("surface_area_mm2", m.surfaceAreaMm2());
            row.put("maximum_diameter_mm", m.maximumDiameterMm());
            row.put("centroid_lps_mm", new double[] {m.centroid().x(), m.centroid().y(), m.centroid().z()});
            rows.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mask", mask.toString());
        result.put("labels", rows);
        return result;
    }

    private Map<String, Object> seriesJson(List<LabelTimeSeries> series) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LabelTimeSeries s : series) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", s.label());
            row.put("voxel_volumes_mm3", s.voxelVolumesMm3());
            row.put("mesh_volumes_mm3", s.meshVolumesMm3());
            row.put("end_diastolic_frame", s.endDiastolicFrame() + 1);
            row.put("end_systolic_frame", s.endSystolicFrame() + 1);
            row.put("end_diastolic_volume_mm3", s.endDiastolicVolumeMm3());
            row.put("end_systolic_volume_mm3", s.endSystolicVolumeMm3());
            row.put("ejection_fraction", s.ejectionFraction());
            rows.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("frames", frameNames(series.get(0).voxelVolumesMm3().length));
        result.put("labels", rows);
        return result;
    }
}
