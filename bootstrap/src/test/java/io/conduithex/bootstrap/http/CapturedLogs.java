package io.conduithex.bootstrap.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.LoggerFactory;

/**
 * Captures everything the application logs during a test and prints it only when the test fails. Register it
 * before the extension that starts the application, so that start-up and shutdown are captured too.
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CapturedLogs.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        var appender = new ListAppender<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent event) {
                // Thread name and MDC are read lazily; fix them now, on the thread that logged.
                event.prepareForDeferredProcessing();
                super.append(event);
            }
        };
        appender.setContext(root().getLoggerContext());
        appender.start();
        root().addAppender(appender);
        context.getStore(NAMESPACE).put("appender", appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        var appender = appender(context);
        if (appender != null) {
            root().detachAppender(appender);
            appender.stop();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        var appender = appender(context);
        if (appender == null) {
            return;
        }
        var layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} [%X{requestId}] - %msg%n%ex");
        layout.start();
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        var report = new StringBuilder("---- application log of failed test " + context.getDisplayName() + " ----\n");
        events.forEach(event -> report.append(layout.doLayout(event)));
        System.out.print(report);
        System.out.flush();
    }

    @SuppressWarnings("unchecked")
    private static ListAppender<ILoggingEvent> appender(ExtensionContext context) {
        return context.getStore(NAMESPACE).get("appender", ListAppender.class);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
