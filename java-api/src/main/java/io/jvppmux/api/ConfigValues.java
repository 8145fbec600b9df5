package io.jvppmux.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses configuration text values; every failure names the key and the value. */
final class ConfigValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)?");

    private ConfigValues() {
    }

    /** {@code 250ms}, {@code 1s}, {@code 1.5s}, {@code 2m}, {@code 1h}, ISO-8601 {@code PT1S}; a bare number is milliseconds. */
    static Duration duration(String key, String v) {
        String t = v.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw bad(key, v, "a duration such as 250ms, 1s, 2m or PT1S");
            }
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw bad(key, v, "a duration such as 250ms, 1s, 2m or PT1S");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double nanos = switch (unit) {
            case "ns" -> n;
            case "us" -> n * 1e3;
            case "ms" -> n * 1e6;
            case "s" -> n * 1e9;
            case "m" -> n * 60e9;
            default -> n * 3600e9;
        };
        return Duration.ofNanos((long) nanos);
    }

    static int integer(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    /** A byte size: a number with an optional unit k/KiB, m/MiB, g/GiB (powers of 1024). */
    static long bytes(String key, String v) {
        Matcher m = BYTES.matcher(v.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw bad(key, v, "a byte size such as 512MiB, 64k or 1048576");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (n > (Long.MAX_VALUE >> shift)) {
                throw bad(key, v, "a byte size below 2^63");
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a byte size below 2^63");
        }
    }

    static boolean bool(String key, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(key, v, "true or false");
        };
    }

    static TransportKind transport(String key, String v) {
        try {
            return TransportKind.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(key, v, "shm or socket");
        }
    }

    static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(key + ": '" + value + "' is not " + expected);
    }
}
