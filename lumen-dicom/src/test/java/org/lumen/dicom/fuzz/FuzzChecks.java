package org.lumen.dicom.fuzz;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;

/** What every reader fuzz target does with a dataset it got: decode every value, as a caller would. */
final class FuzzChecks {
    private FuzzChecks() {
    }

    static void touch(Attributes dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.valueAt(i) instanceof Sequence sequence) {
                for (Attributes item : sequence) {
                    touch(item);
                }
            } else if (dataset.vrAt(i).isString() || dataset.vrAt(i).isBinaryNumber()) {
                dataset.stringsAt(i);
            }
        }
        dataset.specificCharacterSet();
    }
}
