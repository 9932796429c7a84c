package org.lumen.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.dimse.Status;

/**
 * A C-STORE data set reaches the service as a stream: while the service does not read, the sender is held back after a
 * bounded number of bytes (the pipe's fragments plus the sockets' buffers), so an instance of any size never sits in memory.
 */
class StreamingTest {
    private static final long SIZE = 64L << 20;

    /** {@code size} bytes generated on the fly, counting what was taken. */
    private static final class Generated extends InputStream {
        final AtomicLong produced = new AtomicLong();
        final long size;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - produced.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (produced.get() + i);
            }
            produced.addAndGet(n);
            return n;
        }
    }

    @Test
    void aSlowServiceHoldsTheSenderBackInsteadOfBuffering() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong consumed = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        DimseServiceRegistry registry = new DimseServiceRegistry().registerStorageFallback((req, in) -> {
            try {
                go.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] buffer = new byte[65536];
            long position = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i += 4099) {
                    if (buffer[i] != (byte) (position + i)) {
                        mismatches.incrementAndGet();
                    }
                }
                position += n;
            }
            consumed.set(position);
        });
        AeConfig config = AeConfig.of("LUMEN").withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
        try (DicomServer server = DicomServer.start(config, registry, 0);
                Association as = DicomClient.connect(AeConfig.of("SCU").withTimeouts(Duration.ofSeconds(10),
                        Duration.ofSeconds(60)), "127.0.0.1", server.port(), "LUMEN",
                        ConnectOptions.none().propose(UID.CTImageStorage, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))) {
            Generated data = new Generated(SIZE);
            CompletableFuture<DimseResponse> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    return as.store(UID.CTImageStorage, "1.2.3", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, data);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(1500);
            long heldBack = data.produced.get();
            // 8 fragments of 64 KiB in the pipe, one PDU in the reader, and the loopback sockets' buffers.
            assertThat(heldBack).as("bytes taken from the sender while the service reads nothing").isLessThan(16L << 20);
            long t0 = System.nanoTime();
            go.countDown();
            assertThat(sent.get(60, TimeUnit.SECONDS).status()).isEqualTo(Status.SUCCESS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("StreamingTest: sender held back at %d bytes; then %d MiB in %.2f s (%.0f MiB/s)%n", heldBack,
                    SIZE >> 20, seconds, (SIZE >> 20) / seconds);
        }
        assertThat(consumed.get()).isEqualTo(SIZE);
        assertThat(mismatches.get()).isZero();
    }
}
