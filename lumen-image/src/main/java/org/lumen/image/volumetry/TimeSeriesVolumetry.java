package org.lumen.image.volumetry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lumen.image.Volume;

/** Per-label volumes across the frames of a time series of label maps, with each label's ejection fraction. */
public final class TimeSeriesVolumetry {
    private TimeSeriesVolumetry() {
    }

    /**
     * One entry per label found in any frame, in increasing label order.
     *
     * @param frames the label maps in time order; at least two
     */
    public static List<LabelTimeSeries> measure(List<Volume> frames) {
        if (frames.size() < 2) {
            throw new IllegalArgumentException("a time series needs at least 2 frames, got " + frames.size());
        }
        int frameCount = frames.size();
        Map<Integer, double[][]> volumes = new TreeMap<>();
        for (int f = 0; f < frameCount; f++) {
            for (LabelMeasurement measurement : LabelVolumetry.measure(frames.get(f))) {
                double[][] series = volumes.computeIfAbsent(measurement.label(), label -> new double[2][frameCount]);
                series[0][f] = measurement.voxelVolumeMm3();
                series[1][f] = measurement.meshVolumeMm3();
            }
        }
        return volumes.entrySet().stream().map(entry -> {
            double[] voxel = entry.getValue()[0];
            return new LabelTimeSeries(entry.getKey(), voxel, entry.getValue()[1], indexOfExtreme(voxel, true),
                    indexOfExtreme(voxel, false));
        }).toList();
    }

    private static int indexOfExtreme(double[] values, boolean largest) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (largest ? values[i] > values[best] : values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
