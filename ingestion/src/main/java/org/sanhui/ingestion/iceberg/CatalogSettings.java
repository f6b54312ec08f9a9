package org.sanhui.ingestion.iceberg;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Which Iceberg catalog holds the warehouse's tables, from a properties file of its own (never the rules file).
 * Without settings the catalog is Iceberg's Hadoop catalog at the warehouse location, which needs no server.
 * Otherwise the keys are Iceberg's catalog properties ({@code type=jdbc|rest|hadoop}, {@code uri},
 * {@code warehouse}, {@code jdbc.user}, {@code credential}, …; {@code catalog-impl} for any other catalog), plus:
 * <ul>
 * <li>{@code name}: the catalog's name (default {@code sanhui});</li>
 * <li>{@code namespace}: the namespace of the tables (default {@code sanhui});</li>
 * <li>{@code hadoop.<key>}: a Hadoop configuration key ({@code hadoop.dfs.replication=1}).</li>
 * </ul>
 * {@code warehouse} defaults to the warehouse location.
 */
public final class CatalogSettings {

    /** The default catalog and namespace name. */
    public static final String DEFAULT_NAME = "sanhui";

    /** The Hadoop catalog at the warehouse location. */
    public static final CatalogSettings DEFAULT = new CatalogSettings(Map.of());

    private final Map<String, String> properties;

    private CatalogSettings(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /**
     * Settings from a map.
     *
     * @param properties the properties, null not permitted
     * @return the settings, never null
     */
    public static CatalogSettings of(Map<String, String> properties) {
        return new CatalogSettings(properties);
    }

    /**
     * Reads a properties file (UTF-8).
     *
     * @param file the file, null not permitted
     * @return the settings, never null
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException if it is not a properties file
     */
    public static CatalogSettings load(Path file) {
        Objects.requireNonNull(file, "file");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog settings " + file, e);
        }
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k.strip(), p.getProperty(k).strip());
        }
        return new CatalogSettings(m);
    }

    /**
     * Returns every property as given.
     *
     * @return the properties, never null
     */
    public Map<String, String> properties() {
        return properties;
    }

    /**
     * Returns the catalog's name.
     *
     * @return the name, never null
     */
    public String name() {
        return properties.getOrDefault("name", DEFAULT_NAME);
    }

    /**
     * Returns the namespace that holds the tables.
     *
     * @return the namespace name, never null
     */
    public String namespace() {
        return properties.getOrDefault("namespace", DEFAULT_NAME);
    }

    /**
     * Returns the properties handed to Iceberg: all but {@code name}, {@code namespace} and {@code hadoop.*}.
     *
     * @return the properties, never null
     */
    public Map<String, String> icebergProperties() {
        Map<String, String> m = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (!k.equals("name") && !k.equals("namespace") && !k.startsWith("hadoop.")) {
                m.put(k, v);
            }
        });
        return m;
    }

    /**
     * Returns the Hadoop configuration keys ({@code hadoop.} stripped).
     *
     * @return the keys and values, never null
     */
    public Map<String, String> hadoopProperties() {
        Map<String, String> m = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("hadoop.")) {
                m.put(k.substring("hadoop.".length()), v);
            }
        });
        return m;
    }
}
