package org.lumen.dicom.io;

import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.PrivateDictionary;

/** The VR of a private data element from the built-in private dictionary (vendors' elements, after dcmtk's private.dic). */
final class PrivateVRs {
    private static final PrivateDictionary DICTIONARY = PrivateDictionary.builtIn();

    private PrivateVRs() {
    }

    /** The dictionary's VR for private element {@code tag} reserved by {@code creator}, or null when unknown. */
    static VR lookup(String creator, int tag) {
        PrivateDictionary.Entry entry = creator == null ? null : DICTIONARY.lookup(creator, tag);
        if (entry == null || entry.vrs().isEmpty() || entry.vr() == VR.UN) {
            return null;
        }
        return entry.vr();
    }
}
