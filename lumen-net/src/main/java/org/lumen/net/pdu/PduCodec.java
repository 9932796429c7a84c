package org.lumen.net.pdu;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lumen.net.pdu.Pdu.Abort;
import org.lumen.net.pdu.Pdu.AssociateAc;
import org.lumen.net.pdu.Pdu.AssociateRj;
import org.lumen.net.pdu.Pdu.AssociateRq;
import org.lumen.net.pdu.Pdu.PData;
import org.lumen.net.pdu.Pdu.Pdv;
import org.lumen.net.pdu.Pdu.ReleaseRp;
import org.lumen.net.pdu.Pdu.ReleaseRq;
import org.lumen.net.pdu.UserInfo.AsyncOps;
import org.lumen.net.pdu.UserInfo.CommonExtendedNegotiation;
import org.lumen.net.pdu.UserInfo.ExtendedNegotiation;
import org.lumen.net.pdu.UserInfo.RoleSelection;
import org.lumen.net.pdu.UserInfo.UserIdentity;

/**
 * Encodes and decodes PDUs (PS3.8 section 9.3). Every length read is checked against what contains it and against the
 * configured limits before anything is allocated, so a hostile peer cannot make us allocate more than {@link Limits} allow
 * or read past a PDU. Unknown items inside a user information item are skipped as PS3.7 D.3.3 asks; anything else that does
 * not fit is a {@link PduFormatException}.
 */
public final class PduCodec {

    /**
     * @param maxPDataLength the largest P-DATA-TF variable field we accept: what we advertised as maximum length received
     * @param maxAssociateLength the largest A-ASSOCIATE-RQ/AC variable field we accept
     */
    public record Limits(int maxPDataLength, int maxAssociateLength) {
        public static final Limits DEFAULT = new Limits(1 << 20, 1 << 20);

        public Limits {
            if (maxPDataLength < 8 || maxAssociateLength < 68) {
                throw new IllegalArgumentException("PDU limits too small: " + maxPDataLength + ", " + maxAssociateLength);
            }
        }

        int limitFor(int type) {
            return switch (type) {
                case Pdu.TYPE_P_DATA_TF -> maxPDataLength;
                case Pdu.TYPE_ASSOCIATE_RQ, Pdu.TYPE_ASSOCIATE_AC -> maxAssociateLength;
                default -> 4;
            };
        }
    }

    private PduCodec() {
    }

    /** An A-ASSOCIATE-RQ whose protocol version bits lack version 1: answered A-ASSOCIATE-RJ (1, 2, 2), not A-ABORT. */
    public static final class UnsupportedProtocolVersionException extends PduFormatException {
        private static final long serialVersionUID = 1L;

        UnsupportedProtocolVersionException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads one PDU from {@code in}; null at a clean end of stream before the first byte. */
    public static Pdu read(InputStream in, Limits limits) throws IOException {
        byte[] header = new byte[6];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        readFully(in, header, 1, 5, "PDU header");
        int type = first & 0xff;
        long length = u32(header, 2);
        checkHeader(type, length, limits);
        byte[] body = new byte[(int) length];
        readFully(in, body, 0, body.length, pduName(type) + " body of " + length + " bytes");
        return decodeBody(type, body);
    }

    /** Decodes one whole PDU (header included) held in {@code bytes}; trailing bytes are an error. */
    public static Pdu decode(byte[] bytes, Limits limits) throws PduFormatException {
        if (bytes.length < 6) {
            throw new PduFormatException("PDU shorter than its 6-byte header: " + bytes.length + " bytes");
        }
        int type = bytes[0] & 0xff;
        long length = u32(bytes, 2);
        checkHeader(type, length, limits);
        if (length != bytes.length - 6) {
            throw new PduFormatException(pduName(type) + " PDU length " + length + " does not match the " + (bytes.length - 6)
                    + " bytes that follow the header");
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, 6, bytes.length);
        return decodeBody(type, body);
    }

