package org.sanhui.generator;

import java.nio.file.Path;

/**
 * What a generation wrote.
 *
 * @param out the output folder
 * @param files the number of files written
 * @param rows the number of data rows written (all datasets)
 * @param activities the number of activity rows written
 */
public record GenerateSummary(Path out, int files, long rows, long activities) {
}
