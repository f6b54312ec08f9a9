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
 * <li><b>Parquet statistics only where they prune</b>: the county code, the period, the rejects' dataset, and every
 * column that is not text. The other text columns (titles, names, keys) get none
 * ({@code write.parquet.stats-enabled.column.*}): comparing every value for a bound that no reader filters on cost
 * about 0.4 µs a row, a fifth of the encoding; and no name lands in a file footer as a bound either. Iceberg takes a
 * data file's bounds from these statistics, so the manifests hold bounds for the same columns.</li>
 * <li><b>Dictionary encoding</b> stays parquet-java's default for every column. Where values are all distinct (the
 * 1M-row workbook's titles, row numbers) parquet-java gives the dictionary up after the first page by itself:
 * switching it off per column ({@code write.parquet.dict-encoding-enabled.column.*}) for titles, row numbers and
 * hashes measured no difference (1.58 µs a row, against 1.53 with it on for titles). Where values repeat (organisations, places, types, the generator's titles) it keeps the
 * files small and lets readers prune row groups by dictionary.</li>
 * <li><b>Page checksums</b>: parquet-java writes a CRC for every page; readers verify it only when told, so the Hadoop
 * configuration of the catalog sets {@code parquet.page.verify-checksum.enabled} (Spark:
 * {@code spark.hadoop.parquet.page.verify-checksum.enabled=true}). A flipped byte in a page then fails the read
 * instead of giving wrong numbers.</li>
 * <li><b>File sizes.</b> Target data file 64 MiB ({@code write.target-file-size-bytes}), row groups of 16 MiB
 * ({@code write.parquet.row-group-size-bytes}), SNAPPY (zstd level 1 makes files 26% smaller, 11.4 against 15.5 MB
 * a million activities, for about 0.3 µs more a row; uncompressed files are 3.7 times larger and no cheaper to write,
 * as every byte still goes through the file system's checksums). Pages stay at parquet-java's 1 MiB and 20,000 rows:
 * larger pages (4 MiB, 100,000 rows) cost 0.4 µs more a row, and row groups of 4 MiB instead of 16 cost 0.8 µs more.
 * A Parquet writer holds one row group in memory, not the file, so with at most two spill writers open per table
 * the writer stays far inside {@code -Xmx512m}; 64 MiB keeps a province-period partition in one file at national scale (about 15 bytes an activity: a quarter's 1.24 million
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
 * <li><b>Encoding on a second thread.</b> The caller's thread only converts a row into a record and buffers it;
 * spills, and the merge at commit, hand rows 4,096 at a time to the batch's encoder thread
 * ({@code sanhui-iceberg-encoder}), which does the Parquet encoding, compression and writing. The hand-off is bounded
 * (at most half the memory budget waits), so the caller waits only when the encoder falls behind, and memory stays
 * within one and a half budgets. A failed write fails the next add or the commit, and nothing of the batch is
 * committed. Rows come as maps, or cheaper as arrays in the dataset's stored-column order
 * ({@link org.sanhui.ingestion.iceberg.Slice#add(Object[])}), as the pipeline's row check holds them.</li>
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
 * <h2>Cost</h2>
 * Measured with {@code IcebergWriteBenchmark} (test sources; its class comment has the commands), each shape in a
 * fresh JVM with {@code -Xmx512m -XX:+UseParallelGC} on the project's two cores while other builds ran (load average
 * 3-4). CPU time is the steadier figure there; wall times moved by a third from run to run. Medians of three runs;
 * "per row" is the process CPU of adding and committing, less the benchmark's own making of rows.
 * <ul>
 * <li><b>One county's 1,000,000 activities in one batch</b>: 5.2 µs of CPU a row (4.8-5.9), 2.7 µs without the
 * compilers and the collector; of it 0.5 µs on the caller's thread and about 2 µs on the encoder thread. The whole
 * process: 8.9 s of CPU (7.7-9.2), 6.6-9 s wall, peak heap 260-270 MB; the file is 15.5 MB.</li>
 * <li><b>A national quarter, 31 provinces × 100 counties × 400 activities, one batch</b>: 6.4 µs of CPU a row
 * (6.0-6.6), 3.6 µs without the compilers and the collector; 31 files of 0.55 MB, one per province; the process 11.5
 * s of CPU, 8.7-8.8 s wall, peak heap 300-330 MB.</li>
 * <li><b>One county resubmitted into a province-period of 150 counties × 1,000 activities</b> (the copy-on-write
 * rewrite of the partition's 2 MB file: 150,000 rows read and written again): 0.8-1.1 s of CPU and 0.7-1.1 s wall
 * once the JVM has done one, 1.9-2.3 s of CPU for the first in a fresh JVM; about 6 µs per row of the partition.</li>
 * </ul>
 * Where the time goes. A fixed cost first: a batch of 1,000 rows takes 4.0-4.8 s of process CPU, nearly all of it
 * loading and compiling the classes of logging, Hadoop, Iceberg, Avro, Jackson and Parquet (creating the six tables
 * is 0.4 s of it once the classes are loaded; opening an existing warehouse costs as much). Then, in a fresh JVM,
 * about 4 µs a row, and about 2 µs once the write path is compiled (the same batch repeated in one JVM: 1.8-2.5 µs,
 * 1.5-2 µs without the compilers and the collector). On the encoder thread the work is parquet-java's: dictionary
 * look-ups of the repeated text values (a third), definition levels (a fifth), UTF-8 encoding of strings, statistics
 * and page writing; Iceberg's layer above it is thin. The JIT compilers take 3-4 s of CPU in a 1M-row run, more than
 * the encoder thread itself.
 *
 * <h2>In a JVM with Spark</h2>
 * The CLI and analytics' tests run this writer on {@code iceberg-spark-runtime}, with the plain iceberg artifacts
 * excluded: two Icebergs in one JVM clash. The runtime jar shades Parquet, so this package never touches a parquet-java
 * class itself, only Iceberg's API.
 */
package org.sanhui.ingestion.iceberg;