    private static void checkHeader(int type, long length, Limits limits) throws PduFormatException {
        if (type < Pdu.TYPE_ASSOCIATE_RQ || type > Pdu.TYPE_ABORT) {
            throw new PduFormatException(String.format("Unknown PDU type 0x%02X (PS3.8 defines 0x01..0x07)", type));
        }
        if (type >= Pdu.TYPE_ASSOCIATE_RJ && type != Pdu.TYPE_P_DATA_TF && length != 4) {
            throw new PduFormatException(pduName(type) + " PDU length must be 4, is " + length);
        }
        long limit = limits.limitFor(type);
        if (length > limit) {
            throw new PduFormatException(pduName(type) + " PDU length " + length + " exceeds the maximum of " + limit
                    + " bytes accepted here" + (type == Pdu.TYPE_P_DATA_TF ? " (the maximum length we negotiated)" : ""));
        }
    }

    private static Pdu decodeBody(int type, byte[] body) throws PduFormatException {
        return switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ, Pdu.TYPE_ASSOCIATE_AC -> decodeAssociate(type, body);
            case Pdu.TYPE_ASSOCIATE_RJ -> new AssociateRj(body[1] & 0xff, body[2] & 0xff, body[3] & 0xff);
            case Pdu.TYPE_P_DATA_TF -> decodePData(body);
            case Pdu.TYPE_RELEASE_RQ -> new ReleaseRq();
            case Pdu.TYPE_RELEASE_RP -> new ReleaseRp();
            case Pdu.TYPE_ABORT -> new Abort(body[2] & 0xff, body[3] & 0xff);
            default -> throw new PduFormatException("Unknown PDU type " + type);
        };
    }

    private static PData decodePData(byte[] body) throws PduFormatException {
        List<Pdv> pdvs = new ArrayList<>(2);
        int pos = 0;
        while (pos < body.length) {
            if (body.length - pos < 4) {
                throw new PduFormatException("P-DATA-TF: " + (body.length - pos) + " stray bytes at offset " + pos
                        + ", too short for a PDV item length");
            }
            long itemLength = u32(body, pos);
            if (itemLength < 2 || itemLength > body.length - pos - 4) {
                throw new PduFormatException("P-DATA-TF: PDV item length " + itemLength + " at offset " + pos
                        + " does not fit the " + (body.length - pos - 4) + " bytes left in the PDU (minimum 2)");
            }
            int contextId = body[pos + 4] & 0xff;
            int control = body[pos + 5] & 0xff;
            if ((contextId & 1) == 0) {
                throw new PduFormatException("P-DATA-TF: presentation context ID " + contextId + " is even (must be odd)");
            }
            if ((control & 0xfc) != 0) {
                throw new PduFormatException(String.format("P-DATA-TF: message control header 0x%02X has reserved bits set",
                        control));
            }
            byte[] data = java.util.Arrays.copyOfRange(body, pos + 6, pos + 4 + (int) itemLength);
            pdvs.add(new Pdv(contextId, (control & 1) != 0, (control & 2) != 0, data));
            pos += 4 + (int) itemLength;
        }
        if (pdvs.isEmpty()) {
            throw new PduFormatException("P-DATA-TF without any PDV item");
        }
        return new PData(pdvs);
    }

    private static Pdu decodeAssociate(int type, byte[] body) throws PduFormatException {
        String name = pduName(type);
        if (body.length < 68) {
            throw new PduFormatException(name + " PDU length " + body.length + " is shorter than its 68-byte fixed part");
        }
        int version = u16(body, 0);
        if ((version & 1) == 0) {
            throw new UnsupportedProtocolVersionException(name + ": protocol version " + version
                    + " does not include version 1");
        }
        String called = ae(body, 4);
        String calling = ae(body, 20);
        String appContext = null;
        List<PresentationContext> contexts = new ArrayList<>();
        UserInfo userInfo = null;
        Items items = new Items(body, 68, body.length, name);
        while (items.next()) {
            switch (items.type) {
                case 0x10 -> appContext = items.string();
                case 0x20 -> {
                    if (type != Pdu.TYPE_ASSOCIATE_RQ) {
                        throw new PduFormatException(name + ": presentation context item 0x20 belongs in an A-ASSOCIATE-RQ");
                    }
                    contexts.add(decodeProposedContext(items));
                }
                case 0x21 -> {
                    if (type != Pdu.TYPE_ASSOCIATE_AC) {
                        throw new PduFormatException(name + ": presentation context item 0x21 belongs in an A-ASSOCIATE-AC");
                    }
                    contexts.add(decodeContextAnswer(items));
                }
                case 0x50 -> userInfo = decodeUserInfo(items);
                default -> throw new PduFormatException(String.format("%s: unknown item type 0x%02X at offset %d", name,
                        items.type, items.start));
            }
        }
        if (appContext == null) {
            throw new PduFormatException(name + " without an application context item");
        }
        if (userInfo == null) {
            throw new PduFormatException(name + " without a user information item (PS3.7 D.3.3 requires one)");
        }
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (PresentationContext pc : contexts) {
            if (!ids.add(pc.id())) {
                throw new PduFormatException(name + ": presentation context ID " + pc.id() + " appears twice");
            }
        }
        if (type == Pdu.TYPE_ASSOCIATE_RQ && contexts.isEmpty()) {
            throw new PduFormatException(name + " proposes no presentation context");
        }
        return type == Pdu.TYPE_ASSOCIATE_RQ ? new AssociateRq(called, calling, appContext, contexts, userInfo)
                : new AssociateAc(called, calling, appContext, contexts, userInfo);
    }

