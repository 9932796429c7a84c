package org.lumen.dicom.pixel;

/**
 * The Modality LUT stage (PS3.3 C.11.1): Rescale Slope and Intercept, or a Modality LUT, from stored values to values
 * in modality units (Hounsfield units for CT, for example).
 */
public sealed interface ModalityTransform {

    double apply(double stored);

    /** Identity: no rescale and no LUT. */
    ModalityTransform IDENTITY = new Rescale(1, 0);

    /** Output = stored x slope + intercept. */
    record Rescale(double slope, double intercept) implements ModalityTransform {
        @Override
        public double apply(double stored) {
            return stored * slope + intercept;
        }
    }

    /** Output = the LUT entry for the stored value. */
    record Lut(LookupTable table) implements ModalityTransform {
        @Override
        public double apply(double stored) {
            return table.lookup(stored);
        }
    }
}
