package org.sanhui.model.problem;

/** How bad a problem is, and what it does to the row or file it concerns. */
public enum Severity {
    /** The whole file (or sheet) is refused. */
    FATAL("严重"),
    /** The row is rejected. */
    ERROR("错误"),
    /** The row is accepted; the clerk should look. */
    WARNING("警告"),
    /** For the record only (e.g. a row skipped as already received). */
    INFO("提示");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /**
     * Returns the Chinese label used in feedback workbooks.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }
}
