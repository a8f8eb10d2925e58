package dev.glyphoxa.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Everything logged through logback while open, from any logger. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return new ArrayList<>(appender.list);
        }
    }

    /** Formatted messages at WARN or above. */
    public List<String> warnings() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Each event as every text it carries: formatted message, raw arguments, throwable with its whole chain. */
    public List<String> texts() {
        return events().stream().flatMap(e -> Stream.concat(
                Stream.of(e.getFormattedMessage(), e.getMessage(),
                        e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())),
                e.getArgumentArray() == null ? Stream.empty() : Arrays.stream(e.getArgumentArray()).map(String::valueOf)))
                .toList();
    }

    /** Every event as one text: level, logger, message, stack trace. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : events()) {
            all.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                all.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return all.toString();
    }

    /** Formatted messages of the WARN events of one logger class. */
    public List<String> warnings(Class<?> from) {
        return events().stream().filter(e -> e.getLevel() == Level.WARN)
                .filter(e -> e.getLoggerName().equals(from.getName())).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
