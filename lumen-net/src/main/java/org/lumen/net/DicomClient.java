package org.lumen.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.lumen.dicom.io.Implementation;
import org.lumen.net.pdu.Pdu;
import org.lumen.net.pdu.Pdu.AssociateRq;
import org.lumen.net.pdu.PresentationContext;
import org.lumen.net.pdu.UserInfo;

/**
 * Opens associations as SCU: {@code DicomClient.connect(host, port, "ME", "PACS", contexts...)} returns an established
 * {@link Association} with echo, store, find, move, get, release and abort. TLS when the config carries an SSLContext.
 */
public final class DicomClient {
    private DicomClient() {
    }

    public static Association connect(String host, int port, String callingAet, String calledAet,
            PresentationContext... proposedContexts) throws IOException {
        return connect(AeConfig.of(callingAet), host, port, calledAet,
                ConnectOptions.none().propose(java.util.List.of(proposedContexts)));
    }

    public static Association connect(AeConfig config, String host, int port, String calledAet, ConnectOptions options)
            throws IOException {
        return connect(config, host, port, calledAet, options, new DimseServiceRegistry());
    }

    /**
     * @param incoming services for requests the peer sends us on this association (C-STOREs of a C-GET, N-EVENT-REPORTs)
     */
    public static Association connect(AeConfig config, String host, int port, String calledAet, ConnectOptions options,
            DimseServiceRegistry incoming) throws IOException {
        if (options.contexts().isEmpty()) {
            throw new IllegalArgumentException("Propose at least one presentation context");
        }
        Socket socket = config.sslContext() != null ? config.sslContext().getSocketFactory().createSocket() : new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, config.artimTimeout().toMillis()));
            if (socket instanceof SSLSocket ssl) {
                ssl.setSoTimeout((int) Math.max(1, config.artimTimeout().toMillis()));
                ssl.startHandshake();
            }
        } catch (IOException e) {
            socket.close();
            throw new IOException("Cannot connect to " + calledAet + " at " + host + ":" + port + ": " + e.getMessage(), e);
        }
        UserInfo info = UserInfo.of(config.maxPduLengthReceive(), Implementation.CLASS_UID, Implementation.VERSION_NAME)
                .withRoleSelections(options.roles()).withExtendedNegotiations(options.extended())
                .withUserIdentity(options.userIdentity()).withAsyncOps(options.asyncOps());
        AssociateRq rq = new AssociateRq(calledAet, config.aeTitle(), Pdu.DICOM_APPLICATION_CONTEXT, options.contexts(), info);
        Association association = new Association(socket, config, incoming, true);
        association.open(rq);
        return association;
    }
}