    private static PresentationContext decodeProposedContext(Items item) throws PduFormatException {
        if (item.length < 4) {
            throw new PduFormatException("Presentation context item length " + item.length + " < 4");
        }
        int id = contextId(item);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        Items sub = new Items(item.bytes, item.start + 8, item.start + 4 + item.length, "presentation context " + id);
        while (sub.next()) {
            switch (sub.type) {
                case 0x30 -> {
                    if (abstractSyntax != null) {
                        throw new PduFormatException("Presentation context " + id + " has two abstract syntax sub-items");
                    }
                    abstractSyntax = sub.string();
                }
                case 0x40 -> transferSyntaxes.add(sub.string());
                default -> throw new PduFormatException(String.format("Presentation context %d: unknown sub-item type 0x%02X",
                        id, sub.type));
            }
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty()) {
            throw new PduFormatException("Presentation context " + id + " lacks an abstract syntax or a transfer syntax");
        }
        return new PresentationContext(id, 0, abstractSyntax, transferSyntaxes);
    }

    private static PresentationContext decodeContextAnswer(Items item) throws PduFormatException {
        if (item.length < 4) {
            throw new PduFormatException("Presentation context item length " + item.length + " < 4");
        }
        int id = contextId(item);
        int result = item.bytes[item.start + 6] & 0xff;
        String transferSyntax = null;
        Items sub = new Items(item.bytes, item.start + 8, item.start + 4 + item.length, "presentation context " + id);
        while (sub.next()) {
            if (sub.type != 0x40) {
                throw new PduFormatException(String.format("Presentation context %d answer: unexpected sub-item type 0x%02X",
                        id, sub.type));
            }
            transferSyntax = sub.string();
        }
        if (result == PresentationContext.ACCEPTANCE && (transferSyntax == null || transferSyntax.isEmpty())) {
            throw new PduFormatException("Presentation context " + id + " accepted without a transfer syntax");
        }
        return PresentationContext.answer(id, result, transferSyntax == null || transferSyntax.isEmpty() ? null : transferSyntax);
    }

    private static int contextId(Items item) throws PduFormatException {
        int id = item.bytes[item.start + 4] & 0xff;
        if ((id & 1) == 0) {
            throw new PduFormatException("Presentation context ID " + id + " is even (PS3.8 requires odd IDs)");
        }
        return id;
    }

