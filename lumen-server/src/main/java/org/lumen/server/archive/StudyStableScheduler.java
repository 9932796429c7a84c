package org.lumen.server.archive;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits "study stable" once a study has received no instance for the configured quiet time. One sweeper thread checks the
 * deadlines at a tenth of the quiet time (at least every 50 ms, at most every second), so a study fires between quiet and
 * quiet + tick after its last instance. A study that receives instances again later fires again.
 */
final class StudyStableScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StudyStableScheduler.class);

    private final long quietNanos;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sweeper;

    StudyStableScheduler(Duration quiet) {
        this.quietNanos = quiet.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lumen-study-stable");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(50, Math.min(1000, quiet.toMillis() / 10));
        sweeper.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
    }

    void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    void touch(String studyUid) {
        lastSeen.put(studyUid, System.nanoTime());
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Map.Entry<String, Long> e : lastSeen.entrySet()) {
            if (now - e.getValue() >= quietNanos && lastSeen.remove(e.getKey(), e.getValue())) {
                for (Consumer<String> listener : listeners) {
                    try {
                        listener.accept(e.getKey());
                    } catch (RuntimeException ex) {
                        LOG.warn("A study-stable listener failed: {}", ex.toString());
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
