package org.sanhui.generator;

/** Receives the generator's progress; called from the generating thread(s). */
@FunctionalInterface
public interface ProgressCallback {

    /** A callback that ignores everything. */
    ProgressCallback NONE = (stage, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param stage what is being done (e.g. "workbooks", "activities"), never null
     * @param done units done so far
     * @param total units in all, or -1 when unknown
     */
    void progress(String stage, long done, long total);
}
