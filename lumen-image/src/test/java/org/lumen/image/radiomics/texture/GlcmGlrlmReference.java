package org.lumen.image.radiomics.texture;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1 reference values of the GLCM and GLRLM families, the digital phantom as a {@link DiscretisedRoi}, and the
 * comparison of a {@link FeatureTable} against them that lists every miss.
 */
final class GlcmGlrlmReference {
    private GlcmGlrlmReference() {
    }

    /** One reference row; {@code tolerance} 0 means IBSI gave none (the digital phantom), see {@link #allowed}. */
    record Value(String tag, String printed, double reference, double tolerance) {

        /**
         * The tolerance, or where IBSI gives none half a unit in the last of the reference's significant digits
         * (at least 3, as IBSI rounds them): a value that rounds to the reference matches it.
         */
        double allowed() {
            BigDecimal value = new BigDecimal(printed);
            int significant = Math.max(3, value.stripTrailingZeros().precision());
            int magnitude = value.signum() == 0 ? 0 : (int) Math.floor(Math.log10(Math.abs(reference)));
            double halfUnit = 0.5 * Math.pow(10, magnitude - significant + 1);
            return Math.max(tolerance, halfUnit * (1 + 1e-9));
        }

        boolean matches(double ours) {
            return Math.abs(ours - reference) <= allowed();
        }
    }

    /** The rows of {@code reference_values/<file>} whose tag starts with one of the prefixes and that have a value. */
    static List<Value> values(String file, String... tagPrefixes) throws IOException {
        List<Value> values = new ArrayList<>();
        List<String> lines = Files.readAllLines(TestData.data("ibsi/reference_values/" + file), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            // dataset, family, feature, consensus, reference value, tolerance, your result, difference, check, tag;
            // family and feature may hold quoted commas, so count from the end.
            String[] cells = line.strip().split(",", -1);
            String tag = cells[cells.length - 1];
            String printed = cells[cells.length - 6].strip();
            if (printed.isEmpty() || !startsWithAny(tag, tagPrefixes)) {
                continue;
            }
            String tolerance = cells[cells.length - 5].strip();
            values.add(new Value(tag, printed, Double.parseDouble(printed),
                    tolerance.isEmpty() ? 0 : Double.parseDouble(tolerance)));
        }
        return values;
    }

    /** "tag: ours X, reference Y +/- T" for every reference value the table misses or lacks. */
    static List<String> misses(FeatureTable ours, List<Value> reference) {
        List<String> misses = new ArrayList<>();
        for (Value value : reference) {
            double computed = ours.get(value.tag());
            if (!value.matches(computed)) {
                misses.add(String.format("%s: ours %.6g, reference %s +/- %.3g", value.tag(), computed, value.printed(),
                        value.allowed()));
            }
        }
        return misses;
    }

    /**
     * The IBSI 1 digital phantom as it is: its intensities are the grey levels 1..6 (manual 05: no discretisation, or
     * equivalently a fixed bin number of 6), the mask is both the intensity and the morphological mask.
     */
    static DiscretisedRoi digitalPhantom() throws Exception {
        Volume image = NiftiReader.read(TestData.data("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Volume mask = NiftiReader.read(TestData.data("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
        int[] levels = new int[image.voxelCount()];
        boolean[] inside = new boolean[image.voxelCount()];
        for (int i = 0; i < levels.length; i++) {
            inside[i] = mask.get(i) > 0;
            levels[i] = inside[i] ? Math.round(image.get(i)) : 0;
        }
        var spacing = image.geometry().spacing();
        return new DiscretisedRoi(image.nx(), image.ny(), image.nz(), spacing.x(), spacing.y(), spacing.z(), levels, 6,
                inside);
    }

    private static boolean startsWithAny(String tag, String... prefixes) {
        for (String prefix : prefixes) {
            if (tag.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
