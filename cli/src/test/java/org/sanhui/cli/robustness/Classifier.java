package org.sanhui.cli.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies what {@code sanhui validate} did with one input, from its exit code and output alone
 * (the CLI contract): exit 0 all accepted, 1 some rows or files rejected, 2 usage error, 3 failed,
 * 4 internal error; errors on stderr prefixed {@code sanhui: }; per-file counts on stdout.
 */
public final class Classifier {

    /**
     * The verdict.
     *
     * @param outcome the outcome
     * @param detail why, in a few words
     * @param counts the count lines found on stdout
     */
    public record Verdict(Outcome outcome, String detail, List<Counts> counts) {
    }

    /**
     * One line of per-file (or total) counts.
     *
     * @param read rows read
     * @param accepted rows accepted
     * @param rejected rows rejected
     * @param skipped rows skipped
     * @param line the line they came from
     * @param total whether it is a total over files rather than one file's line
     */
    public record Counts(long read, long accepted, long rejected, long skipped, String line, boolean total) {
        boolean reconciles() {
            return read == accepted + rejected + skipped;
        }
    }

    /** A stack-trace frame, a "Caused by", or the JVM's uncaught-exception line. */
    private static final Pattern STACK = Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$|^Caused by: |Exception in thread \"");
    /** A fully qualified Java class name from the usual packages. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com\\.sun|org\\.apache|org\\.dhatim|org\\.sanhui|com\\.fasterxml|scala|picocli|org\\.xml|org\\.w3c)"
                    + "\\.[a-z_$][\\w$]*(?:\\.[\\w$]+)*\\.[A-Z][\\w$]*");
    /** A simple exception or error class name (NullPointerException, ZipException, StackOverflowError). */
    private static final Pattern THROWABLE = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(read|accepted|rejected|skipped)\\s*[:=]?\\s*(\\d+)");
    /** "19 rows read = 19 accepted + 0 rejected + 0 skipped": numbers before their names (a totals line). */
    private static final Pattern VALUE_KEY = Pattern.compile("(?i)(\\d+)\\s+(?:rows\\s+)?(read|accepted|rejected|skipped)\\b");
    private static final Pattern INT = Pattern.compile("(?<![\\w.:/-])\\d+(?![\\w.:/%-])");
    /** What the leaked file (/etc/passwd, the XXE target) would show. */
    static final String LEAK_MARK = "root:x:0:0";

    private Classifier() {
    }

    /**
     * Classifies one run.
     *
     * @param entry the corpus entry
     * @param r what the child did
     * @param names the names a located message may give (the entry's name, the files of a directory)
     * @return the verdict
     */
    public static Verdict classify(CorpusEntry entry, ChildJvm.Result r, List<String> names) {
        String out = r.stdout();
        String err = r.stderr();
        String all = out + "\n" + err;
        List<Counts> counts = counts(out);
        if (r.timedOut()) {
            return new Verdict(Outcome.HANG, "no exit within " + r.took().toSeconds() + " s", counts);
        }
        if (all.contains("OutOfMemoryError")) {
            return new Verdict(Outcome.OOM, firstLine(all, "OutOfMemoryError"), counts);
        }
        if (all.contains(LEAK_MARK)) {
            return new Verdict(Outcome.LEAK, "output holds /etc/passwd content", counts);
        }
        if (r.exit() == 4) {
            return new Verdict(Outcome.CRASH, "exit 4 (internal error): " + firstMessage(err), counts);
        }
        if (r.exit() < 0 || r.exit() > 3) {
            return new Verdict(Outcome.CRASH, "undocumented exit code " + r.exit(), counts);
        }
        Matcher st = STACK.matcher(all);
        if (st.find()) {
            return new Verdict(Outcome.CRASH, "stack trace: " + st.group().strip(), counts);
        }
        Matcher q = QUALIFIED.matcher(all);
        if (q.find()) {
            return new Verdict(Outcome.CRASH, "Java class name in output: " + q.group(), counts);
        }
        Matcher t = THROWABLE.matcher(all);
        if (t.find()) {
            return new Verdict(Outcome.CRASH, "Java class name in output: " + t.group(), counts);
        }
        if (all.toLowerCase(Locale.ROOT).contains("do not reconcile")) {
            return new Verdict(Outcome.LOSS, firstLine(all, "reconcile"), counts);
        }
        for (Counts c : counts) {
            if (!c.reconciles()) {
                return new Verdict(Outcome.LOSS, "read " + c.read() + " != " + c.accepted() + " + " + c.rejected() + " + "
                        + c.skipped() + " in: " + c.line().strip(), counts);
            }
        }
        if (r.exit() == 0 && counts.isEmpty()) {
            return new Verdict(Outcome.CRASH, "exit 0 without per-file counts", counts);
        }
        if (entry.expectedDataRows() > 0) {
            long read = fileCounts(counts).stream().mapToLong(Counts::read).sum();
            long seen = fileCounts(counts).stream().mapToLong(c -> c.accepted() + c.rejected()).sum();
            // a file refused as a whole (nothing read, a message given) is a clean error, not a loss
            if (seen < entry.expectedDataRows() && r.exit() <= 1 && (r.exit() == 0 || read > 0)) {
                return new Verdict(Outcome.LOSS, "valid input of " + entry.expectedDataRows() + " data rows, only " + seen
                        + " accepted or rejected", counts);
            }
        }
        String message = firstMessage(err);
        if (r.exit() == 0) {
            return new Verdict(Outcome.PARSED, summary(counts), counts);
        }
        if (message.isEmpty() && (r.exit() != 1 || counts.isEmpty())) {
            return new Verdict(Outcome.CRASH, "exit " + r.exit() + " with no 'sanhui: ' message", counts);
        }
        if (!located(names, all)) {
            return new Verdict(Outcome.CRASH, "exit " + r.exit() + ", message does not name the file: " + message, counts);
        }
        if (r.exit() == 1 && fileCounts(counts).stream().anyMatch(c -> c.accepted() + c.rejected() > 0)) {
            return new Verdict(Outcome.PARSED, summary(counts), counts);
        }
        return new Verdict(Outcome.CLEAN_ERROR, "exit " + r.exit() + ": " + (message.isEmpty() ? problemLine(out) : message), counts);
    }

    /** Whether the output names the input: one of the names, or its stem (the name less its extension). */
    static boolean located(List<String> names, String all) {
        for (String name : names) {
            int nl = name.indexOf('\n');
            String head = nl < 0 ? name : name.substring(0, nl);
            int dot = head.lastIndexOf('.');
            if (all.contains(head) || dot > 0 && all.contains(head.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** The count lines that are per file (total lines are dropped when per-file lines exist). */
    static List<Counts> fileCounts(List<Counts> counts) {
        List<Counts> files = counts.stream().filter(c -> !c.total()).toList();
        return files.isEmpty() ? counts : files;
    }

    /**
     * Finds count lines on stdout: either "read 12 accepted 10 rejected 1 skipped 1" key-value lines,
     * or a table whose header names the four columns (read, accepted, rejected, skipped; or 读取, 接收,
     * 拒收/拒绝, 跳过) and whose rows end with the numbers in the header's order.
     *
     * @param out standard output
     * @return the count lines, in order
     */
    public static List<Counts> counts(String out) {
        List<Counts> found = new ArrayList<>();
        String[] lines = out.split("\\R");
        int[] order = null;
        int numericAfter = 0;
        for (String line : lines) {
            long[] v = {-1, -1, -1, -1};
            int hits = 0;
            Matcher kv = KEY_VALUE.matcher(line);
            while (kv.find()) {
                int i = index(kv.group(1));
                if (v[i] < 0) {
                    hits++;
                }
                v[i] = Long.parseLong(kv.group(2));
            }
            boolean total = line.toLowerCase(Locale.ROOT).matches("(?s).*\\b(total|totals)\\b.*") || line.contains("合计")
                    || line.contains("总计");
            if (hits < 4) {
                v = new long[] {-1, -1, -1, -1};
                hits = 0;
                Matcher vk = VALUE_KEY.matcher(line);
                while (vk.find()) {
                    int i = index(vk.group(2));
                    if (v[i] < 0) {
                        hits++;
                    }
                    v[i] = Long.parseLong(vk.group(1));
                }
                total |= hits == 4;
            }
            if (hits == 4) {
                found.add(new Counts(v[0], v[1], v[2], v[3], line, total));
                continue;
            }
            int[] header = header(line);
            if (header != null) {
                order = header;
                numericAfter = trailingNumericColumns(line, header);
                continue;
            }
            if (order != null && !line.isEmpty() && Character.isWhitespace(line.charAt(0)) && !line.isBlank()) {
                continue; // an indented line under a file's row: a problem, not counts
            }
            if (order != null) {
                List<Long> ints = new ArrayList<>();
                Matcher m = INT.matcher(line);
                while (m.find()) {
                    ints.add(Long.parseLong(m.group()));
                }
                int need = 4 + numericAfter;
                if (ints.size() >= need) {
                    List<Long> tail = ints.subList(ints.size() - need, ints.size() - numericAfter);
                    long[] c = new long[4];
                    for (int k = 0; k < 4; k++) {
                        c[order[k]] = tail.get(k);
                    }
                    boolean t = line.toLowerCase(Locale.ROOT).matches("(?s).*\\b(total|totals)\\b.*") || line.contains("合计")
                            || line.contains("总计");
                    found.add(new Counts(c[0], c[1], c[2], c[3], line, t));
                } else if (line.isBlank()) {
                    order = null;
                }
            }
        }
        return found;
    }

    private static int index(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "read" -> 0;
            case "accepted" -> 1;
            case "rejected" -> 2;
            default -> 3;
        };
    }

    private static final String[][] COLUMNS = {{"read", "读取"}, {"accepted", "接收"}, {"rejected", "拒收", "拒绝"}, {"skipped", "跳过"}};

    /** For a header line naming the four count columns: for each column in the line's order, its index (0 read ...). */
    private static int[] header(String line) {
        if (line.chars().anyMatch(Character::isDigit)) {
            return null;
        }
        String l = line.toLowerCase(Locale.ROOT);
        int[] pos = new int[4];
        for (int k = 0; k < 4; k++) {
            pos[k] = -1;
            for (String name : COLUMNS[k]) {
                Matcher m = Pattern.compile("(?<![a-z])" + Pattern.quote(name) + "(?![a-z])").matcher(l);
                if (m.find()) {
                    pos[k] = m.start();
                    break;
                }
            }
            if (pos[k] < 0) {
                return null;
            }
        }
        Integer[] idx = {0, 1, 2, 3};
        java.util.Arrays.sort(idx, (a, b) -> Integer.compare(pos[a], pos[b]));
        int[] order = new int[4];
        for (int k = 0; k < 4; k++) {
            order[k] = idx[k];
        }
        return order;
    }

    /** How many further column headings follow the last count column (assumed numeric, e.g. "problems"). */
    private static int trailingNumericColumns(String line, int[] order) {
        String l = line.toLowerCase(Locale.ROOT);
        int last = -1;
        for (String[] names : COLUMNS) {
            for (String n : names) {
                int i = l.lastIndexOf(n);
                if (i >= 0) {
                    last = Math.max(last, i + n.length());
                }
            }
        }
        String rest = l.substring(Math.max(0, last)).replaceAll("[|+\\-:]", " ").trim();
        if (rest.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (String tok : rest.split("\\s+")) {
            if (tok.matches("(?i)problems|errors|warnings|carried|carried_forward|问题|错误|警告|结转")) {
                n++;
            }
        }
        return n;
    }

    /** The first indented line of stdout (a problem under a file's row), else the first line. */
    static String problemLine(String out) {
        for (String line : out.split("\\R")) {
            if (!line.isBlank() && Character.isWhitespace(line.charAt(0))) {
                return line.strip();
            }
        }
        return firstLine(out, "");
    }

    static String firstMessage(String err) {
        for (String line : err.split("\\R")) {
            if (line.startsWith("sanhui: ") && line.substring(8).strip().length() >= 3) {
                return line.substring(8).strip();
            }
        }
        return "";
    }

    private static String firstLine(String text, String containing) {
        for (String line : text.split("\\R")) {
            if (line.contains(containing) && !line.isBlank()) {
                return line.strip().length() > 200 ? line.strip().substring(0, 200) : line.strip();
            }
        }
        return "";
    }

    private static String summary(List<Counts> counts) {
        long read = 0;
        long acc = 0;
        long rej = 0;
        long skip = 0;
        for (Counts c : fileCounts(counts)) {
            read += c.read();
            acc += c.accepted();
            rej += c.rejected();
            skip += c.skipped();
        }
        return "read " + read + ", accepted " + acc + ", rejected " + rej + ", skipped " + skip;
    }
}
