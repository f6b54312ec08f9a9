package org.sanhui.cli.robustness;

import java.util.List;

/**
 * One corpus input: a file (or a directory of files) and how to feed it to {@code sanhui validate}.
 *
 * @param name the file or directory name inside the corpus directory
 * @param kind the kind of input (a row of the outcome table)
 * @param what a short description of what is odd about it
 * @param args the options given to {@code validate} before the input path
 * @param expectedDataRows for valid seeds, the data rows the input holds (accepted + rejected must
 *        reach it, else rows were lost); -1 when unknown
 */
public record CorpusEntry(String name, InputKind kind, String what, List<String> args, int expectedDataRows) {

    /** The options most entries get: the seeds' county and period, so that parsing goes deep. */
    public static final List<String> DEFAULT_ARGS = List.of("--period", Seeds.PERIOD, "--submitter", Seeds.COUNTY);

    /** Copies. */
    public CorpusEntry {
        args = List.copyOf(args);
    }
}
