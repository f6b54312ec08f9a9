package org.sanhui.ingestion.iceberg;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a warehouse lives: a local folder or any Hadoop file-system URI ({@code hdfs://host:port/path}).
 * Always absolute, without a trailing slash.
 *
 * @param uri the location, absolute, with a scheme, never null
 */
public record WarehouseLocation(URI uri) {

    // a scheme of two or more letters, so that a Windows drive (C:\...) reads as a path
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    /**
     * Checks the URI.
     *
     * @param uri the location, null not permitted
     * @throws IllegalArgumentException if it has no scheme or is not absolute
     */
    public WarehouseLocation {
        Objects.requireNonNull(uri, "uri");
        if (uri.getScheme() == null || uri.getPath() == null || !uri.getPath().startsWith("/")) {
            throw new IllegalArgumentException("warehouse location " + uri
                    + " is not an absolute URI; expected a folder (out/warehouse) or a URI such as"
                    + " hdfs://host:8020/warehouse or file:/data/warehouse");
        }
        String s = uri.toString();
        while (s.endsWith("/") && uri.getPath().length() > 1) {
            s = s.substring(0, s.length() - 1);
            uri = URI.create(s);
        }
    }

    /**
     * Reads what a user wrote for {@code --warehouse}: a URI with a scheme ({@code hdfs://…}, {@code file:/…}),
     * else a local folder, relative to the working directory.
     *
     * @param text the location, null not permitted
     * @return the location, never null
     * @throws IllegalArgumentException if the text is blank or not a valid URI
     */
    public static WarehouseLocation parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the warehouse location is blank; expected a folder or a URI such as"
                    + " hdfs://host:8020/warehouse");
        }
        if (SCHEME.matcher(t).matches()) {
            try {
                return new WarehouseLocation(new URI(t));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("warehouse location " + t + " is not a valid URI: "
                        + e.getMessage(), e);
            }
        }
        return of(Path.of(t));
    }

    /**
     * The location of a local folder.
     *
     * @param dir the folder, null not permitted
     * @return the location, never null
     */
    public static WarehouseLocation of(Path dir) {
        return new WarehouseLocation(dir.toAbsolutePath().normalize().toUri());
    }

    /**
     * Tells whether the warehouse is on the local file system.
     *
     * @return true for a {@code file:} URI
     */
    public boolean isLocal() {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Returns the local folder, for a local warehouse.
     *
     * @return the folder, or empty for a remote file system
     */
    public Optional<Path> localPath() {
        return isLocal() ? Optional.of(Path.of(uri)) : Optional.empty();
    }

    /**
     * Returns a location under this one.
     *
     * @param child a relative path, '/'-separated, null not permitted
     * @return the URI string of the child, never null
     */
    public String resolve(String child) {
        return this + "/" + child;
    }

    /**
     * Returns the URI as a string, as Iceberg and Hadoop take it.
     *
     * @return the URI string, never null
     */
    @Override
    public String toString() {
        return uri.toString();
    }
}
