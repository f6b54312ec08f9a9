package org.sanhui.ingestion.iceberg;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;

/**
 * Opens the catalog of a warehouse: Iceberg's Hadoop catalog at the location by default, any other catalog
 * (JDBC, REST, …) from {@link CatalogSettings}.
 */
public final class WarehouseCatalog {

    /** parquet-java's switch for verifying page checksums on read (off by default). */
    public static final String VERIFY_PAGE_CHECKSUMS = "parquet.page.verify-checksum.enabled";

    private final Catalog catalog;
    private final Namespace namespace;
    private final Configuration conf;
    private final WarehouseLocation location;

    private WarehouseCatalog(Catalog catalog, Namespace namespace, Configuration conf, WarehouseLocation location) {
        this.catalog = catalog;
        this.namespace = namespace;
        this.conf = conf;
        this.location = location;
    }

    /**
     * Opens the catalog.
     *
     * @param location the warehouse location, null not permitted
     * @param settings the catalog settings, null not permitted ({@link CatalogSettings#DEFAULT} for the Hadoop
     *        catalog at the location)
     * @return the opened catalog, never null
     * @throws IllegalArgumentException if the settings name an unknown catalog type
     */
    public static WarehouseCatalog open(WarehouseLocation location, CatalogSettings settings) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(settings, "settings");
        Configuration conf = hadoopConf(settings);
        Map<String, String> props = new HashMap<>(settings.icebergProperties());
        props.putIfAbsent(CatalogProperties.WAREHOUSE_LOCATION, location.toString());
        if (!props.containsKey(CatalogUtil.ICEBERG_CATALOG_TYPE) && !props.containsKey(CatalogProperties.CATALOG_IMPL)) {
            props.put(CatalogUtil.ICEBERG_CATALOG_TYPE, CatalogUtil.ICEBERG_CATALOG_TYPE_HADOOP);
        }
        Catalog c = CatalogUtil.buildIcebergCatalog(settings.name(), props, conf);
        return new WarehouseCatalog(c, Namespace.of(settings.namespace()), conf, location);
    }

    /**
     * The Hadoop configuration the catalog and its file IO use: page checksums are verified on read.
     *
     * @param settings the settings whose {@code hadoop.*} keys are applied, null not permitted
     * @return a new configuration, never null
     */
    public static Configuration hadoopConf(CatalogSettings settings) {
        Configuration conf = new Configuration();
        conf.setBoolean(VERIFY_PAGE_CHECKSUMS, true);
        settings.hadoopProperties().forEach(conf::set);
        return conf;
    }

    /**
     * Returns the Iceberg catalog.
     *
     * @return the catalog, never null
     */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Returns the namespace of the warehouse's tables.
     *
     * @return the namespace, never null
     */
    public Namespace namespace() {
        return namespace;
    }

    /**
     * Returns the Hadoop configuration.
     *
     * @return the configuration, never null
     */
    public Configuration conf() {
        return conf;
    }

    /**
     * Returns the warehouse location (where the lock lives, whatever the catalog).
     *
     * @return the location, never null
     */
    public WarehouseLocation location() {
        return location;
    }
}
