package org.lumen.image.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;

/**
 * Works out from slice headers alone which slices form the volume, in which order, and where its grid lies.
 *
 * <ol>
 * <li>Repeated copies of one SOP Instance are dropped.</li>
 * <li>Slices are grouped into consistent stacks: same series, frame of reference, stack ID, rows and columns, orientation,
 * pixel spacing and presence of a position. The largest stack is used (or the one of the series asked for); every other
 * group is reported as left out.</li>
 * <li>The slices are sorted along the slice normal (row direction x column direction) by the projection of Image Position
 * (Patient) on it, never by Instance Number, which scanners do not number consistently.</li>
 * <li>The stack is checked: slices in one plane, gaps (a step over 1.5 times the median step), slices off an evenly
 * spaced grid, slices shifted within their plane, and a stack that runs at an angle to the normal (gantry tilt).</li>
 * <li>The grid is the evenly spaced line of slice positions that fits them best (least squares over all slices), so that
 * rounding in the written positions does not accumulate; its k axis follows the stack, sheared when the gantry was
 * tilted.</li>
 * </ol>
 */
final class StackPlanner {
    /** Direction cosines agreeing to this (per component) are one orientation; DS values carry about 6 digits. */
    static final double ORIENTATION_TOLERANCE = 1e-4;
    /** Pixel spacings agreeing to this fraction are one spacing. */
    static final double PIXEL_SPACING_TOLERANCE = 1e-4;
    /** Slices closer than this along the normal (mm) lie in one plane. */
    static final double SAME_PLANE_MM = 0.01;
    /** A step this many times the median step is a gap. */
    static final double GAP_FACTOR = 1.5;
    /** A slice further than this fraction of the step from the evenly spaced grid makes the spacing irregular. */
    static final double IRREGULAR_FRACTION = 0.01;
    /** A slice shifted in its plane by more than this fraction of the smaller pixel spacing (and of the step) is off line. */
    static final double OFF_LINE_PIXEL_FRACTION = 0.1;
    /** A stack running further than this off the normal (degrees) is reported as tilted. */
    static final double TILT_DEGREES = 0.05;
    /** Messages name at most this many slices; the issue's source list has them all. */
    private static final int NAMED_IN_MESSAGE = 8;

