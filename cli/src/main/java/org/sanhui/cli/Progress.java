package org.sanhui.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on an interactive terminal, or one short line per step when the output is
 * redirected (CI logs stay readable).
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    private final PrintStream err;
    private final String task;
    private long done;
    private long max;

    private Progress(String task, long max) {
        this.task = task;
        this.max = max;
        this.err = System.err;
        this.bar = System.console() != null
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(200).continuousUpdate().build()
                : null;
    }

    /**
     * Starts a progress display.
     *
     * @param task what is going on
     * @param max the number of steps, or -1 if unknown
     * @return the progress, never null
     */
    static Progress start(String task, long max) {
        return new Progress(task, max);
    }

    void maxHint(long n) {
        max = n;
        if (bar != null) {
            bar.maxHint(n);
        }
    }

    void step(String what) {
        what = ConsoleText.escape(what);
        done++;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(shorten(what));
        } else {
            err.println("  [" + task + " " + done + (max > 0 ? "/" + max : "") + "] " + what);
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 40 ? s : "…" + s.substring(s.length() - 39);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
