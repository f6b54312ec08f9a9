package org.sanhui.cli;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;

/**
 * The log pattern converter {@code %escmsg}: the log message, and the stack trace of its exception, with
 * every control character escaped as on the console ({@link ConsoleText}), so that nothing logged (a path,
 * a name from a file) can forge a log line or drive the terminal. The CLI's {@code log4j2.xml} uses it
 * in place of {@code %msg}; it prints the exception itself, so log4j adds none after it.
 */
@Plugin(name = "SanhuiEscapedMessageConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"escmsg"})
public final class EscapedMessageConverter extends LogEventPatternConverter {

    private static final EscapedMessageConverter INSTANCE = new EscapedMessageConverter();

    private EscapedMessageConverter() {
        super("EscapedMessage", "message");
    }

    /**
     * Returns the converter (log4j's plugin factory).
     *
     * @param options the pattern's options, ignored
     * @return the converter, never null
     */
    public static EscapedMessageConverter newInstance(String[] options) {
        return INSTANCE;
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        toAppendTo.append(ConsoleText.escape(event.getMessage().getFormattedMessage()));
        Throwable t = event.getThrown();
        if (t != null) {
            for (String line : ConsoleText.stackTrace(t)) {
                toAppendTo.append(System.lineSeparator()).append(line);
            }
        }
    }

    @Override
    public boolean handlesThrowable() {
        return true;
    }
}
