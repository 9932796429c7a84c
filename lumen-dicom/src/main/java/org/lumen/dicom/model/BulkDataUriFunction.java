package org.lumen.dicom.model;

import org.lumen.dicom.data.VR;

/** Gives the BulkDataURI under which a caller (a DICOMweb server, say) will serve a bulk value. */
@FunctionalInterface
public interface BulkDataUriFunction {

    /**
     * The URI for one value, or null to write that value inline instead.
     *
     * @param elementPath the element's place in the dataset: its tag as eight hex digits, preceded for an element inside a
     *                    sequence by the sequence tag and the 0-based item index, e.g. {@code 00540016/0/00181072}
     * @param vr          the element's VR
     * @param value       the stored value: a {@code byte[]}, {@link org.lumen.dicom.data.BulkData} or
     *                    {@link org.lumen.dicom.data.Fragments}
     */
    String uriFor(String elementPath, VR vr, Object value);
}
