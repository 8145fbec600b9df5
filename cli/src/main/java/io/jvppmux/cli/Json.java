package io.jvppmux.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer for the commands' {@code --json} output (RFC 8259: strings escaped, unsigned
 * 64-bit counters written exactly, non-finite doubles as null). Misuse (a value where a name is due, an
 * unbalanced end) fails with {@link IllegalStateException}.
 */
final class Json {
    private final StringBuilder out = new StringBuilder();
    /** One entry per open container: true for an object; whether it holds a member yet is in {@link #filled}. */
    private final Deque<Boolean> objects = new ArrayDeque<>();
    private final Deque<Boolean> filled = new ArrayDeque<>();
    private boolean nameWritten;

    Json beginObject() {
        open('{', true);
        return this;
    }

    Json beginArray() {
        open('[', false);
        return this;
    }

    Json end() {
        if (objects.isEmpty() || nameWritten) {
            throw new IllegalStateException("JSON: end() without an open container, or after a name");
        }
        out.append(objects.pop() ? '}' : ']');
        filled.pop();
        return this;
    }

    Json name(String name) {
        if (objects.isEmpty() || !objects.peek() || nameWritten) {
            throw new IllegalStateException("JSON: a name outside an object: " + name);
        }
        comma();
        string(name);
        out.append(':');
        nameWritten = true;
        return this;
    }

    Json value(String s) {
        beforeValue();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    Json value(long v) {
        beforeValue();
        out.append(v);
        return this;
    }

    /** An unsigned 64-bit value, written exactly. */
    Json unsigned(long v) {
        beforeValue();
        out.append(Long.toUnsignedString(v));
        return this;
    }

    Json value(double v) {
        beforeValue();
        out.append(Double.isFinite(v) ? Double.toString(v) : "null");
        return this;
    }

    Json value(boolean v) {
        beforeValue();
        out.append(v);
        return this;
    }

    Json field(String name, String v) {
        return name(name).value(v);
    }

    Json field(String name, long v) {
        return name(name).value(v);
    }

    Json field(String name, double v) {
        return name(name).value(v);
    }

    Json field(String name, boolean v) {
        return name(name).value(v);
    }

    Json unsignedField(String name, long v) {
        return name(name).unsigned(v);
    }

    /** The document; fails when a container is still open. */
    @Override
    public String toString() {
        if (!objects.isEmpty()) {
            throw new IllegalStateException("JSON: " + objects.size() + " container(s) left open");
        }
        return out.toString();
    }

    private void open(char c, boolean object) {
        beforeValue();
        out.append(c);
        objects.push(object);
        filled.push(false);
    }

    private void beforeValue() {
        if (!objects.isEmpty()) {
            if (objects.peek() && !nameWritten) {
                throw new IllegalStateException("JSON: a value in an object needs a name first");
            }
            if (!objects.peek()) {
                comma();
            }
        } else if (out.length() > 0) {
            throw new IllegalStateException("JSON: a second top-level value");
        }
        nameWritten = false;
    }

    private void comma() {
        if (filled.peek()) {
            out.append(',');
        } else {
            filled.pop();
            filled.push(true);
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
