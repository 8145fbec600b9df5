package io.jvppmux.api.stats;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which stat names to select, with explicit semantics (VPP's C client and GoVPP match unanchored
 * regexes; here the caller says which): {@link #exact}, {@link #prefix}, {@link #regex} (the whole name
 * must match) or {@link #regexFind} (the regex may match anywhere in the name). Immutable.
 */
public final class StatsPattern {
    /** How a pattern is applied. */
    public enum Kind {
        /** The name equals the text. */
        EXACT,
        /** The name starts with the text. */
        PREFIX,
        /** The regex matches the whole name ({@link java.util.regex.Matcher#matches()}). */
        REGEX_MATCH,
        /** The regex matches somewhere in the name ({@link java.util.regex.Matcher#find()}). */
        REGEX_FIND
    }

    private static final StatsPattern ALL = new StatsPattern(Kind.PREFIX, "", null);
    private final Kind kind;
    private final String text;
    private final Pattern regex;

    private StatsPattern(Kind kind, String text, Pattern regex) {
        this.kind = kind;
        this.text = text;
        this.regex = regex;
    }

    /** Every name. */
    public static StatsPattern all() {
        return ALL;
    }

    /** Exactly {@code name}, e.g. {@code "/sys/heartbeat"}. */
    public static StatsPattern exact(String name) {
        return new StatsPattern(Kind.EXACT, Objects.requireNonNull(name, "name"), null);
    }

    /** Names starting with {@code prefix}, e.g. {@code "/if/"}; {@code ""} selects every name. */
    public static StatsPattern prefix(String prefix) {
        return new StatsPattern(Kind.PREFIX, Objects.requireNonNull(prefix, "prefix"), null);
    }

    /** Names the regex matches as a whole, e.g. {@code "/err/ip4-input/.*"}. */
    public static StatsPattern regex(String regex) {
        Objects.requireNonNull(regex, "regex");
        return new StatsPattern(Kind.REGEX_MATCH, regex, Pattern.compile(regex));
    }

    /** Names in which the regex matches somewhere (GoVPP's unanchored behaviour), e.g. {@code "drop"}. */
    public static StatsPattern regexFind(String regex) {
        Objects.requireNonNull(regex, "regex");
        return new StatsPattern(Kind.REGEX_FIND, regex, Pattern.compile(regex));
    }

    /** True when {@code name} is selected. */
    public boolean matches(String name) {
        switch (kind) {
            case EXACT:
                return name.equals(text);
            case PREFIX:
                return name.startsWith(text);
            case REGEX_MATCH:
                return regex.matcher(name).matches();
            default:
                return regex.matcher(name).find();
        }
    }

    /** How this pattern is applied. */
    public Kind kind() {
        return kind;
    }

    /** The name, prefix or regex text. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatsPattern && ((StatsPattern) o).kind == kind && ((StatsPattern) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + text + "'";
    }
}
