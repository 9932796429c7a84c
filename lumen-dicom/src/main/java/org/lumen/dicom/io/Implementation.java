package org.lumen.dicom.io;

/**
 * How Lumen identifies itself in the files and associations it creates (PS3.7 D.3.3.2, PS3.10 7.1).
 *
 * <p>The class UID lives under the {@code 2.25} root, which turns a UUID into a UID without registering an organisation
 * root (PS3.5 B.2). The UUID is the name-based (version 3) UUID of the ASCII text {@code org.lumen}, so anyone can
 * re-derive it; {@code ImplementationTest} checks the derivation.
 */
public final class Implementation {
    /** The UUID the class UID is made from: {@code UUID.nameUUIDFromBytes("org.lumen")}. */
    public static final String CLASS_UUID = "15a292d3-6926-3904-bb6b-0a9d7321aa38";

    /** {@code 2.25.} followed by {@link #CLASS_UUID} as an unsigned 128-bit decimal number. */
    public static final String CLASS_UID = "2.25.28757917984052433535027004775996697144";

    /** Implementation Version Name (SH, at most 16 characters). */
    public static final String VERSION_NAME = "LUMEN_0.1";

    private Implementation() {
    }
}
