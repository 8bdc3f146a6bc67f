package io.conduithex.testsupport.kit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what one logger and its children log while it is open, from any thread, to assert on what an operator
 * would read. Each event's thread name and MDC are fixed when it is logged. Thread-safe; closing detaches it.
 *
 * <pre>{@code
 * try (var log = LogRecorder.of(TransactionRunner.class)) { ...; assertThat(log.lines()).contains(...); }
 * }</pre>
 */
public final class LogRecorder implements AutoCloseable {
    private final Logger logger;
    private final Level threshold;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(threshold)) {
                // Thread name and MDC are read lazily; fix them now, on the thread that logged.
                event.prepareForDeferredProcessing();
                super.append(event);
            }
        }
    };

    private LogRecorder(String loggerName, Level threshold) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.threshold = threshold;
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** Records what the logger named after {@code type} logs. */
    public static LogRecorder of(Class<?> type) {
        return of(type.getName());
    }

    public static LogRecorder of(String loggerName) {
        return new LogRecorder(loggerName, Level.ALL);
    }

    /** Records everything logged at all, at any level the loggers let through. */
    public static LogRecorder everything() {
        return of(Logger.ROOT_LOGGER_NAME);
    }

    /** Records everything logged at {@code threshold} or above. */
    public static LogRecorder everythingFrom(Level threshold) {
        return new LogRecorder(Logger.ROOT_LOGGER_NAME, threshold);
    }

    /** The events so far, in order. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** Each event's formatted message so far, in order. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Each event so far as "LEVEL message", in order. */
    public List<String> lines() {
        return events().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
