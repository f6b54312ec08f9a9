package org.sanhui.ingestion.warehouse;

import java.nio.file.Path;

/**
 * A data file written under a temporary name, waiting to be made live.
 *
 * @param dataset the dataset name, never null
 * @param period the live period key, never null
 * @param county the live county key, never null
 * @param temp the temporary file, never null
 * @param relative the final path relative to the warehouse root, '/'-separated, never null
 * @param rows the rows it holds
 */
public record StagedFile(String dataset, String period, String county, Path temp, String relative, long rows) {
}
