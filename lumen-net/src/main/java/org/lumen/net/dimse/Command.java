package org.lumen.net.dimse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DIMSE command set: the group 0000 elements of PS3.7 section E, always encoded Implicit VR Little Endian with the
 * Command Group Length first. Values are kept as String (UI, AE, LO, SH), Integer (US, UL) or int[] (AT). Unknown group 0000
 * elements read from a peer are kept as their raw bytes so that nothing is lost, and ignored.
 */
public final class Command {
    public static final int GROUP_LENGTH = 0x00000000;
    public static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    public static final int REQUESTED_SOP_CLASS_UID = 0x00000003;
    public static final int COMMAND_FIELD = 0x00000100;
    public static final int MESSAGE_ID = 0x00000110;
    public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    public static final int MOVE_DESTINATION = 0x00000600;
    public static final int PRIORITY = 0x00000700;
    public static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    public static final int STATUS = 0x00000900;
    public static final int OFFENDING_ELEMENT = 0x00000901;
    public static final int ERROR_COMMENT = 0x00000902;
    public static final int ERROR_ID = 0x00000903;
    public static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    public static final int REQUESTED_SOP_INSTANCE_UID = 0x00001001;
    public static final int EVENT_TYPE_ID = 0x00001002;
    public static final int ATTRIBUTE_IDENTIFIER_LIST = 0x00001005;
    public static final int ACTION_TYPE_ID = 0x00001008;
    public static final int NUMBER_OF_REMAINING_SUB_OPERATIONS = 0x00001020;
    public static final int NUMBER_OF_COMPLETED_SUB_OPERATIONS = 0x00001021;
    public static final int NUMBER_OF_FAILED_SUB_OPERATIONS = 0x00001022;
    public static final int NUMBER_OF_WARNING_SUB_OPERATIONS = 0x00001023;
    public static final int MOVE_ORIGINATOR_AE_TITLE = 0x00001030;
    public static final int MOVE_ORIGINATOR_MESSAGE_ID = 0x00001031;

    /** Command Data Set Type value meaning "no data set follows". */
    public static final int NO_DATA_SET = 0x0101;
    /** The largest command set we accept: real ones are a few hundred bytes. */
    public static final int MAX_ENCODED_LENGTH = 64 * 1024;

    private enum Kind { UI, TEXT, US, UL, AT, RAW }

    private final TreeMap<Integer, Object> elements = new TreeMap<>(Integer::compareUnsigned);

    private static Kind kindOf(int tag) {
        return switch (tag) {
            case AFFECTED_SOP_CLASS_UID, REQUESTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, REQUESTED_SOP_INSTANCE_UID -> Kind.UI;
            case MOVE_DESTINATION, ERROR_COMMENT, MOVE_ORIGINATOR_AE_TITLE -> Kind.TEXT;
            case GROUP_LENGTH -> Kind.UL;
            case OFFENDING_ELEMENT, ATTRIBUTE_IDENTIFIER_LIST -> Kind.AT;
            case COMMAND_FIELD, MESSAGE_ID, MESSAGE_ID_BEING_RESPONDED_TO, PRIORITY, COMMAND_DATA_SET_TYPE, STATUS, ERROR_ID,
                    EVENT_TYPE_ID, ACTION_TYPE_ID, NUMBER_OF_REMAINING_SUB_OPERATIONS, NUMBER_OF_COMPLETED_SUB_OPERATIONS,
                    NUMBER_OF_FAILED_SUB_OPERATIONS, NUMBER_OF_WARNING_SUB_OPERATIONS, MOVE_ORIGINATOR_MESSAGE_ID -> Kind.US;
            default -> Kind.RAW;
        };
    }

    // ---------------------------------------------------------------- building

    public static Command request(int commandField, int messageId, String sopClassUid, boolean hasDataSet) {
        Command c = new Command();
        int sopClassTag = commandField == CommandField.N_ACTION_RQ || commandField == CommandField.N_GET_RQ
                || commandField == CommandField.N_SET_RQ || commandField == CommandField.N_DELETE_RQ
                ? REQUESTED_SOP_CLASS_UID : AFFECTED_SOP_CLASS_UID;
        if (sopClassUid != null) {
            c.set(sopClassTag, sopClassUid);
        }
        c.set(COMMAND_FIELD, commandField);
        c.set(MESSAGE_ID, messageId);
        c.set(COMMAND_DATA_SET_TYPE, hasDataSet ? 0x0000 : NO_DATA_SET);
        return c;
    }

