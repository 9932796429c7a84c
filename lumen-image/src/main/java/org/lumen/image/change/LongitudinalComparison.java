package org.lumen.image.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.registration.ImageRegistration;
import org.lumen.image.registration.RegistrationOptions;
import org.lumen.image.registration.RegistrationResult;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * Compares a patient's current scan with a prior one: the prior is registered onto the current (rigid by default: same
 * patient, same anatomy), a subtraction image (current minus registered prior) is made on the current grid, and with
 * label maps the per-label volumes and the regions that are new or gone are reported.
 *
 * <p>Volumes are counted on each scan's own grid: the prior's labels on the prior grid, the current's labels on the
 * current grid, so resampling does not bias them. The prior's labels are warped onto the current grid (nearest
 * neighbour) only to decide which regions overlap: a connected region of the current labels that touches no voxel of the
 * same label in the warped prior is new; a region of the warped prior that touches none in the current is gone.
 *
 * <p>Without the current's own labels each label's volume change is measured by a local affine registration around it
 * ({@link LocalVolumeChange}), and no region can be called new or gone; {@link Comparison#method()} says which was done.
 */
public final class LongitudinalComparison {
    static final String LOCAL_METHOD = "no current labels: each label's current volume is its prior volume divided by"
            + " the determinant of an affine registration of its neighbourhood (the prior label warped onto the current,"
            + " grown by " + LocalVolumeChange.MARGIN_VOXELS + " voxels); new or gone regions need --current-labels";
    private LongitudinalComparison() {
    }

    /** What changed in one label. */
    public record LabelChange(int label, int priorVoxels, double priorMm3, int currentVoxels, double currentMm3) {
        /** Change in percent of the prior volume; NaN for a label the prior does not have. */
        public double changePercent() {
            return priorVoxels == 0 ? Double.NaN : 100 * (currentMm3 - priorMm3) / priorMm3;
        }
    }

    /** Whether a region appeared or disappeared. */
    public enum RegionKind { NEW, GONE }

    /** A connected region present on one scan only (on the current grid). */
    public record RegionChange(RegionKind kind, int label, int voxels, double mm3, Vec3 centroid) {
    }

    /**
     * @param registration prior registered onto current (fixed current, moving prior)
     * @param subtraction current minus registered prior on the current grid (0 where the prior does not reach)
     * @param warpedPriorLabels the prior's labels on the current grid; absent without labels
     * @param labels per-label volumes, by label
     * @param regions new and gone regions
     * @param method what the current volumes were measured from
     */
    public record Comparison(RegistrationResult registration, Volume subtraction, Optional<Volume> warpedPriorLabels,
                             List<LabelChange> labels, List<RegionChange> regions, String method) {
    }

    public static Comparison compare(Volume current, Volume prior, Optional<Volume> priorLabels,
                                     Optional<Volume> currentLabels, RegistrationOptions options) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(prior, "prior");
        if (currentLabels.isPresent() && priorLabels.isEmpty()) {
            throw new IllegalArgumentException("current labels need the prior's labels to compare with");
        }
        priorLabels.ifPresent(l -> requireSameGrid(l, prior, "prior labels", "prior"));
        Optional<Volume> ownCurrent = currentLabels.map(l -> l.sameGeometry(current, 1e-3) ? l
                : Resampler.resampleOnto(l, current, Interpolation.NEAREST, 0f));
        RegistrationResult registration = ImageRegistration.register(current, prior, options);
        Volume subtraction = subtraction(current, prior, registration);
        if (priorLabels.isEmpty()) {
            return new Comparison(registration, subtraction, Optional.empty(), List.of(), List.of(), "images only");
        }
        Volume warped = Resampler.resample(priorLabels.get(), current.nx(), current.ny(), current.nz(),
                current.geometry(), registration.transform(), Interpolation.NEAREST, 0f);
        if (ownCurrent.isEmpty()) {
            List<LabelChange> estimated = localChanges(current, prior, priorLabels.get(), warped, registration, options);
            return new Comparison(registration, subtraction, Optional.of(warped), estimated, List.of(), LOCAL_METHOD);
        }
        Volume currentSide = ownCurrent.get();
        List<LabelChange> changes = labelChanges(priorLabels.get(), currentSide);
        List<RegionChange> regions = new ArrayList<>();
        regions.addAll(unmatched(currentSide, warped, RegionKind.NEW));
        regions.addAll(unmatched(warped, currentSide, RegionKind.GONE));
        String method = "current labels against prior labels (volumes each on its own grid; regions matched after"
                + " registration)";
        return new Comparison(registration, subtraction, Optional.of(warped), changes, regions, method);
    }

    /**
     * Without the current's labels: each label's current volume is its prior volume divided by the determinant of a
     * local affine registration around it ({@link LocalVolumeChange}); the voxel count is the prior's scaled the same way.
     */
    private static List<LabelChange> localChanges(Volume current, Volume prior, Volume priorLabels, Volume warped,
                                                  RegistrationResult global, RegistrationOptions options) {
        double priorVoxel = LabelVolumes.voxelVolumeMm3(priorLabels);
        double currentVoxel = LabelVolumes.voxelVolumeMm3(current);
        List<LabelChange> changes = new ArrayList<>();
        for (int label : labelValues(priorLabels)) {
            int before = LabelVolumes.count(priorLabels, label);
            if (LabelVolumes.count(warped, label) == 0) {
                changes.add(new LabelChange(label, before, before * priorVoxel, 0, 0));
                continue;
            }
            RegistrationResult local = LocalVolumeChange.localTransform(current, prior, warped, label,
                    global.transform(), options);
            double currentMm3 = before * priorVoxel / Math.abs(local.transform().linear().determinant());
            changes.add(new LabelChange(label, before, before * priorVoxel, (int) Math.round(currentMm3 / currentVoxel),
                    currentMm3));
        }
        return changes;
    }

    private static void requireSameGrid(Volume labels, Volume image, String labelsName, String imageName) {
        if (!labels.sameGeometry(image, 1e-3)) {
            throw new IllegalArgumentException(labelsName + " must be on the " + imageName + "'s grid: " + labels + " vs "
                    + image);
        }
    }

    private static Volume subtraction(Volume current, Volume prior, RegistrationResult registration) {
        Volume registered = Resampler.resample(prior, current.nx(), current.ny(), current.nz(), current.geometry(),
                registration.transform(), Interpolation.LINEAR, Float.NaN);
        float[] difference = new float[current.voxelCount()];
        for (int v = 0; v < difference.length; v++) {
            float p = registered.get(v);
            difference[v] = Float.isNaN(p) ? 0f : current.get(v) - p;
        }
        return current.withData(difference, VoxelType.FLOAT32);
    }

    private static List<LabelChange> labelChanges(Volume priorLabels, Volume currentLabels) {
        TreeSet<Integer> present = new TreeSet<>();
        present.addAll(labelValues(priorLabels));
        present.addAll(labelValues(currentLabels));
        double priorVoxel = LabelVolumes.voxelVolumeMm3(priorLabels);
        double currentVoxel = LabelVolumes.voxelVolumeMm3(currentLabels);
        List<LabelChange> changes = new ArrayList<>();
        for (int label : present) {
            int before = LabelVolumes.count(priorLabels, label);
            int after = LabelVolumes.count(currentLabels, label);
            changes.add(new LabelChange(label, before, before * priorVoxel, after, after * currentVoxel));
        }
        return changes;
    }

    private static TreeSet<Integer> labelValues(Volume labels) {
        TreeSet<Integer> values = new TreeSet<>();
        for (int v = 0; v < labels.voxelCount(); v++) {
            int label = Math.round(labels.get(v));
            if (label != 0) {
                values.add(label);
            }
        }
        return values;
    }

    /** Regions of {@code side} that share no voxel of their label with {@code other} (both on the same grid). */
    private static List<RegionChange> unmatched(Volume side, Volume other, RegionKind kind) {
        double voxel = LabelVolumes.voxelVolumeMm3(side);
        List<RegionChange> found = new ArrayList<>();
        for (ConnectedRegions.Region region : ConnectedRegions.of(side)) {
            boolean overlaps = false;
            for (int v : region.voxels()) {
                if (Math.round(other.get(v)) == region.label()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                found.add(new RegionChange(kind, region.label(), region.size(), region.size() * voxel,
                        region.centroid(side)));
            }
        }
        return found;
    }
}
