package org.sanhui.ingestion.iceberg;

/**
 * Named points of a batch's commit where a test can make the writer die, to check that readers then see the
 * warehouse as it was before the batch or as it is after it, never some tables of it. A random kill rarely lands
 * between two tables' commits; these points make each such moment reachable.
 *
 * <p>Points: {@code after-write:<table>} (the table's new files written, nothing committed),
 * {@code after-commit:<table>} (the table committed), for every table in commit order, submissions last.
 */
public final class CrashPoints {

    /** System property naming the point where the JVM halts (status 137, as kill -9), for child-process tests. */
    public static final String PROPERTY = "sanhui.crash-point";

    /** Receives each point as the writer passes it; a test's hook throws to simulate a crash there. */
    @FunctionalInterface
    public interface Hook {
        /**
         * Called at a point.
         *
         * @param point the point's name, never null
         */
        void reached(String point);
    }

    /** A hook that does nothing. */
    public static final Hook NONE = point -> {
    };

    private CrashPoints() {
    }

    /**
     * A hook that halts the JVM at the point named by the system property {@value #PROPERTY}, or does nothing
     * when the property is not set.
     *
     * @return the hook, never null
     */
    public static Hook fromSystemProperty() {
        String wanted = System.getProperty(PROPERTY);
        if (wanted == null || wanted.isBlank()) {
            return NONE;
        }
        return point -> {
            if (point.equals(wanted)) {
                Runtime.getRuntime().halt(137);
            }
        };
    }

    /**
     * The point after a table's new files are written, before any commit of it.
     *
     * @param table the table name, null not permitted
     * @return the point's name, never null
     */
    public static String afterWrite(String table) {
        return "after-write:" + table;
    }

    /**
     * The point after a table's commit.
     *
     * @param table the table name, null not permitted
     * @return the point's name, never null
     */
    public static String afterCommit(String table) {
        return "after-commit:" + table;
    }
}