    private static final Comparator<Slice> IDENTITY_ORDER = Comparator
            .comparing((Slice s) -> s.header().sopInstanceUid(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(s -> s.header().frame())
            .thenComparing(s -> s.header().source(), Comparator.nullsLast(Comparator.naturalOrder()));
    private static final Comparator<Slice> INSTANCE_ORDER = Comparator
            .comparingInt((Slice s) -> s.header().instanceNumber()).thenComparing(IDENTITY_ORDER);

    /** Where the series goes: its slices in volume order and the grid. */
    record Plan(String seriesInstanceUid, List<Slice> slices, Geometry geometry, List<SeriesIssue> issues) {
        SeriesReport report() {
            return new SeriesReport(seriesInstanceUid, slices.stream().map(Slice::header).toList(), issues);
        }
    }

    private final SeriesOptions options;
    private final String inputName;
    private final List<SeriesIssue> issues;
    private String seriesInstanceUid;

    private StackPlanner(SeriesOptions options, String inputName, List<SeriesIssue> issuesSoFar) {
        this.options = options;
        this.inputName = inputName;
        this.issues = new ArrayList<>(issuesSoFar);
    }

    /**
     * Plans the volume of {@code input}, continuing the report begun with {@code issuesSoFar} (files left out while reading).
     *
     * @throws SeriesVolumeException when no volume can be built without guessing; its report names every error found
     */
    static Plan plan(List<Slice> input, SeriesOptions options, String inputName, List<SeriesIssue> issuesSoFar)
            throws SeriesVolumeException {
        return new StackPlanner(options, inputName, issuesSoFar).plan(input);
    }

    private Plan plan(List<Slice> input) throws SeriesVolumeException {
        List<Slice> slices = new ArrayList<>(input);
        slices.sort(IDENTITY_ORDER);
        slices = withoutRepeatedInstances(slices);
        if (slices.isEmpty()) {
            issues.add(SeriesIssue.error(IssueKind.NO_STACK, "no image slices found", List.of()));
            throw refused();
        }
        List<List<Slice>> groups = consistentGroups(slices);
        List<Slice> stack = choose(groups);
        seriesInstanceUid = stack.get(0).header().seriesInstanceUid();
        reportLeftOut(groups, stack);
        if (stack.size() == 1 && slices.size() > 1) {
            issues.add(SeriesIssue.error(IssueKind.NO_STACK, "no two of the " + slices.size() + " slices form a stack (they"
                    + " differ in series, orientation, size or spacing, see the other messages), so there is no volume to"
                    + " build", labels(slices)));
            throw refused();
        }
        double[] inPlaneSpacing = inPlaneSpacing(stack);
        Plan plan;
        SliceHeader first = stack.get(0).header();
        if (!first.hasPosition() || !first.hasOrientation()) {
            plan = withoutPositions(stack, inPlaneSpacing);
        } else if (stack.size() == 1) {
            plan = singleSlice(stack, inPlaneSpacing);
        } else {
            plan = alongNormal(stack, inPlaneSpacing);
        }
        if (plan == null || issues.stream().anyMatch(SeriesIssue::isError)) {
            throw refused();
        }
        return plan;
    }

    private SeriesVolumeException refused() {
        return new SeriesVolumeException(inputName, new SeriesReport(seriesInstanceUid, List.of(), issues));
    }

    private List<Slice> withoutRepeatedInstances(List<Slice> sorted) {
        List<Slice> kept = new ArrayList<>(sorted.size());
        List<Slice> repeats = new ArrayList<>();
        for (Slice slice : sorted) {
            Slice previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (previous != null && slice.header().sopInstanceUid() != null
                    && slice.header().sopInstanceUid().equals(previous.header().sopInstanceUid())
                    && slice.header().frame() == previous.header().frame()) {
                repeats.add(slice);
            } else {
                kept.add(slice);
            }
        }
        if (!repeats.isEmpty()) {
            issues.add(SeriesIssue.warning(IssueKind.DUPLICATE_INSTANCE, repeats.size() + " slices repeat a SOP Instance"
                    + " already in the input (copied files) and were left out: " + names(repeats), labels(repeats)));
        }
        return kept;
    }

    // ---- grouping ----

    private static List<List<Slice>> consistentGroups(List<Slice> slices) {
        List<List<Slice>> groups = new ArrayList<>();
        for (Slice slice : slices) {
            List<Slice> home = null;
            for (List<Slice> group : groups) {
                if (sameStack(group.get(0).header(), slice.header())) {
                    home = group;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(slice);
        }
        return groups;
    }

    private static boolean sameStack(SliceHeader a, SliceHeader b) {
        return Objects.equals(a.seriesInstanceUid(), b.seriesInstanceUid()) && differences(a, b).isEmpty();
    }

    /** How slice b differs from slice a of the same series, most important first; empty when they stack together. */
    private static Map<IssueKind, String> differences(SliceHeader a, SliceHeader b) {
        Map<IssueKind, String> differences = new LinkedHashMap<>();
        if (!Objects.equals(a.frameOfReferenceUid(), b.frameOfReferenceUid())) {
            differences.put(IssueKind.MIXED_FRAME_OF_REFERENCE, "frame of reference " + b.frameOfReferenceUid());
        }
        if (!sameOrientation(a, b)) {
            differences.put(IssueKind.MIXED_ORIENTATION, "orientation " + orientation(b));
        }
        if (a.rows() != b.rows() || a.columns() != b.columns()) {
            differences.put(IssueKind.MIXED_DIMENSIONS, b.rows() + " rows x " + b.columns() + " columns");
        }
        if (!samePixelSpacing(a, b)) {
            differences.put(IssueKind.MIXED_PIXEL_SPACING, "pixel spacing " + pixelSpacing(b));
        }
        if (!Objects.equals(a.stackId(), b.stackId())) {
            differences.put(IssueKind.MULTIPLE_STACKS, "stack ID " + b.stackId());
        }
        if (a.hasPosition() != b.hasPosition()) {
            differences.put(IssueKind.MISSING_POSITION, b.hasPosition() ? "an image position" : "no image position");
        }
        return differences;
    }

    private static boolean sameOrientation(SliceHeader a, SliceHeader b) {
        if (!a.hasOrientation() || !b.hasOrientation()) {
            return a.hasOrientation() == b.hasOrientation();
        }
        return a.rowDirection().maxAbsDifference(b.rowDirection()) <= ORIENTATION_TOLERANCE
                && a.columnDirection().maxAbsDifference(b.columnDirection()) <= ORIENTATION_TOLERANCE;
    }

    private static boolean samePixelSpacing(SliceHeader a, SliceHeader b) {
        if (!a.hasPixelSpacing() || !b.hasPixelSpacing()) {
            return a.hasPixelSpacing() == b.hasPixelSpacing();
        }
        return close(a.rowSpacing(), b.rowSpacing()) && close(a.columnSpacing(), b.columnSpacing());
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= PIXEL_SPACING_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** The largest group (of the series asked for), preferring complete geometry, then the first in identity order. */
    private List<Slice> choose(List<List<Slice>> groups) throws SeriesVolumeException {
        List<List<Slice>> candidates = groups;
        if (options.seriesInstanceUid() != null) {
            candidates = groups.stream()
                    .filter(g -> options.seriesInstanceUid().equals(g.get(0).header().seriesInstanceUid())).toList();
            if (candidates.isEmpty()) {
                List<String> present = groups.stream().map(g -> g.get(0).header().seriesInstanceUid()).distinct().toList();
                issues.add(SeriesIssue.error(IssueKind.OTHER_SERIES, "series " + options.seriesInstanceUid()
                        + " is not in the input, which holds series " + present, List.of()));
                throw refused();
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt((List<Slice> g) -> -g.size())
                        .thenComparing(g -> !(g.get(0).header().hasPosition() && g.get(0).header().hasOrientation())))
                .findFirst().orElseThrow();
    }

    private void reportLeftOut(List<List<Slice>> groups, List<Slice> stack) {
        SliceHeader used = stack.get(0).header();
        Map<String, List<Slice>> otherSeries = new LinkedHashMap<>();
        for (List<Slice> group : groups) {
            if (group == stack) {
                continue;
            }
            SliceHeader other = group.get(0).header();
            if (!Objects.equals(used.seriesInstanceUid(), other.seriesInstanceUid())) {
                otherSeries.computeIfAbsent(other.seriesInstanceUid(), uid -> new ArrayList<>()).addAll(group);
                continue;
            }
            Map<IssueKind, String> differences = differences(used, other);
            IssueKind kind = differences.keySet().iterator().next();
            issues.add(SeriesIssue.warning(kind, "left out " + count(group.size(), "slice") + " of the series with "
                    + String.join(", ", differences.values()) + " (the volume's " + count(stack.size(), "slice")
                    + " have " + describeAsUsed(used, differences) + "): " + names(group), labels(group)));
        }
        for (Map.Entry<String, List<Slice>> series : otherSeries.entrySet()) {
            issues.add(SeriesIssue.warning(IssueKind.OTHER_SERIES, "left out series " + series.getKey() + " ("
                    + count(series.getValue().size(), "slice") + "): the input holds several series and the volume is"
                    + " series " + used.seriesInstanceUid() + " (" + count(stack.size(), "slice") + "); choose another with"
                    + " SeriesOptions.withSeries", labels(series.getValue())));
        }
    }

    private static String describeAsUsed(SliceHeader used, Map<IssueKind, String> differences) {
        List<String> parts = new ArrayList<>();
        for (IssueKind kind : differences.keySet()) {
            parts.add(switch (kind) {
                case MIXED_FRAME_OF_REFERENCE -> "frame of reference " + used.frameOfReferenceUid();
                case MIXED_ORIENTATION -> "orientation " + orientation(used);
                case MIXED_DIMENSIONS -> used.rows() + " rows x " + used.columns() + " columns";
                case MIXED_PIXEL_SPACING -> "pixel spacing " + pixelSpacing(used);
                case MULTIPLE_STACKS -> "stack ID " + used.stackId();
                default -> used.hasPosition() ? "an image position" : "no image position";
            });
        }
        return String.join(", ", parts);
    }

    // ---- placing ----

    /** Pixel spacing as (along i = column spacing, along j = row spacing); assumed or refused when missing. */
    private double[] inPlaneSpacing(List<Slice> stack) {
        SliceHeader first = stack.get(0).header();
        if (first.hasPixelSpacing()) {
            return new double[] {first.columnSpacing(), first.rowSpacing()};
        }
        String missing = "the slices have no usable Pixel Spacing (0028,0030), so the size of a pixel is unknown";
        if (options.assumeMissingGeometry()) {
            issues.add(SeriesIssue.warning(IssueKind.MISSING_PIXEL_SPACING, missing + "; assumed 1 mm x 1 mm",
                    labels(stack)));
        } else {
            issues.add(SeriesIssue.error(IssueKind.MISSING_PIXEL_SPACING, missing + "; refused rather than guessed"
                    + " (SeriesOptions.withAssumeMissingGeometry(true) assumes 1 mm)", labels(stack)));
        }
        return new double[] {1, 1};
    }

    private Plan singleSlice(List<Slice> stack, double[] inPlane) {
        SliceHeader only = stack.get(0).header();
        String source;
        double thickness;
        if (only.spacingBetweenSlices() > 0) {
            thickness = only.spacingBetweenSlices();
            source = "its Spacing Between Slices (0018,0088)";
        } else if (only.sliceThickness() > 0) {
            thickness = only.sliceThickness();
            source = "its Slice Thickness (0018,0050)";
        } else {
            thickness = 1;
            source = "assumed, as the header gives neither Spacing Between Slices nor Slice Thickness";
        }
        issues.add(SeriesIssue.warning(IssueKind.SINGLE_SLICE, "the volume has one slice (" + only.label()
                + "); its size along k, " + mm(thickness) + ", is " + source, labels(stack)));
        Vec3 normal = only.normal().normalized();
        Geometry geometry = new Geometry(only.position(), Matrix3.ofColumns(only.rowDirection(), only.columnDirection(),
                normal), new Vec3(inPlane[0], inPlane[1], thickness));
        return new Plan(seriesInstanceUid, stack, geometry, issues);
    }

    private Plan withoutPositions(List<Slice> stack, double[] inPlane) {
        SliceHeader first = stack.get(0).header();
        List<String> missing = new ArrayList<>();
        if (!first.hasPosition()) {
            missing.add("Image Position (Patient) (0020,0032)");
        }
        if (!first.hasOrientation()) {
            missing.add("a usable Image Orientation (Patient) (0020,0037)");
        }
        IssueKind kind = first.hasPosition() ? IssueKind.MISSING_ORIENTATION : IssueKind.MISSING_POSITION;
        String problem = "the slices have no " + String.join(" and no ", missing)
                + (first.frameCount() > 1 && !first.hasPosition() ? " for each frame (a multi-frame image without"
                        + " per-frame functional groups)" : "") + ", so their place in space is unknown";
        if (!options.assumeMissingGeometry()) {
            issues.add(SeriesIssue.error(kind, problem + "; refused rather than guessed"
                    + " (SeriesOptions.withAssumeMissingGeometry(true) stacks them in Instance Number order)",
                    labels(stack)));
            return null;
        }
        List<Slice> ordered = new ArrayList<>(stack);
        ordered.sort(INSTANCE_ORDER);
        Vec3 row = first.hasOrientation() ? first.rowDirection() : new Vec3(1, 0, 0);
        Vec3 column = first.hasOrientation() ? first.columnDirection() : new Vec3(0, 1, 0);
        SliceHeader firstInOrder = ordered.get(0).header();
        Vec3 origin = firstInOrder.hasPosition() ? firstInOrder.position() : Vec3.ZERO;
        double step = first.spacingBetweenSlices() > 0 ? first.spacingBetweenSlices()
                : first.sliceThickness() > 0 ? first.sliceThickness() : 1;
        issues.add(SeriesIssue.warning(kind, problem + "; assumed: Instance Number order, orientation "
                + (first.hasOrientation() ? orientation(first) : "row (1, 0, 0) column (0, 1, 0)") + ", first slice at "
                + vector(origin) + ", " + mm(step) + " between slices", labels(ordered)));
        Geometry geometry = new Geometry(origin, Matrix3.ofColumns(row, column, row.cross(column).normalized()),
                new Vec3(inPlane[0], inPlane[1], step));
        return new Plan(seriesInstanceUid, ordered, geometry, issues);
    }

    private Plan alongNormal(List<Slice> stack, double[] inPlane) {
        SliceHeader first = stack.get(0).header();
        Vec3 normal = first.normal().normalized();
        List<Slice> ordered = new ArrayList<>(stack);
        ordered.sort(Comparator.comparingDouble((Slice s) -> s.header().position().dot(normal)).thenComparing(INSTANCE_ORDER));
        int n = ordered.size();
        double[] along = new double[n];
        for (int k = 0; k < n; k++) {
            along[k] = ordered.get(k).header().position().dot(normal);
        }
        if (reportSharedPlanes(ordered, along)) {
            return null;
        }
        double[] steps = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            steps[k] = along[k + 1] - along[k];
        }
        double medianStep = median(steps);
        boolean gaps = reportGaps(ordered, along, steps, medianStep);

        LineFit fit = LineFit.of(ordered.stream().map(s -> s.header().position()).toList());
        double step = fit.step().norm();
        Vec3 stackDirection = fit.step().normalized();
        double offLineTolerance = Math.max(IRREGULAR_FRACTION * step,
                OFF_LINE_PIXEL_FRACTION * Math.min(inPlane[0], inPlane[1]));
        reportOffLine(ordered, along, fit, stackDirection, offLineTolerance);
        reportIrregular(ordered, along, fit, stackDirection, step, gaps);
        reportTilt(first, normal, stackDirection);
        Geometry geometry = new Geometry(fit.origin(), Matrix3.ofColumns(first.rowDirection(), first.columnDirection(),
                stackDirection), new Vec3(inPlane[0], inPlane[1], step));
        return new Plan(seriesInstanceUid, ordered, geometry, issues);
    }

    /** Reports slices in one plane (closer than {@link #SAME_PLANE_MM} along the normal); true when there are any. */
    private boolean reportSharedPlanes(List<Slice> ordered, double[] along) {
        boolean found = false;
        int start = 0;
        for (int k = 1; k <= ordered.size(); k++) {
            if (k < ordered.size() && along[k] - along[k - 1] < SAME_PLANE_MM) {
                continue;
            }
            if (k - start > 1) {
                List<Slice> together = ordered.subList(start, k);
                issues.add(SeriesIssue.error(IssueKind.DUPLICATE_POSITION, together.size() + " slices lie in one plane, "
                        + mm(along[start]) + " along the slice normal (position " + vector(together.get(0).header().position())
                        + "): " + names(together) + "; the series mixes repeated acquisitions, echoes or phases, which one"
                        + " volume cannot hold", labels(together)));
                found = true;
            }
            start = k;
        }
        return found;
    }

    private boolean reportGaps(List<Slice> ordered, double[] along, double[] steps, double medianStep) {
        boolean found = false;
        for (int k = 0; k < steps.length; k++) {
            if (steps[k] <= GAP_FACTOR * medianStep) {
                continue;
            }
            found = true;
            long missing = Math.round(steps[k] / medianStep) - 1;
            String message = "gap of " + mm(steps[k]) + " between the slices at " + mm(along[k]) + " ("
                    + ordered.get(k).header().label() + ") and " + mm(along[k + 1]) + " (" + ordered.get(k + 1).header().label()
                    + ") along the slice normal, " + String.format(Locale.ROOT, "%.1f", steps[k] / medianStep)
                    + " times the median step of " + mm(medianStep) + ": about " + count(Math.max(1, missing), "slice")
                    + " missing";
            issues.add(spacingIssue(IssueKind.GAP, message, labels(ordered.subList(k, k + 2))));
        }
        return found;
    }

    private void reportOffLine(List<Slice> ordered, double[] along, LineFit fit, Vec3 direction, double tolerance) {
        List<Slice> offLine = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int k = 0; k < ordered.size(); k++) {
            Vec3 residual = fit.residual(k, ordered.get(k).header().position());
            double sideways = residual.minus(direction.times(residual.dot(direction))).norm();
            if (sideways > tolerance) {
                offLine.add(ordered.get(k));
                details.add(mm(along[k]) + " (" + ordered.get(k).header().label() + ", " + mm(sideways) + " off)");
            }
        }
        if (!offLine.isEmpty()) {
            issues.add(SeriesIssue.error(IssueKind.NOT_ALIGNED, count(offLine.size(), "slice") + " of " + ordered.size()
                    + " lie shifted within their plane off the line the stack follows, so they do not form one stack: "
                    + listed(details), labels(offLine)));
        }
    }

    private void reportIrregular(List<Slice> ordered, double[] along, LineFit fit, Vec3 direction, double step,
            boolean gaps) {
        double worst = 0;
        List<Slice> uneven = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int k = 0; k < ordered.size(); k++) {
            double off = fit.residual(k, ordered.get(k).header().position()).dot(direction);
            worst = Math.max(worst, Math.abs(off));
            if (Math.abs(off) > IRREGULAR_FRACTION * step) {
                uneven.add(ordered.get(k));
                details.add(mm(along[k]) + " (" + ordered.get(k).header().label() + ", " + mm(off) + " off)");
            }
        }
        if (gaps) {
            if (options.spacingPolicy() == SpacingPolicy.ACCEPT_AVERAGE) {
                issues.add(SeriesIssue.warning(IssueKind.GAP, "despite the gaps, the slices were placed on the evenly"
                        + " spaced grid of " + mm(step) + " that fits them best; the worst slice moved " + mm(worst),
                        labels(ordered)));
            }
            return;
        }
        if (uneven.isEmpty()) {
            return;
        }
        String message = "slices are unevenly spaced: " + uneven.size() + " of " + ordered.size() + " lie more than "
                + percent(IRREGULAR_FRACTION) + " of the average step (" + mm(step) + ") off an evenly spaced grid, the"
                + " worst by " + mm(worst) + " (" + percent(worst / step) + "); positions along the slice normal: "
                + listed(details);
        issues.add(spacingIssue(IssueKind.IRREGULAR_SPACING, message, labels(uneven)));
    }

    private SeriesIssue spacingIssue(IssueKind kind, String message, List<String> sources) {
        if (options.spacingPolicy() == SpacingPolicy.ACCEPT_AVERAGE) {
            return SeriesIssue.warning(kind, message + "; placed on the evenly spaced grid that fits them best"
                    + " (SpacingPolicy.ACCEPT_AVERAGE)", sources);
        }
        return SeriesIssue.error(kind, message + "; refused because an evenly spaced volume would misplace slices"
                + " (SpacingPolicy.ACCEPT_AVERAGE builds it on the average grid anyway)", sources);
    }

    private void reportTilt(SliceHeader first, Vec3 normal, Vec3 stackDirection) {
        double cosine = Math.max(-1, Math.min(1, stackDirection.dot(normal)));
        double degrees = Math.toDegrees(Math.acos(cosine));
        if (degrees <= TILT_DEGREES) {
            return;
        }
        String declared = Double.isFinite(first.gantryTilt()) && first.gantryTilt() != 0
                ? " (Gantry/Detector Tilt (0018,1120) says " + String.format(Locale.ROOT, "%.2f", first.gantryTilt()) + "°)"
                : "";
        issues.add(SeriesIssue.warning(IssueKind.GANTRY_TILT, "the stack runs "
                + String.format(Locale.ROOT, "%.2f", degrees) + "° off the slice normal" + declared + "; the volume"
                + " keeps the sheared grid, whose k axis follows the stack and is not perpendicular to the slices (resample"
                + " before tools that assume perpendicular axes)", List.of()));
    }

    // ---- numbers and text ----

    /** The evenly spaced line {@code origin + k * step} that fits the slice positions best (least squares). */
    record LineFit(Vec3 origin, Vec3 step) {
        static LineFit of(List<Vec3> positions) {
            int n = positions.size();
            double meanK = (n - 1) / 2.0;
            Vec3 meanPosition = Vec3.ZERO;
            for (Vec3 p : positions) {
                meanPosition = meanPosition.plus(p);
            }
            meanPosition = meanPosition.times(1.0 / n);
            Vec3 covariance = Vec3.ZERO;
            double variance = 0;
            for (int k = 0; k < n; k++) {
                covariance = covariance.plus(positions.get(k).minus(meanPosition).times(k - meanK));
                variance += (k - meanK) * (k - meanK);
            }
            Vec3 step = covariance.times(1 / variance);
            return new LineFit(meanPosition.minus(step.times(meanK)), step);
        }

        Vec3 residual(int k, Vec3 position) {
            return position.minus(origin.plus(step.times(k)));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<String> labels(List<Slice> slices) {
        return slices.stream().map(s -> s.header().label()).toList();
    }

    private static String names(List<Slice> slices) {
        return listed(labels(slices));
    }

    private static String listed(List<String> items) {
        if (items.size() <= NAMED_IN_MESSAGE) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, NAMED_IN_MESSAGE)) + " and " + (items.size() - NAMED_IN_MESSAGE)
                + " more";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String mm(double value) {
        return String.format(Locale.ROOT, "%.2f mm", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String vector(Vec3 v) {
        return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", v.x(), v.y(), v.z());
    }

    private static String orientation(SliceHeader h) {
        if (!h.hasOrientation()) {
            return "none";
        }
        Vec3 r = h.rowDirection();
        Vec3 c = h.columnDirection();
        return String.format(Locale.ROOT, "row (%.4f, %.4f, %.4f) column (%.4f, %.4f, %.4f)", r.x(), r.y(), r.z(), c.x(),
                c.y(), c.z());
    }

    private static String pixelSpacing(SliceHeader h) {
        return h.hasPixelSpacing() ? String.format(Locale.ROOT, "%.4f x %.4f mm", h.rowSpacing(), h.columnSpacing())
                : "none";
    }
}
