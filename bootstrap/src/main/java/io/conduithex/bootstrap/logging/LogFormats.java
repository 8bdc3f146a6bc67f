package io.conduithex.bootstrap.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.conduithex.bootstrap.config.AppConfig.LogFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Switches the log output to the configured format at start. TEXT keeps what {@code logback.xml} says; JSON
 * gives every stream appender of the root logger (the console) the {@link JsonLineLayout}. Done in code, not
 * in {@code logback.xml}, because the format is part of the validated configuration like every other setting.
 */
public final class LogFormats {

    private LogFormats() {
    }

    /** Applies {@code format} to the root logger's stream appenders. Call before the application logs much. */
    public static void apply(LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        apply(format, context, appenders);
    }

    /** Applies {@code format} to {@code appenders}: those that write to a stream change encoder, others stay. */
    static void apply(LogFormat format, LoggerContext context, Iterable<Appender<ILoggingEvent>> appenders) {
        if (format != LogFormat.JSON) {
            return;
        }
        for (Appender<ILoggingEvent> appender : appenders) {
            if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
                stream.setEncoder(jsonEncoder(context));
            }
        }
    }

    private static LayoutWrappingEncoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        var layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
