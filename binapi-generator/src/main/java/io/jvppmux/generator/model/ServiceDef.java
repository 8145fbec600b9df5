package io.jvppmux.generator.model;

import java.util.List;

/**
 * One entry of {@code services}: a request and what answers it.
 *
 * @param request   the request message
 * @param reply     the reply (or details of a dump); "null" when there is none
 * @param stream    whether replies are a stream
 * @param streamMsg the details of a cursor stream ({@code X_get}), else null
 * @param events    events enabled by the request (want_*)
 */
public record ServiceDef(String request, String reply, boolean stream, String streamMsg, List<String> events) {
}
