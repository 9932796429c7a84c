package org.lumen.report.seg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lumen.image.Volume;

/**
 * The frames of a binary SEG made from a label map: one per segment and slice where that segment has at least one voxel,
 * ordered by segment number, then slice. Slices where a segment is absent get no frame (as dcmqi and highdicom write by
 * default: readers place frames by Plane Position, not by count), which keeps a small organ's SEG small.
 *
 * @param frames every frame in file order
 * @param slicesInUse the slice indices that hold at least one frame, ascending (the position dimension's values)
 */
record LabelFrames(List<Frame> frames, List<Integer> slicesInUse) {
    /** One frame: segment {@code segmentNumber} on source slice {@code slice}. */
    record Frame(int segmentNumber, int slice) {
    }

    /**
     * The frames of {@code labelMap}.
     *
     * @throws IllegalArgumentException when a voxel is not a label number (negative, fractional, above 65535), a label has
     *     no description, or no voxel is labelled (a SEG needs at least one frame)
     */
    static LabelFrames of(Volume labelMap, SegmentDescriptions descriptions) {
        SortedMap<Integer, SortedSet<Integer>> slicesByLabel = slicesByLabel(labelMap);
        if (slicesByLabel.isEmpty()) {
            throw new IllegalArgumentException("the label map is empty (every voxel is 0): there is no segment to write,"
                    + " and a SEG needs at least one frame; report an empty result another way");
        }
        List<Integer> undescribed = slicesByLabel.keySet().stream()
                .filter(label -> !descriptions.byLabel().containsKey(label)).toList();
        if (!undescribed.isEmpty()) {
            throw new IllegalArgumentException("label map values " + undescribed + " have no segment description (described: "
                    + descriptions.byLabel().keySet() + "); every label needs a name and property codes");
        }
        List<Frame> frames = new ArrayList<>();
        SortedSet<Integer> inUse = new TreeSet<>();
        slicesByLabel.forEach((label, slices) -> {
            slices.forEach(k -> frames.add(new Frame(label, k)));
            inUse.addAll(slices);
        });
        return new LabelFrames(List.copyOf(frames), List.copyOf(inUse));
    }

    /** The 1-based index of slice {@code k} among the slices in use: its Dimension Index Value for position. */
    int positionIndex(int k) {
        return slicesInUse.indexOf(k) + 1;
    }

    private static SortedMap<Integer, SortedSet<Integer>> slicesByLabel(Volume labelMap) {
        SortedMap<Integer, SortedSet<Integer>> slicesByLabel = new TreeMap<>();
        int sliceSize = labelMap.nx() * labelMap.ny();
        for (int v = 0; v < labelMap.voxelCount(); v++) {
            float value = labelMap.get(v);
            if (value == 0) {
                continue;
            }
            if (!(value > 0) || value != Math.rint(value) || value > SegmentDescriptions.MAX_LABEL) {
                int k = v / sliceSize;
                int j = (v % sliceSize) / labelMap.nx();
                int i = v % labelMap.nx();
                throw new IllegalArgumentException(String.format(Locale.ROOT, "voxel (%d, %d, %d) holds %s, which is not a"
                        + " label number (a whole number from 1 to %d, 0 for background); is this a label map?", i, j, k,
                        value, SegmentDescriptions.MAX_LABEL));
            }
            slicesByLabel.computeIfAbsent((int) value, label -> new TreeSet<>()).add(v / sliceSize);
        }
        return slicesByLabel;
    }
}
