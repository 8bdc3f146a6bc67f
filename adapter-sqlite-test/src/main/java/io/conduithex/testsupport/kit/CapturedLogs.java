package io.conduithex.testsupport.kit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
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
        context.getStore(NAMESPACE).put("recorder", LogRecorder.everything());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        var recorder = recorder(context);
        if (recorder != null) {
            recorder.close();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        var recorder = recorder(context);
        if (recorder == null) {
            return;
        }
        var layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} [%X{requestId}] - %msg%n%ex");
        layout.start();
        var report = new StringBuilder("---- application log of failed test " + context.getDisplayName() + " ----\n");
        recorder.events().forEach(event -> report.append(layout.doLayout(event)));
        System.out.print(report);
        System.out.flush();
    }

    private static LogRecorder recorder(ExtensionContext context) {
        return context.getStore(NAMESPACE).get("recorder", LogRecorder.class);
    }
}