    /** The response to {@code rq}: same SOP class (and instance for C-STORE and N- services), the given status. */
    public static Command responseTo(Command rq, int status, boolean hasDataSet) {
        Command c = new Command();
        String sopClass = rq.getString(AFFECTED_SOP_CLASS_UID);
        if (sopClass == null) {
            sopClass = rq.getString(REQUESTED_SOP_CLASS_UID);
        }
        if (sopClass != null) {
            c.set(AFFECTED_SOP_CLASS_UID, sopClass);
        }
        c.set(COMMAND_FIELD, rq.commandField() | CommandField.RESPONSE);
        c.set(MESSAGE_ID_BEING_RESPONDED_TO, rq.messageId());
        c.set(COMMAND_DATA_SET_TYPE, hasDataSet ? 0x0000 : NO_DATA_SET);
        c.set(STATUS, status);
        String instance = rq.getString(AFFECTED_SOP_INSTANCE_UID);
        if (instance == null) {
            instance = rq.getString(REQUESTED_SOP_INSTANCE_UID);
        }
        if (instance != null) {
            c.set(AFFECTED_SOP_INSTANCE_UID, instance);
        }
        return c;
    }

    public Command set(int tag, String value) {
        if (kindOf(tag) != Kind.UI && kindOf(tag) != Kind.TEXT) {
            throw new IllegalArgumentException(String.format("(0000,%04X) is not a string element", tag & 0xffff));
        }
        if (value == null) {
            elements.remove(tag);
        } else {
            elements.put(tag, value);
        }
        return this;
    }

    public Command set(int tag, int value) {
        if (kindOf(tag) != Kind.US && kindOf(tag) != Kind.UL) {
            throw new IllegalArgumentException(String.format("(0000,%04X) is not a numeric element", tag & 0xffff));
        }
        elements.put(tag, value);
        return this;
    }

    public Command setTags(int tag, int... tags) {
        if (kindOf(tag) != Kind.AT) {
            throw new IllegalArgumentException(String.format("(0000,%04X) is not an AT element", tag & 0xffff));
        }
        elements.put(tag, tags.clone());
        return this;
    }

    public Command remove(int tag) {
        elements.remove(tag);
        return this;
    }

    // ---------------------------------------------------------------- reading

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public String getString(int tag) {
        return elements.get(tag) instanceof String s ? s : null;
    }

    public int getInt(int tag, int defaultValue) {
        return elements.get(tag) instanceof Integer i ? i : defaultValue;
    }

    public int[] getTags(int tag) {
        return elements.get(tag) instanceof int[] t ? t.clone() : null;
    }

    public int commandField() {
        return getInt(COMMAND_FIELD, -1);
    }

