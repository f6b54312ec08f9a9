package org.sanhui.ingestion.pipeline;

/**
 * A set of 64-bit key hashes (open addressing), so that a million rows' duplicate checks cost 16 MB
 * rather than a million strings. A false "seen" needs a 64-bit collision (about 1 in 10^8 for a million keys).
 */
final class SeenKeys {

    private long[] slots = new long[1024];
    private int size;
    private boolean zero;

    /** Adds a key; returns false if it was already there. */
    boolean add(String key) {
        return add(hash(key));
    }

    /** Adds a key by its 64-bit hash (keys of one set must all be hashed the same way); returns false if it was there. */
    boolean add(long h) {
        if (h == 0) {
            if (zero) {
                return false;
            }
            zero = true;
            return true;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, h)) {
            size++;
            return true;
        }
        return false;
    }

    /** Returns how many keys the set holds. */
    int size() {
        return size + (zero ? 1 : 0);
    }

    /** Returns the number of slots (for tests: the table stays at most half full, and no emptier than a quarter). */
    int capacity() {
        return slots.length;
    }

    private long touched;

    /**
     * Reads the slot a hash would go to, and nothing else: a caller with several keys to add touches them
     * all first, so that their cache misses overlap, then adds them in order.
     */
    void touch(long h) {
        long[] t = slots;
        touched += t[(int) (h ^ (h >>> 32)) & (t.length - 1)];
    }

    boolean contains(String key) {
        long h = hash(key);
        if (h == 0) {
            return zero;
        }
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slots[i] != 0) {
            if (slots[i] == h) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** Puts a hash into a table unless it is there; returns whether it was put. */
    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        return true;
    }

    /** Doubles the table; the keys moved into it are the same keys, so the count does not change. */
    private void grow() {
        long[] old = slots;
        long[] table = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                insert(table, h);
            }
        }
        slots = table;
    }

    /** FNV-1a over two interleaved lanes (even and odd characters), so the multiplications do not wait on each other. */
    static long hash(String s) {
        long a = 0xcbf29ce484222325L;
        long b = 0x84222325cbf29ce4L;
        int n = s.length();
        int i = 0;
        for (; i + 1 < n; i += 2) {
            a = (a ^ s.charAt(i)) * 0x100000001b3L;
            b = (b ^ s.charAt(i + 1)) * 0x100000001b3L;
        }
        if (i < n) {
            a = (a ^ s.charAt(i)) * 0x100000001b3L;
        }
        long h = a ^ Long.rotateLeft(b, 31) ^ n;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
