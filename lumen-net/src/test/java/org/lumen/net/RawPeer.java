package org.lumen.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.dimse.Command;
import org.lumen.net.pdu.Pdu;
import org.lumen.net.pdu.PduCodec;
import org.lumen.net.pdu.PresentationContext;
import org.lumen.net.pdu.UserInfo;

/**
 * A hand-driven peer on a raw socket: sends exactly the bytes a test wants (well-formed or not) and reads what comes back,
 * so that a test asserts on what crossed the wire. Every read times out after 5 s.
 */
final class RawPeer implements AutoCloseable {
    static final PduCodec.Limits LIMITS = new PduCodec.Limits(1 << 20, 1 << 20);
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawPeer connect(int port) throws IOException {
        return new RawPeer(new Socket("127.0.0.1", port));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(Pdu pdu) throws IOException {
        send(PduCodec.encode(pdu));
    }

    Pdu read() throws IOException {
        return PduCodec.read(in, LIMITS);
    }

    /** True when the other end closed the connection (reads -1) before the timeout. */
    boolean closedByPeer() throws IOException {
        try {
            byte[] skip = new byte[4096];
            while (true) {
                if (in.read(skip) < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    static Pdu.AssociateRq request(String calling, String called, String... abstractSyntaxes) {
        List<PresentationContext> pcs = new java.util.ArrayList<>();
        for (int i = 0; i < abstractSyntaxes.length; i++) {
            pcs.add(PresentationContext.proposed(2 * i + 1, abstractSyntaxes[i], TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        }
        return new Pdu.AssociateRq(called, calling, Pdu.DICOM_APPLICATION_CONTEXT, pcs, UserInfo.of(16384, "1.2.3", "RAW"));
    }

    /** Associates for Verification and returns the answer. */
    Pdu associate(String calling, String called) throws IOException {
        send(request(calling, called, UID.Verification));
        return read();
    }

    /** A command PDV on context 1, as one P-DATA-TF. */
    void sendCommand(Command command) throws IOException {
        send(new Pdu.PData(List.of(new Pdu.Pdv(1, true, true, command.encode()))));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
