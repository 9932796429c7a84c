package org.lumen.image.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/**
 * Builds a {@link Volume} in patient coordinates from a DICOM series: classic single-frame slices or the frames of an
 * enhanced multi-frame image. See {@link StackPlanner} for how slices are chosen, sorted and checked; the volume holds
 * modality values (rescale or Modality LUT applied) and its voxel type is the smallest that holds them exactly.
 *
 * <pre>{@code
 * SeriesVolume series = SeriesVolumeBuilder.fromFolder(Path.of("CT_SERIES"));
 * NiftiWriter.write(series.volume(), Path.of("ct.nii.gz"));
 * series.report().warnings().forEach(System.err::println);
 * }</pre>
 */
public final class SeriesVolumeBuilder {
    private final SeriesOptions options;

    public SeriesVolumeBuilder() {
        this(SeriesOptions.DEFAULT);
    }

    public SeriesVolumeBuilder(SeriesOptions options) {
        this.options = options;
    }

    /**
     * The volume of the DICOM files in a folder (searched recursively) with the default options: the largest consistent
     * stack, refused when unevenly spaced or without position and orientation.
     *
     * @throws IOException when the folder cannot be read
     * @throws SeriesVolumeException when no volume can be built without guessing; the message says why
     */
    public static SeriesVolume fromFolder(Path folder) throws IOException, SeriesVolumeException {
        return new SeriesVolumeBuilder().build(SeriesInput.of(folder));
    }

    public SeriesOptions options() {
        return options;
    }

    /** The volume of a folder (searched recursively) or of one file. */
    public SeriesVolume build(Path folderOrFile) throws IOException, SeriesVolumeException {
        return build(SeriesInput.of(folderOrFile));
    }

    /** The volume of the input's slices: planned from the headers, then filled with each slice's modality values. */
    public SeriesVolume build(SeriesInput input) throws SeriesVolumeException {
        StackPlanner.Plan plan = StackPlanner.plan(input.slices(), options, input.name(), input.issues());
        return new SeriesVolume(assemble(plan, input.name()), plan.report());
    }

    /** Where the volume would lie and which slices it would hold, from the headers alone (no pixel data is read). */
    public SeriesLayout layout(SeriesInput input) throws SeriesVolumeException {
        StackPlanner.Plan plan = StackPlanner.plan(input.slices(), options, input.name(), input.issues());
        SliceHeader first = plan.slices().get(0).header();
        return new SeriesLayout(first.columns(), first.rows(), plan.slices().size(), plan.geometry(), plan.report());
    }

    private static Volume assemble(StackPlanner.Plan plan, String inputName) throws SeriesVolumeException {
        SliceHeader first = plan.slices().get(0).header();
        int nx = first.columns();
        int ny = first.rows();
        int nz = plan.slices().size();
        long count = (long) nx * ny * nz;
        if (count > Integer.MAX_VALUE - 8) {
            throw refused(plan, inputName, SeriesIssue.error(IssueKind.TOO_LARGE, nx + " x " + ny + " x " + nz + " = "
                    + count + " voxels do not fit in one volume (at most " + (Integer.MAX_VALUE - 8) + ")", List.of()), null);
        }
        float[] data = new float[(int) count];
        int sliceSize = nx * ny;
        for (int k = 0; k < nz; k++) {
            Slice slice = plan.slices().get(k);
            float[] values;
            try {
                values = slice.values().modalityValues();
            } catch (PixelDataException | UncheckedIOException e) {
                throw refused(plan, inputName, SeriesIssue.error(IssueKind.PIXEL_DATA, "the pixels of "
                        + slice.header().label() + " cannot be read as modality values: " + e.getMessage(),
                        List.of(slice.header().label())), e);
            }
            if (values.length != sliceSize) {
                throw refused(plan, inputName, SeriesIssue.error(IssueKind.PIXEL_DATA, slice.header().label() + " has "
                        + values.length + " pixel values where Rows x Columns is " + sliceSize, List.of(slice.header()
                        .label())), null);
            }
            System.arraycopy(values, 0, data, k * sliceSize, sliceSize);
        }
        return new Volume(nx, ny, nz, data, fittingType(data), plan.geometry());
    }

    private static SeriesVolumeException refused(StackPlanner.Plan plan, String inputName, SeriesIssue error,
            Throwable cause) {
        List<SeriesIssue> issues = new ArrayList<>(plan.issues());
        issues.add(error);
        SeriesReport report = new SeriesReport(plan.seriesInstanceUid(), List.of(), issues);
        return cause == null ? new SeriesVolumeException(inputName, report)
                : new SeriesVolumeException(inputName, report, cause);
    }

    /**
     * The smallest type that holds every value exactly: INT16 for whole numbers within its range (CT in Hounsfield units,
     * most MR), else UINT16, else INT32 up to 2^24 (beyond it a float loses whole numbers), else FLOAT32 (a rescale slope
     * that makes fractions, PET SUV-like values).
     */
    static VoxelType fittingType(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            if (value != Math.rint(value)) {
                return VoxelType.FLOAT32; // a fraction or NaN; an infinity fails the range checks below
            }
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        for (VoxelType type : new VoxelType[] {VoxelType.INT16, VoxelType.UINT16}) {
            if (min >= type.min() && max <= type.max()) {
                return type;
            }
        }
        float exactLimit = 1 << 24;
        return min >= -exactLimit && max <= exactLimit ? VoxelType.INT32 : VoxelType.FLOAT32;
    }
}
