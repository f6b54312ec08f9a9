package org.sanhui.cli.robustness;

/** The kinds of input in the corpus, the rows of the outcome table. */
public enum InputKind {
    /** Valid seed submissions (xlsx, government-style xlsx, xls, CSV in several encodings). */
    VALID("valid seeds"),
    /** Zip bombs: parts that inflate a thousandfold and more, nested archives. */
    ZIP_BOMB("zip bombs"),
    /** XML attacks: external entities, parameter entities, billion laughs, quadratic blowup. */
    XML_ENTITY("XXE / billion laughs"),
    /** Odd ZIP structure: zip-slip names, duplicate names, many entries, bad CRC, odd methods. */
    ZIP_STRUCTURE("zip structure"),
    /** Truncated and zero-byte files. */
    TRUNCATED("truncated / empty"),
    /** Password-protected workbooks. */
    ENCRYPTED("encrypted"),
    /** Formats that are not accepted: xlsb, ods, html, strict OOXML, Excel 95, others renamed. */
    OTHER_FORMAT("other formats"),
    /** Extreme grids: a cell at XFD1048576, 20,000 columns, refs out of range. */
    EXTREME_GRID("extreme grids"),
    /** A 12 MiB field in CSV and xlsx. */
    HUGE_FIELD("huge fields"),
    /** Malformed CSV: unterminated quotes, NUL bytes, ragged rows. */
    CSV_MALFORMED("malformed CSV"),
    /** Encodings: GB18030 four-byte characters, GBK, mixed encodings, UTF-16, invalid bytes. */
    ENCODING("encodings"),
    /** Mutations of valid files: byte flips. */
    MUTATION_FLIP("mutations: byte flips"),
    /** Mutations of valid files: truncations. */
    MUTATION_TRUNCATE("mutations: truncations"),
    /** Mutations of valid files: zip entries shuffled, XML damaged inside the package. */
    MUTATION_ZIP("mutations: shuffled / damaged parts");

    private final String label;

    InputKind(String label) {
        this.label = label;
    }

    /** The label in the outcome table. */
    public String label() {
        return label;
    }
}
