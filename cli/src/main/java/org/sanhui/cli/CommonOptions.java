package org.sanhui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sanhui.model.error.InvalidInputException;
import org.sanhui.model.rules.Rules;
import picocli.CommandLine.Option;

/**
 * Options every rule-using command shares: {@code --config} and {@code --verbose}.
 */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Rules file (.properties) overriding the defaults; every key is documented in "
                    + "docs/configuration.md. Default: the built-in rules of DOMAIN.md.")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces and informational logs.")
    boolean verbose;

    /**
     * Loads the rules: the defaults, overridden by {@code --config} when given.
     *
     * @return the rules, never null
     * @throws InvalidInputException if the file is missing or holds an invalid key or value
     */
    Rules rules() {
        if (config == null) {
            return Rules.DEFAULTS;
        }
        if (!Files.isRegularFile(config)) {
            throw new InvalidInputException("configuration file not found: " + config
                    + " (expected a .properties file; see docs/configuration.md)");
        }
        return Rules.load(config);
    }

    /**
     * Maps the configured ingestion limits onto ingestion's own limits object (the lock timeout and the
     * inflated-size and rows-per-sheet caps keep ingestion's defaults).
     *
     * @param rules the rules, never null
     * @return the limits, never null
     */
    static org.sanhui.ingestion.IngestLimits ingestLimits(Rules rules) {
        org.sanhui.model.rules.IngestionLimits l = rules.limits();
        org.sanhui.ingestion.IngestLimits d = org.sanhui.ingestion.IngestLimits.DEFAULTS;
        return new org.sanhui.ingestion.IngestLimits(l.maxFileBytes(), l.maxZipEntries(), d.maxInflatedBytes(),
                l.maxZipInflationRatio(), l.maxCells(), l.maxCellChars(), d.maxRowsPerSheet(), d.lockTimeout());
    }

    void applyLogLevel() {
        if (verbose) {
            System.setProperty("sanhui.log.level", "info");
        }
    }
}
