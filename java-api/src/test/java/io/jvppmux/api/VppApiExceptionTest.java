package io.jvppmux.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class VppApiExceptionTest {
    /** A reply with a retval and a text, as {@code cli_inband_reply}. */
    static final class TextReply implements HasRetval {
        static final MessageDescriptor<TextReply> DESCRIPTOR = new MessageDescriptor<>("text_reply", "05879051",
                MessageKind.REPLY, HeaderLayout.REPLY, TextReply.class, TextReply::new);
        int retval;
        String text = "";

        TextReply with(int r, String t) {
            retval = r;
            text = t;
            return this;
        }

        @Override
        public int retval() {
            return retval;
        }

        @Override
        public MessageDescriptor<TextReply> descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public int encodedSize() {
            return 4;
        }

        @Override
        public void encode(ByteBuffer buffer) {
            buffer.putInt(retval);
        }

        @Override
        public void decode(ByteBuffer buffer) {
            retval = buffer.getInt();
        }
    }

    @Test
    void carriesTheDecodedReplyWithItsFields() {
        TextReply reply = new TextReply().with(-1, "unknown input `frob'");
        VppApiException e = new VppApiException(reply);
        assertThat(e.retval()).isEqualTo(-1);
        assertThat(e.errorName()).isEqualTo("UNSPECIFIED");
        assertThat(e.messageName()).isEqualTo("text_reply");
        assertThat(e).hasMessage("text_reply failed: retval -1 UNSPECIFIED (Unspecified Error)");
        assertThat(e.reply()).isSameAs(reply);
        assertThat(e.reply(TextReply.class).text).isEqualTo("unknown input `frob'");
        assertThat(e.reply(HasRetval.class).retval()).isEqualTo(-1);
    }

    @Test
    void askingForAReplyItDoesNotCarryNamesTheProblem() {
        VppApiException bare = new VppApiException("sw_interface_set_flags_reply", -2);
        assertThat(bare.reply()).isNull();
        assertThatThrownBy(() -> bare.reply(TextReply.class)).isInstanceOf(IllegalStateException.class)
                .hasMessage("sw_interface_set_flags_reply (retval -2): the exception carries no reply");
        VppApiException carrying = new VppApiException(new TextReply().with(-6, ""));
        assertThatThrownBy(() -> carrying.reply(OtherReply.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("text_reply (retval -6): the reply is a ")
                .hasMessageContaining("TextReply, not a ").hasMessageContaining("OtherReply");
        assertThatThrownBy(() -> new VppApiException((HasRetval) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reply is null");
    }

    private interface OtherReply extends Message {
    }
}