    private static UserInfo decodeUserInfo(Items item) throws PduFormatException {
        long maxLength = -1;
        String implClass = null;
        String implVersion = null;
        AsyncOps asyncOps = null;
        List<RoleSelection> roles = new ArrayList<>();
        List<ExtendedNegotiation> ext = new ArrayList<>();
        List<CommonExtendedNegotiation> common = new ArrayList<>();
        UserIdentity identity = null;
        byte[] identityResponse = null;
        Items sub = new Items(item.bytes, item.start + 4, item.start + 4 + item.length, "user information");
        while (sub.next()) {
            byte[] b = sub.bytes;
            int p = sub.start + 4;
            switch (sub.type) {
                case 0x51 -> {
                    sub.requireLength(4);
                    maxLength = u32(b, p);
                }
                case 0x52 -> implClass = sub.string();
                case 0x55 -> implVersion = sub.string();
                case 0x53 -> {
                    sub.requireLength(4);
                    asyncOps = new AsyncOps(u16(b, p), u16(b, p + 2));
                }
                case 0x54 -> {
                    Cursor c = sub.cursor();
                    String uid = c.string16();
                    int scu = c.u8();
                    int scp = c.u8();
                    c.end();
                    roles.add(new RoleSelection(uid, scu == 1, scp == 1));
                }
                case 0x56 -> {
                    Cursor c = sub.cursor();
                    String uid = c.string16();
                    ext.add(new ExtendedNegotiation(uid, c.rest()));
                }
                case 0x57 -> {
                    Cursor c = sub.cursor();
                    String sopClass = c.string16();
                    String serviceClass = c.string16();
                    int relatedLength = c.u16();
                    Cursor related = c.sub(relatedLength);
                    List<String> uids = new ArrayList<>();
                    while (related.remaining() > 0) {
                        uids.add(related.string16());
                    }
                    common.add(new CommonExtendedNegotiation(sopClass, serviceClass, uids));
                }
                case 0x58 -> {
                    Cursor c = sub.cursor();
                    int idType = c.u8();
                    int positive = c.u8();
                    byte[] primary = c.bytes(c.u16());
                    byte[] secondary = c.bytes(c.u16());
                    identity = new UserIdentity(idType, positive == 1, primary, secondary);
                }
                case 0x59 -> {
                    Cursor c = sub.cursor();
                    identityResponse = c.bytes(c.u16());
                }
                default -> {
                    // PS3.7 D.3.3: unrecognized user information sub-items are ignored.
                }
            }
        }
        if (maxLength < 0) {
            throw new PduFormatException("User information item without the maximum length sub-item (0x51)");
        }
        return new UserInfo(maxLength, implClass, implVersion, asyncOps, roles, ext, common, identity, identityResponse);
    }

    /** Walks the items (type, reserved, 2-byte length) between two offsets. */
    private static final class Items {
        final byte[] bytes;
        final int end;
        final String where;
        int next;
        int start;
        int type;
        int length;

        Items(byte[] bytes, int from, int end, String where) {
            this.bytes = bytes;
            this.next = from;
            this.end = end;
            this.where = where;
        }

        boolean next() throws PduFormatException {
            if (next >= end) {
                return false;
            }
            if (end - next < 4) {
                throw new PduFormatException(where + ": " + (end - next) + " stray bytes at offset " + next
                        + ", too short for an item header");
            }
            start = next;
            type = bytes[next] & 0xff;
            length = u16(bytes, next + 2);
            if (length > end - next - 4) {
                throw new PduFormatException(String.format("%s: item 0x%02X at offset %d declares length %d but only %d bytes "
                        + "are left", where, type, next, length, end - next - 4));
            }
            next += 4 + length;
            return true;
        }

        String string() {
            return trimUid(bytes, start + 4, length);
        }

        void requireLength(int expected) throws PduFormatException {
            if (length != expected) {
                throw new PduFormatException(String.format("%s: sub-item 0x%02X length %d, expected %d", where, type, length,
                        expected));
            }
        }

        Cursor cursor() {
            return new Cursor(bytes, start + 4, start + 4 + length, String.format("%s sub-item 0x%02X", where, type));
        }
    }

    /** Reads fields inside one item, never past its end. */
    private static final class Cursor {
        final byte[] b;
        final int end;
        final String where;
        int pos;

        Cursor(byte[] b, int pos, int end, String where) {
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.where = where;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) throws PduFormatException {
            if (n < 0 || n > end - pos) {
                throw new PduFormatException(where + ": field of " + n + " bytes at offset " + pos + " overruns the item ("
                        + (end - pos) + " bytes left)");
            }
        }

        int u8() throws PduFormatException {
            need(1);
            return b[pos++] & 0xff;
        }

        int u16() throws PduFormatException {
            need(2);
            int v = PduCodec.u16(b, pos);
            pos += 2;
            return v;
        }

        byte[] bytes(int n) throws PduFormatException {
            need(n);
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }

        String string16() throws PduFormatException {
            int n = u16();
            need(n);
            String s = trimUid(b, pos, n);
            pos += n;
            return s;
        }

        byte[] rest() {
            byte[] out = java.util.Arrays.copyOfRange(b, pos, end);
            pos = end;
            return out;
        }

        Cursor sub(int n) throws PduFormatException {
            need(n);
            Cursor c = new Cursor(b, pos, pos + n, where);
            pos += n;
            return c;
        }

