/**
 * The warehouse as Apache Iceberg tables, written through Iceberg's Java API with parquet-java doing the encoding
 * (no Spark here). This package is the foundation; the ingestion pipeline does not write through it yet.
 *
 * <h2>Catalog and location</h2>
 * A warehouse is a {@link org.sanhui.ingestion.iceberg.WarehouseLocation}: a local folder or any Hadoop file-system
 * URI ({@code hdfs://host:8020/warehouse}). Its tables live in an Iceberg catalog
 * ({@link org.sanhui.ingestion.iceberg.WarehouseCatalog}): by default Iceberg's Hadoop catalog at the location, which
 * needs no server; any other catalog (JDBC, REST, or a {@code catalog-impl}) comes from a catalog properties file of
 * its own, never the rules file ({@link org.sanhui.ingestion.iceberg.CatalogSettings}). The tables are in the namespace
 * {@code sanhui}, one per dataset: {@code organisations}, {@code posts}, {@code activities}, {@code evaluations},
 * {@code rejects}, {@code submissions}. With the Hadoop catalog:
 * <pre>
 * WAREHOUSE/.lock                              the writer lock (local disk; .lease on HDFS)
 * WAREHOUSE/sanhui/&lt;table&gt;/metadata/          Iceberg metadata: vN.metadata.json, manifest lists, manifests
 * WAREHOUSE/sanhui/&lt;table&gt;/data/period=&lt;P&gt;/province=&lt;PP&gt;/*.parquet
 * </pre>
 *
 * <h2>Tables</h2>
 * {@link org.sanhui.ingestion.iceberg.TableLayout}:
 * <ul>
 * <li><b>Schema.</b> Format v2. The stored columns of core-model's {@code Datasets}, in order, all optional, with field
 * ids 1, 2, … Schemas evolve additively ({@link org.sanhui.ingestion.iceberg.WarehouseTables}): a new column gets a
 * fresh id and old files read it as null; a column dropped, renamed or retyped in core-model is refused.</li>
 * <li><b>Partitions: period, and province as {@code truncate(2, county_code)}.</b> The province is not a stored
 * column: the transform derives it from the county code, so Iceberg turns a filter on a county
 * ({@code county_code = '640104'}, or {@code LIKE '64%'}) into a filter on the province partition by itself, for every
 * engine, and no column can disagree with the county code. Evaluations are partitioned by their year (their period);
 * rejects and submissions by their submission's period.</li>
 * <li><b>Sort order: county code.</b> A county's rows lie together in a file, so a county filter also prunes row
 * groups and files by the county code's column statistics.</li>
 * <li><b>Metrics mode {@code none} for personal columns</b> (leader and post-holder names): no name is copied into a
 * manifest as a lower or upper bound.</li>
 * <li><b>Page checksums</b>: parquet-java writes a CRC for every page; readers verify it only when told, so the Hadoop
 * configuration of the catalog sets {@code parquet.page.verify-checksum.enabled} (Spark:
 * {@code spark.hadoop.parquet.page.verify-checksum.enabled=true}). A flipped byte in a page then fails the read
 * instead of giving wrong numbers.</li>
 * <li><b>File sizes.</b> Target data file 64 MiB ({@code write.target-file-size-bytes}), row groups of 16 MiB
 * ({@code write.parquet.row-group-size-bytes}), SNAPPY. A Parquet writer holds one row group in memory, not the
 * file, so with at most two spill writers open per table the writer stays far inside {@code -Xmx512m}; 64 MiB keeps a
 * province-period partition in one file at national scale (about 15 bytes an activity: a quarter's 1.24 million
 * activities make 17 MB over 31 provinces), while the copy-on-write rewrite of one county stays a matter of seconds
 * (the whole partition is read and written again).</li>
 * </ul>
 *
 * <h2>Writing a batch</h2>
 * A {@link org.sanhui.ingestion.iceberg.Batch} is one {@code ingest} or {@code run}: one commit per table.
 * <ul>
 * <li>A submission replaces its county and period's rows of each dataset it contains; evaluations are last-wins by
 * organisation and year; submissions are appended; a later filing in the batch wins over an earlier one.</li>
 * <li>Rows are buffered, spilled beyond a memory budget into per-partition files sorted by county; at commit each
 * touched partition's files that may hold replaced rows (by county statistics) or are small (under half the target)
 * are rewritten without the replaced rows and merged with the new rows, sorted by county, in one
 * {@code OverwriteFiles} commit. No delete files, ever: every snapshot's data files hold exactly its live rows, and
 * any Parquet reader handed a snapshot's file list is right. Small files of a touched partition are compacted as a
 * side effect.</li>
 * <li><b>Atomic across tables.</b> Iceberg commits one table at a time. The submissions table commits last; its
 * snapshot summary records the batch id ({@code sanhui.batch-id}) and every other table's snapshot id
 * ({@code sanhui.snapshot.<table>}). Readers resolve every table through it
 * ({@link org.sanhui.ingestion.iceberg.BatchSnapshots}); in Spark SQL:
 * {@code SELECT summary FROM cat.sanhui.submissions.snapshots ORDER BY committed_at DESC LIMIT 1}, then
 * {@code SELECT … FROM cat.sanhui.activities VERSION AS OF <id>}. A writer that dies between two tables' commits
 * leaves commits past the recorded ids, which readers never see and which the next
 * {@link org.sanhui.ingestion.iceberg.BatchWriter} rolls back before it writes; it also deletes the data files such
 * a writer wrote and never committed. Tests reach every moment between two commits through named
 * {@link org.sanhui.ingestion.iceberg.CrashPoints}.</li>
 * <li><b>One writer.</b> The Hadoop catalog commits by an exists-check and a rename, safe for one writer process at a
 * time, so every writer holds the {@link org.sanhui.ingestion.iceberg.WriterLock}: an OS file lock on local disk, a
 * lease file with a heartbeat and an expiry on HDFS.</li>
 * </ul>
 *
 * <h2>In a JVM with Spark</h2>
 * The CLI and analytics' tests run this writer on {@code iceberg-spark-runtime}, with the plain iceberg artifacts
 * excluded: two Icebergs in one JVM clash. The runtime jar shades Parquet, so this package never touches a parquet-java
 * class itself, only Iceberg's API.
 */
package org.sanhui.ingestion.iceberg;
