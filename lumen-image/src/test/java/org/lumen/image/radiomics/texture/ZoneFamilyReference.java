package org.lumen.image.radiomics.texture;

import java.io.IOException;
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
 * IBSI 1 reference values for the zone-like families (GLSZM, GLDZM, NGTDM, NGLDM) and the digital phantom as a
 * {@link DiscretisedRoi}, for the reference tests.
 */
final class ZoneFamilyReference {
    private ZoneFamilyReference() {
    }

    /** One row of a reference CSV. */
    record Reference(String tag, double value, double tolerance) {
        /**
         * The digital phantom's tolerance column is 0 while its values are printed to 3 significant digits, so there a
         * value matches when it rounds to the reference: within half a unit of the third significant digit.
         */
        double allowed() {
            if (tolerance > 0) {
                return tolerance;
            }
            if (value == 0) {
                return 1e-9;
            }
            return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 2) * (1 + 1e-9);
        }

        boolean matches(double ours) {
            return Math.abs(ours - value) <= allowed();
        }
    }

    /** The rows of {@code file} (under reference_values) whose tag starts with one of the prefixes. */
    static List<Reference> references(String file, String... prefixes) throws IOException {
        List<Reference> references = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.data("ibsi/reference_values/" + file), StandardCharsets.UTF_8)) {
            // dataset, family, feature, consensus, reference value, tolerance, your result, difference, check, tag;
            // a feature name may hold a quoted comma, so count from the end.
            String[] cells = line.strip().split(",", -1);
            if (cells.length < 10) {
                continue;
            }
            String tag = cells[cells.length - 1];
            String value = cells[cells.length - 6];
            String tolerance = cells[cells.length - 5];
            for (String prefix : prefixes) {
                if (tag.startsWith(prefix) && !value.isBlank()) {
                    references.add(new Reference(tag, Double.parseDouble(value),
                            tolerance.isBlank() ? 0 : Double.parseDouble(tolerance)));
                }
            }
        }
        return references;
    }

    /** Every reference our table misses, as "tag: ours X, reference Y +/- Z" (a tag we did not compute is a miss). */
    static List<String> misses(FeatureTable ours, List<Reference> references) {
        List<String> misses = new ArrayList<>();
        for (Reference reference : references) {
            double value = ours.get(reference.tag());
            if (!reference.matches(value)) {
                misses.add(reference.tag() + ": ours " + value + ", reference " + reference.value() + " +/- "
                        + reference.allowed());
            }
        }
        return misses;
    }

    /**
     * The IBSI 1 digital phantom as IBSI computes it (manual 05): no processing, its intensities 1..6 are the grey
     * levels, and the morphological mask equals the intensity mask.
     */
    static DiscretisedRoi digitalPhantom() throws Exception {
        Volume image = NiftiReader.read(TestData.data("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Volume mask = NiftiReader.read(TestData.data("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
        int[] levels = new int[image.voxelCount()];
        boolean[] roi = new boolean[image.voxelCount()];
        for (int n = 0; n < levels.length; n++) {
            roi[n] = mask.get(n) > 0;
            levels[n] = roi[n] ? Math.round(image.get(n)) : 0;
        }
        double[] spacing = {image.geometry().spacing().x(), image.geometry().spacing().y(),
            image.geometry().spacing().z()};
        return new DiscretisedRoi(image.nx(), image.ny(), image.nz(), spacing[0], spacing[1], spacing[2], levels, 6,
                roi);
    }
}
