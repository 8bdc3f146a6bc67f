package io.conduithex.adapter.web;

import io.conduithex.domain.port.request.CurrentRequest;
import java.util.Optional;
import org.slf4j.MDC;

/** The id of the request this thread serves, from the logging context the web server keeps for each request. */
public final class MdcCurrentRequest implements CurrentRequest {
    @Override
    public Optional<String> id() {
        return Optional.ofNullable(MDC.get(RequestIds.MDC_KEY));
    }
}
