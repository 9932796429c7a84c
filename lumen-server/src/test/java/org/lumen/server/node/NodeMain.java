package org.lumen.server.node;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.lumen.server.config.NodeConfig;

/**
 * A Lumen node as its own process, for tests that kill it (lumen-server's tests cannot see lumen-cli's {@code lumen serve},
 * so this is the same start, minus the command line): {@code java -cp <test class path> org.lumen.server.node.NodeMain
 * DATA_DIR DICOM_PORT}. Prints {@code READY dicom=<port> http=<port>} on stdout once both listeners are up, and runs
 * until killed; SIGTERM closes it cleanly.
 */
public final class NodeMain {
    public static final String READY = "READY";

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: NodeMain DATA_DIR DICOM_PORT");
            System.exit(2);
        }
        NodeConfig defaults = NodeConfig.defaults();
        NodeConfig config = defaults.withData(Path.of(args[0]))
                .withDicom(defaults.dicom().withPort(Integer.parseInt(args[1])))
                .withHttp(defaults.http().withPort(0));
        LumenNode node = LumenNode.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "node-shutdown"));
        System.out.println(READY + " dicom=" + node.dicomPort() + " http=" + node.httpPort());
        System.out.flush();
        stopped.await();
    }
}
