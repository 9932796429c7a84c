package org.lumen.net;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what lumen-net logs during a test, to assert that a refusal left a log line. */
final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.lumen.net");

    LogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    List<String> messages() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    boolean contains(String fragment) {
        return messages().stream().anyMatch(m -> m.contains(fragment));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