        void end() throws PduFormatException {
            if (pos != end) {
                throw new PduFormatException(where + ": " + (end - pos) + " unexpected bytes at the end of the item");
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /** The whole PDU, header included. */
    public static byte[] encode(Pdu pdu) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        if (pdu instanceof AssociateRq rq) {
            encodeAssociate(body, rq.calledAe(), rq.callingAe(), rq.applicationContext(), rq.contexts(), rq.userInfo(), true);
        } else if (pdu instanceof AssociateAc ac) {
            encodeAssociate(body, ac.calledAe(), ac.callingAe(), ac.applicationContext(), ac.contexts(), ac.userInfo(), false);
        } else if (pdu instanceof AssociateRj rj) {
            body.writeBytes(new byte[] {0, (byte) rj.result(), (byte) rj.source(), (byte) rj.reason()});
        } else if (pdu instanceof PData data) {
            for (Pdv pdv : data.pdvs()) {
                writeU32(body, pdv.data().length + 2L);
                body.write(pdv.contextId());
                body.write((pdv.command() ? 1 : 0) | (pdv.last() ? 2 : 0));
                body.writeBytes(pdv.data());
            }
        } else if (pdu instanceof Abort abort) {
            body.writeBytes(new byte[] {0, 0, (byte) abort.source(), (byte) abort.reason()});
        } else {
            body.writeBytes(new byte[4]); // A-RELEASE-RQ and -RP: reserved
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 6);
        out.write(pdu.type());
        out.write(0);
        writeU32(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Writes a P-DATA-TF holding one PDV without copying {@code data}. */
    public static void writePData(OutputStream out, int contextId, boolean command, boolean last, byte[] data, int offset,
            int length) throws IOException {
        byte[] header = new byte[12];
        header[0] = Pdu.TYPE_P_DATA_TF;
        putU32(header, 2, length + 6L);
        putU32(header, 6, length + 2L);
        header[10] = (byte) contextId;
        header[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
        out.write(header);
        out.write(data, offset, length);
    }

    private static void encodeAssociate(ByteArrayOutputStream out, String called, String calling, String appContext,
            List<PresentationContext> contexts, UserInfo info, boolean request) {
        writeU16(out, 1);
        writeU16(out, 0);
        out.writeBytes(aeBytes(called));
        out.writeBytes(aeBytes(calling));
        out.writeBytes(new byte[32]);
        writeItem(out, 0x10, ascii(appContext));
        for (PresentationContext pc : contexts) {
            ByteArrayOutputStream item = new ByteArrayOutputStream();
            item.write(pc.id());
            item.write(0);
            item.write(request ? 0 : pc.result());
            item.write(0);
            if (request) {
                writeItem(item, 0x30, ascii(pc.abstractSyntax()));
            }
            for (String ts : pc.transferSyntaxes()) {
                writeItem(item, 0x40, ascii(ts));
            }
            if (!request && pc.transferSyntaxes().isEmpty()) {
                // PS3.8 9.3.3.2: the sub-item is present but not significant when the context is rejected.
                writeItem(item, 0x40, new byte[0]);
            }
            writeItem(out, request ? 0x20 : 0x21, item.toByteArray());
        }
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        writeU32(v, info.maxLength());
        writeItem(user, 0x51, v.toByteArray());
        if (info.implementationClassUid() != null) {
            writeItem(user, 0x52, ascii(info.implementationClassUid()));
        }
        if (info.asyncOps() != null) {
            v.reset();
            writeU16(v, info.asyncOps().maxInvoked());
            writeU16(v, info.asyncOps().maxPerformed());
            writeItem(user, 0x53, v.toByteArray());
        }
        for (RoleSelection role : info.roleSelections()) {
            v.reset();
            writeString16(v, role.sopClassUid());
            v.write(role.scu() ? 1 : 0);
            v.write(role.scp() ? 1 : 0);
            writeItem(user, 0x54, v.toByteArray());
        }
        if (info.implementationVersionName() != null) {
            writeItem(user, 0x55, ascii(info.implementationVersionName()));
        }
        for (ExtendedNegotiation ext : info.extendedNegotiations()) {
            v.reset();
            writeString16(v, ext.sopClassUid());
            v.writeBytes(ext.info());
            writeItem(user, 0x56, v.toByteArray());
        }
        for (CommonExtendedNegotiation common : info.commonExtendedNegotiations()) {
            v.reset();
            writeString16(v, common.sopClassUid());
            writeString16(v, common.serviceClassUid());
            ByteArrayOutputStream related = new ByteArrayOutputStream();
            for (String uid : common.relatedGeneralSopClasses()) {
                writeString16(related, uid);
            }
            writeU16(v, related.size());
            v.writeBytes(related.toByteArray());
            writeItem(user, 0x57, v.toByteArray());
        }
        if (info.userIdentity() != null) {
            UserIdentity id = info.userIdentity();
            v.reset();
            v.write(id.type());
            v.write(id.positiveResponseRequested() ? 1 : 0);
            writeU16(v, id.primary().length);
            v.writeBytes(id.primary());
            byte[] secondary = id.secondary() == null ? new byte[0] : id.secondary();
            writeU16(v, secondary.length);
            v.writeBytes(secondary);
            writeItem(user, 0x58, v.toByteArray());
        }
        if (info.userIdentityResponse() != null) {
            v.reset();
            writeU16(v, info.userIdentityResponse().length);
            v.writeBytes(info.userIdentityResponse());
            writeItem(user, 0x59, v.toByteArray());
        }
        writeItem(out, 0x50, user.toByteArray());
    }

    // ---------------------------------------------------------------- helpers

    public static String pduName(int type) {
        return switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ -> "A-ASSOCIATE-RQ";
            case Pdu.TYPE_ASSOCIATE_AC -> "A-ASSOCIATE-AC";
            case Pdu.TYPE_ASSOCIATE_RJ -> "A-ASSOCIATE-RJ";
            case Pdu.TYPE_P_DATA_TF -> "P-DATA-TF";
            case Pdu.TYPE_RELEASE_RQ -> "A-RELEASE-RQ";
            case Pdu.TYPE_RELEASE_RP -> "A-RELEASE-RP";
            case Pdu.TYPE_ABORT -> "A-ABORT";
            default -> String.format("type 0x%02X", type);
        };
    }

    private static void writeItem(ByteArrayOutputStream out, int type, byte[] value) {
        if (value.length > 0xffff) {
            throw new IllegalArgumentException(String.format("Item 0x%02X of %d bytes exceeds the 65535-byte item limit", type,
                    value.length));
        }
        out.write(type);
        out.write(0);
        writeU16(out, value.length);
        out.writeBytes(value);
    }

    private static void writeString16(ByteArrayOutputStream out, String s) {
        byte[] b = ascii(s);
        writeU16(out, b.length);
        out.writeBytes(b);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] aeBytes(String ae) {
        byte[] out = new byte[16];
        java.util.Arrays.fill(out, (byte) ' ');
        byte[] b = ascii(ae == null ? "" : ae);
        if (b.length > 16) {
            throw new IllegalArgumentException("AE title longer than 16 characters: " + ae);
        }
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    private static String ae(byte[] b, int offset) {
        return new String(b, offset, 16, StandardCharsets.US_ASCII).trim();
    }

    /** A UID or name value without its trailing NUL or space padding. */
    private static String trimUid(byte[] b, int offset, int length) {
        int end = offset + length;
        while (end > offset && (b[end - 1] == 0 || b[end - 1] == ' ')) {
            end--;
        }
        return new String(b, offset, end - offset, StandardCharsets.US_ASCII);
    }

    static int u16(byte[] b, int offset) {
        return (b[offset] & 0xff) << 8 | (b[offset + 1] & 0xff);
    }

    static long u32(byte[] b, int offset) {
        return ((long) u16(b, offset) << 16) | u16(b, offset + 2);
    }

    private static void writeU16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeU32(ByteArrayOutputStream out, long v) {
        writeU16(out, (int) (v >>> 16) & 0xffff);
        writeU16(out, (int) v & 0xffff);
    }

    private static void putU32(byte[] b, int offset, long v) {
        b[offset] = (byte) (v >>> 24);
        b[offset + 1] = (byte) (v >>> 16);
        b[offset + 2] = (byte) (v >>> 8);
        b[offset + 3] = (byte) v;
    }

    private static void readFully(InputStream in, byte[] b, int off, int len, String what) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, off + done, len - done);
            if (n < 0) {
                throw new EOFException("Connection closed in the middle of a " + what + " (" + done + " of " + len + " bytes)");
            }
            done += n;
        }
    }
}
