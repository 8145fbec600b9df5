package io.jvppmux.stats;

/**
 * Something read from the segment does not make sense (a pointer or length outside the segment, a
 * half-written name, a symlink to nowhere): seen mid-update, so the optimistic read retries. Cheap: no
 * stack trace.
 */
class Inconsistent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Inconsistent(String message) {
        super(message, null, false, false);
    }
}
