package io.jvppmux.stats;

/** A cached index no longer holds the cached name: resolve the pattern again (names are the identity). */
final class DirectoryChanged extends Inconsistent {
    private static final long serialVersionUID = 1L;

    DirectoryChanged(String message) {
        super(message);
    }
}
