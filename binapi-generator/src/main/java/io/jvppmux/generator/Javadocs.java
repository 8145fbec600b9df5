package io.jvppmux.generator;

/** Turns a VPP comment into safe Javadoc text. */
final class Javadocs {
    private Javadocs() {
    }

    static String of(String comment, String fallback) {
        if (comment == null || comment.isBlank()) {
            return fallback + "\n";
        }
        String c = comment.replaceAll("^\\s*/\\*+", "").replaceAll("\\*+/\\s*$", "")
                .replace("&", "&amp;").replace("*/", "*&#47;").replace("@", "&#64;").replace("$", "&#36;")
                .replace("<", "&lt;").replace(">", "&gt;").replace("\\", "&#92;");
        StringBuilder sb = new StringBuilder(fallback).append("\n<pre>\n");
        for (String line : c.split("\n")) {
            sb.append(line.replaceAll("^\\s*\\*? ?", "")).append('\n');
        }
        return sb.append("</pre>\n").toString();
    }
}
