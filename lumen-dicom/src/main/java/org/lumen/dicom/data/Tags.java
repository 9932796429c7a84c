package org.lumen.dicom.data;

/** Facts about tags as 32-bit numbers (group in the high half, element in the low half). */
public final class Tags {
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int PIXEL_DATA = 0x7FE00010;
    public static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    public static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
    public static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
    public static final int EXTENDED_OFFSET_TABLE_LENGTHS = 0x7FE00002;
    public static final int DATASET_TRAILING_PADDING = 0xFFFCFFFC;

    private Tags() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Odd groups other than 1, 3, 5, 7 and FFFF are private (PS3.5 7.8.1). */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) != 0 && group > 0x0007 && group != 0xFFFF;
    }

    /** Private Creator Data Elements are (gggg,0010)–(gggg,00FF) in a private group. */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /** The creator element that reserves the block holding private element {@code tag}: (gggg,00xx) for (gggg,xxee). */
    public static int privateCreatorOf(int tag) {
        return (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
    }

    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** True for the item and delimitation tags of group FFFE, which are structure rather than data. */
    public static boolean isDelimiter(int tag) {
        return tag == ITEM || tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION;
    }

    /** The tag in the form {@code (0010,0010)} with upper-case hex digits, as dcmdump and PS3.6 print it. */
    public static String toString(int tag) {
        char[] out = {'(', 0, 0, 0, 0, ',', 0, 0, 0, 0, ')'};
        for (int i = 0; i < 4; i++) {
            out[4 - i] = hexDigit(tag >>> (16 + 4 * i));
            out[9 - i] = hexDigit(tag >>> (4 * i));
        }
        return new String(out);
    }

    /** The tag as eight hex digits {@code 00100010}, as DICOM JSON and XML name attributes. */
    public static String toHex(int tag) {
        char[] out = new char[8];
        for (int i = 0; i < 8; i++) {
            out[7 - i] = hexDigit(tag >>> (4 * i));
        }
        return new String(out);
    }

    /** Parses {@code 00100010}, {@code (0010,0010)} or {@code 0010,0010}; throws IllegalArgumentException otherwise. */
    public static int parse(String text) {
        String hex = text.replace("(", "").replace(")", "").replace(",", "").trim();
        if (hex.length() != 8) {
            throw new IllegalArgumentException("Not a DICOM tag: '" + text + "' (expected 8 hex digits such as 00100010)");
        }
        try {
            return (int) Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a DICOM tag: '" + text + "' (expected 8 hex digits such as 00100010)", e);
        }
    }

    private static char hexDigit(int value) {
        return "0123456789ABCDEF".charAt(value & 0xF);
    }
}
