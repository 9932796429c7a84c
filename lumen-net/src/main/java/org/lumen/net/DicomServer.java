package org.lumen.net;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCP: accepts connections on host:port (127.0.0.1 unless told otherwise), one thread per association. At most
 * {@link AeConfig#maxAssociations()} associations are served; the next ones are read and answered A-ASSOCIATE-RJ (local
 * limit exceeded) by a few extra threads, and beyond those the connection is closed at once, so a flood costs bounded memory.
 */
public final class DicomServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DicomServer.class);
    /** Connections over the limit that still get a proper A-ASSOCIATE-RJ. */
    private static final int REJECTING_SLOTS = 8;

    private final AeConfig config;
    private final DimseServiceRegistry registry;
    private final ServerSocket serverSocket;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger rejecting = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean running = true;

    private DicomServer(AeConfig config, DimseServiceRegistry registry, ServerSocket serverSocket) {
        this.config = config;
        this.registry = registry;
        this.serverSocket = serverSocket;
        this.acceptor = new Thread(this::acceptLoop, "lumen-net-accept-" + serverSocket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Binds 127.0.0.1:{@code port} (0: a free port) and starts accepting. */
    public static DicomServer start(AeConfig config, DimseServiceRegistry registry, int port) throws IOException {
        return start(config, registry, "127.0.0.1", port);
    }

    public static DicomServer start(AeConfig config, DimseServiceRegistry registry, String host, int port) throws IOException {
        ServerSocket socket = config.sslContext() != null ? config.sslContext().getServerSocketFactory().createServerSocket()
                : new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 64);
        DicomServer server = new DicomServer(config, registry, socket);
        server.acceptor.start();
        LOG.info("DICOM SCP {} listening on {}:{}{}", config.aeTitle(), host, socket.getLocalPort(),
                config.sslContext() != null ? " (TLS)" : "");
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public AeConfig config() {
        return config;
    }

    /** Associations being served now. */
    public int activeAssociations() {
        return active.get();
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("Accept failed on port {}: {}", port(), e.getMessage());
                    continue;
                }
                return;
            }
            boolean overLimit = active.incrementAndGet() > config.maxAssociations();
            if (overLimit) {
                active.decrementAndGet();
                if (rejecting.incrementAndGet() > REJECTING_SLOTS) {
                    rejecting.decrementAndGet();
                    LOG.warn("Too many connections: closing {} without reading it", socket.getRemoteSocketAddress());
                    closeQuietly(socket);
                    continue;
                }
            }
            sockets.add(socket);
            Thread thread = new Thread(() -> serve(socket, overLimit), "lumen-net-assoc-" + socket.getPort());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(Socket socket, boolean overLimit) {
        try {
            socket.setTcpNoDelay(true);
            new Association(socket, config, registry, false).serve(overLimit);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Association from {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
        } finally {
            closeQuietly(socket);
            sockets.remove(socket);
            if (overLimit) {
                rejecting.decrementAndGet();
            } else {
                active.decrementAndGet();
            }
        }
    }

    /** Stops accepting and closes every open association's connection. */
    public void stop() {
        stop(Duration.ZERO);
    }

    /**
     * Stops accepting, gives the associations in flight up to {@code grace} to end by themselves (a C-STORE being written
     * gets its answer), then closes what is left.
     */
    public void stop(Duration grace) {
        running = false;
        closeQuietly(serverSocket);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!sockets.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sockets.isEmpty()) {
            LOG.info("Closing {} association(s) still open at shutdown", sockets.size());
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("DICOM SCP {} on port {} stopped", config.aeTitle(), port());
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
