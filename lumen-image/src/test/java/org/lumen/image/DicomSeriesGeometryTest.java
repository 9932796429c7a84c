package org.lumen.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.nifti.NiftiReader;

/**
 * The IBSI CT phantom exists as 60 DICOM slices and as NIfTI: a geometry built from the slices' Image Position and
 * Orientation must put every voxel where the NIfTI does, and the slices' rescaled pixels must be the NIfTI's voxels.
 */
class DicomSeriesGeometryTest {
    private static final int IMAGE_POSITION = 0x00200032;
    private static final int IMAGE_ORIENTATION = 0x00200037;
    private static final int PIXEL_SPACING = 0x00280030;
    private static final int ROWS = 0x00280010;
    private static final int COLUMNS = 0x00280011;
    private static final int PIXEL_REPRESENTATION = 0x00280103;
    private static final int RESCALE_INTERCEPT = 0x00281052;
    private static final int RESCALE_SLOPE = 0x00281053;
    private static final int PIXEL_DATA = 0x7FE00010;

    @Test
    void dicomSliceGeometryMatchesTheNiftiOfTheSameScan() throws Exception {
        List<Attributes> slices = slicesAlongTheirNormal(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/dicom/image"));
        Volume nifti = NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        Attributes first = slices.get(0);
        Geometry fromDicom = Geometry.fromDicomSlices(decimals(first, IMAGE_ORIENTATION), decimals(first, PIXEL_SPACING),
                slices.stream().map(s -> Vec3.of(decimals(s, IMAGE_POSITION), 0)).toList());

        assertThat(slices).hasSize(nifti.nz());
        assertThat(first.getInt(COLUMNS, 0)).isEqualTo(nifti.nx());
        assertThat(first.getInt(ROWS, 0)).isEqualTo(nifti.ny());
        assertThat(fromDicom.isCloseTo(nifti.geometry(), 1e-4)).as("DICOM %s vs NIfTI %s", fromDicom, nifti.geometry()).isTrue();
        for (int k : new int[] {0, 29, 59}) {
            assertThat(slicePixels(slices.get(k))).as("slice %d", k).containsExactly(nifti.slice(k));
        }
    }

    private static List<Attributes> slicesAlongTheirNormal(Path folder) throws IOException {
        List<Attributes> slices = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList()) {
                slices.add(DicomReader.read(file).dataset());
            }
        }
        double[] iop = decimals(slices.get(0), IMAGE_ORIENTATION);
        Vec3 normal = Vec3.of(iop, 0).cross(Vec3.of(iop, 3));
        slices.sort(Comparator.comparingDouble(s -> Vec3.of(decimals(s, IMAGE_POSITION), 0).dot(normal)));
        return slices;
    }

    /**
     * A DS value. These files are implicit VR: where lumen-dicom's dictionary does not yet know a tag its value arrives as
     * UN bytes, which are still the DS text.
     */
    private static double[] decimals(Attributes dataset, int tag) {
        double[] values = dataset.getDoubles(tag);
        if (values.length > 0) {
            return values;
        }
        byte[] bytes = dataset.getBytes(tag);
        if (bytes == null || bytes.length == 0) {
            return new double[0];
        }
        String[] parts = new String(bytes, StandardCharsets.US_ASCII).strip().split("\\\\");
        double[] parsed = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            parsed[i] = Double.parseDouble(parts[i].strip());
        }
        return parsed;
    }

    /** Stored 16-bit pixels with the modality rescale applied. */
    private static float[] slicePixels(Attributes slice) {
        Object value = slice.value(PIXEL_DATA);
        byte[] bytes = value instanceof BulkData bulk ? bulk.read() : slice.getBytes(PIXEL_DATA);
        if (bytes == null) {
            throw new UncheckedIOException(new IOException("no native pixel data"));
        }
        boolean signed = slice.getInt(PIXEL_REPRESENTATION, 0) == 1;
        double[] slopes = decimals(slice, RESCALE_SLOPE);
        double[] intercepts = decimals(slice, RESCALE_INTERCEPT);
        double slope = slopes.length > 0 ? slopes[0] : 1;
        double intercept = intercepts.length > 0 ? intercepts[0] : 0;
        float[] pixels = new float[bytes.length / 2];
        for (int p = 0; p < pixels.length; p++) {
            int stored = (bytes[2 * p] & 0xFF) | (bytes[2 * p + 1] & 0xFF) << 8;
            if (signed) {
                stored = (short) stored;
            }
            pixels[p] = (float) (stored * slope + intercept);
        }
        return pixels;
    }
}