    public int messageId() {
        return getInt(MESSAGE_ID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return getInt(MESSAGE_ID_BEING_RESPONDED_TO, -1);
    }

    public int status() {
        return getInt(STATUS, -1);
    }

    public boolean hasDataSet() {
        return getInt(COMMAND_DATA_SET_TYPE, NO_DATA_SET) != NO_DATA_SET;
    }

    public boolean isResponse() {
        return CommandField.isResponse(commandField());
    }

    /** The affected SOP class UID, or the requested one for N- services. */
    public String sopClassUid() {
        String uid = getString(AFFECTED_SOP_CLASS_UID);
        return uid != null ? uid : getString(REQUESTED_SOP_CLASS_UID);
    }

    public String sopInstanceUid() {
        String uid = getString(AFFECTED_SOP_INSTANCE_UID);
        return uid != null ? uid : getString(REQUESTED_SOP_INSTANCE_UID);
    }

    /** A one-line summary without any data set content (safe to log). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(CommandField.name(commandField()));
        if (isResponse()) {
            sb.append(" to #").append(messageIdBeingRespondedTo()).append(" status ").append(Status.hex(status()));
        } else {
            sb.append(" #").append(messageId());
        }
        String sopClass = sopClassUid();
        if (sopClass != null) {
            sb.append(" class ").append(sopClass);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- codec

    /** Implicit VR Little Endian with (0000,0000) Command Group Length computed. */
    public byte[] encode() {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        for (Map.Entry<Integer, Object> e : elements.entrySet()) {
            int tag = e.getKey();
            if (tag == GROUP_LENGTH) {
                continue;
            }
            byte[] value = encodeValue(tag, e.getValue());
            writeTag(body, tag, value.length);
            body.writeBytes(value);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 12);
        writeTag(out, GROUP_LENGTH, 4);
        writeLe32(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] encodeValue(int tag, Object value) {
        switch (kindOf(tag)) {
            case UI, TEXT: {
                byte[] s = ((String) value).getBytes(StandardCharsets.US_ASCII);
                if ((s.length & 1) == 0) {
                    return s;
                }
                byte[] padded = Arrays.copyOf(s, s.length + 1);
                padded[s.length] = kindOf(tag) == Kind.UI ? 0 : (byte) ' ';
                return padded;
            }
            case US: {
                int v = (Integer) value;
                return new byte[] {(byte) v, (byte) (v >>> 8)};
            }
            case UL: {
                int v = (Integer) value;
                return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
            }
            case AT: {
                int[] tags = (int[]) value;
                byte[] out = new byte[tags.length * 4];
                for (int i = 0; i < tags.length; i++) {
                    int t = tags[i];
                    out[i * 4] = (byte) (t >>> 16);
                    out[i * 4 + 1] = (byte) (t >>> 24);
                    out[i * 4 + 2] = (byte) t;
                    out[i * 4 + 3] = (byte) (t >>> 8);
                }
                return out;
            }
            default:
                return (byte[]) value;
        }
    }

    /**
     * Decodes a command set. Every element must be in group 0000, every length must fit the bytes left, numeric elements must
     * have their fixed sizes, and the command must carry a Command Field and a message ID (or the ID it responds to).
     */
    public static Command decode(byte[] bytes) throws DimseFormatException {
        if (bytes.length > MAX_ENCODED_LENGTH) {
            throw new DimseFormatException("Command set of " + bytes.length + " bytes exceeds the limit of " + MAX_ENCODED_LENGTH);
        }
        Command c = new Command();
        int pos = 0;
        while (pos < bytes.length) {
            if (bytes.length - pos < 8) {
                throw new DimseFormatException("Command set: " + (bytes.length - pos) + " stray bytes at offset " + pos);
            }
            int group = le16(bytes, pos);
            int element = le16(bytes, pos + 2);
            long length = le32(bytes, pos + 4) & 0xffffffffL;
            if (group != 0) {
                throw new DimseFormatException(String.format("Command set: element (%04X,%04X) at offset %d is not in group 0000"
                        + " (is the command encoded Implicit VR Little Endian?)", group, element, pos));
            }
            if (length > bytes.length - pos - 8) {
                throw new DimseFormatException(String.format("Command set: element (0000,%04X) at offset %d declares length %d "
                        + "but only %d bytes are left", element, pos, length, bytes.length - pos - 8));
            }
            int tag = element;
            int start = pos + 8;
            int len = (int) length;
            switch (kindOf(tag)) {
                case UI, TEXT -> c.elements.put(tag, trim(bytes, start, len));
                case US -> {
                    if (len != 2) {
                        throw new DimseFormatException(String.format("Command set: US element (0000,%04X) has length %d, not 2",
                                element, len));
                    }
                    c.elements.put(tag, le16(bytes, start));
                }
                case UL -> {
                    if (len != 4) {
                        throw new DimseFormatException(String.format("Command set: UL element (0000,%04X) has length %d, not 4",
                                element, len));
                    }
                    c.elements.put(tag, le32(bytes, start));
                }
                case AT -> {
                    if (len % 4 != 0) {
                        throw new DimseFormatException(String.format("Command set: AT element (0000,%04X) length %d is not a "
                                + "multiple of 4", element, len));
                    }
                    int[] tags = new int[len / 4];
                    for (int i = 0; i < tags.length; i++) {
                        tags[i] = le16(bytes, start + i * 4) << 16 | le16(bytes, start + i * 4 + 2);
                    }
                    c.elements.put(tag, tags);
                }
                default -> c.elements.put(tag, Arrays.copyOfRange(bytes, start, start + len));
            }
            pos = start + len;
        }
        int field = c.commandField();
        if (field < 0) {
            throw new DimseFormatException("Command set without a Command Field (0000,0100)");
        }
        if (CommandField.isResponse(field) ? c.messageIdBeingRespondedTo() < 0 : c.messageId() < 0
                && field != CommandField.C_CANCEL_RQ) {
            throw new DimseFormatException(CommandField.name(field) + " without a "
                    + (CommandField.isResponse(field) ? "Message ID Being Responded To (0000,0120)" : "Message ID (0000,0110)"));
        }
        if (field == CommandField.C_CANCEL_RQ && c.messageIdBeingRespondedTo() < 0) {
            throw new DimseFormatException("C-CANCEL-RQ without a Message ID Being Responded To (0000,0120)");
        }
        return c;
    }

    private static String trim(byte[] b, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (end > start && (b[end - 1] == 0 || b[end - 1] == ' ')) {
            end--;
        }
        while (start < end && b[start] == ' ') {
            start++;
        }
        return new String(b, start, end - start, StandardCharsets.US_ASCII);
    }

    private static void writeTag(ByteArrayOutputStream out, int tag, int length) {
        out.write(0);
        out.write(0);
        out.write(tag);
        out.write(tag >>> 8);
        writeLe32(out, length);
    }

    private static void writeLe32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static int le16(byte[] b, int offset) {
        return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8;
    }

    private static int le32(byte[] b, int offset) {
        return le16(b, offset) | le16(b, offset + 2) << 16;
    }
}
