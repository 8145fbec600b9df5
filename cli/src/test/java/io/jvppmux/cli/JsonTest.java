package io.jvppmux.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedObjectsAndArraysWithCommasAndEscapes() {
        String s = new Json().beginObject().field("name", "a\"b\\c\n\u0001").name("list").beginArray().value(1).value(true)
                .beginObject().end().beginArray().end().end().field("x", 1.5).unsignedField("big", -1L).end().toString();
        assertThat(s).isEqualTo("{\"name\":\"a\\\"b\\\\c\\n\\u0001\",\"list\":[1,true,{},[]],\"x\":1.5,"
                + "\"big\":18446744073709551615}");
    }

    @Test
    void nonFiniteNumbersAndNullStringsAreNull() {
        assertThat(new Json().beginArray().value(Double.NaN).value((String) null).end().toString()).isEqualTo("[null,null]");
    }

    @Test
    void misuseIsRefused() {
        assertThatThrownBy(() -> new Json().beginObject().value(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new Json().beginArray().toString()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("left open");
        assertThatThrownBy(() -> new Json().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().end()).isInstanceOf(IllegalStateException.class);
    }
}
