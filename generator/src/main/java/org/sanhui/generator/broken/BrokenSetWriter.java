package org.sanhui.generator.broken;

import java.nio.file.Path;

/** Writes the broken set. */
public final class BrokenSetWriter {
    private BrokenSetWriter() {
    }

    /**
     * Writes it.
     *
     * @param dir the folder
     * @param seed the seed
     * @return files written
     */
    public static int write(Path dir, long seed) {
        return 0;
    }
}
