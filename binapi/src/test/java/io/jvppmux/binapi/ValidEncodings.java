package io.jvppmux.binapi;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Valid encodings of every generated message (random field values, arrays of up to a few elements), the fuzzers' seeds. */
final class ValidEncodings {
    /** One message type with a few valid encodings of it. */
    record Seed(MessageDescriptor<? extends Message> descriptor, List<byte[]> encodings) {
    }

    private ValidEncodings() {
    }

    /** {@code perMessage} encodings of each of the 2,093 messages, reproducible from {@code seed}. */
    static List<Seed> all(long seed, int perMessage) {
        List<Seed> seeds = new ArrayList<>();
        for (MessageDescriptor<? extends Message> d : AllMessagesRoundTripTest.all()) {
            List<byte[]> encodings = new ArrayList<>(perMessage);
            for (int i = 0; i < perMessage; i++) {
                encodings.add(encode(new RandomFiller(seed * 31 + i * 7919L + d.name().hashCode())
                        .fill(d.newInstance(), 2)));
            }
            seeds.add(new Seed(d, encodings));
        }
        return seeds;
    }

    static byte[] encode(Message m) {
        ByteBuffer b = ByteBuffer.allocate(m.encodedSize());
        m.encode(b);
        return b.array();
    }
}
