package org.lumen.dicom.dict;

import java.util.List;
import org.lumen.dicom.data.VR;

/** INTERIM: replaced by the generated dictionary on merge of h-dict. */
public final class ElementDictionary {
    private static final ElementDictionary STANDARD = new ElementDictionary();

    public record Entry(int tag, int mask, String keyword, String name, List<VR> vrs, String vm, boolean retired) {
    }

    public static ElementDictionary standard() {
        return STANDARD;
    }

    public Entry lookup(int tag) {
        return null;
    }

    public VR vrOf(int tag) {
        return switch (tag) {
            case 0x00080005, 0x00080060, 0x00280004 -> VR.CS;
            case 0x00080016, 0x00080018, 0x0020000D, 0x0020000E -> VR.UI;
            case 0x00100010 -> VR.PN;
            case 0x00280010, 0x00280011, 0x00280100, 0x00280101, 0x00280102, 0x00280103, 0x00280002 -> VR.US;
            case 0x7FE00010 -> VR.OW;
            default -> (tag & 0xFFFF) == 0 ? VR.UL : VR.UN;
        };
    }

    public String keywordOf(int tag) {
        return null;
    }

    public int tagOf(String keyword) {
        return -1;
    }
}
