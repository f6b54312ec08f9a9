/**
 * Located problems found in submissions: a documented {@link org.sanhui.model.problem.ProblemCode}, a
 * {@link org.sanhui.model.problem.Severity}, a {@link org.sanhui.model.problem.Location} (file, sheet, row,
 * column) and a message in Chinese and English. Problems are collected, never thrown one at a time.
 */
package org.sanhui.model.problem;
