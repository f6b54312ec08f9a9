package org.sanhui.cli.robustness;

/** What became of one corpus input fed to {@code sanhui validate}. */
public enum Outcome {
    /** Read: exit 0 or 1 with per-file counts that reconcile. */
    PARSED("parsed", true),
    /** Refused cleanly: exit 1, 2 or 3 with a human message that names the file. */
    CLEAN_ERROR("clean error", true),
    /** A stack trace, a Java class name in a user message, exit 4 or an undocumented code, or no message. */
    CRASH("crash", false),
    /** Still running after the time limit (the process tree was killed). */
    HANG("hang", false),
    /** An OutOfMemoryError (the child runs with -XX:+ExitOnOutOfMemoryError). */
    OOM("OOM", false),
    /** Rows unaccounted for: read != accepted + rejected + skipped, or a valid seed's rows missing. */
    LOSS("loss", false),
    /** Content of a file the input pointed at (an external entity's target) appeared in the output. */
    LEAK("leak", false),
    /** Something was written outside the run's working and temporary directories. */
    ESCAPE("escape", false);

    private final String label;
    private final boolean acceptable;

    Outcome(String label, boolean acceptable) {
        this.label = label;
        this.acceptable = acceptable;
    }

    /** The column label in the outcome table. */
    public String label() {
        return label;
    }

    /** Whether the outcome is allowed (parsed or a clean error). */
    public boolean acceptable() {
        return acceptable;
    }
}
