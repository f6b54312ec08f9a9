/**
 * The generator's in-memory model of a province's grassroots science associations: organisations, posts,
 * activities, evaluations and the submissions that report them, each row marked with the outcome ingestion
 * must give it. Built deterministically from a seed; the truth is computed from it.
 */
package org.sanhui.generator.world;
