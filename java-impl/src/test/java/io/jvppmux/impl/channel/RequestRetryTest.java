package io.jvppmux.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.VppException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The retry recognises a lost connection by type, also when wrapped: the govppmux bug (docs/ARCHITECTURE.md, "Lifecycle") cannot happen. */
@Timeout(10)
class RequestRetryTest {
    @Test
    void aNotConnectedExceptionIsRecognisedBareOrWrapped() {
        NotConnectedException e = new NotConnectedException("not connected");
        assertThat(RequestRetry.isNotConnected(e)).isTrue();
        assertThat(RequestRetry.isNotConnected(new VppException("unable to process request", e))).isTrue();
        assertThat(RequestRetry.isNotConnected(new CompletionException(new VppException("wrapped twice", e)))).isTrue();
        assertThat(RequestRetry.isNotConnected(new NotConnectedException("a subclass instance") { })).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(RequestRetry.isNotConnected(new ReplyTimeoutException("late"))).isFalse();
        assertThat(RequestRetry.isNotConnected(new VppException("other", new IllegalStateException()))).isFalse();
        assertThat(RequestRetry.isNotConnected(null)).isFalse();
    }
}
