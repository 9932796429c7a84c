package org.lumen.dicom.xml;

/** Which strings XML 1.0 can carry (its Char production), in element text and in attribute values. */
final class XmlText {
    private XmlText() {
    }

    /** True when every character may appear in XML 1.0 element content (CR is written as a character reference). */
    static boolean isRepresentable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (!isXmlChar(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when an attribute value survives a parser unchanged: representable and free of tab, CR and LF, which
     * attribute-value normalisation turns into spaces.
     */
    static boolean isAttributeSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return isRepresentable(s);
    }

    private static boolean isXmlChar(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
